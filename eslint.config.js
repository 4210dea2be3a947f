// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way: app → features / embed → lib / components → search → corpus. Features do
 * not reach into each other or into the app; the embed protocol's two pure modules are the only
 * part of src/embed that features use. The engine (src/search) and the corpus format
 * (src/corpus) hold no React and no DOM code, so the build, the worker and Node tests run them
 * as they are; the corpus format knows nothing of the engine.
 */
const importBoundaries = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './src/features/search',
          from: './src/features',
          except: ['./search'],
          message: 'Features do not import each other; compose them in src/app.',
        },
        {
          target: './src/features/publication',
          from: './src/features',
          except: ['./publication'],
          message: 'Features do not import each other; compose them in src/app.',
        },
        {
          target: './src/embed',
          from: './src/features',
          message: 'The embed layout does not import features; compose them in src/app.',
        },
        {
          target: './src/features',
          from: './src/embed',
          except: ['./embed-params.ts', './embed-snippet.ts'],
          message: 'Features use only the embed protocol (embed-params.ts, embed-snippet.ts).',
        },
        {
          target: [
            './src/features',
            './src/embed',
            './src/lib',
            './src/components',
            './src/search',
            './src/corpus',
            './src/i18n',
          ],
          from: './src/app',
          message: 'Nothing imports src/app: it only composes (paths live in src/lib).',
        },
        {
          target: ['./src/lib', './src/components'],
          from: ['./src/features', './src/embed'],
          message: 'Shared code does not depend on features or the embed layout.',
        },
        {
          target: './src/search',
          from: ['./src/features', './src/embed', './src/lib', './src/components'],
          message: 'The search engine depends only on the corpus format.',
        },
        {
          target: './src/i18n',
          from: [
            './src/search',
            './src/features',
            './src/embed',
            './src/lib',
            './src/components',
            './src/app',
          ],
          message: 'The catalogs and their helpers depend only on the corpus format (dates).',
        },
        {
          target: './src/search',
          from: './src/i18n',
          message: 'The search engine knows nothing of the interface language.',
        },
        {
          target: ['./src/search/!(client)/**', './src/search/*.ts'],
          from: './src/search/client',
          message:
            'Only the app uses the search client; what the worker shares with it (data files, ' +
            'the operations) lives beside src/search/protocol.ts.',
        },
        {
          target: './src/search/client',
          from: [
            './src/search/core',
            './src/search/index',
            './src/search/analysis',
            './src/search/glossary',
          ],
          message:
            'The client reaches the engine only through the worker and its session, so the ' +
            'search code stays out of the main bundle.',
        },
        {
          target: './src/corpus',
          from: [
            './src/search',
            './src/features',
            './src/embed',
            './src/lib',
            './src/components',
            './src/i18n',
          ],
          message: 'The corpus format depends on nothing else of the app.',
        },
        {
          target: './src',
          from: ['./scripts', './e2e'],
          message: 'The app does not import build scripts or e2e tests.',
        },
      ],
    },
  ],
};

/** React and the DOM stay out of the engine and the corpus format. */
const engineRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['react', 'react-dom', 'react-dom/*', 'react-router', '@tanstack/react-query'],
          message: 'src/search and src/corpus hold no React code.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement'].map(
      (name) => ({ name, message: 'src/search and src/corpus hold no DOM code.' }),
    ),
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      ...importBoundaries,
      'import-x/no-duplicates': 'error',
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports (STYLE.md).',
        },
      ],
    },
  },
  {
    files: ['src/search/**/*.ts', 'src/corpus/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: engineRules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    // Config files are consumed by tools that want a default export.
    files: ['*.config.{js,ts}', 'e2e/**/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
