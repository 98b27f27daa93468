import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataFolder, keyringSession } from './test-support/run-azcred.ts';

const oldKey = 'T0xELWNsaS1rZXktdmFsdWUtMDEyMzQ1Njc4OWFiY2RlZg==';
const newKey = 'TkVXLWNsaS1rZXktdmFsdWUtMDEyMzQ1Njc4OWFiY2RlZg==';
const connectionString = (key: string) => `endpoint=https://chat.communication.azure.com/;accesskey=${key}\n`;
const folder = emptyDataFolder('azcred-cli-vault-');
const azcred = folder.azcred;

describe.runIf(keyringSession)('azcred vault backups and restore (real keychain)', () => {
  it('keeps the last good copy through an account add after a damaged vault file, and azcred vault restore brings the old key back', async () => {
    expect(await azcred(['account', 'add', 'acs', 'Old'], connectionString(oldKey))).toMatchObject({ code: 0, stderr: '' });
    const file = path.join(folder.home, 'vault.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(file, bytes);

    // The next command quarantines the file; azcred info says so and names the restore step.
    const info = await azcred(['info']);
    expect(info.stdout).toMatch(/could not be decrypted.*azcred vault restore/);
    expect(await azcred(['account', 'add', 'acs', 'New'], connectionString(newKey))).toMatchObject({ code: 0 });

    const listed = await azcred(['vault', 'backups']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^vault-\S+\.bin\s+\S+\s+1 secret\s+before the damaged file was moved aside$/m);

    const restored = await azcred(['vault', 'restore']);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(
      /^Restored the last backup\. The vault holds 1 secret\. The file it replaced was kept as another backup\.$/m,
    );
    expect(JSON.parse((await azcred(['account', 'show', 'Old', '--reveal', '--json'])).stdout)).toMatchObject({
      connectionString: expect.stringContaining(oldKey),
    });
    expect((await azcred(['info'])).stdout).not.toMatch(/could not be decrypted/);
  });

  it('lists its commands under azcred vault --help, and vault new does nothing without --yes (exit 2)', async () => {
    const help = await azcred(['vault', '--help']);
    expect(help.code).toBe(0);
    for (const command of ['backups', 'restore', 'acknowledge', 'new']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    const refused = await azcred(['vault', 'new'], 'a new passphrase long\n');
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('Run it again with --yes to confirm') });
    expect(await azcred(['vault', 'restore', '../vault.json'])).toMatchObject({ code: 2 });
  });
});
