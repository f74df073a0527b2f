import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronMissingReason } from './tools/electronBinary.mjs';
import { runCli } from './cli/program';

/** `npm start`: the desktop app in Electron when its runtime is installed, else the browser host. */
function start(): void {
  const electron = electronBinary();
  if (electron) {
    const child = spawn(electron, [join(__dirname, '..', '..'), ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(
    `Copydesk is running WITHOUT Electron: ${electronMissingReason}.\n` +
      'It runs in the browser host instead — the same app, served on 127.0.0.1 to the system Chromium.',
  );
  void runCli(['serve', ...process.argv.slice(2)]).then((code) => {
    if (code !== 0) process.exit(code);
  });
}

start();
