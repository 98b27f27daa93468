import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLaunchLink } from '../e2e/support/launch-link.ts';
import { keptTokensFileName } from '../electron/core/platform/data-folder-layout.ts';
import { launchChromium } from '../scripts/chromium.ts';
import type { HostProcess } from './host-process.ts';
import { tokensShownAt } from './page-probes.ts';
import type { CaseResult } from './report.ts';
import { summarize } from './stats.ts';

const bin = fileURLToPath(new URL('../bin/azcred.js', import.meta.url));

/** Runs the real CLI on `home` as a user in a terminal beside the open page; resolves at its exit, failing the bench if it failed. */
function azcred(args: readonly string[], home: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`azcred ${args.join(' ')} exited with ${code}: ${stderr.trim().slice(0, 300)}`)),
    );
  });
}

/**
 * A token the CLI mints reaching the open Tokens page (issue 16's push events), as
 * e2e/push-events.spec.ts proves it: browser mode's page holds its event stream, the real CLI
 * mints and keeps a new STS token (`azcred token arr NAME --fresh`) on the same data folder, and the
 * core's watch on the folder tells the page, which lists it again. Measured from the CLI's write of
 * tokens.json (its file time) to the first frame in which the page counts the new token, on the wall
 * clock both share. `home` holds the emulator's cloud and the ARR account `accountName`, and no token.
 */
export async function measurePushToPage(host: HostProcess, home: string, accountName: string, runs: number): Promise<CaseResult> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openLaunchLink(page, host.launchUrl);
    const streamOpen = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.status() === 200);
    await page.goto(`${host.url}#/tokens`);
    await page.getByRole('heading', { level: 2, name: 'No tokens minted' }).waitFor({ timeout: 30_000 });
    await streamOpen;

    const samples: number[] = [];
    const warmup = 1;
    for (let round = 0; round < warmup + runs; round++) {
      const shown = page.waitForFunction(tokensShownAt, round + 1, { polling: 'raf', timeout: 10_000 });
      await azcred(['token', 'arr', accountName, '--fresh'], home);
      const written = (await stat(path.join(home, keptTokensFileName))).mtimeMs;
      const shownAt = (await (await shown).jsonValue()) as number;
      if (round >= warmup) samples.push(shownAt - written);
    }
    return {
      id: 'ui-push-cli-token',
      title: 'CLI-minted token to its row on the open Tokens page',
      unit: 'ms',
      subject: summarize(samples),
      target: { kind: 'below', max: 1000 },
      note:
        'From the CLI writing tokens.json (its file time) to the first frame counting the new token, through the data-folder ' +
        "watch and the page's event stream (browser mode, Chromium); the CLI is `azcred token arr NAME --fresh`.",
    };
  } finally {
    await browser.close();
  }
}
