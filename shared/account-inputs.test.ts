import { describe, expect, it } from 'vitest';
import { formatAcsConnectionString, parseAcsConnectionString } from './acs-connection-string.ts';
import { isBase64Key } from './base64.ts';
import { parseAccountDomain } from './mixed-reality-domain.ts';

const key = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWJjZGVm';

describe('parseAcsConnectionString', () => {
  it('reads the Portal form and the accessKey spelling, in any order', () => {
    const expected = { ok: true, value: { endpoint: 'https://contoso.unitedstates.communication.azure.com/', accessKey: key } };
    expect(parseAcsConnectionString(`endpoint=https://contoso.unitedstates.communication.azure.com/;accesskey=${key}`)).toEqual(expected);
    expect(parseAcsConnectionString(` accessKey=${key}; Endpoint=https://contoso.unitedstates.communication.azure.com ;`)).toEqual(
      expected,
    );
  });

  it('keeps a port on an emulator endpoint and round-trips', () => {
    const parsed = parseAcsConnectionString(`endpoint=https://127.0.0.1:8443/;accesskey=${key}`);
    expect(parsed.ok && formatAcsConnectionString(parsed.value)).toBe(`endpoint=https://127.0.0.1:8443/;accesskey=${key}`);
  });

  it.each([
    ['no access key', 'endpoint=https://x.communication.azure.com/', /no accesskey/],
    ['no endpoint', `accesskey=${key}`, /no endpoint/],
    ['plain http', `endpoint=http://x.communication.azure.com/;accesskey=${key}`, /https/],
    ['not base64', 'endpoint=https://x.communication.azure.com/;accesskey=not base64!', /not base64/],
    ['not pairs', 'just some text', /name=value/],
  ])('refuses a string with %s, naming the problem but never the key', (_, text, message) => {
    const parsed = parseAcsConnectionString(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues[0]?.message).toMatch(message);
      expect(JSON.stringify(parsed)).not.toContain(key);
    }
  });
});

describe('parseAccountDomain', () => {
  it('accepts a region, a domain, the global domain and an STS URL', () => {
    expect(parseAccountDomain('WestEurope')).toEqual({ ok: true, domain: 'westeurope.mixedreality.azure.com' });
    expect(parseAccountDomain('eastus2.mixedreality.azure.com')).toEqual({ ok: true, domain: 'eastus2.mixedreality.azure.com' });
    expect(parseAccountDomain('mixedreality.azure.com')).toEqual({ ok: true, domain: 'mixedreality.azure.com' });
    expect(parseAccountDomain('https://sts.uksouth.mixedreality.azure.com/')).toEqual({
      ok: true,
      domain: 'uksouth.mixedreality.azure.com',
    });
  });

  it('refuses an unknown region with the list of known ones', () => {
    for (const text of ['moon', 'moon.mixedreality.azure.com', '', 'not a domain']) {
      const parsed = parseAccountDomain(text);
      expect(parsed.ok, text).toBe(false);
    }
    const moon = parseAccountDomain('moon');
    expect(!moon.ok && moon.issue.message).toMatch(/westeurope/);
  });
});

describe('isBase64Key', () => {
  it('accepts padded base64 and refuses anything else', () => {
    expect(isBase64Key(key)).toBe(true);
    expect(isBase64Key('pw==')).toBe(true);
    for (const bad of ['', 'abc', 'a b=', 'abcd-efg', '====']) expect(isBase64Key(bad), bad).toBe(false);
  });
});
