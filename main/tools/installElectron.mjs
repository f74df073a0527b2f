// Fetches the Electron runtime after `npm install`. Electron's own install script is denied in
// package.json (allowScripts) because its download host is unreachable on some machines; there the
// app runs in the browser host instead, so a failed download is one warning, never a failed install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electronBinary.mjs';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // installed without devDependencies: nothing to fetch
}

if (electronBinary()) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.warn('copydesk: ELECTRON_SKIP_BINARY_DOWNLOAD is set; not fetching the Electron runtime.');
  process.exit(0);
}

const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 180_000,
});
if (electronBinary()) {
  console.log('copydesk: Electron runtime installed.');
} else {
  const stderr = result.stderr?.toString() ?? '';
  const reason = stderr.split('\n').find((line) => line.trim()) ?? 'timed out';
  console.warn(
    `copydesk: WARNING — the Electron runtime could not be downloaded (${reason.trim()}). ` +
      'The install goes on: `npm start` will run Copydesk in the browser host with the system Chromium.',
  );
}
