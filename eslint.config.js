// Layering: core ← cli, electron, renderer. core is pure TypeScript (no UI, no Electron, no Node built-ins, no I/O).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'stream', 'zlib', 'http', 'https', 'net', 'url',
  'util', 'events', 'worker_threads', 'process', 'buffer',
];
const nodePattern = { group: ['node:*'], message: 'core/ 与 renderer/ 不得使用 Node 内置模块' };
const uiPatterns = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'UI 只属于 renderer/' },
  { group: ['ag-grid-*'], message: 'AG Grid 只属于 renderer/' },
];
const electronPattern = { group: ['electron', 'electron/*'], message: 'Electron 只属于 electron/' };
const folder = (name) => ({ group: [`**/${name}/*`, `../${name}`, `../../${name}`], message: `不得依赖 ${name}/` });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.tsbuild/**', 'test-output/**', 'render-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.map((name) => ({ name, message: 'core/ 必须是纯 TypeScript：不得使用 Node 内置模块或文件读写' })),
          { name: 'zod', message: 'core/ 的 schema 请从 core/zod.ts 取 z（zod 在那里统一配置）' },
        ],
        patterns: [nodePattern, ...uiPatterns, electronPattern, folder('renderer'), folder('electron'), folder('cli')],
      }],
    },
  },
  // The one place that configures zod.
  { files: ['core/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'renderer/ 运行在沙箱里，不得使用 Node 内置模块' })),
        patterns: [nodePattern, electronPattern, folder('electron'), folder('cli')],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiPatterns, folder('renderer'), folder('cli')] }],
    },
  },
  {
    files: ['node/**/*.ts'],
    ignores: ['node/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiPatterns, electronPattern, folder('renderer'), folder('electron'), folder('cli')] }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiPatterns, electronPattern, folder('renderer'), folder('electron')] }],
    },
  },
);
