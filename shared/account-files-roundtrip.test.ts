import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountInputSchema, type AccountView } from './accounts.ts';
import { buildExportDocument, exportDocumentText, parseAccountFile, type ExportAccount } from './account-files.ts';
import { AppError } from './errors.ts';
import { mixedRealityRegions } from './mixed-reality-domain.ts';

const base64Key = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => btoa(String.fromCharCode(...bytes)));
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
const name = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s.length > 0);
const tag = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0);
const common = {
  name,
  cloud: fc.constantFrom('AzureCloud', 'AzureChinaCloud', 'Emulator_1'),
  tags: fc.array(tag, { maxLength: 5 }),
  notes: fc.string({ maxLength: 200 }),
};
const arrAccount: fc.Arbitrary<ExportAccount> = fc.record(
  {
    kind: fc.constant('arr' as const),
    ...common,
    accountId: guid,
    accountDomain: fc.constantFrom(...mixedRealityRegions.map((r) => `${r}.mixedreality.azure.com`), 'mixedreality.azure.com'),
    primaryKey: base64Key,
    secondaryKey: base64Key,
  },
  { requiredKeys: ['kind', 'name', 'cloud', 'tags', 'notes', 'accountId', 'accountDomain'] },
);
const acsAccount: fc.Arbitrary<ExportAccount> = fc.record(
  {
    kind: fc.constant('acs' as const),
    ...common,
    endpoint: fc.domain().map((host) => `https://${host}/`),
    accessKey: base64Key,
  },
  { requiredKeys: ['kind', 'name', 'cloud', 'tags', 'notes', 'endpoint'] },
);

/** What the app stores for an account: the schema's output. */
function stored(account: ExportAccount) {
  const { kind } = account;
  if (kind === 'arr') return accountInputSchema.parse(account);
  const { accessKey, ...rest } = account;
  return accountInputSchema.parse(
    accessKey === undefined
      ? rest
      : { ...rest, endpoint: undefined, connectionString: `endpoint=${account.endpoint};accesskey=${accessKey}` },
  );
}

describe('export document', () => {
  it('has the documented shape and never carries fields it was not meant to', () => {
    const view = {
      id: 'f5b5d3a4-0000-4000-8000-000000000000',
      kind: 'acs' as const,
      name: 'Chat',
      cloud: 'AzureCloud',
      tags: [],
      notes: '',
      endpoint: 'https://chat.communication.azure.com/',
      hasAccessKey: true,
      secretsMissing: [],
    };
    expect(buildExportDocument([view], new Date('2025-01-02T03:04:05Z'))).toEqual({
      format: 'azcred.accounts',
      version: 1,
      exportedAt: '2025-01-02T03:04:05.000Z',
      includesSecrets: false,
      accounts: [
        { kind: 'acs', name: 'Chat', cloud: 'AzureCloud', tags: [], notes: '', endpoint: 'https://chat.communication.azure.com/' },
      ],
    });
    expect(buildExportDocument([{ ...view, accessKey: 'YQ==' }], new Date(0)).includesSecrets).toBe(true);
    // What the core lists can be exported as it is.
    const views: AccountView[] = [];
    expect(buildExportDocument(views, new Date(0)).accounts).toEqual([]);
  });

  it('round-trips arbitrary valid accounts, with and without secrets, through export and import', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arrAccount, acsAccount), { maxLength: 8 }), fc.boolean(), (accounts, withSecrets) => {
        const exported = withSecrets ? accounts : accounts.map(withoutSecrets);
        const parsed = parseAccountFile(exportDocumentText(exported, new Date()));
        if ('encrypted' in parsed) throw new Error('unexpected encrypted');
        expect(parsed.format).toBe('json');
        expect(parsed.items.map((i) => i.name)).toEqual(exported.map((a) => a.name));
        exported.forEach((account, index) => {
          const item = parsed.items[index];
          expect(item?.issues).toEqual([]);
          // Definitions only come back whole, as accounts for Entra ID use.
          expect(accountInputSchema.safeParse(item?.raw).data).toEqual(stored(account));
        });
      }),
      { numRuns: 200 },
    );
  });
});

function withoutSecrets(account: ExportAccount): ExportAccount {
  if (account.kind === 'arr') {
    const { primaryKey: _p, secondaryKey: _s, ...rest } = account;
    return rest;
  }
  const { accessKey: _a, ...rest } = account;
  return rest;
}

describe('parseAccountFile on arbitrary input', () => {
  const neverThrowsOtherThanAppError = (text: string) => {
    try {
      parseAccountFile(text, { fileName: 'x.env' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.code).toBe('invalid_input');
    }
  };
  const envLine = fc.oneof(
    fc.string(),
    fc
      .tuple(
        fc.constantFrom('', 'export ', '  '),
        fc.constantFrom('ARR_ACCOUNT_ID', 'X_ARR_REGION', 'ACS_CONNECTION_STRING', 'A_NAME', 'NAME', 'ACS_ACCESS_KEY', 'ACS_ENDPOINT'),
        fc.constantFrom('=', ' = ', ' '),
        fc.constantFrom('', '"', "'", '`'),
        fc.string(),
        fc.constantFrom('', '"', "'", ' # c'),
      )
      .map((p) => p.join('')),
  );

  it('throws nothing but an invalid_input AppError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), neverThrowsOtherThanAppError), { numRuns: 500 });
    fc.assert(
      fc.property(fc.array(envLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) =>
        neverThrowsOtherThanAppError(lines.join(eol)),
      ),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.json(), neverThrowsOtherThanAppError), { numRuns: 500 });
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            fc.constantFrom('kind', 'name', 'accountId', 'endpoint', 'accessKey', 'connectionString', 'tags', 'region', '__proto__'),
            fc.jsonValue(),
          ),
          { maxLength: 5 },
        ),
        (objects) => neverThrowsOtherThanAppError(JSON.stringify(objects)),
      ),
      { numRuns: 500 },
    );
  });
});
