import type { z } from 'zod';
import { appMethods } from './app-info.ts';
import { appRegistrationMethods } from './app-registration.ts';
import { accountsMethods } from './accounts.ts';
import { activityMethods } from './activity.ts';
import { callsMethods } from './calls.ts';
import { cloudsMethods } from './clouds.ts';
import { credentialsMethods } from './credentials-for-job.ts';
import { discoveryMethods } from './discovery.ts';
import { identitiesMethods } from './identities.ts';
import { keyRotationMethods } from './key-rotation.ts';
import { rolesMethods } from './roles.ts';
import { settingsMethods } from './settings.ts';
import { tokenExportMethods } from './token-export.ts';
import { tokensMethods } from './tokens.ts';
import { vaultMethods } from './vault.ts';

export type { AppInfo, RunMode } from './app-info.ts';

/**
 * The contract: every method the renderer (over IPC or browser-mode HTTP) and the CLI can call,
 * each with a zod schema for its input and the type of its output. Each domain declares its methods
 * beside their schemas (`method()` in shared/method.ts); this file only joins them. The preload
 * bridge, the browser-mode client, the CLI and the core's handler modules are all derived from this
 * object, so a method exists everywhere or nowhere.
 */
export const contract = {
  ...appMethods,
  ...callsMethods,
  ...cloudsMethods,
  ...appRegistrationMethods,
  ...settingsMethods,
  ...vaultMethods,
  ...accountsMethods,
  ...identitiesMethods,
  ...tokensMethods,
  ...tokenExportMethods,
  ...credentialsMethods,
  ...discoveryMethods,
  ...rolesMethods,
  ...keyRotationMethods,
  ...activityMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
