import { formatAcsConnectionString } from './acs-connection-string.ts';
import { readDotenv, type EnvProblem } from './account-files-dotenv.ts';
import {
  checkItemCount,
  fallbackName,
  fileStem,
  finishItem,
  notAnAccountFile,
  splitTags,
  type ParsedItem,
  type ParseOptions,
} from './account-files-item.ts';
import type { FieldIssue } from './errors.ts';

type Kind = 'arr' | 'acs';
type Field =
  | 'accountId'
  | 'accountDomain'
  | 'region'
  | 'primaryKey'
  | 'secondaryKey'
  | 'connectionString'
  | 'endpoint'
  | 'accessKey'
  | 'name'
  | 'tags'
  | 'cloud'
  | 'notes';
type Target = { scope: Kind | 'group'; field: Field };

/**
 * Variable names, matched as the end of a variable's name after `_` or as the whole name; what
 * comes before is the account's prefix (`SHOWROOM_ARR_ACCOUNT_ID` → "showroom"). Besides our own
 * names, the ones Microsoft's SDK samples read: REMOTERENDERING_ARR_* (Remote Rendering),
 * MIXEDREALITY_ACCOUNT_* (Mixed Reality authentication), COMMUNICATION_CONNECTION_STRING,
 * COMMUNICATION_SAMPLES_CONNECTION_STRING and COMMUNICATION_ENDPOINT (Communication Services).
 */
const variables: Record<string, Target> = {
  ARR_ACCOUNT_ID: { scope: 'arr', field: 'accountId' },
  REMOTERENDERING_ARR_ACCOUNT_ID: { scope: 'arr', field: 'accountId' },
  MIXEDREALITY_ACCOUNT_ID: { scope: 'arr', field: 'accountId' },
  ARR_ACCOUNT_DOMAIN: { scope: 'arr', field: 'accountDomain' },
  REMOTERENDERING_ARR_ACCOUNT_DOMAIN: { scope: 'arr', field: 'accountDomain' },
  MIXEDREALITY_ACCOUNT_DOMAIN: { scope: 'arr', field: 'accountDomain' },
  ARR_REGION: { scope: 'arr', field: 'region' },
  ARR_ACCOUNT_REGION: { scope: 'arr', field: 'region' },
  ARR_ACCOUNT_KEY: { scope: 'arr', field: 'primaryKey' },
  ARR_ACCOUNT_PRIMARY_KEY: { scope: 'arr', field: 'primaryKey' },
  REMOTERENDERING_ARR_ACCOUNT_KEY: { scope: 'arr', field: 'primaryKey' },
  MIXEDREALITY_ACCOUNT_KEY: { scope: 'arr', field: 'primaryKey' },
  ARR_ACCOUNT_SECONDARY_KEY: { scope: 'arr', field: 'secondaryKey' },
  ARR_NAME: { scope: 'arr', field: 'name' },
  ARR_ACCOUNT_NAME: { scope: 'arr', field: 'name' },
  ARR_TAGS: { scope: 'arr', field: 'tags' },
  ARR_CLOUD: { scope: 'arr', field: 'cloud' },
  ARR_NOTES: { scope: 'arr', field: 'notes' },
  ACS_CONNECTION_STRING: { scope: 'acs', field: 'connectionString' },
  COMMUNICATION_SERVICES_CONNECTION_STRING: { scope: 'acs', field: 'connectionString' },
  COMMUNICATION_CONNECTION_STRING: { scope: 'acs', field: 'connectionString' },
  COMMUNICATION_SAMPLES_CONNECTION_STRING: { scope: 'acs', field: 'connectionString' },
  ACS_ENDPOINT: { scope: 'acs', field: 'endpoint' },
  COMMUNICATION_SERVICES_ENDPOINT: { scope: 'acs', field: 'endpoint' },
  COMMUNICATION_ENDPOINT: { scope: 'acs', field: 'endpoint' },
  ACS_ACCESS_KEY: { scope: 'acs', field: 'accessKey' },
  ACS_NAME: { scope: 'acs', field: 'name' },
  ACS_RESOURCE_NAME: { scope: 'acs', field: 'name' },
  ACS_TAGS: { scope: 'acs', field: 'tags' },
  ACS_CLOUD: { scope: 'acs', field: 'cloud' },
  ACS_NOTES: { scope: 'acs', field: 'notes' },
  // For the whole prefixed group; unprefixed, a bare NAME or TAGS is too likely to be someone else's.
  NAME: { scope: 'group', field: 'name' },
  TAGS: { scope: 'group', field: 'tags' },
  CLOUD: { scope: 'group', field: 'cloud' },
  NOTES: { scope: 'group', field: 'notes' },
};

const suffixes = Object.keys(variables).sort((a, b) => b.length - a.length);

/** Prefixes that say "Azure" rather than name an account. */
const genericPrefixes = new Set(['AZURE']);

interface Group {
  prefix: string;
  values: Record<Kind | 'group', Map<Field, string>>;
  issues: Record<Kind, FieldIssue[]>;
  /** Kinds with a malformed line of their own: the account is listed so its problem is seen. */
  broken: Set<Kind>;
}

/** Reads a `.env` file into accounts, one or two (ARR and ACS) per prefix. Throws when it names none. */
export function parseEnvAccounts(content: string, options: ParseOptions): ParsedItem[] {
  const { variables: found, problems } = readDotenv(content);
  const groups = new Map<string, Group>();
  const unplaced: FieldIssue[] = [];
  const groupOf = (prefix: string): Group => {
    let group = groups.get(prefix);
    if (!group) {
      group = { prefix, values: { arr: new Map(), acs: new Map(), group: new Map() }, issues: { arr: [], acs: [] }, broken: new Set() };
      groups.set(prefix, group);
    }
    return group;
  };
  for (const variable of found) {
    const place = placeOf(variable.name);
    if (!place || (place.target.scope === 'group' && !place.prefix)) continue;
    if (variable.value === '') continue;
    groupOf(place.prefix).values[place.target.scope].set(place.target.field, variable.value);
  }
  for (const problem of problems) placeProblem(problem, groupOf, unplaced);

  const stem = fileStem(options.fileName);
  const items: ParsedItem[] = [];
  for (const group of groups.values()) {
    const kinds = (['arr', 'acs'] as const).filter((kind) => group.broken.has(kind) || hasAccountField(group.values[kind]));
    for (const kind of kinds) items.push(groupItem(group, kind, kinds.length > 1, stem, [...group.issues[kind], ...unplaced], options));
  }
  if (items.length === 0)
    throw notAnAccountFile(problems.length ? problems.slice(0, 5).map((p) => ({ path: 'text', message: p.message })) : undefined);
  checkItemCount(items.length);
  return items;
}

function placeOf(variableName: string): { prefix: string; target: Target } | undefined {
  const upper = variableName.toUpperCase();
  for (const suffix of suffixes) {
    if (upper !== suffix && !upper.endsWith(`_${suffix}`)) continue;
    const target = variables[suffix];
    if (!target) return undefined;
    const prefix = upper.slice(0, Math.max(0, upper.length - suffix.length - 1));
    return { prefix: genericPrefixes.has(prefix) ? '' : prefix, target };
  }
  return undefined;
}

/** A malformed line whose variable is one of ours goes to that account and field; any other goes to every account. */
function placeProblem(problem: EnvProblem, groupOf: (prefix: string) => Group, unplaced: FieldIssue[]): void {
  const place = problem.name === undefined ? undefined : placeOf(problem.name);
  if (place && place.target.scope !== 'group') {
    const field =
      place.target.field === 'region' ? 'accountDomain' : place.target.field === 'accessKey' ? 'connectionString' : place.target.field;
    const group = groupOf(place.prefix);
    group.issues[place.target.scope].push({ path: field, message: problem.message });
    group.broken.add(place.target.scope);
    return;
  }
  unplaced.push({ path: '', message: problem.message });
}

function hasAccountField(values: Map<Field, string>): boolean {
  for (const field of values.keys()) if (!['name', 'tags', 'cloud', 'notes'].includes(field)) return true;
  return false;
}

function groupItem(
  group: Group,
  kind: Kind,
  both: boolean,
  stem: string | undefined,
  issues: FieldIssue[],
  options: ParseOptions,
): ParsedItem {
  const own = group.values[kind];
  const shared = group.values.group;
  const pick = (field: Field): string | undefined => own.get(field) || shared.get(field) || undefined;
  const raw: Record<string, unknown> = { kind };
  if (kind === 'arr') {
    setIf(raw, 'accountId', own.get('accountId'));
    setIf(raw, 'accountDomain', own.get('accountDomain') ?? own.get('region'));
    setIf(raw, 'primaryKey', own.get('primaryKey'));
    setIf(raw, 'secondaryKey', own.get('secondaryKey'));
  } else {
    const connectionString = own.get('connectionString');
    const endpoint = own.get('endpoint');
    const accessKey = own.get('accessKey');
    if (connectionString) raw.connectionString = connectionString;
    else if (endpoint && accessKey) raw.connectionString = formatAcsConnectionString({ endpoint, accessKey });
    else if (endpoint) raw.endpoint = endpoint;
    else if (accessKey) issues = [...issues, { path: 'endpoint', message: 'ACS_ACCESS_KEY needs ACS_ENDPOINT beside it' }];
  }
  setIf(raw, 'cloud', pick('cloud'));
  const tags = pick('tags');
  if (tags !== undefined) raw.tags = splitTags(tags);
  setIf(raw, 'notes', pick('notes'));

  const ownName = own.get('name') || undefined;
  const groupName = shared.get('name') ?? (group.prefix ? group.prefix.toLowerCase().replaceAll('_', '-') : stem);
  const name = ownName ?? (groupName ? (both ? `${groupName} (${kind.toUpperCase()})` : groupName) : fallbackName(kind, raw));
  raw.name = name;
  return finishItem(kind, name, raw, issues, options);
}

function setIf(raw: Record<string, unknown>, field: string, value: string | undefined): void {
  if (value !== undefined && value !== '') raw[field] = value;
}
