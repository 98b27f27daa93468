import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, externalLinkOpener, guardWebContents, signInPageOpener } from './security-guards.ts';

/** A web contents that only records: events go through an EventEmitter, as in Electron. */
function fakeContents() {
  const emitter = new EventEmitter();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => void (windowOpenHandler = handler),
  });
  const openWindow = (url: string) => windowOpenHandler?.({ url });
  return { contents: contents as unknown as WebContents, emitter, openWindow };
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('guards on every web contents', () => {
  it('keeps navigation inside the app and hands allowed links to the system browser', () => {
    const { contents, emitter } = fakeContents();
    const openExternally = vi.fn(() => true);
    guardWebContents(contents, openExternally);

    const inApp = navigationEvent('app://renderer/index.html#roles');
    emitter.emit('will-navigate', inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();

    const docs = navigationEvent('https://learn.microsoft.com/azure/');
    emitter.emit('will-navigate', docs);
    expect(docs.preventDefault).toHaveBeenCalled();
    expect(openExternally).toHaveBeenCalledWith('https://learn.microsoft.com/azure/');

    const evil = navigationEvent('https://evil.com/');
    emitter.emit('will-navigate', evil);
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(openExternally).toHaveBeenCalledTimes(1);
  });

  it('stops every subframe navigation', () => {
    const { contents, emitter } = fakeContents();
    guardWebContents(contents, () => true);
    const subframe = navigationEvent('app://renderer/index.html', false);
    emitter.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening allowed links outside instead', () => {
    const { contents, openWindow } = fakeContents();
    const openExternally = vi.fn(() => true);
    guardWebContents(contents, openExternally);
    expect(openWindow('https://portal.azure.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://renderer/index.html')).toEqual({ action: 'deny' });
    expect(openWindow('https://evil.com/')).toEqual({ action: 'deny' });
    expect(openExternally).toHaveBeenCalledTimes(1);
  });

  it('prevents <webview> from attaching and cancels Bluetooth device picking', () => {
    const { contents, emitter } = fakeContents();
    guardWebContents(contents, () => true);
    const attach = { preventDefault: vi.fn() };
    emitter.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    const pick = { preventDefault: vi.fn() };
    const choose = vi.fn();
    emitter.emit('select-bluetooth-device', pick, [{ deviceId: 'a' }], choose);
    expect(pick.preventDefault).toHaveBeenCalled();
    expect(choose).toHaveBeenCalledWith('');
  });
});

describe('permissions', () => {
  it('refuses every request, check and device', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: never) => void (handlers['request'] = handler),
      setPermissionCheckHandler: (handler: never) => void (handlers['check'] = handler),
      setDevicePermissionHandler: (handler: never) => void (handlers['device'] = handler),
    } as unknown as Session;
    denyAllPermissions(session);

    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      (handlers['request'] as (...args: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers['check'] as (...args: unknown[]) => boolean)(null, permission, 'app://renderer', {})).toBe(false);
    }
    expect((handlers['device'] as (...args: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('opens only allow-listed https links', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const openExternalSafely = externalLinkOpener(shell);
    expect(openExternalSafely('https://github.com/')).toBe(true);
    expect(openExternalSafely('https://learn.microsoft.com@evil.com/')).toBe(false);
    expect(openExternalSafely('file:///bin/sh')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/');
  });
});

describe('opening a sign-in page for the core', () => {
  it('opens an https authority of any cloud, and refuses anything else', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const open = signInPageOpener(shell);
    await open('https://login.emulator.test:8443/organizations/oauth2/v2.0/authorize?client_id=x');
    await expect(open('http://login.example/authorize')).rejects.toThrow('https only');
    await expect(open('file:///etc/passwd')).rejects.toThrow('https only');
    await expect(open('not a url')).rejects.toThrow('https only');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
