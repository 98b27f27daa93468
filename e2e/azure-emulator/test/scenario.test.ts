import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { cloudProfileSchema } from '../../../shared/clouds.ts';
import { parseScenario, ScenarioError } from '../scenario.ts';
import { startEmulator } from '../server.ts';
import { defaultScenario } from './emulator-fixtures.ts';

describe('scenario validation', () => {
  it('accepts the default scenario', () => {
    expect(parseScenario(defaultScenario()).users.length).toBeGreaterThan(4);
  });

  it('names the field at fault', () => {
    const broken = defaultScenario() as { roleAssignments: { principalId: string; role: string }[] };
    const first = broken.roleAssignments[0];
    if (first) first.role = 'Chief Everything Officer';
    expect(() => parseScenario(broken)).toThrow(ScenarioError);
    expect(() => parseScenario(broken)).toThrow(/roleAssignments\.0\.role: No built-in or custom role Chief Everything Officer/);
    expect(() => parseScenario({ tenants: [{ id: 'not-a-guid', name: 'x', domain: 'x.onmicrosoft.com', displayName: 'X' }] })).toThrow(
      /tenants\.0\.id: Expected a GUID/,
    );
  });
});

describe('emulator start-up', () => {
  it('writes the CA and a cloud profile the app schema accepts, and serves only to clients that trust the CA', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'azcred-emulator-state-'));
    const emulator = await startEmulator({ stateDir });
    try {
      const profile = cloudProfileSchema.parse(JSON.parse(readFileSync(join(stateDir, 'cloud-profile.json'), 'utf8')));
      expect(profile.authorityHost).toBe(emulator.urls.entra);
      expect(profile.mixedReality.stsEndpoint).toBe(emulator.urls.sts);
      expect(profile.publicClient.clientId).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
      expect(profile.trustedCaPem).toBe(emulator.caPem);
      expect(readFileSync(join(stateDir, 'ca.pem'), 'utf8').trim()).toBe(emulator.caPem.trim());
      expect(existsSync(join(stateDir, 'README.txt'))).toBe(true);
      expect((await fetch(`${emulator.urls.entra}/organizations/v2.0/.well-known/openid-configuration`)).status).toBe(200);
      const port = Number(new URL(emulator.urls.arm).port);
      const refused = await new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port, ca: [...rootCertificates] }, () => resolve('trusted'));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER_CERT/);
    } finally {
      await emulator.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
