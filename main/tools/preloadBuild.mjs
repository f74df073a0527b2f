import { join } from 'node:path';

/**
 * esbuild options of the preload. A sandboxed preload has no __filename and no Node modules:
 * `require('electron')` is all it gets, so it is bundled for the browser with nothing else external.
 * Shared with the test that runs the result in a sandbox-shaped context.
 */
export function preloadBuildOptions(root, outDir) {
  return {
    entryPoints: [join(root, 'main', 'preload.ts')],
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
}
