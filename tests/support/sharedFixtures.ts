import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The project's shared fixtures (public test data, read in place): `$COPYDESK_SHARED_FIXTURES`, else `shared/fixtures`
 * beside the repository (as CI lays it out), else the workplace's `/work/shared/fixtures` (for a worktree).
 */
export function sharedFixture(path: string): string {
  const roots = [
    process.env.COPYDESK_SHARED_FIXTURES,
    join(repo, '..', 'shared', 'fixtures'),
    '/work/shared/fixtures',
  ];
  const root = roots.find((candidate) => candidate && existsSync(candidate)) ?? roots[1]!;
  return join(root, path);
}
