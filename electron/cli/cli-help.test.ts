import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core.ts';
import { commands } from './commands/index.ts';
import { commandGroups } from './help.ts';
import { runCli } from './run-cli.ts';
import { runAzcred } from './test-support/run-azcred.ts';

/** Runs one invocation in-process; asking for the core fails the test (help needs none). */
async function helpOf(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += `${t}\n`),
    err: (t: string) => void (err += `${t}\n`),
    readSecret: () => Promise.reject(new Error('no secret for help')),
    readStdin: () => Promise.resolve(''),
    askHidden: () => Promise.reject(new Error('no passphrase for help')),
    stdinIsTTY: false,
    columns: 100,
  };
  const code = await runCli(argv, {
    io,
    version: '1.2.3',
    commands,
    createCore: (): Core => {
      throw new Error('help opened the core');
    },
  });
  return { code, out, err };
}

describe('azcred --help', () => {
  it.each(commands.map((c) => [c.name, c] as const))(
    'explains `azcred %s` with its usage, every option, and exits 0 without opening the vault',
    async (name, command) => {
      const { code, out, err } = await helpOf([...name.split(' '), '--help']);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      expect(out).toContain(`Usage: azcred ${name}`);
      expect(out).toContain(command.summary);
      for (const option of Object.keys(command.options ?? {})) expect(out).toContain(`--${option}`);
      for (const arg of command.args ?? []) expect(out).toContain(arg.name);
    },
  );

  it('lists every command and the documented exit codes, usage errors being 2', async () => {
    const { code, out } = await helpOf(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(out).toMatch(new RegExp(`^  ${command.name}\\s`, 'm'));
    expect(out).toMatch(/^ {2}2 +usage/m);
    for (const exit of ['0', '1', '3', '4', '5', '6', '7', '130']) expect(out).toMatch(new RegExp(`^  ${exit} +\\S`, 'm'));
  });

  it("names --version and the three ways to give a passphrase vault's passphrase", async () => {
    const { out } = await helpOf(['--help']);
    for (const named of ['--version', 'AZCRED_VAULT_PASSPHRASE', '--passphrase-stdin', 'asking on the terminal without echo'])
      expect(out).toContain(named);
  });

  it("takes -h too, and puts a command's help on stdout from the real binary", async () => {
    expect((await helpOf(['token', 'arr', '-h'])).out).toContain('Usage: azcred token arr NAME');
    const home = await mkdtemp(path.join(os.tmpdir(), 'azcred-help-'));
    try {
      const run = await runAzcred(['run', '--help'], { home });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Usage: azcred run');
      expect(run.stdout).toContain('-- COMMAND [ARGS]');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('azcred GROUP --help', () => {
  it('knows the groups a user types: account, account add, acs, acs identity, app, identity, token, sign, serve, cloud, vault', () => {
    expect(commandGroups(commands).sort()).toEqual([
      'account',
      'account add',
      'acs',
      'acs identity',
      'app',
      'cloud',
      'identity',
      'serve',
      'sign',
      'token',
      'vault',
    ]);
  });

  it.each(commandGroups(commands))(
    'lists every command of `azcred %s` with its summary, with --help or alone, and exits 0 without opening the vault',
    async (group) => {
      const members = commands.filter((c) => c.name.startsWith(`${group} `));
      expect(members.length).toBeGreaterThan(0);
      for (const argv of [[...group.split(' '), '--help'], [...group.split(' '), '-h'], group.split(' ')]) {
        const { code, out, err } = await helpOf(argv);
        expect({ argv, code, err }).toEqual({ argv, code: 0, err: '' });
        expect(out).toContain(`Usage: azcred ${group} <command>`);
        for (const command of members)
          expect(out).toMatch(
            new RegExp(`^  ${command.name.slice(group.length + 1)}\\s+${command.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
          );
        expect(out).toContain(`azcred ${group} <command> --help`);
      }
    },
  );

  it("answers an unknown command in a group with exit 2 and the group's help to run", async () => {
    const { code, out, err } = await helpOf(['token', 'frobnicate']);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain('unknown command "token frobnicate"');
    expect(err).toContain('azcred token --help');
  });
});

describe('azcred --version', () => {
  it('prints the version in package.json from the real binary, as --version and -V', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const home = await mkdtemp(path.join(os.tmpdir(), 'azcred-version-'));
    try {
      for (const flag of ['--version', '-V'])
        expect(await runAzcred([flag], { home })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
