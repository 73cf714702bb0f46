import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The renderer is a static page: Electron loads dist/renderer/index.html from disk (hence relative asset paths),
// and `npm run web` serves the same page with the web host.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  // The core worker (renderer/worker/core.worker.ts) loads import/export code on demand: only ES module workers may
  // split into chunks.
  worker: { format: 'es' },
  server: { fs: { allow: [repoRoot] } },
  // Pre-bundle everything up front: a dependency discovered while a page runs makes Vite reload it (flaky e2e tests).
  optimizeDeps: {
    entries: ['index.html'],
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'ag-grid-community', 'ag-grid-react', 'zod', 'ohm-js'],
  },
  clearScreen: false,
});
