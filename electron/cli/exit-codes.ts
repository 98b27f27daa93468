import type { ErrorCode } from '../../shared/errors.ts';

/**
 * What `azcred` exits with, so scripts can tell failures apart. Documented in `azcred --help` and
 * docs/cli.md; never renumber one.
 */
export const exitCodes = {
  ok: 0,
  /** The operation failed: Azure refused or failed, the network is down, something broke. */
  failed: 1,
  /** The command line or its input was wrong. */
  usage: 2,
  /** The account, identity, token or cloud named does not exist. */
  notFound: 3,
  /** The vault or keychain cannot be used (locked, no Secret Service, wrong passphrase). */
  vault: 4,
  /** Entra ID needs the user: sign in again (`azcred login`). */
  signIn: 5,
  /** Azure refused the credentials (401) or the role is missing (403). */
  denied: 6,
  /** The sign-in app may not get tokens for this service (AADSTS65002): register your own app or use a service principal. */
  clientNotPreauthorized: 7,
  /** Cancelled by the user (Ctrl+C, or a sign-in cancelled in the browser). */
  cancelled: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'unknown_method':
    case 'conflict':
      return exitCodes.usage;
    case 'not_found':
      return exitCodes.notFound;
    case 'vault_unavailable':
      return exitCodes.vault;
    case 'sign_in_required':
      return exitCodes.signIn;
    case 'client_not_preauthorized':
      return exitCodes.clientNotPreauthorized;
    case 'azure_unauthorized':
    case 'azure_forbidden':
    case 'forbidden':
      return exitCodes.denied;
    case 'cancelled':
      return exitCodes.cancelled;
    default:
      return exitCodes.failed;
  }
}

export const exitCodeHelp = `Exit codes:
  0    done
  1    the operation failed (Azure failed or throttled, network down)
  2    usage: the command line or its input was wrong
  3    not found: no such account, identity, token or cloud
  4    the vault or keychain cannot be used
  5    sign-in needed: run \`azcred login\` again
  6    Azure refused the credentials or a role is missing
  7    the sign-in app may not get tokens for this service: \`azcred app register\`, or use a service principal
  130  cancelled`;
