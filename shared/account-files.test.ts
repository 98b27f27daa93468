import { describe, expect, it } from 'vitest';
import { accountInputSchema } from './accounts.ts';
import { parseAccountFile, type ParsedItem } from './account-files.ts';
import { AppError } from './errors.ts';

const id = '0f6c8e4a-1111-2222-3333-444455556666';
const key = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWJjZGVm';
const acsKey = 'YWNzLWFjY2Vzcy1rZXktZm9yLXRlc3RzLW9ubHk=';

function items(text: string, fileName?: string): { format: string; items: ParsedItem[] } {
  const parsed = parseAccountFile(text, { fileName });
  if ('encrypted' in parsed) throw new Error('unexpected encrypted file');
  return parsed;
}

function refusal(text: string): AppError {
  try {
    parseAccountFile(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseAccountFile: a pasted connection string', () => {
  it('gives one ACS resource named after the endpoint, in any key case and order', () => {
    const parsed = items(`  AccessKey=${acsKey};Endpoint=https://contoso.unitedstates.communication.azure.com/ \n`);
    expect(parsed.format).toBe('connection-string');
    expect(parsed.items).toEqual([
      {
        name: 'contoso',
        kind: 'acs',
        raw: {
          kind: 'acs',
          name: 'contoso',
          connectionString: `AccessKey=${acsKey};Endpoint=https://contoso.unitedstates.communication.azure.com/`,
        },
        secrets: ['accessKey'],
        issues: [],
      },
    ]);
    expect(accountInputSchema.parse(parsed.items[0]?.raw)).toMatchObject({
      endpoint: 'https://contoso.unitedstates.communication.azure.com/',
      accessKey: acsKey,
    });
  });

  it('takes the name from the file name when there is one', () => {
    expect(items(`endpoint=https://x.communication.azure.com/;accesskey=${acsKey}`, 'C:\\keys\\Fabrikam chat.txt').items[0]?.name).toBe(
      'Fabrikam chat',
    );
  });

  it('takes a connection string still in its quotes', () => {
    expect(items(`"endpoint=https://x.communication.azure.com/;accesskey=${acsKey}"`).items[0]?.raw.connectionString).toBe(
      `endpoint=https://x.communication.azure.com/;accesskey=${acsKey}`,
    );
  });

  it('passes a string without an access key on, so the schema explains what is missing', () => {
    const [item] = items('endpoint=https://x.communication.azure.com/').items;
    expect(item?.secrets).toEqual([]);
    const result = accountInputSchema.safeParse(item?.raw);
    expect(result.error?.issues[0]?.message).toMatch(/no accesskey/);
  });
});

describe('parseAccountFile: JSON', () => {
  it('reads the app export, leaving out fields the schema does not take', () => {
    const showroom = {
      kind: 'arr',
      name: 'Showroom',
      cloud: 'AzureCloud',
      tags: ['demo'],
      notes: ' keep ',
      accountId: id,
      accountDomain: 'westeurope.mixedreality.azure.com',
      primaryKey: key,
    };
    const document = {
      format: 'azcred.accounts',
      version: 1,
      exportedAt: '2025-01-02T03:04:05.000Z',
      accounts: [
        // The stored id and createdAt are the app's own and go; the name is trimmed, the notes are not.
        { id: 'internal', ...showroom, name: ' Showroom ', createdAt: 'x' },
        {
          kind: 'acs',
          name: 'Chat',
          cloud: 'AzureCloud',
          tags: [],
          notes: '',
          endpoint: 'https://chat.communication.azure.com/',
          accessKey: acsKey,
        },
        { kind: 'acs', name: 'Entra only', cloud: 'AzureCloud', tags: [], notes: '', endpoint: 'https://entra.communication.azure.com/' },
      ],
    };
    const parsed = items(JSON.stringify(document, null, 2));
    expect(parsed.format).toBe('json');
    expect(parsed.items[0]?.raw).toEqual(showroom);
    expect(parsed.items.map((i) => [i.name, i.secrets])).toEqual([
      ['Showroom', ['primaryKey']],
      ['Chat', ['accessKey']],
      ['Entra only', []],
    ]);
    expect(parsed.items.map((i) => accountInputSchema.safeParse(i.raw).success)).toEqual([true, true, true]);
  });

  it('reads a bare array, infers a missing kind, names nameless accounts, and flags what it cannot place', () => {
    const parsed = items(
      JSON.stringify([
        { accountId: id, accountDomain: 'uksouth', primaryKey: key },
        { endpoint: 'https://lab.communication.azure.com/' },
        { kind: 'storage', name: 'x' },
        42,
      ]),
    );
    expect(parsed.items.map((i) => [i.name, i.kind])).toEqual([
      ['ARR 0f6c8e4a', 'arr'],
      ['lab', 'acs'],
      ['x', 'unknown'],
      ['Item 4', 'unknown'],
    ]);
    expect(parsed.items[2]?.issues[0]?.path).toBe('kind');
    expect(parsed.items[3]?.issues).toEqual([{ path: '', message: 'Item 4 is not an account object' }]);
  });

  it('asks for the endpoint when an ACS access key comes alone', () => {
    const [item] = items(JSON.stringify([{ kind: 'acs', name: 'a', accessKey: acsKey }])).items;
    expect(item?.issues).toEqual([{ path: 'endpoint', message: 'An access key needs the endpoint it belongs to' }]);
  });

  it('recognises the encrypted export without reading it', () => {
    expect(parseAccountFile('{"format":"azcred.accounts.encrypted","version":1,"data":"..."}')).toEqual({
      format: 'encrypted-json',
      encrypted: true,
    });
  });

  it('refuses an export from a newer version, and one without an accounts list', () => {
    expect(refusal('{"format":"azcred.accounts","version":2,"accounts":[]}').message).toMatch(/newer version .* update the app/);
    expect(refusal('{"format":"azcred.accounts","version":1}').message).toMatch(/no "accounts" list/);
  });

  it('refuses more than 10,000 accounts', () => {
    const many = JSON.stringify(Array.from({ length: 10_001 }, () => ({ kind: 'acs', endpoint: 'https://a.communication.azure.com/' })));
    expect(refusal(many).message).toMatch(/10,001 accounts: import at most 10,000/);
  });

  it('refuses broken JSON without quoting it', () => {
    const error = refusal(`{"accounts": [{"primaryKey": ${key}}]}`);
    expect(error.message).toMatch(/^The file looks like JSON but cannot be read/);
    expect(JSON.stringify(error.toShape())).not.toContain(key.slice(0, 12));
  });
});

describe("parseAccountFile: Microsoft's arrconfig.json", () => {
  const settings = (accountSettings: object) =>
    JSON.stringify({
      accountSettings,
      renderingSessionSettings: { vmSize: 'standard', maxLeaseTime: '4:00:00' },
      assetConversionSettings: {},
    });

  it('reads the account settings of the current template', () => {
    const parsed = items(settings({ arrAccountId: id, arrAccountKey: key, arrAccountDomain: 'westeurope' }), 'showroom-arrconfig.json');
    expect(parsed).toEqual({
      format: 'arrconfig',
      items: [
        {
          name: 'showroom-arrconfig',
          kind: 'arr',
          raw: { kind: 'arr', name: 'showroom-arrconfig', accountId: id, primaryKey: key, accountDomain: 'westeurope' },
          secrets: ['primaryKey'],
          issues: [],
        },
      ],
    });
    expect(accountInputSchema.parse(parsed.items[0]?.raw)).toMatchObject({ accountDomain: 'westeurope.mixedreality.azure.com' });
  });

  it('reads the first template, which had only a region, and names the account from its id', () => {
    const [item] = items(`\uFEFF${settings({ arrAccountId: id, arrAccountKey: key, region: 'eastus2' })}`, 'arrconfig.json').items;
    expect(item?.name).toBe('ARR 0f6c8e4a');
    expect(item?.raw.accountDomain).toBe('eastus2');
  });

  it('flags placeholders left from the template and leaves missing fields for the schema', () => {
    const [item] = items(settings({ arrAccountId: '<fill in the account ID from the Azure Portal>', arrAccountDomain: 'uksouth' })).items;
    expect(item?.issues).toEqual([
      {
        path: 'accountId',
        message: "accountSettings.arrAccountId still holds the template's placeholder: fill it in from the Azure Portal",
      },
    ]);
    expect(item?.raw).toEqual({ kind: 'arr', name: 'ARR account', accountDomain: 'uksouth' });
    expect(item?.secrets).toEqual([]);
  });
});

describe('parseAccountFile: anything else', () => {
  it.each([
    ['empty text', '  \n'],
    ['prose', `my key is ${key}`],
    ['JSON without accounts', `{"password": "${key}"}`],
    ['an array of numbers', '[1, 2, 3]'],
    ['a .env without account variables', `TOKEN=${key}`],
  ])('refuses %s with one message that lists what is accepted and quotes nothing', (_, text) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^(Not a connection string, \.env or JSON file with accounts: paste an ACS connection string)/);
    expect(JSON.stringify(error.toShape())).not.toContain(key);
  });
});
