import { readFileSync } from 'node:fs';
import Module, { createRequire, register } from 'node:module';

/**
 * Lets plain `node --import tsx` load the migrations' `*.sql` imports as strings, as the esbuild
 * bundle and vitest.config.ts do. Import this before anything that reaches main/db/migrations.
 */
const loader = `export async function load(url, context, next) {
  if (!url.endsWith('.sql')) return next(url, context);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(text) + ';' };
}`;
register(`data:text/javascript,${encodeURIComponent(loader)}`);

// tsx compiles some modules to CommonJS, whose require() does not go through the hook above.
const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
extensions['.sql'] = (module: { exports: unknown }, file: string) => {
  module.exports = { __esModule: true, default: readFileSync(file, 'utf8') };
};
void createRequire;
