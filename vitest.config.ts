import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Imports `*.sql` files as strings, as the esbuild bundle does, so migrations ship inside the code. */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    if (!id.endsWith('.sql')) return null;
    return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
  },
};

export default defineConfig({
  plugins: [sqlAsText],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // tests/reliability takes minutes: it runs on its own, `npm run test:reliability`.
    exclude: [
      'tests/e2e/**',
      'node_modules/**',
      ...(process.env.COPYDESK_RELIABILITY ? [] : ['tests/reliability/**']),
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
