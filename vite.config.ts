import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // A desktop app loads its bundle from disk; one chunk is fine.
    chunkSizeWarningLimit: 2000,
  },
});
