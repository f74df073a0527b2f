import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Links in index.html for the chunks imported lazily. The app behind the small entry is `modulepreload`ed:
 * fetched and compiled while the entry runs, evaluated when imported. The editor behind the app is only
 * `prefetch`ed into the cache: compiling its 600 KB on the main thread would hold the library's first
 * paint back; it is compiled when the app imports it, once idle. Their stylesheets are linked too, so
 * nothing is fetched once the editor opens.
 */
function preloadLazyChunks(): Plugin {
  return {
    name: 'copydesk-preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const lazy = new Map<string, 'modulepreload' | 'prefetch'>();
        const add = (rel: 'modulepreload' | 'prefetch') => (file: string) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || lazy.has(file)) return;
          if (file === entry.fileName || entry.imports.includes(file)) return;
          lazy.set(file, rel);
          chunk.imports.forEach(add(rel));
          chunk.dynamicImports.forEach(add('prefetch'));
        };
        entry.dynamicImports.forEach(add('modulepreload'));
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        });
        return [...lazy].flatMap(([file, rel]) => {
          const chunk = bundle[file] as { viteMetadata?: { importedCss: Set<string> } };
          const css = [...(chunk.viteMetadata?.importedCss ?? [])];
          return [link(rel, file), ...css.map((sheet) => link('stylesheet', sheet))];
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
