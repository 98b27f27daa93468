import { spawn } from 'node:child_process';

/**
 * Opens a URL in the user's default browser when there is one to open: never in CI, and on Linux
 * only with a display. Returns whether it tried; a failure to launch is not an error, since the
 * URL is printed anyway.
 */
export function openInDefaultBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['CI'] || env['AZCRED_NO_BROWSER']) return false;
  const command =
    process.platform === 'darwin'
      ? { file: 'open', args: [url] }
      : process.platform === 'win32'
        ? { file: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
        : env['DISPLAY'] || env['WAYLAND_DISPLAY']
          ? { file: 'xdg-open', args: [url] }
          : undefined;
  if (!command) return false;
  const child = spawn(command.file, command.args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
