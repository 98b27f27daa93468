import { AppError, type ErrorCode } from '../../../shared/errors.ts';
import { builtInRolesGranting, orList } from './permission-match.ts';
import { serviceWords } from './azure-http.ts';

/**
 * Azure Resource Manager's refusals in words a person can act on. ARM's own body is
 * `{"error":{"code","message"}}` (AZURE-PROTOCOLS.md §4); its message never carries a secret, but
 * only its code and the action it names are used here.
 */

/** How every refusal for a missing role ends (ARM, the STS, ACS): who can fix it, where, and the delay before it applies. */
export const assignRoleAdvice =
  'Ask an Owner to assign the role (Access control (IAM) in the Azure portal); a new assignment can take a few minutes to apply.';

/** An ARM refusal: the app's code and message, plus ARM's status and error code for callers that try another way. */
export class ArmRequestError extends AppError {
  readonly status: number;
  readonly armCode: string;

  constructor(code: ErrorCode, message: string, status: number, armCode: string) {
    super(code, message);
    this.name = 'ArmRequestError';
    this.status = status;
    this.armCode = armCode;
  }
}

export interface ArmFailureContext {
  /** Who called, as the user knows the identity. */
  who: string;
  /** What was being done, as a phrase after "may not": "list the keys of contoso-arr". */
  what: string;
  /** The ARM action the call needs, when the caller knows it. */
  action?: string | undefined;
}

export function armFailure(status: number, body: unknown, context: ArmFailureContext): ArmRequestError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const armCode = typeof error?.code === 'string' ? error.code : `HTTP${status}`;
  const armMessage = typeof error?.message === 'string' ? error.message : '';
  const { who, what } = context;
  if (status === 401) {
    if (armCode === 'InvalidAuthenticationTokenTenant') {
      return new ArmRequestError(
        'azure_unauthorized',
        `${who} is signed in to a tenant other than the one that holds this subscription, so Azure will not let it ${what}. ` +
          `Sign in to that tenant, or use an identity of it.`,
        status,
        armCode,
      );
    }
    return new ArmRequestError(
      'azure_unauthorized',
      `Azure Resource Manager refused the sign-in of ${who} (${armCode}) when asked to ${what}. Sign ${who} in again.`,
      status,
      armCode,
    );
  }
  if (status === 403) {
    const action = context.action ?? /perform action '([^']+)'/i.exec(armMessage)?.[1];
    const roles = action ? builtInRolesGranting(action, 'action') : [];
    const needs = action
      ? ` That needs the permission ` +
        `${action}${roles.length > 0 ? `, which ${orList(roles)} ${roles.length > 1 ? 'grant' : 'grants'}` : ''}.`
      : '';
    return new ArmRequestError('azure_forbidden', `${who} may not ${what} (${armCode}).${needs} ${assignRoleAdvice}`, status, armCode);
  }
  if (status === 404) {
    return new ArmRequestError(
      'not_found',
      `Azure Resource Manager found nothing when asked to ${what} (${armCode}): the resource may have been deleted or moved, or ` +
        `${who} cannot see its subscription.`,
      status,
      armCode,
    );
  }
  const said = armMessage ? `: ${serviceWords(armMessage, 300)}` : '';
  return new ArmRequestError(
    'azure_bad_request',
    `Azure Resource Manager refused to ${what} (HTTP ${status}, ${armCode})${said}`,
    status,
    armCode,
  );
}
