// ESLint flat config. Type-aware (typescript-eslint's project service reads tsconfig.json and
// its two references), and the place where the layering in DESIGN.md is enforced:
//
//   src/shared    plain TypeScript: no node builtins, electron, react, DOM or app imports
//   src/renderer  nothing from src/main, no node builtins, no electron
//   src/main      no electron (except the Electron host), nothing from src/renderer
//   src/preload   electron and src/shared only
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './eslint/engine-layers.js';
import { writeTransactions } from './eslint/write-transactions.js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The project's own rules (eslint/).
const packshot = { rules: { ...layers.rules, 'write-transactions': writeTransactions } };

const TS = ['**/*.{ts,tsx,mts,cts}'];
const JS = ['**/*.{js,mjs,cjs,jsx}'];

// `fs`, `path`, `fs/promises`, … (the `node:` forms are caught by a pattern below).
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noNode = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'Node builtins are not allowed in this layer (see DESIGN.md, "Shape").',
  })),
  patterns: [
    {
      regex: '^node:',
      message: 'Node builtins are not allowed in this layer (see DESIGN.md, "Shape").',
    },
  ],
};

const electronOnlyInHost = {
  regex: '^electron(/|$)',
  message:
    "Only the Electron host (src/main/hosts/electron/**) and src/preload may import 'electron'.",
};

/** Imports that reach into another layer by relative path (or a `src/<layer>` path). */
const layerPath = (layer, message) => ({
  regex: `(^|/)(src/)?${layer}(/|$)`,
  message,
});

const restrict = (...groups) => [
  'error',
  {
    paths: groups.flatMap((g) => g.paths ?? []),
    patterns: groups.flatMap((g) => g.patterns ?? []),
  },
];

// Dynamic `import('electron')` and `require('electron')` are not imports to the rule above.
const noDynamicElectron = [
  'error',
  {
    selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]',
    message: "Only the Electron host (src/main/hosts/electron/**) may load 'electron'.",
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\u002F|$)/]",
    message: "Only the Electron host (src/main/hosts/electron/**) may load 'electron'.",
  },
];

// SQL lives only in engine/repositories/ and engine/db/. `transaction` stays allowed: a domain
// may open one around several repository calls. `exec` only on a db (regex.exec is fine).
const sqlOnlyInRepositories = [
  'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
  "CallExpression[callee.property.name='exec'][callee.object.name=/db$/i]",
  "CallExpression[callee.property.name='exec'][callee.object.property.name=/db$/i]",
].map((selector) => ({
  selector,
  message: 'SQL lives only in src/main/engine/repositories/ (docs/ARCHITECTURE.md, "Repositories")',
}));

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'out/**',
      'src/shared/api-v1/generated/**',
      'dist/**',
      'build/electron-native/**',
      'build/electron-native-src/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      '.cache/**',
      'bench-out/**',
      'bench-results/**',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  // TypeScript everywhere.
  {
    files: TS,
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A switch without `default:` must handle every member of its union. A `default:`
      // counts as handling the rest (so `switch (process.platform)` or over `string | undefined`
      // need not list every member); use `default: x satisfies never` to keep the check there.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Plain JavaScript (this file, scripts/*.mjs, bin/*.mjs): Node, no type information.
  {
    files: JS,
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },

  // CommonJS entries (bin/packshot.cjs, src/main/hosts/boot/*.cjs): they size libuv's thread
  // pool before any ES module loads, so they load what follows with require.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Node-side TypeScript outside src (configs, e2e, scripts).
  {
    files: ['*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },

  // ── Layers ──────────────────────────────────────────────────────────────────────────────
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': restrict(noNode, {
        paths: ['electron', 'react', 'react-dom', 'zustand'].map((name) => ({
          name,
          message: 'src/shared is plain TypeScript: no electron, react or zustand.',
        })),
        patterns: [
          {
            regex: '^(electron|react|react-dom|zustand)/',
            message: 'src/shared is plain TypeScript: no electron, react or zustand.',
          },
          layerPath('(main|renderer|preload)', 'src/shared imports nothing of the app.'),
        ],
      }),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'src/shared must not use the DOM.',
        })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': restrict(noNode, {
        patterns: [
          electronOnlyInHost,
          {
            // Any path with a `/main/` segment, or ending in `../main`.
            regex: '(^|/)main/|^(\\.\\./)+(src/)?main$|^src/main$',
            message: 'src/renderer talks to the engine only through the contract (src/shared).',
          },
        ],
      }),
    },
  },
  {
    files: ['src/main/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          electronOnlyInHost,
          layerPath('renderer', 'src/main never imports the renderer.'),
        ],
      }),
      'no-restricted-syntax': noDynamicElectron,
    },
  },
  {
    // Inside the engine: folders import only those below them, hosts only the entry point
    // (eslint/engine-layers.json; docs/ARCHITECTURE.md, "Layers inside the engine").
    files: ['src/main/**/*.ts'],
    plugins: { packshot },
    rules: { 'packshot/engine-layers': 'error' },
  },
  {
    // Write transactions begin IMMEDIATE and retry while busy: only through db/'s helper
    // (eslint/write-transactions.js; docs/ARCHITECTURE.md, "Two processes, one library").
    files: ['src/main/engine/**/*.ts'],
    ignores: ['src/main/engine/db/**', '**/*.test.ts'],
    rules: { 'packshot/write-transactions': 'error' },
  },
  {
    // External tools (sharp, exifr, exiftool, the AI runtimes) sit behind modules in engine/tools/.
    files: ['src/main/engine/**/*.ts'],
    ignores: ['src/main/engine/tools/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          electronOnlyInHost,
          layerPath('renderer', 'src/main never imports the renderer.'),
          {
            regex:
              '^(sharp|exifr|exiftool-vendored|@vladmandic/human|@tensorflow/.*|tesseract\\.js|@tesseract\\.js-data/.*|onnxruntime-node|@huggingface/tokenizers)(/|$)',
            message:
              'External tools are used only through src/main/engine/tools/ (docs/ARCHITECTURE.md, "Tools").',
          },
        ],
      }),
    },
  },
  {
    // Flat config replaces a rule's options per object, so the electron selectors come along.
    files: ['src/main/engine/**/*.ts'],
    ignores: ['src/main/engine/repositories/**', 'src/main/engine/db/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': [...noDynamicElectron, ...sqlOnlyInRepositories] },
  },
  {
    // The one Electron host: may import electron, still not the renderer.
    files: ['src/main/hosts/electron/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [layerPath('renderer', 'src/main never imports the renderer.')],
      }),
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['src/preload/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          {
            // Bare specifiers other than electron (this also covers node builtins).
            regex: '^(?!\\.|electron(/|$))',
            message: 'src/preload may import only electron and src/shared.',
          },
          {
            // Relative paths that leave src/preload for anything but src/shared.
            regex: '^(\\.\\./)+(?!\\.\\./|shared(/|$))',
            message: 'src/preload may import only electron and src/shared.',
          },
        ],
      }),
    },
  },

  // Tests: non-null assertions and unbound methods (expect(obj.fn)) are fine.
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Playwright fixtures must destructure their first argument, even when it is empty.
      'no-empty-pattern': 'off',
    },
  },

  prettier,
);
