import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { acceptableScryptParams } from './passphrase-key.ts';
import { decryptExport, encryptExport, writeExportFile } from './export-file.ts';

/** The vault's floor: fast enough for tests, and accepted when reading. */
const fast = { N: 2 ** 14, r: 8, p: 1 };
const passphrase = 'correct horse battery staple';
const plain = JSON.stringify({
  format: 'azcred.accounts',
  version: 1,
  accounts: [{ kind: 'acs', name: 'Chat', accessKey: 'c2VjcmV0LWtleQ==' }],
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

type Envelope = Record<string, unknown> & { kdf: Record<string, unknown> };

function edit(envelope: string, change: (json: Envelope) => void): string {
  const json = JSON.parse(envelope);
  change(json);
  return JSON.stringify(json);
}

/** Flips one bit of a base64 value, keeping it valid base64 of the same length. */
function flip(b64: unknown): string {
  const bytes = Buffer.from(String(b64), 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('encrypted export', () => {
  it('round-trips and carries the documented header, without the plaintext', async () => {
    const envelope = await encryptExport(plain, passphrase, fast);
    const json = JSON.parse(envelope);
    expect(Object.keys(json)).toEqual(['format', 'version', 'kdf', 'cipher', 'iv', 'tag', 'data']);
    expect(json).toMatchObject({
      format: 'azcred.accounts.encrypted',
      version: 1,
      kdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 },
      cipher: 'aes-256-gcm',
    });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(json.iv, 'base64')).toHaveLength(12);
    expect(envelope).not.toContain('c2VjcmV0LWtleQ');
    expect(await decryptExport(envelope, passphrase)).toBe(plain);
  });

  it('uses N = 2^17, r = 8, p = 1 by default', async () => {
    const envelope = JSON.parse(await encryptExport('{}', passphrase));
    expect(envelope.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('refuses a wrong passphrase on the passphrase field', async () => {
    const error = await refusal(decryptExport(await encryptExport(plain, passphrase, fast), 'correct horse battery stapler'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Wrong passphrase, or the file was changed after export.');
    expect(error.issues).toEqual([{ path: 'passphrase', message: 'Wrong passphrase, or the file was changed after export.' }]);
  });

  it.each([
    ['ciphertext', (j: Envelope) => (j.data = flip(j.data))],
    ['tag', (j: Envelope) => (j.tag = flip(j.tag))],
    ['iv', (j: Envelope) => (j.iv = flip(j.iv))],
    ['salt', (j: Envelope) => (j.kdf.salt = flip(j.kdf.salt))],
    ['cost N, within range', (j: Envelope) => (j.kdf.N = 2 ** 15)],
    ['cost r, within range', (j: Envelope) => (j.kdf.r = 9)],
  ])('refuses a file whose %s was changed, as a wrong passphrase', async (_, change) => {
    const envelope = await encryptExport(plain, passphrase, fast);
    const error = await refusal(decryptExport(edit(envelope, change), passphrase));
    expect(error.message).toBe('Wrong passphrase, or the file was changed after export.');
  });

  it.each([
    ['N = 2^30', { N: 2 ** 30 }],
    ['N = 2^19 (512 MiB)', { N: 2 ** 19 }],
    ['N not a power of two', { N: 2 ** 14 + 1 }],
    ['N below the floor', { N: 2 ** 10 }],
    ['r = 1024', { r: 1024 }],
    ['p = 64', { p: 64 }],
  ])('refuses key-derivation costs out of range (%s) before deriving anything', async (_, kdf) => {
    const envelope = await encryptExport(plain, passphrase, fast);
    const started = Date.now();
    const error = await refusal(
      decryptExport(
        edit(envelope, (j) => Object.assign(j.kdf, kdf)),
        passphrase,
      ),
    );
    expect(error.message).toMatch(/key-derivation costs outside the accepted range/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a cut-short file, a newer version and an empty passphrase, each with its own message', async () => {
    const envelope = await encryptExport(plain, passphrase, fast);
    expect((await refusal(decryptExport(envelope.slice(0, 80), passphrase))).message).toMatch(/not a complete encrypted account export/);
    expect(
      (
        await refusal(
          decryptExport(
            edit(envelope, (j) => (j.version = 2)),
            passphrase,
          ),
        )
      ).message,
    ).toMatch(/newer version .* update the app/);
    expect(
      (
        await refusal(
          decryptExport(
            edit(envelope, (j) => delete j.tag),
            passphrase,
          ),
        )
      ).message,
    ).toMatch(/not a complete/);
    expect((await refusal(decryptExport(envelope, ''))).issues).toEqual([{ path: 'passphrase', message: 'Enter the passphrase' }]);
  });

  it('will not write with costs out of range', async () => {
    expect(acceptableScryptParams({ N: 2 ** 17, r: 8, p: 1 })).toBe(true);
    expect(acceptableScryptParams({ N: 2 ** 18, r: 8, p: 4 })).toBe(true);
    expect(acceptableScryptParams({ N: 2 ** 18, r: 16, p: 1 })).toBe(false);
    await expect(encryptExport(plain, passphrase, { N: 2 ** 10, r: 8, p: 1 })).rejects.toThrow(/out of the accepted range/);
  });
});

describe('writeExportFile', () => {
  let folder: string;
  let dataFolder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'azcred-export-'));
    dataFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'azcred-export-data-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
    await fs.rm(dataFolder, { recursive: true, force: true });
  });

  const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

  it('writes the file with mode 0600 and leaves no temp file behind', async () => {
    const file = path.join(folder, 'accounts.json');
    await writeExportFile(file, '{"a":1}\n', { overwrite: false, dataFolder });
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}\n');
    if (process.platform !== 'win32') expect(await mode(file)).toBe(0o600);
    expect(await fs.readdir(folder)).toEqual(['accounts.json']);
  });

  it('refuses to replace a file unless asked, then replaces it with mode 0600 even if it was looser', async () => {
    const file = path.join(folder, 'accounts.json');
    await fs.writeFile(file, 'old', { mode: 0o644 });
    await fs.chmod(file, 0o644);
    const error = await refusal(writeExportFile(file, 'new', { overwrite: false, dataFolder }));
    expect(error.code).toBe('conflict');
    expect(error.issues?.[0]?.path).toBe('path');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    await writeExportFile(file, 'new', { overwrite: true, dataFolder });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(await mode(file)).toBe(0o600);
    expect((await fs.readdir(folder)).sort()).toEqual(['accounts.json']);
  });

  it('refuses a relative path on the path field', async () => {
    const error = await refusal(writeExportFile('accounts.json', 'x', { overwrite: false, dataFolder }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'path', message: expect.stringMatching(/full path/) }]);
  });

  it('says when the folder does not exist, or the path is a folder', async () => {
    const missing = await refusal(writeExportFile(path.join(folder, 'nope', 'accounts.json'), 'x', { overwrite: false, dataFolder }));
    expect(missing.message).toMatch(/nope does not exist: create it first/);
    expect((await refusal(writeExportFile(folder, 'x', { overwrite: true, dataFolder }))).message).toMatch(/is a folder/);
  });

  // Found by the contract fuzzer (electron/core/contract-fuzz.test.ts): Node's ENAMETOOLONG went out as `internal`.
  it('says when the file name or the path is too long for the disk', async () => {
    for (const target of [path.join(folder, 'n'.repeat(300)), path.join(folder, 'd/'.repeat(3000), 'x')]) {
      const error = await refusal(writeExportFile(target, 'x', { overwrite: false, dataFolder }));
      expect(error.message).toMatch(/too long for this disk: choose a shorter name/);
      expect(error.issues?.[0]?.path).toBe('path');
    }
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a symbolic link at the destination, even with overwrite, and leaves its target alone',
    async () => {
      const elsewhere = path.join(folder, 'elsewhere.txt');
      await fs.writeFile(elsewhere, 'keep');
      const link = path.join(folder, 'accounts.json');
      await fs.symlink(elsewhere, link);
      for (const overwrite of [false, true]) {
        const error = await refusal(writeExportFile(link, 'secret', { overwrite, dataFolder }));
        expect(error.message).toMatch(/symbolic link/);
        expect(error.issues?.[0]?.path).toBe('path');
      }
      expect(await fs.readFile(elsewhere, 'utf8')).toBe('keep');
      const dangling = path.join(folder, 'dangling.json');
      await fs.symlink(path.join(folder, 'not-there'), dangling);
      expect((await refusal(writeExportFile(dangling, 'secret', { overwrite: false, dataFolder }))).message).toMatch(/symbolic link/);
      await expect(fs.access(path.join(folder, 'not-there'))).rejects.toThrow();
    },
  );

  // Found by the contract fuzzer: an export with overwrite could replace the vault or settings.json.
  it.skipIf(process.platform === 'win32')(
    'refuses the data folder, a folder inside it, and a link or .. path into it, and leaves the vault alone',
    async () => {
      await fs.mkdir(path.join(dataFolder, 'logs'));
      await fs.writeFile(path.join(dataFolder, 'vault.bin'), 'vault bytes');
      const link = path.join(folder, 'shortcut');
      await fs.symlink(dataFolder, link);
      const targets = [
        path.join(dataFolder, 'vault.bin'),
        path.join(dataFolder, 'logs', 'report.md'),
        path.join(link, 'vault.bin'),
        path.join(folder, '..', path.basename(dataFolder), 'settings.json'),
      ];
      for (const target of targets) {
        const error = await refusal(writeExportFile(target, 'export', { overwrite: true, dataFolder }));
        expect(error.code).toBe('invalid_input');
        expect(error.message).toMatch(/inside the app's data folder.*choose another folder/);
        expect(error.issues?.[0]?.path).toBe('path');
      }
      expect(await fs.readFile(path.join(dataFolder, 'vault.bin'), 'utf8')).toBe('vault bytes');
      expect((await fs.readdir(dataFolder)).sort()).toEqual(['logs', 'vault.bin']);
      // A folder beside it whose name starts the same is not inside.
      const sibling = `${dataFolder}-exports`;
      await fs.mkdir(sibling);
      try {
        await writeExportFile(path.join(sibling, 'a.json'), 'x', { overwrite: false, dataFolder });
        expect(await fs.readFile(path.join(sibling, 'a.json'), 'utf8')).toBe('x');
      } finally {
        await fs.rm(sibling, { recursive: true, force: true });
      }
    },
  );
});
