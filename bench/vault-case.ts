import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { keychainService, keytarKeychain, type KeychainPort } from '../electron/core/vault/keychain.ts';
import { openVault, vaultFileName } from '../electron/core/vault/vault.ts';
import { readVaultMetadata } from '../electron/core/vault/vault-metadata.ts';
import { keychainAccount } from '../electron/core/vault/vault-key.ts';
import { newDataFolder } from './fixtures.ts';
import { pairedCase, type CaseResult } from './report.ts';
import { paired, summarize } from './stats.ts';

/** The real keytar port, counting the calls that reach the keychain. */
function countingKeychain(inner: KeychainPort): KeychainPort & { calls: number } {
  const port = {
    calls: 0,
    getPassword: (service: string, account: string) => (port.calls++, inner.getPassword(service, account)),
    setPassword: (service: string, account: string, password: string) => (port.calls++, inner.setPassword(service, account, password)),
    deletePassword: (service: string, account: string) => (port.calls++, inner.deletePassword(service, account)),
  };
  return port;
}

/**
 * Opening a keychain vault of `count` secrets and reading every one, as a new process does, on the
 * real keychain; against its floor: one bare keychain read plus reading the file. Also counts the
 * keychain calls one open makes.
 */
export async function measureVault(count: number, runs: number): Promise<CaseResult[]> {
  const dataFolder = await newDataFolder('vault');
  const keytar = keytarKeychain();
  try {
    const seeded = await openVault({ dataFolder, keychain: keytar });
    await seeded.setMany(
      Array.from(
        { length: count },
        (_, i) => [`account/${String(i).padStart(4, '0')}/primaryKey`, randomBytes(32).toString('base64')] as const,
      ),
    );
    seeded.close();
    const metadata = await readVaultMetadata(dataFolder);
    if (!metadata) throw new Error('The seeded vault has no vault.json.');
    const file = path.join(dataFolder, vaultFileName);
    const calls: number[] = [];
    const measured = await paired(
      async () => {
        const started = performance.now();
        const [key] = await Promise.all([keytar.getPassword(keychainService, keychainAccount(metadata.id)), readFile(file)]);
        if (!key) throw new Error('The vault key is not in the keychain.');
        return performance.now() - started;
      },
      async () => {
        const keychain = countingKeychain(keytar);
        const started = performance.now();
        const vault = await openVault({ dataFolder, keychain });
        let read = 0;
        for (const name of vault.names()) if (vault.get(name) !== undefined) read++;
        const took = performance.now() - started;
        vault.close();
        if (read !== count) throw new Error(`Read ${read} of ${count} secrets.`);
        calls.push(keychain.calls);
        return took;
      },
      { warmup: 3, runs },
    );
    const measuredCalls = calls.slice(-runs);
    return [
      pairedCase('vault-open', `Vault open + read ${count.toLocaleString('en')} secrets`, measured, 'one bare keychain read + file read', {
        kind: 'below',
        max: 30,
      }),
      {
        id: 'vault-keychain-calls',
        title: 'Keychain round trips per vault open',
        unit: 'calls',
        subject: summarize(measuredCalls),
        target: { kind: 'exactly', value: 1 },
        note: `max ${Math.max(...measuredCalls)} over ${measuredCalls.length} opens`,
      },
    ];
  } finally {
    await rm(dataFolder, { recursive: true, force: true });
  }
}
