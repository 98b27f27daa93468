import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run-cli.ts';
import { runAzcred } from './test-support/run-azcred.ts';

/** Runs one invocation in-process; asking for the core fails the test (help needs none). */
async function helpOf(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`), readSecret: () => Promise.reject(new Error('no secret for help')), readStdin: () => Promise.resolve(''), stdinIsTTY: false };
  const code = await runCli(argv, { io, version: '1.2.3', commands, createCore: (): Core => { throw new Error('help opened the core'); } });
  return { code, out, err };
}

describe('azcred --help', () => {
  it.each(commands.map((c) => [c.name, c] as const))('explains `azcred %s` with its usage, every option, and exits 0 without opening the vault', async (name, command) => {
    const { code, out, err } = await helpOf([...name.split(' '), '--help']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`Usage: azcred ${name}`);
    expect(out).toContain(command.summary);
    for (const option of Object.keys(command.options ?? {})) expect(out).toContain(`--${option}`);
    for (const arg of command.args ?? []) expect(out).toContain(arg.name);
  });

  it('lists every command and the documented exit codes, usage errors being 2', async () => {
    const { code, out } = await helpOf(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(out).toMatch(new RegExp(`^  ${command.name}\\s`, 'm'));
    expect(out).toMatch(/^ {2}2 +usage/m);
    for (const exit of ['0', '1', '3', '4', '5', '6', '130']) expect(out).toMatch(new RegExp(`^  ${exit} +\\S`, 'm'));
  });

  it('takes -h too, and puts a command\'s help on stdout from the real binary', async () => {
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

