import type { Browser, Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLaunchLink } from '../e2e/support/launch-link.ts';
import { launchChromium } from '../scripts/chromium.ts';
import type { HostProcess } from './host-process.ts';
import { accountsShownAt, addPlainInput, nextKeystrokeToPaint } from './page-probes.ts';
import { pairedCase, type CaseResult } from './report.ts';
import { paired, summarize } from './stats.ts';

export interface BrowserRuns {
  navigation: number;
  filter: number;
  /** Countdown windows per side, and how long each lasts. */
  countdownWindows: number;
  countdownSeconds: number;
}

/** A page signed in to `host` through its launch link, in a browser context of its own (the session cookie is per host, not per port). */
async function signedIn(browser: Browser, host: HostProcess): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLaunchLink(page, host.launchUrl);
  return page;
}

/**
 * A full page load of `url` (from about:blank), in milliseconds from the navigation's start to the
 * first animation frame in which `ready` holds (checked every frame, in the page's own clock).
 */
async function navigationMs(page: Page, url: string, accounts: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // The page's CSP allows no eval, so the check is a function Playwright passes in, not a string.
  const handle = await page.waitForFunction(accountsShownAt, accounts, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** From a key pressed in `selector` to the painted frame after `watched` changed, in milliseconds. */
async function keystrokeToPaintMs(page: Page, selector: string, watched: string, key: string): Promise<number> {
  const probe = page.evaluate(nextKeystrokeToPaint, { selector, watched });
  await page.focus(selector);
  await page.keyboard.press(key);
  return probe;
}

/**
 * Scripting per second of wall time over a window of `seconds`, with the page as it is: Chromium's
 * own count of main-thread script time (ScriptDuration), read before and after on one CDP session
 * (the counters start when a session enables them).
 */
async function scriptingPerSecond(page: Page, seconds: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const scriptMs = async () => {
      const value = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value;
      if (value === undefined) throw new Error('Chromium reported no ScriptDuration.');
      return value * 1000;
    };
    const before = await scriptMs();
    const started = performance.now();
    await sleep(seconds * 1000);
    const after = await scriptMs();
    return (after - before) / ((performance.now() - started) / 1000);
  } finally {
    await cdp.detach();
  }
}

/**
 * The UI cases in Chromium against two browser-mode hosts in their own processes: `full` holds
 * the accounts and live tokens, `empty` an empty data folder (the same pages with nothing in them).
 */
export async function measureBrowser(
  full: HostProcess,
  empty: HostProcess,
  accounts: number,
  tokens: number,
  runs: BrowserRuns,
): Promise<CaseResult[]> {
  const browser = await launchChromium();
  try {
    const fullPage = await signedIn(browser, full);
    const emptyPage = await signedIn(browser, empty);
    const rss = { full: [] as number[], empty: [] as number[] };

    // Navigation: a fresh load of the Accounts page to its rendered list; the host's memory is read after each.
    const navigation = await paired(
      async () => {
        const ms = await navigationMs(emptyPage, `${empty.url}#/accounts`, 0);
        rss.empty.push(await empty.rssMb());
        return ms;
      },
      async () => {
        const ms = await navigationMs(fullPage, `${full.url}#/accounts`, accounts);
        rss.full.push(await full.rssMb());
        return ms;
      },
      { warmup: 2, runs: runs.navigation },
    );

    // Filter keystroke: alternately type a digit (the list narrows) and delete it (it grows back).
    await fullPage.evaluate(addPlainInput);
    const search = 'input[aria-label="Search accounts"]';
    const count = '[data-testid="account-count"]';
    let typed = 0;
    let typedPlain = 0;
    const filter = await paired(
      () => keystrokeToPaintMs(fullPage, '#bench-plain-input', '#bench-plain-echo', typedPlain++ % 2 === 0 ? '7' : 'Backspace'),
      () => keystrokeToPaintMs(fullPage, search, count, typed++ % 2 === 0 ? '7' : 'Backspace'),
      { warmup: 2, runs: runs.filter },
    );

    // Countdowns: the Tokens page with every token counting down, against the same page with none.
    await fullPage.goto(`${full.url}#/tokens`);
    await fullPage
      .getByTestId('token-count')
      .filter({ hasText: `${tokens.toLocaleString('en')} tokens` })
      .waitFor({ timeout: 30_000 });
    await emptyPage.goto(`${empty.url}#/tokens`);
    await emptyPage.getByRole('heading', { level: 1 }).waitFor();
    const countdowns = await paired(
      () => scriptingPerSecond(emptyPage, runs.countdownSeconds),
      () => scriptingPerSecond(fullPage, runs.countdownSeconds),
      { warmup: 0, runs: runs.countdownWindows },
    );

    const listed = accounts.toLocaleString('en');
    return [
      pairedCase('ui-navigation', `Navigation to the rendered list, ${listed} accounts`, navigation, 'same page, no accounts', {
        kind: 'below',
        max: 500,
      }),
      pairedCase('ui-filter-keystroke', 'Filter keystroke to paint (search box)', filter, 'plain <input> echoing its value, same page', {
        kind: 'below',
        max: 50,
      }),
      pairedCase(
        'ui-countdowns',
        `Scripting per second, ${tokens.toLocaleString('en')} live countdowns (Tokens page)`,
        countdowns,
        'Tokens page, no tokens',
        { kind: 'below', max: 5 },
        {
          unit: 'ms/s',
          note:
            `Chromium's ScriptDuration (CDP Performance.getMetrics) over ${runs.countdownWindows} windows of ` +
            `${runs.countdownSeconds} s per side.`,
        },
      ),
      {
        id: 'host-rss',
        title: `Browser-mode host RSS, ${listed} accounts listed`,
        unit: 'MB',
        subject: summarize(rss.full.slice(-runs.navigation)),
        baseline: { label: 'same host, empty data folder', summary: summarize(rss.empty.slice(-runs.navigation)) },
        target: { kind: 'below', max: 150 },
        note:
          'VmRSS of the host process (node dist/web/main.mjs, the bundle npm start -- --browser runs) after each load of the ' +
          'Accounts page.',
      },
    ];
  } finally {
    await browser.close();
  }
}
