// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way: app → features → corpus/components. Features do not reach into each
 * other, and nothing below app imports it, except the path builders every feature links with.
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
          target: ['./src/features', './src/embed'],
          from: './src/app',
          except: ['./paths.ts'],
          message: 'Only src/app/paths.ts may be imported from src/app.',
        },
        {
          target: ['./src/corpus', './src/components'],
          from: ['./src/app', './src/features', './src/embed'],
          message: 'Shared code does not depend on features or the app.',
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
    rules: {
      ...importBoundaries,
      'import-x/no-duplicates': 'error',
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
