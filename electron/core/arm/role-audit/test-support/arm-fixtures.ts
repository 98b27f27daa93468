import type { IdentityView } from '../../../../../shared/identities.ts';
import type { RoleAuditCell, RoleAuditReport } from '../../../../../shared/roles.ts';
import {
  certificateServicePrincipalAppId,
  contosoSubscription,
  contosoTenantId,
  defaultScenario,
} from '../../../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { ScenarioInput } from '../../../../../e2e/azure-emulator/scenario.ts';
import type { RunningEmulator } from '../../../../../e2e/azure-emulator/server.ts';
import type { Core } from '../../../core.ts';
import { coreValues } from '../../../test-support/test-core.ts';
import { addRenderPipeline, signInUser } from '../../../tokens/test-support/tokens-fixtures.ts';

/** Shared set-up for the ARM tests: the default scenario with a few more Fabrikam assignments, and signed-in identities. */

export const fabrikamSubscription = '6a9f3c2e-4d1b-4f8a-9c7e-fab0c0de0002';
export const fabrikamAccountScope = `/subscriptions/${fabrikamSubscription}/resourceGroups/rg-fabrikam-demo/providers/Microsoft.MixedReality/remoteRenderingAccounts/fabrikam-arr`;
export const renderArtistsGroupId = 'c3d2e9f4-5d6f-4071-8cbd-000000000001';
export const nestorId = 'b2e1d8c3-4c5e-4f60-9bac-000000000001';
/** A custom role whose name holds what CSV and Markdown must escape. */
export const awkwardRoleName = 'Fabrikam "ops", render | convert';
export const westeuropeScope = `/subscriptions/${contosoSubscription}/resourceGroups/rg-mixed-reality/providers/Microsoft.MixedReality/remoteRenderingAccounts/contoso-arr-westeurope`;

/**
 * The default scenario, fast device-code polling, and Nestor holding six roles on fabrikam-arr
 * (more than the scenario's page size of five), one of them a custom role with an awkward name.
 */
export function armScenario(): ScenarioInput {
  const scenario = defaultScenario({ deviceCodeIntervalSeconds: 1 });
  const custom = '7c1e9b2a-5f3d-4a6e-8b0c-0000000000f1';
  scenario.roleDefinitions = [
    ...(scenario.roleDefinitions ?? []),
    {
      id: custom,
      roleName: awkwardRoleName,
      description: 'Converts models.',
      permissions: [{ dataActions: ['Microsoft.MixedReality/RemoteRenderingAccounts/convert/*'] }],
      assignableScopes: [`/subscriptions/${fabrikamSubscription}`],
    },
  ];
  const extra = [
    ['Reader', `/subscriptions/${fabrikamSubscription}`],
    ['Reader', `/subscriptions/${fabrikamSubscription}/resourceGroups/rg-fabrikam-demo`],
    ['Contributor', `/subscriptions/${fabrikamSubscription}/resourceGroups/rg-fabrikam-demo`],
    [custom, fabrikamAccountScope],
  ] as const;
  scenario.roleAssignments = [
    ...(scenario.roleAssignments ?? []),
    ...extra.map(([role, scope], i) => ({
      id: `f0a1b2c3-d4e5-4f60-8a1b-0000000000${String(i + 1).padStart(2, '0')}`,
      principalId: nestorId,
      role,
      scope,
    })),
  ];
  return scenario;
}

export interface ArmIdentities {
  alex: IdentityView;
  adele: IdentityView;
  isaiah: IdentityView;
  diego: IdentityView;
  nestor: IdentityView;
  /** The secret service principal: Remote Rendering Client on East US, Communication and Email Service Owner on rg-communication. */
  pipeline: IdentityView;
  /** The certificate service principal: Reader on the Contoso subscription, Contributor on rg-communication. */
  buildAgent: IdentityView;
}

export async function signInEveryone(core: Core, emulator: RunningEmulator): Promise<ArmIdentities> {
  const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
  if (!certificate) throw new Error('the default scenario generates a certificate');
  return {
    alex: await signInUser(core, emulator, 'alex.wilber'),
    adele: await signInUser(core, emulator, 'adele.vance'),
    isaiah: await signInUser(core, emulator, 'isaiah.langer'),
    diego: await signInUser(core, emulator, 'diego.siciliani'),
    nestor: await signInUser(core, emulator, 'nestor.wilke'),
    pipeline: await addRenderPipeline(core),
    buildAgent: await coreValues(core).identities.addServicePrincipal({
      cloud: 'AzureEmulator',
      tenant: contosoTenantId,
      clientId: certificateServicePrincipalAppId,
      name: 'Build agent',
      certificatePem: `${certificate.certPem}${certificate.privateKeyPem}`,
    }),
  };
}

/** The cell of one identity on one account, or a failure naming what was missing. */
export function cellOf(report: RoleAuditReport, identity: IdentityView, accountName: string): RoleAuditCell {
  const resource = report.resources.find((r) => r.name === accountName);
  const cell = report.cells.find((c) => c.identityId === identity.id && c.accountId === resource?.accountId);
  if (!cell) throw new Error(`No cell for ${identity.name} on ${accountName}`);
  return cell;
}

export function capabilityOf(cell: RoleAuditCell, id: string): RoleAuditCell['capabilities'][number] {
  const capability = cell.capabilities.find((c) => c.id === id);
  if (!capability) throw new Error(`No capability ${id} in the cell (state ${cell.state}: ${cell.problem?.message ?? ''})`);
  return capability;
}
