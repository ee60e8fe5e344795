// Bundles the client islands (src/client/islands/*.client.ts) into content-hashed files in dist/client, with a
// manifest that src/server/http/assets.ts reads. Run by `npm run build:client` (and before start and tests).
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

const islands = readdirSync('src/client/islands')
  .filter((file) => file.endsWith('.client.ts'))
  .map((file) => `src/client/islands/${file}`);

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2020',
    // MapLibre's worker is a separate file; never inline it as a data: URL (the CSP allows only 'self').
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: islands },
  },
});
