import { describe, expect, it, vi } from 'vitest';
import { createCredentialsBridge, type InvokeChannel } from './credentials-bridge.ts';

describe('the preload bridge', () => {
  it('forwards a domain.verb call on its own azcred: channel', async () => {
    const invoke = vi.fn<InvokeChannel>().mockResolvedValue({ ok: true, value: 'answer' });
    const bridge = createCredentialsBridge(invoke);
    expect(await bridge.invoke('settings.update', { theme: 'dark' })).toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith('azcred:settings.update', { theme: 'dark' });
  });

  it.each(['', 'app', 'app.info.extra', '../app.info', 'app.info\n', 'electron-store-get-data', 'App.info', 'app.', '.info', 42, null])(
    'never sends a malformed method name %j over IPC',
    async (method) => {
      const invoke = vi.fn<InvokeChannel>();
      const result = await createCredentialsBridge(invoke).invoke(method as string, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it("turns a rejected invoke into a result without Electron's message", async () => {
    const invoke = vi.fn<InvokeChannel>().mockRejectedValue(new Error("No handler registered for 'azcred:vault.dump'"));
    const result = await createCredentialsBridge(invoke).invoke('vault.dump');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.stringify(result)).not.toContain('No handler');
  });
});
