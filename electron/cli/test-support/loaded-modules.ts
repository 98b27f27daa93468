import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAzcred, type AzcredRun } from './run-azcred.ts';

const recorder = fileURLToPath(new URL('./record-loaded-modules.ts', import.meta.url));

/** What one azcred run loaded: which parts of the CLI, and whether MSAL or an Azure SDK was among them. */
export interface LoadedModules {
  /** The full CLI (dist/cli/full-cli.mjs, or electron/cli/full-cli.ts without a bundle). */
  fullCli: boolean;
  /** MSAL or an Azure SDK package (@azure/*, @azure-rest/*), from node_modules or a bundle chunk made of one. */
  azureSdk: string[];
}

/**
 * Runs azcred like `runAzcred` with a module recorder preloaded (`node --import`) and says what it
 * loaded. A bundle chunk counts as an Azure SDK when esbuild's path comments in it name one
 * (`// node_modules/@azure/msal-node/...`): the chunk names are only hashes.
 */
export async function runAzcredRecordingLoads(
  args: readonly string[],
  options: { home: string; stdin?: string },
): Promise<AzcredRun & { loaded: LoadedModules }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-loads-'));
  try {
    const list = path.join(folder, 'loaded.txt');
    const run = await runAzcred(args, { ...options, nodeOptions: ['--import', recorder], env: { AZCRED_TEST_LOADED_MODULES: list } });
    const urls = (await readFile(list, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
    const azureSdk: string[] = [];
    for (const url of urls) {
      const file = fileURLToPath(url);
      const azurePackage = /node_modules\/(@azure(?:-rest)?\/[^/]+)\//.exec(file)?.[1];
      if (azurePackage) azureSdk.push(azurePackage);
      else if (
        file.includes(`${path.sep}dist${path.sep}cli${path.sep}`) &&
        /^\/\/ node_modules\/@azure(-rest)?\//m.test(await readFile(file, 'utf8'))
      )
        azureSdk.push(path.basename(file));
    }
    return { ...run, loaded: { fullCli: urls.some((url) => /\/full-cli\.(mjs|ts)$/.test(url)), azureSdk: [...new Set(azureSdk)] } };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
