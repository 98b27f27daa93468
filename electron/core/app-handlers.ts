import os from 'node:os';
import type { Core } from './core.ts';
import type { HandlersFor, MethodsOf } from './platform/call-context.ts';

/** What the app is and where it keeps its state, for the About box and `azcred info`. */
export const appHandlers = {
  'app.info': ({ services, clipboard }) => ({
    name: 'Azure Credential Manager',
    version: services.options.version,
    mode: services.options.mode,
    platform: process.platform,
    runtime: { node: process.versions.node, ...services.options.runtime },
    dataFolder: services.options.dataFolder.path,
    dataFolderSource: services.options.dataFolder.source,
    homeFolder: os.homedir(),
    coreClipboard: clipboard !== undefined,
  }),
} satisfies HandlersFor<MethodsOf<'app'>, Pick<Core, 'options'>>;
