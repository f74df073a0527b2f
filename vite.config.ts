import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * `<link rel="modulepreload">` in index.html for the chunks imported lazily (the app behind the small entry,
 * the editor behind the app), so the browser fetches and compiles them while the entry runs (their
 * stylesheets are linked too, so nothing is fetched once the editor opens); each is evaluated when first
 * imported.
 */
function preloadLazyChunks(): Plugin {
  return {
    name: 'copydesk-preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const lazy = new Set<string>();
        const add = (file: string) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || lazy.has(file)) return;
          if (file === entry.fileName || entry.imports.includes(file)) return;
          lazy.add(file);
          chunk.imports.forEach(add);
          chunk.dynamicImports.forEach(add);
        };
        entry.dynamicImports.forEach(add);
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        });
        return [...lazy].flatMap((file) => {
          const chunk = bundle[file] as { viteMetadata?: { importedCss: Set<string> } };
          const css = [...(chunk.viteMetadata?.importedCss ?? [])];
          return [link('modulepreload', file), ...css.map((sheet) => link('stylesheet', sheet))];
        });
      },
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react(), preloadLazyChunks()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
