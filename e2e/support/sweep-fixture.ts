import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  accessLogEntries,
  CanaryList,
  canary,
  captureProcessOutput,
  errorMessagesShown,
  fieldsTheBrowserKeeps,
  isVaultFile,
  recordApiAnswers,
  whatThePageShows,
  type Finding,
} from './canary-sweep.ts';
import { expect, test as base, type AppOnEmulator } from './emulator-fixture.ts';

/** Contract methods whose answer is meant to carry a secret to the page, because the user asked to see or copy it. */
const revealingMethods = new Set(['accounts.reveal', 'tokens.reveal']);
const planted = 'planted';

export interface Sweep {
  page: Page;
  context: BrowserContext;
  secrets: CanaryList;
  /**
   * Records the error messages on screen and checks the page holds no secret now (nothing is
   * revealed), unless a dialog still holds what the user typed (`typedInDialog`).
   */
  checkpoint(step: string, options?: { typedInDialog?: boolean }): Promise<void>;
}

export interface SweepOptions {
  /** Files the journey makes the app write to its data folder: the control that the scan read them. */
  appFiles?: string[];
}

/** A Chromium with its profile on disk, so Local Storage, IndexedDB, caches and cookies land in files the sweep reads. */
interface ProfileOnDisk {
  folder: string;
  context: BrowserContext;
}

/**
 * `sweep(journey)` runs the journey with distinctive secrets in a Chromium whose profile is on
 * disk, then scans every place a secret must not be: the data folder outside the vault, the
 * profile, what the host and core printed, the page's console, the errors shown and the contract's
 * answers. A planted secret proves each place was read and can fail the test.
 *
 * The profile is a fixture so that a test that runs out of time has its browser closed and its
 * profile removed before the app goes: the journey left running then stops at its next step.
 */
export const test = base.extend<{
  profileOnDisk: ProfileOnDisk;
  sweep: (journey: (sweep: Sweep) => Promise<void>, options?: SweepOptions) => Promise<void>;
}>({
  // `app` is named so this is set up after the app and torn down before it.
  profileOnDisk: async ({ app, launchOptions, playwright }, use) => {
    void app;
    const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-profile-'));
    const context = await playwright.chromium.launchPersistentContext(folder, {
      ...launchOptions,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await use({ folder, context });
    await context.close();
    await rm(folder, { recursive: true, force: true });
  },
  sweep: async ({ app, profileOnDisk }, use) => {
    await use((journey, options = {}) => sweep(app, profileOnDisk, journey, options));
  },
});

export { expect };

async function sweep(
  app: AppOnEmulator,
  profile: ProfileOnDisk,
  journey: (sweep: Sweep) => Promise<void>,
  { appFiles = ['accounts.json', 'settings.json'] }: SweepOptions,
): Promise<void> {
  const { context } = profile;
  const output = captureProcessOutput();
  const findings: Finding[] = [];
  const secrets = new CanaryList();
  const plantedValue = secrets.add(planted, canary(planted));
  const errorsShown: string[] = [];
  const consoleLines: string[] = [];
  let reached = 'opening the app';
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLines.push(message.text()));
    const answers = recordApiAnswers(page);
    const checkpoint: Sweep['checkpoint'] = (step, options = {}) =>
      test.step(`checkpoint: ${step}`, async () => {
        reached = step;
        if (!options.typedInDialog) findings.push(...secrets.find(`the page after “${step}”`, await whatThePageShows(page)));
        findings.push(...(await fieldsTheBrowserKeeps(page, secrets)));
        errorsShown.push(...(await errorMessagesShown(page)));
      });
    await app.open(page);
    await journey({ page, context, secrets, checkpoint });

    // The self-check: the planted secret goes in each place the sweep reads, and must be found there.
    await test.step('plant the self-check secret', async () => {
      await page.evaluate((value) => {
        // Runs in the page; this file is also type-checked without the DOM library, hence the shapes spelled out.
        type Storage = { setItem(key: string, value: string): void };
        type El = { setAttribute(name: string, value: string): void; textContent: string | null; value: string };
        const { document, localStorage, sessionStorage } = globalThis as unknown as {
          localStorage: Storage;
          sessionStorage: Storage;
          document: { createElement(tag: string): El; body: { append(...nodes: El[]): void } };
        };
        localStorage.setItem('sweep-self-check', value);
        sessionStorage.setItem('sweep-self-check', value);
        const shown = document.createElement('div');
        shown.setAttribute('data-code', 'internal');
        shown.textContent = `Failed with ${value}`;
        const field = document.createElement('textarea');
        field.value = value;
        document.body.append(shown, field);
        console.info(`self-check ${value}`);
      }, plantedValue);
      await checkpoint('the self-check');
      console.error(`[sweep self-check] ${plantedValue}`);
      await writeFile(path.join(app.dataFolder, 'self-check.log'), plantedValue);
    });
    reached = 'the self-check';
    await test.step('close the browser and the core', async () => {
      await context.close();
      await app.core.close();
    });

    reached = 'closing the browser and the core';
    const { inData } = await test.step('scan the data folder, the profile, the output, the errors and the answers', async () => {
      const inData = await secrets.findInFolder(app.dataFolder, 'data folder', isVaultFile);
      const inProfile = await secrets.findInFolder(profile.folder, 'Chromium profile');
      findings.push(...inData.findings, ...inProfile.findings);
      findings.push(...secrets.find('the host and core output', output.text()));
      findings.push(...secrets.find('the page console', consoleLines.join('\n')));
      for (const message of errorsShown) findings.push(...secrets.find(`an error on screen (${message.slice(0, 60)}…)`, message));
      for (const { method, body } of answers) {
        if (body.startsWith('{"ok":false')) findings.push(...secrets.find(`the error ${method} returned`, body));
        else if (!revealingMethods.has(method)) findings.push(...secrets.find(`the answer to ${method}`, body));
      }
      return { inData };
    });

    // Each place was read and can hold a finding: the planted secret was found in all of them.
    const plantedIn = findings.filter((f) => f.secret === planted).map((f) => f.where);
    expect(plantedIn, 'the planted secret is found in every place scanned').toEqual(
      expect.arrayContaining([
        'data folder/self-check.log',
        expect.stringMatching(/^Chromium profile\/.*Local Storage/),
        'the host and core output',
        'the page console',
        expect.stringMatching(/^an error on screen/),
        'the page after “the self-check”',
        expect.stringMatching(/^a field whose value the browser saves/),
      ]),
    );
    expect(inData.files, 'the data folder scan read the app’s files').toEqual(expect.arrayContaining(appFiles));
    // The access log is one of the files scanned: it names each secret the page was given (a reveal, or the value for the page's
    // own copy), so it is there, holds an entry for each, and (with the rest of the folder, above) none of the values.
    const revealedToPage = answers.filter((a) => revealingMethods.has(a.method) && a.body.startsWith('{"ok":true')).length;
    const logged = (await accessLogEntries(app.dataFolder)).filter(
      (e) => e.to.front === 'browser' && ['reveal', 'copy'].includes(e.action),
    );
    expect(inData.files, 'the data folder scan read the access log').toContain('access-log.jsonl');
    expect(logged.length, 'the access log has an entry for each secret the page was given').toBeGreaterThanOrEqual(revealedToPage);
    expect(
      answers.some((a) => revealingMethods.has(a.method) && secrets.find('', a.body).length > 0),
      'the answers recorded include a revealed secret',
    ).toBe(true);
    expect(findings.filter((f) => f.secret !== planted)).toEqual([]);
  } catch (error) {
    // After a timeout the app and the profile are taken down under the journey, which goes on and
    // then fails on a missing folder or a closed page: that is a consequence, not the cause.
    if (test.info().status !== 'timedOut') throw error;
    throw new Error(
      `The sweep ran out of time after “${reached}” (what failed next, once the app was gone: ${String(error).split('\n')[0]})`,
      { cause: error },
    );
  } finally {
    output.stop();
  }
}
