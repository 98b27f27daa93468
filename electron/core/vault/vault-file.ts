import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from '../platform/passphrase-key.ts';

export type { ScryptParams };

/**
 * The vault file format, version 1:
 *
 *   "AZCV" | version (u8) | header length (u32 BE) | header (UTF-8 JSON) | IV (12) | ciphertext | tag (16)
 *
 * The header is non-secret: the vault id, its mode, the scrypt parameters of a passphrase vault
 * and a key check (an HMAC of the id under the key) that tells "wrong key" from "damaged file".
 * Everything before the IV is the AES-256-GCM additional data, so a changed header fails to decrypt.
 * The plaintext is JSON `{ "secrets": { name: value } }`.
 *
 * Checked by hand rather than with zod: the CLI's cached-token path reads this file, and loading
 * zod would cost it more than the rest of the read.
 */
export const vaultFormatVersion = 1;

const magic = Buffer.from('AZCV', 'ascii');
const ivLength = 12;
const tagLength = 16;
const prefixLength = magic.length + 1 + 4;

/** The non-secret header at the start of every vault file. */
export interface VaultHeader {
  id: string;
  mode: 'keychain' | 'passphrase';
  kdf?: { name: 'scrypt'; salt: string } & ScryptParams;
  keyCheck: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header as written, or null when any field is missing or of the wrong shape. */
function parseHeader(json: unknown): VaultHeader | null {
  if (!isObject(json)) return null;
  const { id, mode, kdf, keyCheck } = json;
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) return null;
  if (mode !== 'keychain' && mode !== 'passphrase') return null;
  if (typeof keyCheck !== 'string' || keyCheck.length === 0) return null;
  if (kdf === undefined) return { id, mode, keyCheck };
  if (!isObject(kdf) || kdf['name'] !== 'scrypt' || typeof kdf['salt'] !== 'string' || kdf['salt'].length < 16) return null;
  const { N, r, p } = kdf;
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  return { id, mode, kdf: { name: 'scrypt', salt: kdf['salt'], N: N as number, r: r as number, p: p as number }, keyCheck };
}

/** The secrets of a decrypted payload, or null unless it is `{ secrets: { name: string value } }`. */
function parseSecrets(json: unknown): Map<string, string> | null {
  if (!isObject(json) || !isObject(json['secrets'])) return null;
  const entries = Object.entries(json['secrets']);
  return entries.every(([, value]) => typeof value === 'string') ? new Map(entries as [string, string][]) : null;
}

/** Why a file could not be read: `future` is left alone; `damaged` and `wrong_key` are quarantined (or refused, for a passphrase). */
export type VaultFileProblem = 'future' | 'damaged' | 'wrong_key';

/** A vault file that could not be read, and why. The message is fixed text: no file content. */
export class VaultFileError extends Error {
  readonly problem: VaultFileProblem;
  readonly version: number | undefined;

  constructor(problem: VaultFileProblem, message: string, version?: number) {
    super(message);
    this.name = 'VaultFileError';
    this.problem = problem;
    this.version = version;
  }
}

/** The key check stored in the header: proves a key is the vault's without revealing anything about it. */
export function keyCheck(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(`azcred vault key check ${id}`).digest('base64').slice(0, 22);
}

/** Reads and validates the header only (no key needed), so the id, mode and scrypt parameters are known before unlocking. */
export function readVaultHeader(file: Buffer): { header: VaultHeader; headerEnd: number } {
  if (file.length < prefixLength || !file.subarray(0, magic.length).equals(magic)) {
    throw new VaultFileError('damaged', 'not a vault file (bad magic)');
  }
  const version = file.readUInt8(magic.length);
  if (version > vaultFormatVersion) {
    throw new VaultFileError(
      'future',
      `written by a newer version of the app (format ${version}, this app reads up to ${vaultFormatVersion})`,
      version,
    );
  }
  if (version < 1) throw new VaultFileError('damaged', `unknown format version ${version}`, version);
  const headerLength = file.readUInt32BE(magic.length + 1);
  const headerEnd = prefixLength + headerLength;
  if (headerEnd + ivLength + tagLength > file.length) throw new VaultFileError('damaged', 'truncated');
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(prefixLength, headerEnd).toString('utf8'));
  } catch {
    throw new VaultFileError('damaged', 'unreadable header');
  }
  const header = parseHeader(json);
  if (!header) throw new VaultFileError('damaged', 'invalid header');
  return { header, headerEnd };
}

/** Encrypts the secrets under the key into a complete vault file. */
export function encryptVault(header: VaultHeader, key: Buffer, secrets: ReadonlyMap<string, string>): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(prefixLength);
  magic.copy(prefix, 0);
  prefix.writeUInt8(vaultFormatVersion, magic.length);
  prefix.writeUInt32BE(headerBytes.length, magic.length + 1);
  const aad = Buffer.concat([prefix, headerBytes]);
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const plaintext = Buffer.from(JSON.stringify({ secrets: Object.fromEntries(secrets) }), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return Buffer.concat([aad, iv, ciphertext, cipher.getAuthTag()]);
}

/** Decrypts a vault file. Throws VaultFileError: `wrong_key` when the key check fails, `damaged` when the file does. */
export function decryptVault(file: Buffer, key: Buffer): { header: VaultHeader; secrets: Map<string, string> } {
  const { header, headerEnd } = readVaultHeader(file);
  const expected = Buffer.from(keyCheck(key, header.id));
  const actual = Buffer.from(header.keyCheck);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new VaultFileError('wrong_key', 'the key does not match this vault');
  }
  const iv = file.subarray(headerEnd, headerEnd + ivLength);
  const tag = file.subarray(file.length - tagLength);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(file.subarray(0, headerEnd));
  decipher.setAuthTag(tag);
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(file.subarray(headerEnd + ivLength, file.length - tagLength)), decipher.final()]);
  } catch {
    throw new VaultFileError('damaged', 'failed to decrypt (the file was changed or damaged)');
  }
  let secrets: Map<string, string> | null;
  try {
    secrets = parseSecrets(JSON.parse(plaintext.toString('utf8')));
  } catch {
    secrets = null;
  } finally {
    plaintext.fill(0);
  }
  if (!secrets) throw new VaultFileError('damaged', 'decrypted but not a valid secret list');
  return { header, secrets };
}
