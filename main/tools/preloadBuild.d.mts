import type { BuildOptions } from 'esbuild';
export function preloadBuildOptions(root: string, outDir: string): BuildOptions;
