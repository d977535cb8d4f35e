import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import pkg from './package.json' with { type: 'json' };

// Three builds: main (Electron host + command line), preload (sandboxed, so CommonJS),
// renderer (the React app, also served by the HTTP bridge in browser mode).
export default defineConfig({
  main: {
    define: { __PACKSHOT_VERSION__: JSON.stringify(pkg.version) },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/hosts/electron/main.ts'),
          cli: resolve('src/main/hosts/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
