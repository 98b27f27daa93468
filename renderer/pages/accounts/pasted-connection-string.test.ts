import { describe, expect, it } from 'vitest';
import { readPastedConnectionString } from './pasted-connection-string.ts';

const key = 'ZTJlLXRlc3QtYWNzLWFjY2Vzcy1rZXktdGhpcy1pcy1ub3QtcmVhbC0wMDA=';

describe('readPastedConnectionString', () => {
  it('names the resource after its endpoint host and puts it in the global cloud', () => {
    expect(readPastedConnectionString(`endpoint=https://fabrikam-chat.communication.azure.com/;accesskey=${key}`)).toEqual({
      name: 'fabrikam-chat',
      cloud: 'AzureCloud',
    });
  });

  it('reads the Portal’s spelling in any case and order, with spaces and a missing trailing slash', () => {
    const text = `  AccessKey=${key}; Endpoint=https://Support-Chat.communication.azure.us  `;
    expect(readPastedConnectionString(text)).toEqual({ name: 'support-chat', cloud: 'AzureUSGovernment' });
  });

  it('offers no cloud for a host outside the built-in clouds, and no name for an address', () => {
    expect(readPastedConnectionString(`endpoint=https://acs.contoso.internal/;accesskey=${key}`)).toEqual({ name: 'acs' });
    expect(readPastedConnectionString(`endpoint=https://127.0.0.1:8443/;accesskey=${key}`)).toEqual({});
    expect(readPastedConnectionString(`endpoint=https://localhost:8443/;accesskey=${key}`)).toEqual({});
  });

  it('finds nothing in text that is not a whole connection string yet', () => {
    expect(readPastedConnectionString('')).toBeUndefined();
    expect(readPastedConnectionString('endpoint=https://fabrikam-chat.communication.azure.com/')).toBeUndefined();
    expect(readPastedConnectionString(`endpoint=http://fabrikam-chat.communication.azure.com/;accesskey=${key}`)).toBeUndefined();
    expect(readPastedConnectionString('endpoint=https://fabrikam-chat.communication.azure.com/;accesskey=not base64!')).toBeUndefined();
    expect(readPastedConnectionString(key)).toBeUndefined();
  });
});
