import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract.ts';
import { createCore, type Core } from '../core/core.ts';
import { handleCall, registerContractHandlers, type InvokeEvent, type IpcRegistry } from './ipc-handle.ts';

function testCore(): Core {
  const dataFolder = mkdtempSync(path.join(tmpdir(), 'azcred-ipc-'));
  return createCore({ mode: 'test', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '9.9.9' });
}

/** An IPC event as Electron builds it, with only the fields the handler reads. */
function eventFrom(webContentsId: number, frame: { url: string; parent: unknown; destroyed?: boolean } | null): InvokeEvent {
  const senderFrame = frame && { url: frame.url, parent: frame.parent, isDestroyed: () => frame.destroyed ?? false };
  return { sender: { id: webContentsId }, senderFrame } as unknown as InvokeEvent;
}

const trusted = new Set([1]);
const appFrame = { url: 'app://renderer/index.html', parent: null };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the IPC handle() wrapper', () => {
  it('registers one channel per contract method', () => {
    const channels: string[] = [];
    const registry: IpcRegistry = { handle: (channel) => void channels.push(channel) };
    registerContractHandlers(registry, testCore(), trusted);
    expect(channels).toEqual(methodNames.map((method) => `azcred:${method}`));
  });

  it('answers a call from our window through the core', async () => {
    const result = await handleCall(testCore(), trusted, eventFrom(1, appFrame), 'app.info', undefined);
    expect(result).toMatchObject({ ok: true, value: { version: '9.9.9', mode: 'test' } });
  });

  it('validates input with the contract schema', async () => {
    const result = await handleCall(testCore(), trusted, eventFrom(1, appFrame), 'settings.update', { theme: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    ['an unknown web contents', eventFrom(2, appFrame)],
    ['a subframe', eventFrom(1, { url: 'app://renderer/index.html', parent: {} })],
    ['a foreign origin', eventFrom(1, { url: 'https://evil.com/', parent: null })],
    ['a destroyed frame', eventFrom(1, { ...appFrame, destroyed: true })],
    ['no frame at all', eventFrom(1, null)],
  ])('refuses %s as forbidden without calling the core', async (_case, event) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const core = testCore();
    const get = vi.spyOn(core.settings, 'get');
    const result = await handleCall(core, trusted, event, 'settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(get).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('refused settings.get'));
  });

  it('never passes on an unexpected error or what it says', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const core = testCore();
    vi.spyOn(core.settings, 'get').mockImplementation(() => {
      throw new Error('primary key abc123SECRET rejected at C:\\Users\\me\\vault.bin');
    });
    const result = await handleCall(core, trusted, eventFrom(1, appFrame), 'settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SECRET|vault\.bin/);
  });

  it('turns its own failure into a result instead of throwing across IPC', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const explodingEvent = {
      get sender(): never {
        throw new Error('the web contents was destroyed');
      },
      senderFrame: null,
    } as unknown as InvokeEvent;
    const result = await handleCall(testCore(), trusted, explodingEvent, 'app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('destroyed');
  });
});
