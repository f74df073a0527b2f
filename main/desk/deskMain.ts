import { CommanderError } from 'commander';
import { deskCommand } from './deskCommand';

deskCommand(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(`copydesk desk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
