// Builds the renderer (Vite) and the main-process bundles (esbuild) into dist/.
// `--if-stale` skips the work when nothing under main/, renderer/ or shared/ changed since the last build.
import { build as esbuild } from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
// zod's namespace re-exports every locale (`z.locales`), which esbuild cannot shake off; the app speaks
// English only, so the node bundles get zod's English locale alone (Rollup already drops the rest).
const englishZodOnly = {
  name: 'english-zod-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`)
        ? { path: 'zod-locales', namespace: 'english-zod-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'english-zod-only' }, () => ({
      contents: `export { default as en } from 'zod/v4/locales/en.js';`,
      resolveDir: root,
    }));
  },
};
const nodeBundle = {
  bundle: true,
  plugins: [englishZodOnly],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
};
const mainDir = join(outDir, 'main');
// Chunks are named by their content: the previous build's would pile up.
if (existsSync(mainDir))
  for (const name of readdirSync(mainDir)) if (name.startsWith('chunk-')) rmSync(join(mainDir, name));
// Electron's main process: one CommonJS file.
await esbuild({
  ...nodeBundle,
  entryPoints: [join(root, 'main', 'index.ts')],
  outdir: mainDir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // Shared .mjs tools use import.meta.url, which a CommonJS bundle must recreate.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The command line, `npm start` and the desk: ES modules split into chunks, so a process compiles only
// the code its command runs (what `serve` never imports — importers, exporters, the desk server — stays
// on disk). Chunks sit beside the entries, so __dirname is the same in all of them.
await esbuild({
  ...nodeBundle,
  entryPoints: [
    ...['cli', 'start'].map((name) => join(root, 'main', `${name}.ts`)),
    { in: join(root, 'main', 'desk', 'deskMain.ts'), out: 'desk' },
  ],
  outdir: mainDir,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { dirname as __pathDirname } from 'node:path';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join('\n'),
  },
});
// package.json, npm scripts and tests name the .cjs entries; each starts its ES module.
for (const name of ['cli', 'start', 'desk']) {
  writeFileSync(join(mainDir, `${name}.cjs`), `#!/usr/bin/env node\nvoid import('./${name}.mjs');\n`);
  chmodSync(join(mainDir, `${name}.cjs`), 0o755);
}
await esbuild(preloadBuildOptions(root, mainDir));
writeFileSync(stamp, new Date().toISOString());
// stderr: the serve command's first stdout line must be its listening address.
console.error(`copydesk: built in ${Math.round(performance.now() - started)} ms`);
