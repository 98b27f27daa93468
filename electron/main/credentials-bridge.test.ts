import { describe, expect, it, vi } from 'vitest';
import { createCredentialsBridge, eventChannel, type InvokeChannel, type ListenChannel } from './credentials-bridge.ts';

const noEvents: ListenChannel = () => () => undefined;

describe('the preload bridge', () => {
  it('forwards a domain.verb call on its own azcred: channel', async () => {
    const invoke = vi.fn<InvokeChannel>().mockResolvedValue({ ok: true, value: 'answer' });
    const bridge = createCredentialsBridge(invoke, noEvents);
    expect(await bridge.invoke('settings.update', { theme: 'dark' })).toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith('azcred:settings.update', { theme: 'dark' });
  });

  it.each(['', 'app', 'app.info.extra', '../app.info', 'app.info\n', 'electron-store-get-data', 'App.info', 'app.', '.info', 42, null])(
    'never sends a malformed method name %j over IPC',
    async (method) => {
      const invoke = vi.fn<InvokeChannel>();
      const result = await createCredentialsBridge(invoke, noEvents).invoke(method as string, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it("turns a rejected invoke into a result without Electron's message", async () => {
    const invoke = vi.fn<InvokeChannel>().mockRejectedValue(new Error("No handler registered for 'azcred:vault.dump'"));
    const result = await createCredentialsBridge(invoke, noEvents).invoke('vault.dump');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.stringify(result)).not.toContain('No handler');
  });

  it('hands the page only the payload of an event, on the one event channel, and stops when asked', () => {
    const heard: unknown[] = [];
    let send: ((payload: unknown) => void) | undefined;
    const listen = vi.fn<ListenChannel>((_channel, listener) => {
      send = listener;
      return () => (send = undefined);
    });
    const stop = createCredentialsBridge(vi.fn<InvokeChannel>(), listen).onEvent((event) => heard.push(event));
    expect(listen).toHaveBeenCalledWith(eventChannel, expect.any(Function));
    send?.({ type: 'accounts.changed' });
    stop();
    expect(send).toBeUndefined();
    expect(heard).toEqual([{ type: 'accounts.changed' }]);
  });
});
