import { Agent } from 'node:https';
import { httpsFetch } from '../../../electron/core/azure/https-fetch.ts';
import type { RunningEmulator } from '../server.ts';
import { demoPassword, emulatorPost } from './emulator-fixtures.ts';

/**
 * Does in plain HTTP what a user does in the browser at an interactive sign-in's `authUrl`: the credentials, the consent page when
 * Entra shows one (accepted), then the self-posting form that hands the code to the app's loopback listener. Says whether consent
 * was asked, so a test can pin that Entra showed it.
 */
export async function signInAtLink(emulator: RunningEmulator, authUrl: string, userName: string): Promise<{ consentAsked: boolean }> {
  const agent = new Agent({ ca: emulator.caPem, keepAlive: false });
  let page = await (await httpsFetch(authUrl, { method: 'GET', agent })).text();
  page = await submit(emulator, page, { username: userName, password: demoPassword });
  const consentAsked = page.includes('name="decision"');
  if (consentAsked) page = await submit(emulator, page, { decision: 'accept' });
  const { action, fields } = pageForm(page);
  if (!action.startsWith('http://localhost')) throw new Error(`The sign-in did not come back to the app: ${page.slice(0, 400)}`);
  const answered = await fetch(action, { method: 'POST', body: new URLSearchParams(fields) });
  if (answered.status !== 200) throw new Error(`The app's loopback listener answered HTTP ${answered.status}`);
  return { consentAsked };
}

function pageForm(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  const action = unescape(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '');
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]),
  );
  return { action, fields };
}

async function submit(emulator: RunningEmulator, html: string, extra: Record<string, string>): Promise<string> {
  const { action, fields } = pageForm(html);
  return (await emulatorPost(emulator, action, { ...fields, ...extra })).text();
}
