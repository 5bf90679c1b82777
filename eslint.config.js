import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

// Folders of lib/ that judge (model, calendar, rules, adapters) must never reach for
// extension APIs, the database or the UI: they run in node, in the check command and in tests.
const pureLibImports = {
  patterns: [
    { group: ['wxt', 'wxt/*', 'webextension-polyfill', '#imports'], message: 'lib/ is pure: no extension APIs here.' },
    { group: ['preact', 'preact/*'], message: 'lib/ is pure: no UI here.' },
    { group: ['dexie'], message: 'Only lib/store may use the database.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'bench-results/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render page-derived text as text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render page-derived text as text.' },
      ],
    },
  },
  {
    // One extension API everywhere: `import { browser } from 'wxt/browser'` (webextension-polyfill, see wxt.config.ts).
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: "Use `import { browser } from 'wxt/browser'` (promise-based in every browser)." },
        { name: 'browser', message: "Use `import { browser } from 'wxt/browser'` (promise-based in every browser)." },
      ],
    },
  },
  {
    files: ['lib/model/**', 'lib/calendar/**', 'lib/rules/**', 'lib/adapters/**', 'lib/messages/**'],
    rules: { 'no-restricted-imports': ['error', pureLibImports] },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
