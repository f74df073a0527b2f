// `npm run bench:import [-- COUNT]`: generates a WordPress export of COUNT stories (default 100 000),
// imports it with the built `copydesk import` in one streaming pass, and prints the time and peak memory.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/tempDir';
import { CLI } from '../cliPaths';
import { generateWxr } from './generateWxr';

const count = Number(process.argv[2] ?? 100_000);
const dir = tempDir('copydesk-import-bench-');
const file = join(dir.path, 'archive.xml');

function peakKilobytes(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

try {
  let started = performance.now();
  await generateWxr(file, count);
  const megabytes = statSync(file).size / 1048576;
  console.log(
    `generated ${count} stories: ${megabytes.toFixed(1)} MB of WXR in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, 'import', file, '--data', join(dir.path, 'data'), '--no-images', '--json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakKilobytes(child.pid!))), 250);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`import exited ${code}`);
  const counts = JSON.parse(output) as { created: number };
  console.log(
    `import: ${counts.created} stories in ${seconds.toFixed(1)} s (${(counts.created / seconds).toFixed(0)} stories/s, ${(megabytes / seconds).toFixed(2)} MB/s), peak RSS ${(peak / 1024).toFixed(0)} MB`,
  );
  const db = statSync(join(dir.path, 'data', 'copydesk.db')).size / 1048576;
  console.log(`store: ${db.toFixed(0)} MB`);
} finally {
  dir.remove();
}
