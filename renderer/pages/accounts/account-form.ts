import { accountInputSchema, accountUpdateSchema, acsResourceInputSchema, type AccountView } from '../../../shared/accounts.ts';
import type { MethodInput } from '../../../shared/contract.ts';
import type { AppErrorShape, FieldIssue } from '../../../shared/errors.ts';

type AddInput = MethodInput<'accounts.add'>;
type UpdateInput = MethodInput<'accounts.update'>;
type Changes = UpdateInput['changes'];

/**
 * What the Add / Edit dialog holds while the user types: plain strings for every field of both
 * kinds, turned into the contract's input on save. Secret fields start empty when editing: an
 * empty secret means "keep the stored one".
 */
export interface AccountForm {
  kind: AccountView['kind'];
  name: string;
  cloud: string;
  /** Comma-separated, as typed. */
  tags: string;
  notes: string;
  // Remote Rendering
  accountId: string;
  accountDomain: string;
  primaryKey: string;
  removePrimaryKey: boolean;
  secondaryKey: string;
  removeSecondaryKey: boolean;
  // Communication Services
  acsSource: 'connectionString' | 'endpoint';
  connectionString: string;
  endpoint: string;
}

export function emptyForm(kind: AccountView['kind'], cloud: string): AccountForm {
  return {
    kind,
    name: '',
    cloud,
    tags: '',
    notes: '',
    accountId: '',
    accountDomain: '',
    primaryKey: '',
    removePrimaryKey: false,
    secondaryKey: '',
    removeSecondaryKey: false,
    acsSource: 'connectionString',
    connectionString: '',
    endpoint: '',
  };
}

export function formFromAccount(account: AccountView): AccountForm {
  const form = { ...emptyForm(account.kind, account.cloud), name: account.name, tags: account.tags.join(', '), notes: account.notes };
  if (account.kind === 'arr') return { ...form, accountId: account.accountId, accountDomain: account.accountDomain };
  return { ...form, endpoint: account.endpoint, acsSource: account.hasAccessKey ? 'connectionString' : 'endpoint' };
}

function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The contract's input for a new account. Fields the user left empty are left out, so the core names them. */
export function addInput(form: AccountForm): AddInput {
  const common = { name: form.name, cloud: form.cloud, tags: parseTags(form.tags), notes: form.notes };
  if (form.kind === 'arr') {
    // No keys at all is allowed: the account is then used with Entra ID sign-in only.
    return {
      kind: 'arr',
      ...common,
      accountId: form.accountId,
      accountDomain: form.accountDomain,
      ...(form.primaryKey.trim() ? { primaryKey: form.primaryKey } : {}),
      ...(form.secondaryKey.trim() ? { secondaryKey: form.secondaryKey } : {}),
    };
  }
  return form.acsSource === 'connectionString'
    ? { kind: 'acs', ...common, connectionString: form.connectionString }
    : { kind: 'acs', ...common, endpoint: form.endpoint };
}

/**
 * Only what changed, and a secret only when the user typed a new one. Returns undefined when
 * nothing changed.
 */
export function changesFrom(account: AccountView, form: AccountForm): Changes | undefined {
  const before = formFromAccount(account);
  const shared: Record<string, unknown> = {};
  if (form.name !== before.name) shared['name'] = form.name;
  if (form.cloud !== before.cloud) shared['cloud'] = form.cloud;
  if (parseTags(form.tags).join('\n') !== account.tags.join('\n')) shared['tags'] = parseTags(form.tags);
  if (form.notes !== before.notes) shared['notes'] = form.notes;

  if (account.kind === 'arr') {
    if (form.accountId.trim() !== before.accountId) shared['accountId'] = form.accountId;
    if (form.accountDomain.trim() !== before.accountDomain) shared['accountDomain'] = form.accountDomain;
    if (form.removePrimaryKey) shared['primaryKey'] = null;
    else if (form.primaryKey.trim()) shared['primaryKey'] = form.primaryKey;
    if (form.removeSecondaryKey) shared['secondaryKey'] = null;
    else if (form.secondaryKey.trim()) shared['secondaryKey'] = form.secondaryKey;
  } else if (form.acsSource === 'connectionString') {
    if (form.connectionString.trim()) shared['connectionString'] = form.connectionString;
  } else {
    if (form.endpoint.trim() !== before.endpoint) shared['endpoint'] = form.endpoint;
    if (account.hasAccessKey) shared['removeAccessKey'] = true;
  }
  if (Object.keys(shared).length === 0) return undefined;
  return { kind: account.kind, ...shared } as Changes;
}

export type FieldErrors = Partial<Record<keyof AccountForm | 'form', string>>;

const formFields = new Set(Object.keys(emptyForm('arr', '')));

/**
 * Puts each issue under its field: `accountId`, `changes.name` and `tags.0` all name a field of the
 * form. A name conflict belongs to the name field; anything else is for the whole form.
 */
export function fieldErrors(error: AppErrorShape): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues ?? []) {
    const field = issue.path.replace(/^changes\./, '').split('.')[0] ?? '';
    const key = (field === 'removeAccessKey' ? 'connectionString' : field) as keyof AccountForm;
    // One message a field: a later check on the same value only says it again in other words.
    if (formFields.has(key) && key !== 'kind') errors[key] ??= issue.message;
    else errors.form = errors.form ? `${errors.form} ${issue.message}` : issue.message;
  }
  if (Object.keys(errors).length === 0) {
    if (error.code === 'conflict') errors.name = error.message;
    else errors.form = error.message;
  }
  return errors;
}

type Issues = readonly { path: readonly PropertyKey[]; message: string }[] | undefined;

/**
 * Every problem with what was typed, one per field, found with the core's own schemas before
 * calling it, so the form shows them all at once. An ACS resource's connection string (or
 * endpoint) is checked on its own too: the schema reads it only once the other fields pass, which
 * once showed the errors one at a time.
 */
export function formProblems(form: AccountForm, editing: AccountView | undefined): FieldIssue[] {
  const found = new Map<string, string>();
  const add = (issues: Issues, skip = 0) => {
    for (const issue of issues ?? []) {
      const field = issue.path.slice(skip).map(String)[0] ?? '';
      if (!found.has(field)) found.set(field, issue.message);
    }
  };
  if (editing) {
    const changes = changesFrom(editing, form);
    if (!changes) return [];
    add(accountUpdateSchema.safeParse({ id: editing.id, changes }).error?.issues, 1);
    if (changes.kind === 'acs' && (changes.connectionString !== undefined || changes.endpoint !== undefined)) {
      const { connectionString, endpoint } = changes;
      const alone = { kind: 'acs', ...(connectionString === undefined ? { endpoint } : { connectionString }) };
      add(accountUpdateSchema.safeParse({ id: editing.id, changes: alone }).error?.issues, 1);
    }
  } else {
    const input = addInput(form);
    add(accountInputSchema.safeParse(input).error?.issues);
    if (input.kind === 'acs') add(acsResourceInputSchema.safeParse({ ...input, name: 'checked above', tags: [], notes: '' }).error?.issues);
  }
  return [...found].map(([path, message]) => ({ path, message }));
}
