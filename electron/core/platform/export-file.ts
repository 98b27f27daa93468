import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { encryptedExportFormat } from '../../../shared/account-files-export.ts';
import { isBase64Key } from '../../../shared/base64.ts';
import { AppError } from '../../../shared/errors.ts';
import { syncFolder, writeFileAtomic, writeTempFile } from './atomic-write.ts';
import { acceptableScryptParams, defaultScryptParams, derivePassphraseKey, newSalt, type ScryptParams } from './passphrase-key.ts';

/**
 * The passphrase-encrypted export, a JSON envelope around the plain export document:
 *
 *   { "format": "azcred.accounts.encrypted", "version": 1,
 *     "kdf": { "name": "scrypt", "salt": b64, "N": 131072, "r": 8, "p": 1 },
 *     "cipher": "aes-256-gcm", "iv": b64, "tag": b64, "data": b64 }
 *
 * Every header field is AES-GCM additional data, so a changed salt, cost or version fails to
 * decrypt exactly as a wrong passphrase does.
 */
const envelopeVersion = 1;
const cipherName = 'aes-256-gcm';
const wrongPassphrase = 'Wrong passphrase, or the file was changed after export.';

const base64 = (bytes: { min: number; max: number }) =>
  z.string().refine((s) => isBase64Key(s) && byteLength(s) >= bytes.min && byteLength(s) <= bytes.max);

const envelopeSchema = z.object({
  format: z.literal(encryptedExportFormat),
  version: z.number().int(),
  kdf: z.object({
    name: z.literal('scrypt'),
    salt: base64({ min: 16, max: 64 }),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
  }),
  cipher: z.literal(cipherName),
  iv: base64({ min: 12, max: 12 }),
  tag: base64({ min: 16, max: 16 }),
  data: base64({ min: 1, max: 2 ** 31 }),
});

type Header = Omit<z.infer<typeof envelopeSchema>, 'tag' | 'data'>;

/** Encrypts the plain export document under a key derived from the passphrase; returns the envelope's text. */
export async function encryptExport(plainJson: string, passphrase: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  if (!acceptableScryptParams(params)) throw new Error('scrypt parameters out of the accepted range');
  const header: Header = {
    format: encryptedExportFormat,
    version: envelopeVersion,
    kdf: { name: 'scrypt', salt: newSalt(), N: params.N, r: params.r, p: params.p },
    cipher: cipherName,
    iv: randomBytes(12).toString('base64'),
  };
  const key = await deriveKey(passphrase, header);
  const cipher = createCipheriv(cipherName, key, Buffer.from(header.iv, 'base64'));
  cipher.setAAD(additionalData(header));
  const plaintext = Buffer.from(plainJson, 'utf8');
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  key.fill(0);
  return `${JSON.stringify({ ...header, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }, null, 2)}\n`;
}

/** Opens an encrypted export: the plain export document's text. */
export async function decryptExport(text: string, passphrase: string): Promise<string> {
  if (!passphrase)
    throw new AppError('invalid_input', 'Enter the passphrase the file was exported with.', [
      { path: 'passphrase', message: 'Enter the passphrase' },
    ]);
  const envelope = readEnvelope(text);
  const { tag, data, ...header } = envelope;
  const key = await deriveKey(passphrase, header);
  const decipher = createDecipheriv(cipherName, key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(additionalData(header));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    const plaintext = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
    const json = plaintext.toString('utf8');
    plaintext.fill(0);
    return json;
  } catch {
    throw new AppError('invalid_input', wrongPassphrase, [{ path: 'passphrase', message: wrongPassphrase }]);
  } finally {
    key.fill(0);
  }
}

function readEnvelope(text: string): z.infer<typeof envelopeSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    json = undefined;
  }
  const version = (json as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && version > envelopeVersion) {
    throw new AppError(
      'invalid_input',
      `The file was exported by a newer version of Azure Credential Manager (format ${version}; this one reads ` +
        `${envelopeVersion}): update the app to import it.`,
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data.version !== envelopeVersion) {
    throw new AppError('invalid_input', 'This is not a complete encrypted account export: it was cut short or changed after export.');
  }
  if (!acceptableScryptParams(parsed.data.kdf)) {
    throw new AppError(
      'invalid_input',
      'The file asks for key-derivation costs outside the accepted range: it was not written by this app, or it was changed after export.',
    );
  }
  return parsed.data;
}

async function deriveKey(passphrase: string, header: Header): Promise<Buffer> {
  const key = await derivePassphraseKey(passphrase, header.kdf.salt, header.kdf);
  if (!key) throw new Error('scrypt parameters out of the accepted range');
  return key;
}

/** The header as additional data, in a fixed order so the JSON's key order does not matter. */
function additionalData(header: Header): Buffer {
  const { format, version, kdf, cipher } = header;
  return Buffer.from(JSON.stringify([format, version, kdf.name, kdf.salt, kdf.N, kdf.r, kdf.p, cipher]), 'utf8');
}

function byteLength(b64: string): number {
  return (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

/**
 * Writes an export file atomically with mode 0600 (a replaced file gets a new inode, so a looser
 * mode on the old one does not carry over). Refuses a relative path, a missing folder, a folder in
 * the app's data folder (an export must never replace the vault or the app's own files), a symbolic
 * link at the destination, and an existing file unless `overwrite`.
 */
export async function writeExportFile(target: string, text: string, options: { overwrite: boolean; dataFolder: string }): Promise<void> {
  if (!path.isAbsolute(target))
    throw pathError('invalid_input', 'Choose a full path for the export file (starting at the root of a drive), not a relative one.');
  if (/[/\\]$/.test(target)) throw pathError('invalid_input', 'Choose a file name, not a folder.');
  const folder = path.dirname(target);
  await checkFolder(folder);
  await refuseDataFolder(folder, options.dataFolder);
  const existing = await lstatOrNull(target);
  if (existing?.isSymbolicLink())
    throw pathError('invalid_input', `${target} is a symbolic link: choose the file it points to, or another name.`);
  if (existing?.isDirectory()) throw pathError('invalid_input', `${target} is a folder: choose a file name inside it.`);
  if (existing && !existing.isFile()) throw pathError('invalid_input', `${target} is not a regular file: choose another name.`);
  if (existing && !options.overwrite) throw alreadyExists(target);
  const data = Buffer.from(text, 'utf8');
  try {
    if (options.overwrite) await writeFileAtomic(target, data);
    else await writeNewFile(target, data);
  } catch (error) {
    throw writeError(error, folder);
  } finally {
    data.fill(0);
  }
}

/**
 * Creates the file only if nothing is there, atomically: a complete temp file is hard-linked to the
 * name, which fails if the name was taken meanwhile. Where hard links are unsupported (FAT, some
 * network shares) it checks and renames instead.
 */
async function writeNewFile(target: string, data: Buffer): Promise<void> {
  const folder = path.dirname(target);
  const temp = await writeTempFile(target, data, { hidden: true });
  try {
    try {
      await fs.link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyExists(target);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
      if (await lstatOrNull(target)) throw alreadyExists(target);
      await fs.rename(temp, target);
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncFolder(folder);
}

async function checkFolder(folder: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw pathError('invalid_input', `The folder ${folder} does not exist: create it first, or choose another folder.`);
    throw writeError(error, folder);
  }
  if (!stats.isDirectory()) throw pathError('invalid_input', `${folder} is not a folder: choose another place for the file.`);
}

/** Compares real paths, so a symbolic link or `..` to the data folder is caught too. */
async function refuseDataFolder(folder: string, dataFolder: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const [target, data] = await Promise.all([real(folder), real(dataFolder)]);
  const inside = path.relative(data, target);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw pathError(
      'invalid_input',
      `${folder} is inside the app's data folder, where the vault and the app's own files live: choose another folder.`,
    );
  }
}

async function lstatOrNull(target: string): Promise<Stats | null> {
  try {
    return await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(error, path.dirname(target));
  }
}

function alreadyExists(target: string): AppError {
  return pathError('conflict', `${target} already exists: choose another name, or confirm to replace it.`);
}

function writeError(error: unknown, folder: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return pathError('invalid_input', `The app may not write in ${folder}: choose a folder you can write to.`);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return pathError('invalid_input', `The disk holding ${folder} is full: free some space or choose another disk.`);
  if (code === 'ENAMETOOLONG')
    return pathError(
      'invalid_input',
      'The file name or path is too long for this disk: choose a shorter name or a folder nearer the root.',
    );
  if (code === 'ELOOP')
    return pathError('invalid_input', `The path to ${folder} goes round a loop of symbolic links: choose another folder.`);
  return error;
}

function pathError(code: 'invalid_input' | 'conflict', message: string): AppError {
  return new AppError(code, message, [{ path: 'path', message }]);
}
