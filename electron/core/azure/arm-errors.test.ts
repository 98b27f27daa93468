import { describe, expect, it } from 'vitest';
import { armFailure } from './arm-errors.ts';

const context = { who: 'ci-pipeline', what: 'list the keys of contoso-arr' };
const body = (code: string, message = '') => ({ error: { code, message } });

describe('ARM refusals in words', () => {
  it('asks to sign in again on a 401, and names the tenant problem apart', () => {
    expect(armFailure(401, body('ExpiredAuthenticationToken'), context)).toMatchObject({
      code: 'azure_unauthorized',
      status: 401,
      armCode: 'ExpiredAuthenticationToken',
      message:
        'Azure Resource Manager refused the sign-in of ci-pipeline (ExpiredAuthenticationToken) when asked to list the keys of ' +
        'contoso-arr. Sign ci-pipeline in again.',
    });
    expect(armFailure(401, body('InvalidAuthenticationTokenTenant'), context).message).toContain(
      'signed in to a tenant other than the one that holds this subscription',
    );
  });

  it('names the action ARM refused and the built-in roles that grant it on a 403', () => {
    const message =
      "The client 'x' with object id 'y' does not have authorization to perform action " +
      "'Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action' over scope '/subscriptions/s' or the scope is invalid.";
    const error = armFailure(403, body('AuthorizationFailed', message), context);
    expect(error).toMatchObject({ code: 'azure_forbidden', armCode: 'AuthorizationFailed' });
    expect(error.message).toBe(
      'ci-pipeline may not list the keys of contoso-arr (AuthorizationFailed). That needs the permission ' +
        'Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action, which Contributor or Owner grant. Ask an Owner to assign ' +
        'the role (Access control (IAM) in the Azure portal); a new assignment can take a few minutes to apply.',
    );
    expect(armFailure(403, body('RequestDisallowedByPolicy'), context).message).toBe(
      'ci-pipeline may not list the keys of contoso-arr (RequestDisallowedByPolicy). Ask an Owner to assign the role (Access ' +
        'control (IAM) in the Azure portal); a new assignment can take a few minutes to apply.',
    );
  });

  it('says what was not found on a 404, and quotes ARM on a 400 without control characters', () => {
    expect(armFailure(404, body('ResourceNotFound'), context)).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('found nothing when asked to list the keys of contoso-arr (ResourceNotFound)'),
    });
    expect(armFailure(400, body('MissingApiVersionParameter', 'The api-version is required.\u0007'), context).message).toBe(
      'Azure Resource Manager refused to list the keys of contoso-arr (HTTP 400, MissingApiVersionParameter): The api-version is required.',
    );
    expect(armFailure(400, 'not json', context)).toMatchObject({ code: 'azure_bad_request', armCode: 'HTTP400' });
  });
});
