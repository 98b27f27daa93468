import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caFileName, loadOrCreateCertificateAuthority } from '../certificates.ts';
import { repoEmulatorFolder } from '../server.ts';

/**
 * Runs once in vitest's main process, before the forked workers start: it makes (or reuses) the
 * emulator's test CA and sets NODE_EXTRA_CA_CERTS, which each worker's Node reads at start-up, so
 * official SDK clients trust the emulator without any change to their code. `startEmulator` finds
 * the same CA through AZCRED_EMULATOR_CA_DIR.
 */
export default async function setup(): Promise<void> {
  const folder = process.env['AZCRED_EMULATOR_CA_DIR'] ?? join(repoEmulatorFolder, 'test-ca');
  const ca = await loadOrCreateCertificateAuthority(folder);
  process.env['AZCRED_EMULATOR_CA_DIR'] = folder;
  const existing = process.env['NODE_EXTRA_CA_CERTS'];
  const ownFile = join(folder, caFileName);
  if (!existing || existing === ownFile || !existsSync(existing)) {
    process.env['NODE_EXTRA_CA_CERTS'] = ownFile;
    return;
  }
  // Node reads one extra-CA file: keep whatever was already trusted and add the emulator's CA.
  const bundle = join(folder, 'ca-bundle.pem');
  if (existing !== bundle) writeFileSync(bundle, `${readFileSync(existing, 'utf8').trim()}\n${ca.certPem.trim()}\n`);
  process.env['NODE_EXTRA_CA_CERTS'] = bundle;
}
