import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';

/**
 * The canary sweep: distinctive secrets planted in every journey, then searched for, in every form
 * a leak could take, everywhere a secret must not be (files, logs, the browser profile, error
 * messages, the page). Each place is scanned as bytes, so binary stores (LevelDB, SQLite) count.
 */

/** A key-shaped secret nobody else would write: base64 of `CANARY-<label>-<random>`. */
export function canary(label: string): string {
  return Buffer.from(`CANARY-${label}-${randomBytes(6).toString('hex')}`).toString('base64');
}

/** The forms a secret may take once some code has handled it: as typed, base64, hex, UTF-16, and what its base64 decodes to. */
export function secretForms(value: string): Buffer[] {
  const forms = [
    Buffer.from(value),
    Buffer.from(value, 'utf16le'),
    Buffer.from(Buffer.from(value).toString('base64')),
    Buffer.from(Buffer.from(value).toString('hex')),
  ];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0) {
    const decoded = Buffer.from(value, 'base64');
    forms.push(decoded, Buffer.from(decoded.toString('hex')));
  }
  // A JWT's signature is what makes it a credential: on its own it is enough to rebuild the token.
  const signature = /^eyJ[\w-]+\.eyJ[\w-]+\.([\w-]+)$/.exec(value)?.[1];
  if (signature) forms.push(Buffer.from(signature));
  return forms.filter((form) => form.length >= 12);
}

export interface Finding {
  secret: string;
  where: string;
}

/** The secrets of one sweep, by label, and the search for any of them in text or bytes. */
export class CanaryList {
  readonly #forms = new Map<string, Buffer[]>();

  add(label: string, value: string): string {
    if (value.length < 12) throw new Error(`The secret "${label}" is too short to search for`);
    this.#forms.set(label, secretForms(value));
    return value;
  }

  get labels(): string[] {
    return [...this.#forms.keys()];
  }

  /** The labels of the secrets found in `content`, with `where` it was. */
  find(where: string, content: string | Buffer): Finding[] {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const found: Finding[] = [];
    for (const [secret, forms] of this.#forms) if (forms.some((form) => bytes.includes(form))) found.push({ secret, where });
    return found;
  }

  /** Every file under `folder` (recursively) but those `skip` names, as bytes. */
  async findInFolder(
    folder: string,
    whereName: string,
    skip: (relative: string) => boolean = () => false,
  ): Promise<{ files: string[]; findings: Finding[] }> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
    const scanned = files.filter((file) => !skip(file));
    const findings: Finding[] = [];
    for (const file of scanned) {
      const bytes = await readFile(path.join(folder, file)).catch(() => Buffer.alloc(0)); // a socket or a file gone since the listing
      findings.push(...this.find(`${whereName}/${file}`, bytes));
    }
    return { files: scanned, findings };
  }
}

/** The vault's own files: vault.bin, its last good copy and quarantined copies. Everything else in the data folder is scanned. */
export const isVaultFile = (relative: string) => /^vault\.bin(\.bak|\.corrupt-.*|\.quarantined-.*)?$/.test(path.basename(relative));

/** What this process (the browser-mode host and core run in the test's worker) writes to stdout and stderr, until stop(). */
export function captureProcessOutput(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tee =
    (original: typeof originals.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = tee(originals.out) as typeof process.stdout.write;
  process.stderr.write = tee(originals.err) as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    stop() {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}

/** Everything the renderer holds that a user or an assistive technology could read: markup with attributes, field values and the
 * accessibility tree. */
export async function whatThePageShows(page: Page): Promise<string> {
  const markup = await page.content();
  // Typed values live in the DOM properties, not in the markup.
  const values = await page
    .locator('input, textarea')
    .evaluateAll((fields) => fields.map((f) => (f as unknown as { value: string }).value));
  const tree = await page.locator('body').ariaSnapshot();
  return [markup, ...values, tree].join('\n');
}

/**
 * Fields holding `secrets` whose value the browser keeps: Chromium saves what is typed in a text
 * field or text area into the page's session-restore state on disk (Default/Sessions), unless the
 * field is a password field or says autocomplete="off" (itself or its form).
 */
export async function fieldsTheBrowserKeeps(page: Page, secrets: CanaryList): Promise<Finding[]> {
  const fields = await page.locator('input, textarea').evaluateAll((elements) =>
    elements.map((element) => {
      const field = element as unknown as {
        value: string;
        type: string;
        getAttribute(name: string): string | null;
        form: { getAttribute(name: string): string | null } | null;
        outerHTML: string;
      };
      const off = field.getAttribute('autocomplete') === 'off' || field.form?.getAttribute('autocomplete') === 'off';
      return { value: field.value, kept: field.type !== 'password' && !off, html: field.outerHTML.slice(0, 120) };
    }),
  );
  return fields
    .filter((f) => f.kept)
    .flatMap((f) => secrets.find(`a field whose value the browser saves for session restore: ${f.html}`, f.value));
}

/** The error messages the page shows right now: error bars and alerts. */
export async function errorMessagesShown(page: Page): Promise<string[]> {
  return page.locator('[data-code], [role="alert"], [role="alertdialog"]').allTextContents();
}

/** The contract's answers the page received, method by method: errors are messages a user may read, values are what the renderer holds. */
export function recordApiAnswers(page: Page): { method: string; body: string }[] {
  const answers: { method: string; body: string }[] = [];
  page.on('response', (response: Response) => {
    const method = /\/api\/([\w.]+)$/.exec(new URL(response.url()).pathname)?.[1];
    if (!method) return;
    void response
      .text()
      .then((body) => answers.push({ method, body }))
      .catch(() => undefined);
  });
  return answers;
}

/** The access log's entries (access-log.jsonl in the data folder, JSON lines), oldest first; none when there is no log yet. */
export async function accessLogEntries(
  dataFolder: string,
): Promise<{ action: string; kind: string; what: string; to: { front: string } }[]> {
  const text = await readFile(path.join(dataFolder, 'access-log.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { action: string; kind: string; what: string; to: { front: string } });
}
