/**
 * The one union of error codes every front door returns. A code is stable: the CLI maps codes to
 * exit statuses and the UI picks wording from them, so never rename one, only add.
 */
export const errorCodes = [
  /** Input failed the contract's schema; `issues` names the fields. */
  'invalid_input',
  /** The method name is not part of the contract. */
  'unknown_method',
  /** The caller is not allowed to call (wrong IPC sender, missing or wrong browser-mode token). */
  'forbidden',
  /** The thing asked for does not exist (account, identity, token, cloud). */
  'not_found',
  /** A name or id that must be unique is taken. */
  'conflict',
  /** The vault or keychain cannot be used as asked. */
  'vault_unavailable',
  /** Azure refused the credentials (HTTP 401). */
  'azure_unauthorized',
  /** Azure accepted the credentials but the principal lacks a role (HTTP 403). */
  'azure_forbidden',
  /** Azure asked us to slow down (HTTP 429) and the retry budget ran out. */
  'azure_throttled',
  /** Azure failed (HTTP 5xx) or timed out after every retry. */
  'azure_unavailable',
  /** Azure rejected the request itself (HTTP 400), for example a lifetime out of range. */
  'azure_bad_request',
  /** No network path to the endpoint (DNS, refused, TLS). */
  'network',
  /** Entra ID sign-in failed or needs the user (MFA, consent, Conditional Access, expired refresh). */
  'sign_in_required',
  /** Entra refused the sign-in app a token for this service (AADSTS65002: a Microsoft app not pre-authorized for it); signing in
   * again cannot help, your own app registration or a service principal can. */
  'client_not_preauthorized',
  /** The user cancelled an operation that was under way. */
  'cancelled',
  /** The data folder cannot be written: the disk is full, the folder is read-only, or permission is denied. */
  'storage_failed',
  /** The data folder is not safe to use: another user owns it or may write to it (the message says how to fix it). */
  'data_folder_unsafe',
  /** Anything else: a bug. The message never carries the internals. */
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A field-level problem with input, in words a person can act on. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `accountId` or `tags.0`; empty for the whole input. */
  path: string;
  message: string;
}

/** The error half of every result: a code from the union and a message that says what to do. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** What every front door answers when a bug reached its catch-all: the next step, never a stack, path or secret. */
export const internalError: AppErrorShape = {
  code: 'internal',
  message: 'Something went wrong inside the app. Try again; if it keeps happening, report it with the steps that led here.',
};

/**
 * An error a service throws on purpose. Its message is shown to the user as it is, so it must
 * never contain a secret; anything that is not an AppError is reported as `internal` without its
 * message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
