/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // An embed in `<iframe sandbox="allow-scripts">` has an opaque origin: its module scripts and
  // lazily loaded chunks are fetched with `Origin: null`, which only CORS headers let through.
  server: { port: 5173, cors: true },
  preview: { port: 4173, strictPort: true, cors: true },
  build: {
    // mermaid is loaded lazily and is large on its own; the warning is about that chunk.
    chunkSizeWarningLimit: 3000,
    // Read by scripts/bundle-budget.ts: which chunks the first screen loads (README "Speed").
    manifest: true,
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The spawned CLI tests run the compiled CLI: build it from the current source first.
    globalSetup: ['test/setup/build-cli.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
