import { createRequire } from 'node:module';
import type * as Keytar from 'keytar';
import { describe, expect, it } from 'vitest';

// keytar is CommonJS with a native addon; load it the way the vault will.
const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;

describe.runIf(process.platform === 'linux')('the test keyring (scripts/with-keyring.sh)', () => {
  it('runs the tests in a private D-Bus session with a throwaway keyring', () => {
    expect(process.env['AZCRED_IN_KEYRING_SESSION'], 'run the tests through `npm run test:unit`, which starts the keyring').toBe('1');
    expect(process.env['XDG_DATA_HOME']).toMatch(/^\/tmp\//);
  });

  it('gives keytar a working, unlocked Secret Service', async () => {
    const service = `azcred-keyring-check-${process.pid}`;
    await keytar.setPassword(service, 'probe', 'value-1');
    expect(await keytar.getPassword(service, 'probe')).toBe('value-1');
    expect(await keytar.deletePassword(service, 'probe')).toBe(true);
    expect(await keytar.getPassword(service, 'probe')).toBeNull();
  });
});
