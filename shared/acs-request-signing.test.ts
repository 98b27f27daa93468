import { describe, expect, it } from 'vitest';
import { acsContentHash, acsHmac, powerShellQuote, shellQuote, signAcsRequest } from './acs-request-signing.ts';

// The official SDK's own test vectors (AZURE-PROTOCOLS.md §3), key `pw==`.
const key = 'pw==';
const date = new Date('Wed, 13 Apr 2022 18:09:12 GMT');

describe('ACS request signing', () => {
  it('hashes and signs the SDK test vectors', async () => {
    expect(await acsContentHash('banana')).toBe('tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=');
    expect(await acsHmac(key, 'banana')).toBe('88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8=');
    expect(await acsContentHash('😀')).toBe('8EQ6NCxe9UeDoRG1G6Vsk45HTDIyTZDDpgycjjo34tk=');
    expect(await acsHmac(key, '😀')).toBe('1rudJKjn2Zi+3hRrBG29wIF6pD6YyAeQR1ZcFtXoKAU=');
    expect(await acsContentHash('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await acsContentHash('{"createTokenWithScopes":["chat","voip"]}')).toBe('fYTayOkxDFdoXd25BoJTvoTLLr5+QVfLFXvdJep6oNs=');
  });

  it('signs a GET with and without a query as the SDK does', async () => {
    const withQuery = await signAcsRequest({ method: 'get', url: 'https://example.com/testPath?testQuery=test', accessKey: key, date });
    expect(withQuery.headers).toEqual({
      'x-ms-date': 'Wed, 13 Apr 2022 18:09:12 GMT',
      'x-ms-content-sha256': '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      Authorization: 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
      host: 'example.com',
    });
    expect(withQuery.stringToSign).toBe(
      'GET\n/testPath?testQuery=test\nWed, 13 Apr 2022 18:09:12 GMT;example.com;47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    );
    expect(withQuery.validUntil).toBe('2022-04-13T18:24:12.000Z');
    const without = await signAcsRequest({ method: 'GET', url: 'https://example.com/testPath', accessKey: key, date });
    expect(without.headers.Authorization).toMatch(/&Signature=\+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=$/);
  });

  it('signs host:port for an endpoint on a non-default port, and the host alone on 443', async () => {
    expect(
      (await signAcsRequest({ method: 'POST', url: 'https://127.0.0.1:47104/identities?api-version=2023-10-01', accessKey: key, date }))
        .stringToSign,
    ).toContain(';127.0.0.1:47104;');
    expect(
      (await signAcsRequest({ method: 'POST', url: 'https://contoso.communication.azure.com:443/identities', accessKey: key, date }))
        .headers.host,
    ).toBe('contoso.communication.azure.com');
  });

  it('renders curl and PowerShell commands that send the exact body and headers', async () => {
    const body = '{"createTokenWithScopes":["chat","voip"]}';
    const signed = await signAcsRequest({
      method: 'POST',
      url: 'https://contoso.communication.azure.com/identities?api-version=2023-10-01',
      body,
      accessKey: key,
      date,
    });
    expect(signed.curl).toBe(
      [
        "curl -X POST 'https://contoso.communication.azure.com/identities?api-version=2023-10-01'",
        "-H 'x-ms-date: Wed, 13 Apr 2022 18:09:12 GMT'",
        "-H 'x-ms-content-sha256: fYTayOkxDFdoXd25BoJTvoTLLr5+QVfLFXvdJep6oNs='",
        `-H 'Authorization: ${signed.headers.Authorization}'`,
        "-H 'Content-Type: application/json'",
        `--data-raw '${body}'`,
      ].join(' \\\n  '),
    );
    expect(signed.powershell).toBe(
      [
        '$headers = @{',
        "  'x-ms-date' = 'Wed, 13 Apr 2022 18:09:12 GMT'",
        "  'x-ms-content-sha256' = 'fYTayOkxDFdoXd25BoJTvoTLLr5+QVfLFXvdJep6oNs='",
        `  'Authorization' = '${signed.headers.Authorization}'`,
        '}',
        `Invoke-RestMethod -Method Post -Uri 'https://contoso.communication.azure.com/identities?api-version=2023-10-01' ` +
          `-Headers $headers -ContentType 'application/json; charset=utf-8' -Body '${body}'`,
      ].join('\n'),
    );
  });

  it('quotes quotes, dollars and newlines so neither shell expands them', () => {
    expect(shellQuote(`it's $HOME\n"x"`)).toBe(`'it'\\''s $HOME\n"x"'`);
    expect(powerShellQuote(`it's $env:HOME\n’x’`)).toBe(`'it''s $env:HOME\n’’x’’'`);
  });
});
