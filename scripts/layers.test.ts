import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import localRules from './lint-import-cycles.ts';

/**
 * The layer and cycle rules in eslint.config.js (docs/architecture.md) refuse the imports they are
 * there to refuse, and let the ordinary downward ones through: a rule that never fires would let
 * the layout rot while `npm run lint` stayed green.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The rules an import of `specifier` from the (never written) file `file` breaks. */
async function brokenRules(file: string, specifier: string): Promise<string[]> {
  const code = `import { probe } from '${specifier}';\nexport const seen = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the core imports only downward', () => {
  it.each([
    ['electron/core/platform/probe.ts', '../tokens/token-record.ts', 'platform reaching up into a domain'],
    ['electron/core/platform/probe.ts', '../azure/arm-client.ts', 'platform reaching up into azure'],
    ['electron/core/azure/probe.ts', '../arm/arm-service.ts', 'azure reaching up into a domain'],
    ['electron/core/tokens/probe.ts', '../core.ts', 'a domain importing the composition'],
    ['electron/core/arm/role-audit/probe.ts', '../../api.ts', 'a domain importing dispatch'],
    ['electron/core/tokens/probe.ts', '../arm/arm-service.ts', 'tokens reaching sideways into arm'],
    ['electron/core/vault/probe.ts', '../accounts/accounts-store.ts', 'vault reaching up into accounts'],
    ['electron/core/entra/probe.ts', '../web/server.ts', 'the core importing a front door'],
  ])('refuses %s importing %s (%s)', async (file, specifier) => {
    expect(await brokenRules(file, specifier)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/core/tokens/probe.ts', '../platform/log.ts'],
    ['electron/core/tokens/probe.ts', '../azure/azure-http.ts'],
    ['electron/core/arm/probe.ts', '../accounts/accounts-store.ts'],
    ['electron/core/probe.ts', './tokens/tokens-service.ts'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await brokenRules(file, specifier)).toEqual([]);
  });
});

describe('front doors stand apart', () => {
  it.each([
    ['electron/main/probe.ts', '../cli/run-cli.ts'],
    ['electron/main/main.ts', '../web/server.ts'],
    ['electron/web/probe.ts', '../main/app-window.ts'],
    ['electron/cli/probe.ts', '../web/launch-links.ts'],
    ['electron/cli/commands/probe.ts', '../../main/notifications.ts'],
  ])('refuses %s importing %s', async (file, specifier) => {
    expect(await brokenRules(file, specifier)).toContain('no-restricted-imports');
  });

  it('lets a front door import the core', async () => {
    expect(await brokenRules('electron/web/probe.ts', '../core/platform/open-browser.ts')).toEqual([]);
  });
});

describe('no import cycles', () => {
  let folder: string;
  let cycleLint: ESLint;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-cycles-'));
    cycleLint = new ESLint({
      cwd: folder,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
        { files: ['**/*.ts'], plugins: { local: localRules }, rules: { 'local/no-import-cycle': 'error' } },
      ],
    });
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function write(files: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  }
  async function cycleMessages(name: string): Promise<string[]> {
    const [result] = await cycleLint.lintFiles([path.join(folder, name)]);
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('is switched on for electron/ and shared/', async () => {
    for (const file of ['electron/core/tokens/token-record.ts', 'electron/cli/main.ts', 'shared/accounts.ts']) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> };
      expect(config.rules['local/no-import-cycle'], file).toEqual([2]);
    }
  });

  it('refuses two files that import each other, even for types only, naming the circle', async () => {
    await write({
      'store.ts': "import { ageOf } from './reminder.ts';\nexport type Stored = { at: string };\nexport const age = ageOf;\n",
      'reminder.ts': "import type { Stored } from './store.ts';\nexport const ageOf = (s: Stored) => s.at;\n",
    });
    expect(await cycleMessages('store.ts')).toEqual([
      expect.stringMatching(/^local\/no-import-cycle: This import closes a circle: store\.ts → reminder\.ts → store\.ts\./),
    ]);
    expect(await cycleMessages('reminder.ts')).toHaveLength(1);
  });

  it('refuses a longer loop and lets a chain that runs one way through', async () => {
    await write({
      'a.ts': "export { b } from './b.ts';\nexport const a = 1;\n",
      'b.ts': "import { c } from './c.ts';\nexport const b = c;\n",
      'c.ts': "export const c = () => import('./a.ts');\n",
      'd.ts': "import { b } from './b.ts';\nexport const d = b;\n",
    });
    expect(await cycleMessages('a.ts')).toEqual([expect.stringContaining('a.ts → b.ts → c.ts → a.ts')]);
    expect(await cycleMessages('d.ts')).toEqual([]);
  });
});
