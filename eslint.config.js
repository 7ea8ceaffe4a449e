import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

/**
 * The layers of src/ (ARCHITECTURE.md): which other folders of src/ each folder may import.
 * Data flows down; an import that runs back up fails the lint, so `npm test` fails.
 */
const mayImport = {
  sokoban: [],
  solver: ['sokoban'],
  share: ['sokoban'],
  render: ['sokoban'],
  // Level generation: an engine client, proven by the solver.
  generator: ['sokoban', 'solver'],
  worker: ['sokoban', 'solver', 'share', 'render', 'generator'],
  store: ['sokoban', 'solver', 'share', 'render', 'generator', 'worker'],
  // Only main.tsx (src/ itself) imports app/.
  app: ['sokoban', 'solver', 'share', 'render', 'generator', 'worker', 'store'],
  cli: ['sokoban', 'solver', 'share', 'render', 'generator', 'worker'],
};

const layerZones = Object.entries(mayImport).map(([folder, allowed]) => ({
  target: `./src/${folder}`,
  from: './src',
  except: [folder, ...allowed].map((name) => `./${name}`),
  message: `${folder}/ may import only ${allowed.length ? allowed.join('/, ') + '/' : 'itself'} from src/ (the layer rules, ARCHITECTURE.md).`,
}));

/** Layers that run without React and outside Node (the engine also in a worker). */
const browserFree = ['sokoban', 'solver', 'share', 'render', 'generator', 'worker'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench-results'] },
  js.configs.recommended,
  // Type-aware: floating and misused promises, unsafe `any`, exhaustive switches. New code must
  // pass it too; a `void` before a call now says "not awaited, on purpose" and the lint checks it.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`; putting
      // them in an expected object is the point. Reading `any` (member access, calls, returns)
      // is still an error.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/app/**/*.tsx'],
    // The accessible names are a contract (DESIGN.md): labels, roles and keyboard use are linted.
    ...jsxA11y.flatConfigs.recommended,
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses each imported module: it must know the TypeScript files and parser.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // Cycles of values (the plugin leaves out type-only imports, which vanish at run time).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: browserFree.map((folder) => `src/${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand'].map((name) => ({
            name,
            message: 'The engine, share, render and worker layers never import UI libraries.',
          })),
          patterns: [
            { regex: '^(react|zustand)/', message: 'No UI libraries below the store layer.' },
            { regex: '^node:', message: 'This layer also runs in the browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^node:', message: 'The app runs in the browser: no Node modules.' }],
        },
      ],
    },
  },
);
