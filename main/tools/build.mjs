// Builds the renderer (Vite) and the main-process bundles (esbuild) into dist/.
// `--if-stale` skips the work when nothing under main/, renderer/ or shared/ changed since the last build.
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { preloadBuildOptions } from './preloadBuild.mjs';

const root = resolve(import.meta.dirname, '..', '..');
// COPYDESK_DIST lets parallel work trees build side by side; the app itself only ever uses dist/.
const outDir = resolve(root, process.env.COPYDESK_DIST ?? 'dist');
const stamp = join(outDir, '.build-stamp');
const inputs = ['main', 'renderer', 'shared', 'package.json', 'vite.config.ts', 'tsconfig.json'];

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    info.mtimeMs,
  );
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const started = performance.now();
await viteBuild({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(outDir, 'renderer') },
});
await esbuild({
  entryPoints: [
    ...['index', 'cli', 'start'].map((name) => join(root, 'main', `${name}.ts`)),
    { in: join(root, 'main', 'desk', 'deskMain.ts'), out: 'desk' },
  ],
  outdir: join(outDir, 'main'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  loader: { '.sql': 'text' },
  // Shared .mjs tools use import.meta.url, which a CommonJS bundle must recreate.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
await esbuild(preloadBuildOptions(root, join(outDir, 'main')));
writeFileSync(stamp, new Date().toISOString());
// stderr: the serve command's first stdout line must be its listening address.
console.error(`copydesk: built in ${Math.round(performance.now() - started)} ms`);
