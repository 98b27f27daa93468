import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser.ts';

const url = 'http://127.0.0.1:1234/auth?token=x';

describe('browserCommand', () => {
  it('opens the default browser on a desktop', () => {
    expect(browserCommand(url, { DISPLAY: ':0' }, 'linux')).toEqual({ file: 'xdg-open', args: [url] });
    expect(browserCommand(url, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')?.file).toBe('xdg-open');
    expect(browserCommand(url, {}, 'darwin')).toEqual({ file: 'open', args: [url] });
    expect(browserCommand(url, {}, 'win32')?.args).toContain(url);
  });

  it('opens nothing in CI, when asked not to, or on Linux without a display', () => {
    expect(browserCommand(url, { CI: 'true', DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(browserCommand(url, { AZCRED_NO_BROWSER: '1' }, 'darwin')).toBeUndefined();
    expect(browserCommand(url, {}, 'linux')).toBeUndefined();
  });
});
