import { describe, expect, it } from 'vitest';
import { loggedCommandLine } from './logged-command-line.ts';

describe('the command line the access log names', () => {
  it('keeps the command and the options given, never their values or the names typed', () => {
    expect(loggedCommandLine(['token', 'acs', 'Chat', '--scopes', 'chat,voip', '--user=test user', '--json'], 2)).toBe(
      'azcred token acs --scopes --user --json',
    );
    expect(loggedCommandLine(['account', 'show', 'Showroom', '--reveal'], 2)).toBe('azcred account show --reveal');
  });

  it('keeps only the program’s name after --', () => {
    expect(loggedCommandLine(['run', '--identity', 'ci', '--', '/usr/bin/node', 'deploy.js', '--token', 'x'], 1)).toBe(
      'azcred run --identity -- node',
    );
  });
});
