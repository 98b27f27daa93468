import type { z } from 'zod';
import { parseAccountFile, type ParsedItem } from '../../../shared/account-files.ts';
import { accountInputSchema, type accountImportInputSchema, type ImportItem, type ImportReport } from '../../../shared/accounts.ts';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import { toFieldIssues } from '../../../shared/validation.ts';
import type { AccountInput } from './account-changes.ts';
import { nameKey } from './account-record.ts';
import type { AccountsStore } from './accounts-store.ts';
import { decryptExport } from '../platform/export-file.ts';

export type ImportRequest = z.output<typeof accountImportInputSchema>;

/** One previewed item and, when it can be added, the validated input. */
type Checked = { item: ImportItem; input?: AccountInput };

/**
 * Import: recognise the text (connection string, .env, JSON export, encrypted export, arrconfig),
 * validate every item as the Add form would, and flag names already taken. A dry run only reports;
 * a real import adds the chosen items (or every ready one) all together, or none of them.
 */
export async function importAccounts(store: AccountsStore, request: ImportRequest): Promise<ImportReport> {
  const { format, items } = await readItems(request);
  const existing = new Set((await store.records()).map((record) => nameKey(record.name)));
  const checked = check(items, existing, store.knownClouds());
  if (request.dryRun) return { format, items: checked.map(({ item }) => item), added: 0 };

  const chosen = chosenIndexes(request.only, checked);
  const inputs = chosen.map((index) => checked[index]?.input as AccountInput);
  const views = await store.addMany(inputs, (field, position) => `${chosen[position]}.${field}`);
  const added = new Map(chosen.map((index, position) => [index, views[position]?.id]));
  const reported = checked.map(({ item }): ImportItem => {
    const id = added.get(item.index);
    return id ? { ...item, status: 'added', id } : { ...item, status: item.status === 'ready' ? 'skipped' : item.status };
  });
  return { format, items: reported, added: views.length };
}

async function readItems(request: ImportRequest): Promise<{ format: ImportReport['format']; items: ParsedItem[] }> {
  const options = { fileName: request.fileName, cloud: request.cloud };
  const parsed = parseAccountFile(request.text, options);
  if (!('encrypted' in parsed)) return parsed;
  if (!request.passphrase) {
    const message = 'This export is encrypted: enter the passphrase it was exported with';
    throw new AppError('invalid_input', `${message}.`, [{ path: 'passphrase', message }]);
  }
  const inner = parseAccountFile(await decryptExport(request.text, request.passphrase), options);
  if ('encrypted' in inner)
    throw new AppError('invalid_input', 'The encrypted export holds another encrypted export: decrypt it once and import the inner file.');
  return { format: 'encrypted-json', items: inner.items };
}

function check(items: readonly ParsedItem[], existing: ReadonlySet<string>, clouds: readonly string[]): Checked[] {
  const taken = new Set(existing);
  return items.map((parsed, index): Checked => {
    const base = { index, name: parsed.name, kind: parsed.kind, secrets: [...parsed.secrets] };
    const result = accountInputSchema.safeParse(parsed.raw);
    const issues: FieldIssue[] = [...parsed.issues, ...(result.success ? [] : toFieldIssues(result.error))];
    if (result.success && !clouds.includes(result.data.cloud)) {
      issues.push({
        path: 'cloud',
        message: `"${result.data.cloud}" is not a cloud profile this app knows. Use one of: ${clouds.join(', ')}`,
      });
    }
    if (!result.success || issues.length > 0) return { item: { ...base, status: 'invalid', issues } };
    const name = result.data.name;
    if (taken.has(nameKey(name))) {
      const where = existing.has(nameKey(name))
        ? 'An account with this name already exists'
        : 'An earlier account in the file has this name';
      return { item: { ...base, name, status: 'duplicate', issues: [{ path: 'name', message: `${where}: rename one of them` }] } };
    }
    taken.add(nameKey(name));
    return { item: { ...base, name, status: 'ready', issues: [] }, input: result.data };
  });
}

/** The items to add: those asked for (each must be ready), or every ready one. */
function chosenIndexes(only: readonly number[] | undefined, checked: readonly Checked[]): number[] {
  if (!only) {
    const ready = checked.filter(({ item }) => item.status === 'ready').map(({ item }) => item.index);
    if (ready.length === 0)
      throw new AppError('invalid_input', 'None of the accounts in the file can be imported: fix the problems the preview lists.');
    return ready;
  }
  const unique = [...new Set(only)];
  if (unique.length === 0)
    throw new AppError('invalid_input', 'Choose at least one account to import.', [
      { path: 'only', message: 'Choose at least one account' },
    ]);
  for (const index of unique) {
    const found = checked[index]?.item;
    if (!found) {
      const message = `The file has no item ${index + 1}: preview it again`;
      throw new AppError('invalid_input', message, [{ path: 'only', message }]);
    }
    if (found.status === 'duplicate') {
      const message = `"${found.name}" is already taken: rename it in the file or in the app, or leave it out`;
      throw new AppError('conflict', `Nothing was imported. ${message}.`, [{ path: `${index}.name`, message }]);
    }
    if (found.status !== 'ready') {
      const message = `Item ${index + 1} ("${found.name}") has problems: fix them in the file or leave it out`;
      throw new AppError(
        'invalid_input',
        `Nothing was imported. ${message}.`,
        found.issues.map((issue) => ({ path: issue.path ? `${index}.${issue.path}` : `${index}`, message: issue.message })),
      );
    }
  }
  return unique;
}
