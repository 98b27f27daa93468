import { powerShellQuote, shellQuote } from '../../../shared/acs-request-signing.ts';
import { mixedRealityRegions, regionDomain } from '../../../shared/mixed-reality-domain.ts';

/**
 * The text of each token export format, from facts gathered elsewhere (token-export.ts). Pure, so
 * each format can be pinned exactly and its quoting checked against bash and PowerShell's rules.
 */

/** Variables in the order they are written: the settings first, the token last but one, its expiry last. */
export type ExportVariables = readonly (readonly [name: string, value: string])[];

/** A comment line's text: control characters (a newline in an account name) would end the comment early. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}`;
}

/**
 * A `.env` value that dotenv, Docker Compose and `node --env-file` read back unchanged: bare when
 * it is plainly safe (JWTs, URLs, dates), single-quoted (nothing expands) when it has no `'` or line
 * break, otherwise double-quoted with \\, \", \n and \r escaped.
 */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./:+=@,-]*$/.test(value)) return value;
  if (!/['\r\n]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c] ?? c)}"`;
}

export function renderDotenv(heading: string, variables: ExportVariables): string {
  return `${[comment(heading), ...variables.map(([name, value]) => `${name}=${dotenvValue(value)}`)].join('\n')}\n`;
}

/** `export NAME='value'`: single quotes expand nothing in a POSIX shell; a quote inside is closed, escaped and reopened. */
export function renderShell(heading: string, variables: ExportVariables): string {
  return `${[comment(heading), ...variables.map(([name, value]) => `export ${name}=${shellQuote(value)}`)].join('\n')}\n`;
}

/** `$env:NAME = 'value'`: set for this PowerShell session only; a quote inside is doubled. */
export function renderPowerShell(heading: string, variables: ExportVariables): string {
  const lines = [
    comment(heading),
    '# These variables last for this PowerShell session only: dot-source the file (. ./token.ps1) to set them here.',
  ];
  return `${[...lines, ...variables.map(([name, value]) => `$env:${name} = ${powerShellQuote(value)}`)].join('\n')}\n`;
}

export function renderJson(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface CurlRequest {
  method: 'GET' | 'POST';
  url: string;
  /** A JSON body, for a POST. */
  body?: string;
  /** What the request does, for the comment above it. */
  purpose: string;
}

/** A curl command that sends the token as a Bearer token; every word single-quoted for a POSIX shell. */
export function renderCurl(request: CurlRequest, token: string): string {
  const lines = [`curl -sS -X ${request.method} ${shellQuote(request.url)}`, `-H ${shellQuote(`Authorization: Bearer ${token}`)}`];
  if (request.body !== undefined)
    lines.push(`-H ${shellQuote('Content-Type: application/json')}`, `--data-raw ${shellQuote(request.body)}`);
  return `${comment(request.purpose)}\n${lines.join(' \\\n  ')}\n`;
}

export interface ArrConfigFacts {
  accountId: string;
  accountDomain: string;
  /** The region sessions render in; null when the account's global domain names none. */
  region: string | null;
  /** The account key, only when the user confirmed putting it in the file. */
  accountKey: string | null;
}

const placeholder = {
  accountKey: '<fill in the account key from the Azure Portal>',
  region: `<select from available regions: ${mixedRealityRegions.join(', ')}>`,
  vmSize: '<standard or premium>',
  maxLeaseTime: '<hh:mm:ss>',
};

/**
 * The arrconfig.json of Microsoft's ARR scripts (Azure/azure-remote-rendering, Scripts/arrconfig.json):
 * accountSettings with the account and its domain, renderingSessionSettings with the rendering
 * domain, and assetConversionSettings left as the template's placeholders. `region` is the field
 * earlier versions of the scripts read. It has no field for a token: the scripts sign in with the key.
 * The VM size and lease time stay placeholders on purpose: they decide what a session costs.
 */
export function renderArrConfig(facts: ArrConfigFacts): string {
  return renderJson({
    accountSettings: {
      arrAccountId: facts.accountId,
      arrAccountKey: facts.accountKey ?? placeholder.accountKey,
      arrAccountDomain: facts.accountDomain,
      region: facts.region ?? placeholder.region,
    },
    renderingSessionSettings: {
      remoteRenderingDomain: facts.region ? regionDomain(facts.region) : placeholder.region,
      vmSize: placeholder.vmSize,
      maxLeaseTime: placeholder.maxLeaseTime,
    },
    assetConversionSettings: {
      resourceGroup: '<resource group which contains the storage account you created, only needed when uploading or generating SAS>',
      storageAccountName: '<name of the storage account you created>',
      blobInputContainerName: '<input container inside the storage container>',
      blobOutputContainerName: '<output container inside the storage container>',
      localAssetDirectoryPath: '<fill in a path to a local directory containing your asset (and files referenced from it like textures)>',
      inputFolderPath: '<optional: base folderpath in the input container for asset upload. uses / as dir separator>',
      inputAssetPath: '<the path to the asset under inputcontainer/inputfolderpath pointing to the input asset e.g. box.fbx>',
      outputFolderPath: '<optional: base folderpath in the output container - the converted asset and log files will be placed here>',
      outputAssetFileName: '<optional: filename for the converted asset, this will be placed in the output container under the outputpath>',
    },
  });
}
