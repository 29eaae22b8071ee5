import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules that make up the UI layer; the core (model, sim, analysis, mermaid, share, cli, worker) must not import them. */
const uiImports = {
  paths: [
    { name: 'react', message: 'The core has no UI imports (DESIGN.md §9).' },
    { name: 'react-dom', message: 'The core has no UI imports (DESIGN.md §9).' },
    { name: 'zustand', message: 'The core has no UI imports (DESIGN.md §9).' },
    { name: 'recharts', message: 'The core has no UI imports (DESIGN.md §9).' },
    { name: '@xyflow/react', message: 'The core has no UI imports (DESIGN.md §9).' },
  ],
  patterns: [
    {
      group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*', '@xyflow/*'],
      message: 'The core has no UI imports.',
    },
    {
      group: ['**/ui/**', '**/store/**', '**/worker/**'],
      message: 'The core must not import UI, store or worker code.',
    },
  ],
};

/** The worker (a thin shell around the engine, DESIGN.md §9) is core too; it may import its own modules. */
const workerImports = {
  paths: uiImports.paths,
  patterns: [
    uiImports.patterns[0],
    { group: ['**/ui/**', '**/store/**'], message: 'The worker must not import UI or store code.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'build',
      'node_modules',
      'playwright-report',
      'playwright-report-*',
      'test-results',
      'test-results-*',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'event', message: 'Use the handler parameter.' }],
    },
  },
  {
    // Typed linting (docs/STYLE.md §9): rules that need the type checker, on the TypeScript sources.
    // A switch over a union names every member, even beside a `default`, so that a new kind, event or
    // action is a lint error wherever behaviour branches on it instead of a silent fallback.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/sim/**/*.ts',
      'src/analysis/**/*.ts',
      'src/share/**/*.ts',
      'src/mermaid/**/*.ts',
      'src/cli/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', uiImports] },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', workerImports] },
  },
  {
    // Determinism: the engine reads no wall clock and no Math.random; all randomness comes from seeded streams.
    files: ['src/sim/**/*.ts', 'src/analysis/**/*.ts', 'src/model/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from src/sim/random.ts.' },
        { object: 'Date', property: 'now', message: 'The engine has no wall clock.' },
        { object: 'performance', property: 'now', message: 'The engine has no wall clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine has no wall clock.' },
      ],
    },
  },
);
