// Lint rules, and the machine check of the process boundaries: each folder may
// import only what its process has (see ../shared/STYLE.md, "folders are process boundaries").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'worker_threads'];

const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

/** Several forbidden groups in one rule: a later config block replaces the rule, it does not add to it. */
const forbidEach = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([group, message]) => ({ group, message })) }],
});

const reactPackages = ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-intl', 'dexie-react-hooks', '@tanstack/react-virtual'];
const noElectronOrNode = [['electron', 'electron/*', ...nodeBuiltins], 'renderer/ is a sandboxed web page: no Electron or Node imports; use renderer/window/bridge.ts.'];
// A path says the thread (see docs/architecture.md): the window's code, each worker's code, and the
// code every renderer thread may run (db/, log/, threads/) import one another only this way.
const noWindowCode = [['**/window/**', '**/window'], 'Only the window runs renderer/window/: worker and any-thread code may not import it.'];
const noWorkerCode = [['**/workers/**'], "A worker's code is its own: talk to it through its contract in renderer/threads/ and start it with new Worker(new URL(…))."];
const workerNames = ['sync', 'parse', 'search', 'pictures', 'opml', 'articles'];
const noReact = [reactPackages, 'React belongs to the window thread (renderer/window/).'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.renderer.json', './tsconfig.electron.json', './tsconfig.tooling.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A function a reader can hold: none in product code over 100 lines, blank lines and comments
    // included, a factory's returned closures counted within it.
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', ...nodeBuiltins],
      'shared/ runs in every process: no Electron, React, Dexie or Node imports here.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbidEach(noElectronOrNode),
    },
  },
  { files: ['renderer/window/**/*.ts', 'renderer/window/**/*.tsx'], rules: forbidEach(noElectronOrNode, noWorkerCode) },
  // Each worker imports its own folder, any-thread code and shared/; never another worker's code.
  ...workerNames.map((name) => ({
    files: [`renderer/workers/${name}/**/*.ts`],
    rules: forbidEach(noElectronOrNode, noReact, noWindowCode, [
      workerNames.filter((other) => other !== name).flatMap((other) => [`**/workers/${other}/**`, `../${other}/**`, `../${other}`]),
      "Another worker's code: use its contract in renderer/threads/.",
    ]),
  })),
  { files: ['renderer/db/**/*.ts', 'renderer/log/**/*.ts', 'renderer/threads/**/*.ts'], rules: forbidEach(noElectronOrNode, noReact, noWindowCode, noWorkerCode) },
  {
    // Every visible word comes from the catalogs (shared/i18n): a literal JSX text or a literal
    // aria-label, title, placeholder, alt or label fails, in English as much as in Spanish.
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': ['error', { props: { include: [['*', '{label,placeholder,title,alt,aria-label,aria-description,aria-roledescription,aria-valuetext}']] } }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: forbid(
      ['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks'],
      'electron/ is the main process and preload: no React or Dexie (they belong to renderer/).',
    ),
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
