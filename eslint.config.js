// ESLint flat config: typescript-eslint and the React hooks rules for code quality, and the
// layer rules of the house (README "The house") as import boundaries, so a wrong import
// fails `npm run lint` instead of a review. test/lint/eslintConfig.test.ts checks them.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import boundary: import sources matching `regex` are refused with `message`. */
const forbid = (regex, message) => ({ regex, message });

const HONO = forbid('^hono(/|$)', 'Only the HTTP layer (app.ts, errors.ts, routes/, auth/) uses hono.');
const SERVER = forbid('(^|/)server(/|$)', 'Browser code never imports server code (src/server).');
const BROWSER_LAYERS = forbid('(^|/)(client|react|components)(/|$)', 'src/contract is shared by browser and server: it imports no browser layer.');
const HTTP = forbid(
  '^\\.\\./(routes|auth|pages)/|^\\.\\./(app|errors|startProxyServer|cli|cliConfig)$',
  'The rules never import routes or the HTTP layer; they raise domain errors (domainErrors.ts).',
);
const BILLING = forbid('^\\.\\./billing/', 'Only routes and the app call billing rules.');

/**
 * The layers, each a folder, and what each may not import (README "The house"). Every
 * file matches one entry; the last entry a file matches wins, so entries go from broad
 * to narrow.
 */
const DEVTOOLS = forbid('(^|/)devtools(/|$)', 'Only billkit/devtools reaches the devtools: billkit never imports them.');

const layers = [
  { files: ['src/index.ts', 'src/contract/**', 'src/client/**', 'src/react/**', 'src/components/**', 'src/stripe/**'], patterns: [SERVER, DEVTOOLS] },
  { files: ['src/devtools/**'], patterns: [SERVER] },
  { files: ['src/contract/**'], patterns: [SERVER, DEVTOOLS, BROWSER_LAYERS] },
  { files: ['src/client/**'], patterns: [SERVER, DEVTOOLS, forbid('(^|/)(react|components)(/|$)', 'The client knows no React.')] },
  {
    files: ['src/react/**'],
    // Not even a component's labels: each component brings its own defaults (useLabels).
    patterns: [SERVER, DEVTOOLS, forbid('(^|/)components(/|$)', 'Hooks never import components; components bring their own labels to useLabels.')],
  },
  {
    files: ['src/server/billing/**'],
    patterns: [
      HONO,
      HTTP,
      forbid('^\\.\\./store/(?!Store$|records$)', 'Billing uses the store only through its interface (store/Store.ts, store/records.ts).'),
    ],
  },
  { files: ['src/server/store/**'], patterns: [HONO, HTTP, BILLING, forbid('^\\.\\./processor/', 'The store never imports processors.')] },
  { files: ['src/server/processor/**'], patterns: [HONO, HTTP, BILLING] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'proxy/dist/**', 'examples/**', 'storybook-static/**', 'coverage/**', '.billkit/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    // Node scripts; `document` appears only inside functions run in the page (page.evaluate).
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly', document: 'readonly' },
    },
  },
  ...layers.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
);
