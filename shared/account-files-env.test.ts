import { describe, expect, it } from 'vitest';
import { accountInputSchema } from './accounts.ts';
import { parseAccountFile } from './account-files.ts';
import { AppError } from './errors.ts';

const id = '0f6c8e4a-1111-2222-3333-444455556666';
const key = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWJjZGVm';
const key2 = 'c2Vjb25kYXJ5LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWI=';
const acsKey = 'YWNzLWFjY2Vzcy1rZXktZm9yLXRlc3RzLW9ubHk=';
const acs = `endpoint=https://contoso.unitedstates.communication.azure.com/;accesskey=${acsKey}`;

function env(text: string, fileName?: string) {
  const parsed = parseAccountFile(text, { fileName });
  if (parsed.format !== 'env') throw new Error(`expected env, got ${parsed.format}`);
  return parsed.items;
}

describe('parseAccountFile: .env files', () => {
  it('reads one ARR account and one ACS resource, named after the file', () => {
    const items = env(
      `ARR_ACCOUNT_ID=${id}\nARR_ACCOUNT_DOMAIN=westeurope.mixedreality.azure.com\nARR_ACCOUNT_KEY=${key}\nACS_CONNECTION_STRING=${acs}\n`,
      'contoso.env',
    );
    expect(items.map((i) => [i.name, i.kind, i.secrets])).toEqual([
      ['contoso (ARR)', 'arr', ['primaryKey']],
      ['contoso (ACS)', 'acs', ['accessKey']],
    ]);
    expect(accountInputSchema.parse(items[0]?.raw)).toMatchObject({
      kind: 'arr',
      accountId: id,
      accountDomain: 'westeurope.mixedreality.azure.com',
      primaryKey: key,
    });
    expect(accountInputSchema.parse(items[1]?.raw)).toMatchObject({
      kind: 'acs',
      endpoint: 'https://contoso.unitedstates.communication.azure.com/',
      accessKey: acsKey,
    });
  });

  it('handles comments, blank lines, export, quotes, inline comments and = inside values', () => {
    const text = [
      '# Remote Rendering',
      '',
      `export ARR_ACCOUNT_ID="${id}"`,
      "ARR_REGION='eastus2'   # the account's region",
      `ARR_ACCOUNT_KEY=${key}  # primary`,
      `ARR_ACCOUNT_SECONDARY_KEY = "${key2}"`,
      'ARR_NAME=`Showroom demo`',
      'ARR_TAGS=demo, showroom,,',
    ].join('\n');
    const [item] = env(text);
    expect(item?.raw).toEqual({
      kind: 'arr',
      name: 'Showroom demo',
      accountId: id,
      accountDomain: 'eastus2',
      primaryKey: key,
      secondaryKey: key2,
      tags: ['demo', 'showroom'],
    });
    expect(item?.secrets).toEqual(['primaryKey', 'secondaryKey']);
    expect(item?.issues).toEqual([]);
  });

  it('reads CRLF line endings and a byte-order mark, and counts lines from the top', () => {
    const items = env(`\uFEFFACS_ENDPOINT=https://x.communication.azure.com/\r\n\r\nACS_ACCESS_KEY="${acsKey}"\r\nnot an assignment\r\n`);
    expect(items).toHaveLength(1);
    expect(items[0]?.raw.connectionString).toBe(`endpoint=https://x.communication.azure.com/;accesskey=${acsKey}`);
    expect(items[0]?.issues).toEqual([{ path: '', message: 'line 4: expected NAME=value' }]);
    expect(env('ARR_ACCOUNT_ID=a\rARR_REGION=uksouth\r')[0]?.raw).toMatchObject({ accountId: 'a', accountDomain: 'uksouth' });
  });

  it('groups prefixed variables into one account per prefix, named by the prefix', () => {
    const text = [
      `SHOWROOM_ARR_ACCOUNT_ID=${id}`,
      'SHOWROOM_ARR_REGION=westeurope',
      `SHOWROOM_ARR_ACCOUNT_KEY=${key}`,
      'SHOWROOM_TAGS=demo',
      'SHOWROOM_CLOUD=AzureUSGovernment',
      `FIELD_TEAM_ACS_CONNECTION_STRING=${acs}`,
      'FIELD_TEAM_NAME=Field team',
      `LAB_ACS_ENDPOINT=https://lab.communication.azure.com`,
      'DATABASE_NAME=unrelated',
      'NAME=unrelated too',
    ].join('\n');
    const items = env(text, 'team.env');
    expect(items.map((i) => [i.name, i.kind])).toEqual([
      ['showroom', 'arr'],
      ['Field team', 'acs'],
      ['lab', 'acs'],
    ]);
    expect(items[0]?.raw).toMatchObject({ tags: ['demo'], cloud: 'AzureUSGovernment', accountDomain: 'westeurope' });
    expect(items[2]?.raw).toEqual({ kind: 'acs', name: 'lab', endpoint: 'https://lab.communication.azure.com' });
    expect(items[2]?.secrets).toEqual([]);
  });

  it("reads the names Microsoft's SDK samples use", () => {
    const items = env(
      [
        `REMOTERENDERING_ARR_ACCOUNT_ID=${id}`,
        'REMOTERENDERING_ARR_ACCOUNT_DOMAIN=eastus2.mixedreality.azure.com',
        `REMOTERENDERING_ARR_ACCOUNT_KEY=${key}`,
        'REMOTERENDERING_ARR_SERVICE_ENDPOINT=https://remoterendering.eastus2.mixedreality.azure.com',
        `MIXEDREALITY_ACCOUNT_ID=${id}`,
        'MIXEDREALITY_ACCOUNT_DOMAIN=mixedreality.azure.com',
        `STAGING_MIXEDREALITY_ACCOUNT_KEY=${key}`,
        `COMMUNICATION_SAMPLES_CONNECTION_STRING=${acs}`,
        `AZURE_COMMUNICATION_SERVICES_CONNECTION_STRING=${acs}`,
      ].join('\n'),
    );
    expect(items.map((i) => [i.name, i.kind, i.secrets])).toEqual([
      ['ARR 0f6c8e4a', 'arr', ['primaryKey']],
      ['contoso', 'acs', ['accessKey']],
      ['staging', 'arr', ['primaryKey']],
    ]);
    // Later lines win within one account, as with dotenv.
    expect(items[0]?.raw.accountDomain).toBe('mixedreality.azure.com');
  });

  it('prefers the account domain to the region, and joins ACS_ENDPOINT with ACS_ACCESS_KEY', () => {
    const items = env(
      `ARR_REGION=uksouth\nARR_ACCOUNT_DOMAIN=westeurope.mixedreality.azure.com\nACS_ENDPOINT=https://x.communication.azure.com/\nACS_ACCESS_KEY=${acsKey}`,
    );
    expect(items[0]?.raw.accountDomain).toBe('westeurope.mixedreality.azure.com');
    expect(accountInputSchema.parse(items[1]?.raw)).toMatchObject({ endpoint: 'https://x.communication.azure.com/', accessKey: acsKey });
  });

  it('leaves out missing and empty fields, so the schema names each required one', () => {
    const [item] = env(`ARR_ACCOUNT_ID=${id}\nARR_ACCOUNT_KEY=\n`, 'lab.env');
    expect(item?.raw).toEqual({ kind: 'arr', name: 'lab', accountId: id });
    expect(item?.secrets).toEqual([]);
    const result = accountInputSchema.safeParse(item?.raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['accountDomain']);
  });

  it('reports a malformed line of an account on that account and field, without its value', () => {
    const items = env(`ARR_ACCOUNT_ID=${id}\nARR_ACCOUNT_KEY "${key}"\nACS_CONNECTION_STRING='${acs}' trailing\n`);
    expect(items.map((i) => i.issues)).toEqual([
      [{ path: 'primaryKey', message: 'line 2: expected NAME=value' }],
      [{ path: 'connectionString', message: 'line 3: unexpected text after the closing quote' }],
    ]);
    expect(JSON.stringify(items.map((i) => i.issues))).not.toContain(key);
  });

  it('reads a quoted value over several lines, and reports a quote never closed', () => {
    const pem = 'PRIVATE_PEM="-----BEGIN KEY-----\nabc\n-----END KEY-----"';
    expect(env(`${pem}\nARR_ACCOUNT_ID=${id}`)[0]?.issues).toEqual([]);
    const [item] = env(`ARR_ACCOUNT_ID=${id}\nOTHER="never closed\nARR_ACCOUNT_KEY=${key}`);
    expect(item?.issues).toEqual([{ path: '', message: 'line 2: the quoted value has no closing quote' }]);
    expect(item?.raw.primaryKey).toBeUndefined();
  });

  it('refuses a file without account variables, naming the bad lines but not their content', () => {
    let error: unknown;
    try {
      parseAccountFile(`DATABASE_URL=postgres://u:p@db/x\nsecret ${key}\n`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).message).toMatch(/^Not a connection string, \.env or JSON file with accounts: /);
    expect((error as AppError).issues).toEqual([{ path: 'text', message: 'line 2: expected NAME=value' }]);
    expect(JSON.stringify({ message: (error as AppError).message, issues: (error as AppError).issues })).not.toMatch(/postgres|c2VjcmV0/);
  });

  it('applies the default cloud only where the file names none', () => {
    const parsed = parseAccountFile(
      `A_ACS_ENDPOINT=https://a.communication.azure.com/\nB_ACS_ENDPOINT=https://b.communication.azure.com/\nB_CLOUD=AzureChinaCloud`,
      { cloud: 'Emulator' },
    );
    expect(parsed.format === 'env' && parsed.items.map((i) => i.raw.cloud)).toEqual(['Emulator', 'AzureChinaCloud']);
  });
});
