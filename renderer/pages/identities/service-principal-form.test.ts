import { describe, expect, it } from 'vitest';
import { addPemPart, emptyServicePrincipalForm, servicePrincipalInput } from './service-principal-form.ts';

const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';

describe('the service principal form', () => {
  it('sends only the chosen credential, and no name when none was given', () => {
    const form = {
      ...emptyServicePrincipalForm('AzureCloud'),
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'e5f40b16-7f81-4293-aedf-000000000001',
      clientSecret: 's3cret',
      certificatePem: cert,
    };
    expect(servicePrincipalInput(form)).toEqual({
      cloud: 'AzureCloud',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'e5f40b16-7f81-4293-aedf-000000000001',
      clientSecret: 's3cret',
    });
    expect(servicePrincipalInput({ ...form, credential: 'certificate', name: 'Render farm' })).toEqual({
      cloud: 'AzureCloud',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'e5f40b16-7f81-4293-aedf-000000000001',
      name: 'Render farm',
      certificatePem: cert,
    });
  });

  it('joins a certificate file and a key file picked one after the other, and replaces anything else', () => {
    expect(addPemPart('', cert)).toBe(`${cert}\n`);
    expect(addPemPart(`${cert}\n`, key)).toBe(`${cert}\n${key}\n`);
    expect(addPemPart(`${key}\n`, cert)).toBe(`${key}\n${cert}\n`);
    expect(addPemPart(`${cert}\n${key}\n`, cert)).toBe(`${cert}\n${key}\n`);
    expect(addPemPart(`${cert}\n`, `${cert}\n${key}`.replace('MIIB', 'MIIC'))).toBe(`${cert.replace('MIIB', 'MIIC')}\n${key}\n`);
  });
});
