// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import localRules from './scripts/lint-import-cycles.ts';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Import rules that hold the layers apart (HOUSE-STYLE.md, "In this project" 2). */
const forbid = (
  /** @type {string[]} */ paths,
  /** @type {string[]} */ patterns,
  /** @type {string} */ message,
  /** @type {object[]} */ more = [],
) => ({
  'no-restricted-imports': [
    'error',
    { paths: [...paths.map((name) => ({ name, message })), ...more], patterns: patterns.map((p) => ({ group: [p], message })) },
  ],
});

/** One reason to refuse imports: whole modules (`paths`, optionally only some of their names) or specifier patterns. */
/** @typedef {{ message: string; paths?: string[]; importNames?: string[]; patterns?: string[] }} Restriction */

/** A no-restricted-imports setting made of several restrictions, each with its own message. */
const restrict = (/** @type {Restriction[]} */ ...restrictions) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: restrictions.flatMap(({ paths = [], importNames, message }) =>
        paths.map((name) => ({ name, message, ...(importNames ? { importNames } : {}) })),
      ),
      patterns: restrictions
        .filter(({ patterns = [] }) => patterns.length > 0)
        .map(({ patterns, message }) => ({ group: patterns, message })),
    },
  ],
});

/** The typed wrappers are the only way to touch IPC: ipc-handle.ts (given ipcMain by main.ts) and the preload. */
const ipcThroughWrappers = {
  paths: ['electron'],
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Register contract methods through electron/main/ipc-handle.ts; the preload is the only renderer-side IPC.',
};

const frontDoors = ['main', 'web', 'cli'];
const coreTests = ['**/*.test.ts', '**/test-support/**'];
/** A front door (the Electron main process, browser mode, the CLI) never imports another. */
const frontDoorApart = (/** @type {string} */ door) => ({
  patterns: frontDoors.filter((other) => other !== door).map((other) => `**/${other}/**`),
  message: `electron/${door}/ is a front door: what it shares with another lives below both, in electron/core/ (docs/architecture.md).`,
});

/** The core runs in Electron, browser mode and the CLI alike. */
const coreRunsEverywhere = {
  paths: ['electron'],
  patterns: ['**/renderer/**', ...frontDoors.map((door) => `**/${door}/**`)],
  message: 'electron/core/ runs in the CLI and browser mode too: platform needs come in as interfaces.',
};

/**
 * The core's folders, bottom up, each with the folders it may not import (those above it or beside
 * it). Domains import only downward or through an interface passed in: tokens/ and arm/ both build
 * on accounts/ and entra/, which build on vault/; none imports core.ts or api.ts.
 */
const domains = ['vault', 'accounts', 'entra', 'arm', 'tokens'];
const domainsBelow = /** @type {Record<string, string[]>} */ ({
  vault: [],
  accounts: ['vault'],
  entra: ['vault'],
  arm: ['vault', 'accounts', 'entra'],
  tokens: ['vault', 'accounts', 'entra'],
});
const coreLayers = /** @type {Record<string, string[]>} */ ({
  platform: ['azure', ...domains],
  azure: domains,
  ...Object.fromEntries(domains.map((d) => [d, domains.filter((other) => other !== d && !domainsBelow[d]?.includes(other))])),
});

/** The renderer's layer rule; its dialogs also go through ModalDialog, which gives the focus back when they close. */
const rendererImports = /** @type {const} */ ([
  ['electron', 'keytar', ...nodeBuiltins],
  ['**/electron/**', '**/e2e/**', '**/scripts/**'],
  'The renderer may import only shared/ and browser packages: everything else goes through the contract.',
]);
const fluentDialog = {
  name: '@fluentui/react-components',
  importNames: ['Dialog'],
  message: 'Use components/ModalDialog.tsx: it gives the focus back to the opener when the dialog closes.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.emulator/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS, so that an old Node can run it far enough to say which Node is needed.
    files: ['**/*.cjs', 'bin/azcred.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(...rendererImports, [fluentDialog]),
  },
  {
    files: ['renderer/components/ModalDialog.tsx'],
    rules: forbid(...rendererImports),
  },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: forbid(
      ['electron', 'keytar', ...nodeBuiltins],
      ['**/electron/**', '**/renderer/**', '**/e2e/**'],
      'shared/ is the contract both processes import: no Node, Electron or app code in it.',
    ),
  },
  {
    // Front doors stand side by side: what two of them share lives below them, in electron/core/.
    files: ['electron/main/**'],
    ignores: ['electron/main/main.ts', 'electron/main/preload.ts'],
    rules: restrict(ipcThroughWrappers, frontDoorApart('main')),
  },
  {
    files: ['electron/main/main.ts', 'electron/main/preload.ts'],
    rules: restrict(frontDoorApart('main')),
  },
  {
    files: ['electron/web/**'],
    rules: restrict(ipcThroughWrappers, frontDoorApart('web')),
  },
  {
    files: ['electron/cli/**'],
    rules: restrict(ipcThroughWrappers, frontDoorApart('cli')),
  },
  {
    files: ['electron/core/**'],
    ignores: coreTests,
    rules: restrict(coreRunsEverywhere),
  },
  {
    // A core test may drive a front door end to end (azcred on a refused data folder), never Electron.
    files: coreTests.map((glob) => `electron/core/${glob}`),
    rules: restrict({ ...coreRunsEverywhere, patterns: ['**/renderer/**'] }),
  },
  // The core's layers, bottom up: platform, azure, the domains, then core.ts and api.ts. Tests may reach across.
  ...Object.entries(coreLayers).map(([folder, above]) => ({
    files: [`electron/core/${folder}/**`],
    ignores: coreTests,
    rules: restrict(coreRunsEverywhere, {
      patterns: [...above.map((higher) => `**/${higher}/**`), '**/core.ts', '**/api.ts'],
      message:
        `electron/core/${folder}/ may import only the layers below it (docs/architecture.md): ` +
        'move what it needs down, or take it as an interface passed in.',
    }),
  })),
  {
    files: ['electron/**', 'shared/**'],
    plugins: { local: localRules },
    rules: { 'local/no-import-cycle': 'error' },
  },
);
