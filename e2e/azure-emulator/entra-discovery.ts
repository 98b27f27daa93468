import type { EmulatorContext } from './emulator-context.ts';
import type { TenantSelection } from './entra-directory.ts';

/** The tenant's OpenID configuration: MSAL reads the endpoints and checks `issuer` is on the authority's host. */
export function openIdConfiguration(context: EmulatorContext, selection: TenantSelection): Record<string, unknown> {
  const base = `${context.urls.entra}/${selection.segment}`;
  // For common/organizations Entra publishes the literal `{tenantid}` placeholder in the issuer.
  const issuerTenant = selection.kind === 'one' ? selection.tenant.id : '{tenantid}';
  const host = new URL(context.urls.entra).host;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${context.urls.entra}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function jsonWebKeySet(context: EmulatorContext): Record<string, unknown> {
  return { keys: [{ ...context.keys.entra.jwk, issuer: `${context.urls.entra}/{tenantid}/v2.0` }] };
}
