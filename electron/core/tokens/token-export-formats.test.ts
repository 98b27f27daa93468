import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDotenv } from '../../../shared/account-files-dotenv.ts';
import * as formats from './token-export-formats.ts';

const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhaWQiOiIzNWQ4MzBjYiJ9.c2lnbmF0dXJl';
const heading = 'ARR access token · contoso (primary key), expires 2025-01-02T03:04:05.000Z';
const variables = [
  ['ARR_ACCOUNT_ID', '35d830cb-f062-4062-9792-d6316039df56'],
  ['ARR_ACCESS_TOKEN', token],
  ['ARR_ACCESS_TOKEN_EXPIRES_ON', '2025-01-02T03:04:05.000Z'],
] as const;

/** Runs `script` in bash and returns what it printed. */
function bash(script: string): string {
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', LC_ALL: 'C.UTF-8' },
  });
  if (run.status !== 0) throw new Error(`bash failed: ${run.stderr}`);
  return run.stdout;
}

/** Reads `$env:NAME = '...'` assignments as PowerShell's tokenizer does: a verbatim string, where two quote characters stand for the
 * second. */
function parsePowerShell(text: string): Map<string, string> {
  const quotes = "'\u2018\u2019\u201A\u201B";
  const values = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const assignment = /^\$env:([A-Za-z_][A-Za-z0-9_]*) = /.exec(text.slice(i));
    if (!assignment) {
      const end = text.indexOf('\n', i);
      if (!text.slice(i, end < 0 ? undefined : end).startsWith('#')) throw new Error(`not an assignment or comment at ${i}`);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    i += assignment[0].length;
    if (!quotes.includes(text[i] ?? '')) throw new Error('expected a quote');
    i++;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error('unterminated string');
      if (quotes.includes(c)) {
        if (quotes.includes(text[i + 1] ?? '')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += c;
      i++;
    }
    values.set(assignment[1] ?? '', value);
    if (text[i] === '\n') i++;
    else if (i < text.length) throw new Error('text after the closing quote');
  }
  return values;
}

// Every code point but NUL, which no shell variable can hold; quotes, $, backslashes and line breaks weighted in.
const awkward = fc
  .oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom("'", '"', '$', '`', '\\', '\n', '\r', ' ', '#', '=', '\u2019', '\u201B', 'a', '!', '*') }),
  )
  .filter((s) => !s.includes('\0'));

describe('token export formats', () => {
  it('writes a .env file exactly', () => {
    expect(formats.renderDotenv(heading, variables)).toBe(
      `# ${heading}\nARR_ACCOUNT_ID=35d830cb-f062-4062-9792-d6316039df56\nARR_ACCESS_TOKEN=${token}\nARR_ACCESS_TOKEN_EXPIRES_ON=2025-01-02T03:04:05.000Z\n`,
    );
  });

  it('writes shell exports exactly', () => {
    expect(formats.renderShell(heading, variables)).toBe(
      `# ${heading}\nexport ARR_ACCOUNT_ID='35d830cb-f062-4062-9792-d6316039df56'\nexport ARR_ACCESS_TOKEN='${token}'\nexport ` +
        `ARR_ACCESS_TOKEN_EXPIRES_ON='2025-01-02T03:04:05.000Z'\n`,
    );
  });

  it('writes PowerShell assignments for the session exactly', () => {
    expect(formats.renderPowerShell(heading, variables)).toBe(
      `# ${heading}\n# These variables last for this PowerShell session only: dot-source the file (. ./token.ps1) to set them here.\n` +
        `$env:ARR_ACCOUNT_ID = '35d830cb-f062-4062-9792-d6316039df56'\n$env:ARR_ACCESS_TOKEN = ` +
        `'${token}'\n$env:ARR_ACCESS_TOKEN_EXPIRES_ON = '2025-01-02T03:04:05.000Z'\n`,
    );
  });

  it('writes JSON with two-space indents and a final newline', () => {
    expect(formats.renderJson({ kind: 'arr-sts', accessToken: token })).toBe(`{\n  "kind": "arr-sts",\n  "accessToken": "${token}"\n}\n`);
  });

  it('writes a curl command with the token as a Bearer header, and a body for a POST', () => {
    expect(formats.renderCurl({ method: 'GET', url: 'https://example.test/a?b=c', purpose: 'Lists things.' }, token)).toBe(
      `# Lists things.\ncurl -sS -X GET 'https://example.test/a?b=c' \\\n  -H 'Authorization: Bearer ${token}'\n`,
    );
    expect(formats.renderCurl({ method: 'POST', url: 'https://example.test/identities', body: '{}', purpose: 'Creates.' }, 'x')).toContain(
      `-H 'Content-Type: application/json' \\\n  --data-raw '{}'`,
    );
  });

  it('keeps a line break in the heading from ending the comment early', () => {
    expect(formats.renderShell('name\nrm -rf ~', [])).toBe('# name rm -rf ~\n');
  });

  it('writes the arrconfig.json shape of the ARR scripts, the key a placeholder unless given', () => {
    const config = JSON.parse(
      formats.renderArrConfig({
        accountId: 'id',
        accountDomain: 'westeurope.mixedreality.azure.com',
        region: 'westeurope',
        accountKey: null,
      }),
    ) as Record<string, Record<string, string>>;
    expect(Object.keys(config)).toEqual(['accountSettings', 'renderingSessionSettings', 'assetConversionSettings']);
    expect(config['accountSettings']).toEqual({
      arrAccountId: 'id',
      arrAccountKey: '<fill in the account key from the Azure Portal>',
      arrAccountDomain: 'westeurope.mixedreality.azure.com',
      region: 'westeurope',
    });
    expect(config['renderingSessionSettings']).toEqual({
      remoteRenderingDomain: 'westeurope.mixedreality.azure.com',
      vmSize: '<standard or premium>',
      maxLeaseTime: '<hh:mm:ss>',
    });
    expect(Object.keys(config['assetConversionSettings'] ?? {})).toContain('blobInputContainerName');
    const withKey = JSON.parse(
      formats.renderArrConfig({ accountId: 'id', accountDomain: 'mixedreality.azure.com', region: null, accountKey: 'a2V5' }),
    ) as typeof config;
    expect(withKey['accountSettings']?.['arrAccountKey']).toBe('a2V5');
    expect(withKey['renderingSessionSettings']?.['remoteRenderingDomain']).toMatch(/^<select from available regions/);
  });

  it('quotes any value so bash reads it back byte for byte', () => {
    fc.assert(
      fc.property(awkward, (value) => {
        const printed = bash(`${formats.renderShell(heading, [['VALUE', value]])}\nprintf '%s' "$VALUE"`);
        expect(printed).toBe(value);
      }),
      { numRuns: 150 },
    );
  });

  it('quotes any value so PowerShell reads it back unchanged (quotes, $, backticks and line breaks stay literal)', () => {
    fc.assert(
      fc.property(awkward, (value) => {
        expect(parsePowerShell(formats.renderPowerShell(heading, [['VALUE', value]])).get('VALUE')).toBe(value);
      }),
      { numRuns: 1000 },
    );
    expect(formats.renderPowerShell(heading, [['V', "it's $HOME `n"]])).toContain(`$env:V = 'it''s $HOME \`n'`);
  });

  it('quotes any value so a .env reader reads it back unchanged', () => {
    fc.assert(
      fc.property(awkward, (value) => {
        const { variables: read, problems } = readDotenv(formats.renderDotenv(heading, [['VALUE', value]]));
        expect(problems).toEqual([]);
        expect(read.map((v) => v.value)).toEqual([value]);
      }),
      { numRuns: 1000 },
    );
    expect(formats.dotenvValue(token)).toBe(token);
    expect(formats.dotenvValue('a b')).toBe("'a b'");
    expect(formats.dotenvValue(`it's\n"x"`)).toBe('"it\'s\\n\\"x\\""');
  });
});
