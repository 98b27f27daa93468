import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataFolder, keyringSession, runAzcredOnTerminal } from './test-support/run-azcred.ts';

const key = 'Q0xJLWNhbmFyeS1rZXktdmFsdWUtMDEyMzQ1Njc4OWFiY2RlZg==';
const acsKey = 'QUNTLWNsaS1jYW5hcnkta2V5LXZhbHVlLTAxMjM0NTY3ODk=';
const folder = emptyDataFolder('azcred-cli-accounts-');
const azcred = folder.azcred;

describe.runIf(keyringSession)('azcred account commands (real keychain)', () => {
  it('adds an ARR account with its key from stdin, lists it, shows the key only with --reveal, and removes it', async () => {
    const added = await azcred(
      ['account', 'add', 'arr', 'Showroom', '--account-id', '0F6C8E4A-1B2C-4D3E-8F90-A1B2C3D4E5F6', '--account-domain', 'westeurope'],
      key,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const list = await azcred(['account', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ name: 'Showroom', accountDomain: 'westeurope.mixedreality.azure.com', hasPrimaryKey: true }),
    ]);
    expect(list.stdout).not.toContain(key);
    expect((await azcred(['account', 'show', 'showroom'])).stdout).not.toContain(key);
    expect(JSON.parse((await azcred(['account', 'show', 'showroom', '--reveal', '--json'])).stdout)).toMatchObject({ primaryKey: key });
    expect(await azcred(['account', 'remove', 'Showroom'])).toMatchObject({ code: 0 });
    expect(await azcred(['account', 'show', 'Showroom'])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('No account named "Showroom"'),
    });
  });

  it('adds an ACS resource from a piped connection string and refuses a bad one with exit 2, saving nothing', async () => {
    const good = await azcred(['account', 'add', 'acs', 'Chat'], `endpoint=https://chat.communication.azure.com/;accesskey=${acsKey}\n`);
    expect(good.code).toBe(0);
    const bad = await azcred(['account', 'add', 'acs', 'Broken'], 'endpoint=https://broken.communication.azure.com/');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('accesskey');
    const names = (JSON.parse((await azcred(['account', 'list', '--json'])).stdout) as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['Chat']);
  });

  it('keeps keys out of every file but the vault, and out of stderr', async () => {
    const files = (await readdir(folder.home)).filter((n) => !n.startsWith('vault.bin'));
    for (const name of files)
      expect(await readFile(path.join(folder.home, name), 'utf8').catch(() => '')).not.toMatch(new RegExp(`${key}|${acsKey}`));
  });

  it('answers usage errors with exit 2 and one line on stderr', async () => {
    for (const args of [
      ['account', 'add', 'arr'],
      ['account', 'list', '--bogus'],
      ['account', 'list', 'extra'],
    ]) {
      const run = await azcred(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe.runIf(keyringSession && existsSync('/usr/bin/script'))('azcred reading a key at a terminal prompt', () => {
  it('asks for the key on a terminal without echoing it, and stores what was typed', async () => {
    const typed = Buffer.from('typed-at-the-prompt-key-0123456789').toString('base64');
    const { code, screen } = await runAzcredOnTerminal(
      ['account', 'add', 'arr', 'Typed', '--account-id', '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6', '--account-domain', 'eastus'],
      { home: folder.home, prompt: 'Primary account key: ', answers: [typed] },
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain('Added Typed');
    expect(screen).not.toContain(typed);
    expect(JSON.parse((await azcred(['account', 'show', 'Typed', '--reveal', '--json'])).stdout)).toMatchObject({ primaryKey: typed });
  }, 30_000);
});
