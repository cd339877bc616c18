// Lint rules, including the layer rules: core never imports Electron, the renderer imports
// only types from electron/, nothing imports ipcRenderer/ipcMain outside their one module each.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests and fixtures use empty destructuring for Playwright fixtures.
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/web/**', 'electron/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core, CLI and browser mode are plain Node: never import electron here.' }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '!**/electron/contract', '!**/electron/contract/**'], message: 'The renderer reaches the core only through the contract.' }, { regex: '(^|/)electron/contract(/(?!first-screen$)[^/]+)?$', allowTypeImports: true, message: 'The renderer imports only types from the contract (first-screen.ts is plain data and may be imported).' }] },
      ],
    },
  },
  {
    // The bin shim is CommonJS on purpose: it must run on any Node without a loader.
    files: ['bin/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
