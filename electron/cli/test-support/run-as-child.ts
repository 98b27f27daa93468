/**
 * The program the run-as tests start under `azcred run`: a Node process using the official Azure SDK
 * exactly as a user's script would, printing one JSON line of what it saw (claims, never tokens).
 *
 *   env                  its environment
 *   tokens R…            DefaultAzureCredential and ManagedIdentityCredential tokens for each resource R
 *   subscriptions URL    the subscriptions @azure/arm-resources-subscriptions lists at ARM endpoint URL
 *   raw                  the endpoint asked by hand: no header, a wrong header, the 2017-09-01 form
 *   one SCOPE [client_id=ID]   one ManagedIdentityCredential token, or its error's message
 */
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';

const [action, ...rest] = process.argv.slice(2);

// Without IDENTITY_ENDPOINT a managed-identity credential falls back to the Azure Instance Metadata
// Service, off this machine. The child stops unless that fallback is pointed at loopback, whoever started it.
const imdsHost = process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] ?? '';
if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?\/?$/.test(imdsHost)) {
  process.stderr.write(`run-as-child: AZURE_POD_IDENTITY_AUTHORITY_HOST must name a loopback address, not "${imdsHost}"\n`);
  process.exit(64);
}

function claims(token: string): Record<string, unknown> {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
  return { aud: payload['aud'], oid: payload['oid'], appid: payload['appid'], tid: payload['tid'], upn: payload['upn'] };
}

async function main(): Promise<unknown> {
  switch (action) {
    case 'env':
      return process.env;
    case 'tokens': {
      const dac = new DefaultAzureCredential();
      const mi = new ManagedIdentityCredential();
      const seen = [];
      for (const resource of rest) {
        const fromDac = await dac.getToken(`${resource}/.default`);
        const fromMi = await mi.getToken(`${resource}/.default`);
        seen.push({
          resource,
          dac: claims(fromDac.token),
          mi: claims(fromMi.token),
          expiresInSeconds: (fromMi.expiresOnTimestamp - Date.now()) / 1000,
        });
      }
      return seen;
    }
    case 'subscriptions': {
      const client = new SubscriptionClient(new DefaultAzureCredential(), { endpoint: rest[0] ?? '' });
      const names = [];
      for await (const subscription of client.subscriptions.list()) names.push(subscription.displayName);
      return names;
    }
    case 'raw': {
      const endpoint = process.env['IDENTITY_ENDPOINT'] ?? '';
      const ask = async (query: string, headers: Record<string, string>) => {
        const response = await fetch(`${endpoint}?${query}`, { headers });
        const body = (await response.json()) as Record<string, unknown>;
        return {
          status: response.status,
          message: body['message'],
          expiresOn: body['expires_on'],
          tokenType: body['token_type'],
          gotToken: typeof body['access_token'] === 'string',
        };
      };
      const arm = 'resource=https://management.azure.com';
      return {
        noHeader: await ask(`api-version=2019-08-01&${arm}`, {}),
        wrongHeader: await ask(`api-version=2019-08-01&${arm}`, { 'X-IDENTITY-HEADER': 'f'.repeat(64) }),
        form2017: await ask(`api-version=2017-09-01&${arm}`, { secret: process.env['MSI_SECRET'] ?? '' }),
        form2019: await ask(`api-version=2019-08-01&${arm}/`, { 'X-IDENTITY-HEADER': process.env['IDENTITY_HEADER'] ?? '' }),
      };
    }
    case 'one': {
      const clientId = rest.find((r) => r.startsWith('client_id='))?.slice('client_id='.length);
      try {
        return { claims: claims((await new ManagedIdentityCredential(clientId ? { clientId } : {}).getToken(rest[0] ?? '')).token) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    }
    default:
      throw new Error(`unknown action ${action}`);
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
