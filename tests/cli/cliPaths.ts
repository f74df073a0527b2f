import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
export const dist = resolve(root, process.env.COPYDESK_DIST ?? 'dist');
export const CLI = join(dist, 'main', 'cli.cjs');
// `../shared/fixtures` beside the repository; a work tree one level deeper finds it one level up.
const fixtureRoot =
  process.env.COPYDESK_FIXTURES ??
  [resolve(root, '..', 'shared', 'fixtures'), resolve(root, '..', '..', 'shared', 'fixtures')].find((dir) =>
    existsSync(dir),
  ) ??
  resolve(root, '..', 'shared', 'fixtures');
export const FIXTURES = join(fixtureRoot, 'wxr');
