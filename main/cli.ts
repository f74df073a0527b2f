import { serveCommand } from './hosts/serveCommand';

serveCommand(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`copydesk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
