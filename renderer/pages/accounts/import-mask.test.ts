import { describe, expect, it } from 'vitest';
import { maskKeys } from './import-mask.ts';

const key = 'ZTJlLXRlc3QtYWNzLWFjY2Vzcy1rZXktdGhpcy1pcy1ub3QtcmVhbC0wMDA=';

describe('maskKeys', () => {
  it('masks the access key of a connection string and keeps the endpoint', () => {
    expect(maskKeys(`endpoint=https://fabrikam-chat.communication.azure.com/;AccessKey=${key}`)).toBe(
      'endpoint=https://fabrikam-chat.communication.azure.com/;AccessKey=••••',
    );
  });

  it('masks the keys of a .env file and of an exported JSON file, and nothing else', () => {
    const env = `ARR_ACCOUNT_ID=0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6\nARR_ACCOUNT_KEY="${key}"\nACS_CONNECTION_STRING=endpoint=https://a/;accesskey=${key}`;
    const masked = maskKeys(env);
    expect(masked).not.toContain(key);
    expect(masked).toContain('ARR_ACCOUNT_ID=0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6');
    expect(masked).toContain('ARR_ACCOUNT_KEY="••••"');
    const json = JSON.stringify({ accounts: [{ name: 'A', primaryKey: key, secondaryKey: key, accountDomain: 'westeurope' }] });
    expect(maskKeys(json)).not.toContain(key);
    expect(maskKeys(json)).toContain('"accountDomain":"westeurope"');
  });
});
