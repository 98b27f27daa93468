import { z } from 'zod';
import type { CloudProfileView } from './clouds.ts';
import { settingsPatchSchema, type Settings } from './settings.ts';

/**
 * The contract: every method the renderer (over IPC or browser-mode HTTP) and the CLI can call,
 * each with a zod schema for its input and the type of its output. The preload bridge, the
 * browser-mode client, the CLI and the core's handler table are all derived from this object, so a
 * method exists everywhere or nowhere.
 */

const none = z.undefined().or(z.object({}).strict()).transform(() => undefined);

/** Declares a method: its input schema, and (as a type only) what it returns. */
function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

export type RunMode = 'electron' | 'browser' | 'cli' | 'test';

export interface AppInfo {
  name: string;
  version: string;
  mode: RunMode;
  platform: string;
  /** Versions of the runtimes this process runs on. */
  runtime: { node: string; electron?: string; chrome?: string };
  /** Where all state lives: the OS app-data folder, or AZCRED_HOME. */
  dataFolder: string;
  dataFolderSource: 'AZCRED_HOME' | 'default';
}

export const contract = {
  'app.info': method<typeof none, AppInfo>(none),
  'clouds.list': method<typeof none, CloudProfileView[]>(none),
  'settings.get': method<typeof none, Settings>(none),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
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
