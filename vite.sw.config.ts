// Bundles the service worker (src/client/sw/sw.ts) into one classic script, dist/sw/sw.js, with no hash in its
// name: it must stay at /sw.js. The server prepends the precache list (src/server/features/offline/precache.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/sw',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
    lib: { entry: 'src/client/sw/sw.ts', formats: ['iife'], name: 'rumboServiceWorker', fileName: () => 'sw.js' },
  },
});
