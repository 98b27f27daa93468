import { describe, expect, it } from 'vitest';
import { senderRefusal, type SenderFacts } from './trusted-sender.ts';

const trusted = new Set([7]);
const fromApp: SenderFacts = { webContentsId: 7, frame: { isMainFrame: true, url: 'app://renderer/index.html#accounts' } };

describe('the IPC sender check', () => {
  it('trusts the main frame of our window showing the app', () => {
    expect(senderRefusal(fromApp, trusted)).toBeUndefined();
  });

  it('refuses a web contents the app did not open', () => {
    expect(senderRefusal({ ...fromApp, webContentsId: 8 }, trusted)).toMatch(/did not open/);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(senderRefusal({ ...fromApp, frame: { isMainFrame: false, url: 'app://renderer/index.html' } }, trusted)).toMatch(/frame inside/);
  });

  it.each([
    'https://evil.com/',
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://renderer@evil/',
    'file:///index.html',
    'about:blank',
    '',
  ])('refuses a main frame showing %j', (url) => {
    expect(senderRefusal({ ...fromApp, frame: { isMainFrame: true, url } }, trusted)).toMatch(/not the app/);
  });

  it('refuses a call whose frame has gone', () => {
    expect(senderRefusal({ webContentsId: 7, frame: undefined }, trusted)).toMatch(/gone/);
  });
});
