/**
 * electron/core/arm/: the work done through Azure Resource Manager with an identity's token: finding
 * accounts (discovery/), the role audit (role-audit/) and key rotation. It imports accounts/, entra/,
 * vault/, azure/, platform/ and shared/; never tokens/.
 */

import type { z } from 'zod';
import type { DiscoveryImportResult, DiscoveryResult, discoveryImportSchema } from '../../../shared/discovery.ts';
import type { KeyRotationResult, rotateKeySchema } from '../../../shared/key-rotation.ts';
import type { RoleAuditReport, RoleReportExport, rolesAuditSchema, rolesExportSchema } from '../../../shared/roles.ts';
import type { AccountsStore } from '../accounts/accounts-store.ts';
import { rotateAccountKey } from './key-rotation.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import { discoverResources, importResources } from './discovery/discovery-service.ts';
import type { EntraService } from '../entra/entra-service.ts';
import { filterReport, formatReport, writeReport } from './role-audit/audit-report.ts';
import { runRoleAudit } from './role-audit/role-audit.ts';
import type { RetryRuntime } from '../azure/azure-retry.ts';
import type { VaultSession } from '../vault/vault-session.ts';
import type { ArmContext } from './arm-context.ts';

export interface ArmServiceDeps {
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
  vault: VaultSession;
  /** The same retry policy the token features use (tests shorten the waits). */
  runtime: RetryRuntime;
  /** Report files are refused inside it. */
  dataFolder: string;
}

/**
 * What the app does through Azure Resource Manager: discovery and import, the role audit and its
 * report (the last audit is kept in memory for export), and key rotation.
 */
export class ArmService {
  readonly #ctx: ArmContext;
  readonly #dataFolder: string;
  #lastReport: RoleAuditReport | undefined;

  constructor(deps: ArmServiceDeps) {
    this.#ctx = { accounts: deps.accounts, clouds: deps.clouds, entra: deps.entra, vault: deps.vault, runtime: deps.runtime };
    this.#dataFolder = deps.dataFolder;
  }

  discover(identityId: string, signal?: AbortSignal): Promise<DiscoveryResult> {
    return discoverResources({ ...this.#ctx, signal }, identityId);
  }

  importResources(input: z.output<typeof discoveryImportSchema>): Promise<DiscoveryImportResult> {
    return importResources(this.#ctx, input);
  }

  async audit(input: z.output<typeof rolesAuditSchema>, signal?: AbortSignal): Promise<RoleAuditReport> {
    const report = await runRoleAudit({ ...this.#ctx, signal }, input);
    this.#lastReport = report;
    return report;
  }

  /** The last audit this process ran, whatever it covered. */
  lastAudit(): RoleAuditReport | undefined {
    return this.#lastReport;
  }

  /** The last audit (limited to the identities and accounts given), or a new audit when there is none or `fresh` asks. */
  async exportReport(input: z.output<typeof rolesExportSchema>, signal?: AbortSignal): Promise<RoleReportExport> {
    const { identityIds, accountIds, format } = input;
    const scope = { ...(identityIds && { identityIds }), ...(accountIds && { accountIds }) };
    const report =
      input.fresh || !this.#lastReport ? await this.audit(scope, signal) : filterReport(this.#lastReport, identityIds, accountIds);
    const cells = report.cells.length;
    if (input.path === undefined) return { format, cells, text: formatReport(report, format) };
    await writeReport(report, format, input.path, { overwrite: input.overwrite, dataFolder: this.#dataFolder });
    return { format, cells, path: input.path };
  }

  rotateKey(input: z.output<typeof rotateKeySchema>, signal?: AbortSignal): Promise<KeyRotationResult> {
    return rotateAccountKey({ ...this.#ctx, signal }, input);
  }
}
