import { randomBytes, scrypt } from 'node:crypto';

/** scrypt cost parameters, recorded in the header of a passphrase vault or an encrypted export. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt cost for new passphrase vaults: N = 2^17, r = 8, p = 1 (128 MiB, roughly a quarter to half a
 * second), above OWASP's minimum (2^17 / 8 / 1). The parameters are stored per vault, so they can rise later.
 */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The scrypt costs a vault or an encrypted export may use, new or read from a file: at least the
 * floor N = 2^14, r = 8, at most 256 MiB of memory (128·N·r bytes) and p ≤ 4, so a damaged or
 * crafted header cannot make scrypt take all memory or minutes.
 */
export function acceptableScryptParams({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = Number.isSafeInteger(N) && N > 0 && (N & (N - 1)) === 0;
  return powerOfTwo && N >= 2 ** 14 && r >= 8 && r <= 16 && N * r <= 2 ** 21 && Number.isInteger(p) && p >= 1 && p <= 4;
}

/** A fresh per-vault salt, base64. */
export function newSalt(): string {
  return randomBytes(16).toString('base64');
}

/** Derives the 256-bit vault key from a passphrase. Returns null when the parameters are out of range. */
export async function derivePassphraseKey(passphrase: string, salt: string, params: ScryptParams): Promise<Buffer | null> {
  if (!acceptableScryptParams(params)) return null;
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
