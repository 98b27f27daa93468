// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The typed wrappers are the only way to touch IPC: ipc-handle.ts (given ipcMain by main.ts) and the preload.
    files: ['electron/**'],
    ignores: ['electron/main/main.ts', 'electron/main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Register contract methods through electron/main/ipc-handle.ts; the preload is the only renderer-side IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**'],
    rules: forbid(
      ['electron'],
      ['**/renderer/**', '**/electron/web/**'],
      'electron/core/ runs in the CLI and browser mode too: platform needs come in as interfaces.',
    ),
  },
);
