import { spawn } from 'node:child_process';

/**
 * How to open a URL in the user's default browser on this machine, or undefined when there is
 * none to open: never in CI, and on Linux only with a display.
 */
export function browserCommand(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { file: string; args: string[] } | undefined {
  if (env['CI'] || env['AZCRED_NO_BROWSER']) return undefined;
  if (platform === 'darwin') return { file: 'open', args: [url] };
  if (platform === 'win32') return { file: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? { file: 'xdg-open', args: [url] } : undefined;
}

/**
 * Opens a URL in the default browser when there is one. Returns whether it tried; a failure to
 * launch is not an error, since the URL is printed anyway.
 */
export function openInDefaultBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const command = browserCommand(url, env, process.platform);
  if (!command) return false;
  const child = spawn(command.file, command.args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
