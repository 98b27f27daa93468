import { contosoTenantId, secretServicePrincipal } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';

/** The emulator's two Remote Rendering accounts: West Europe has a primary key, East US is reached through an identity. */
export const westEuropeArr = { accountId: '35d830cb-f062-4062-9792-d6316039df56', domain: 'westeurope' } as const;
export const eastUsArr = { accountId: '8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f', domain: 'eastus' } as const;

export const armScope = 'https://management.azure.com/.default';

/** `azcred account add arr NAME` for one of the emulator's ARR accounts, on the emulator's cloud. */
export function addEmulatorArr(name: string, account: { accountId: string; domain: string }, ...more: string[]): string[] {
  const where = ['--account-id', account.accountId, '--account-domain', account.domain, '--cloud', 'AzureEmulator'];
  return ['account', 'add', 'arr', name, ...where, ...more];
}

/** `azcred login --service-principal` for the emulator's service principal that signs in with a secret (given on stdin). */
export function servicePrincipalLogin(...more: string[]): string[] {
  const who = ['--client-id', secretServicePrincipal.appId, '--tenant', contosoTenantId, '--cloud', 'AzureEmulator'];
  return ['login', '--service-principal', ...who, ...more];
}
