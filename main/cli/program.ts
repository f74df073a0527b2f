import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { serveCommand } from '../hosts/serveCommand';
import { defaultDataDir } from '../hosts/dataDir';
import { CliError } from './cliError';
import packageJson from '../../package.json';

const dataOption = () =>
  new Option('--data <dir>', `data folder (default: $COPYDESK_DATA, else ${defaultDataDir()})`);
const jsonOption = () => new Option('--json', 'print the result as JSON');

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be 0..65535');
  return n;
}

// Each command's module is imported when it runs: `serve` starts without the importers, exporters and desk.

/**
 * The `copydesk` command line. Each command is one `.command()` here and one module that does it;
 * another (e.g. `desk`) is added by registering it on the program the same way.
 */
export function buildProgram(): Command {
  const program = new Command('copydesk')
    .description('Copydesk from a terminal: serve, import, export, publish, search, back up and check.')
    .version(packageJson.version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('serve')
    .description('run the browser host on 127.0.0.1 (COPYDESK_TOKEN fixes the access token)')
    .addOption(dataOption())
    .option('--port <n>', 'port on 127.0.0.1 (0: a free port)', port, 0)
    .option('--no-open', 'do not open a Chromium window')
    .action((options: { data?: string; port: number; open: boolean }) => serveCommand(options));

  program
    .command('import')
    .description(
      'import a WordPress export (.xml), a Copydesk export (.json), a folder of .html/.md files, or a live WordPress site',
    )
    .argument('[path]', 'file or folder to import')
    .addOption(dataOption())
    .option(
      '--wordpress <target>',
      'import from a WordPress publish target (its name or id) over its REST API',
    )
    .option('--max-size <MB>', 'refuse files larger than this', '4096')
    .option('--no-images', 'do not download images (each becomes a "missing image" placeholder)')
    .option('-q, --quiet', 'no progress output')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nRe-running an import updates the stories it made before. A file that is not well-formed, truncated,\nnot UTF-8 or over --max-size is refused and nothing of it is kept.',
    )
    .action(async (path: string | undefined, options) =>
      (await import('./importCommand')).importCommand(path, options),
    );

  program
    .command('export')
    .description('export one story or the whole archive as JSON (lossless), HTML or Markdown')
    .argument('[story]', 'id or slug of one story (default: all)')
    .addOption(dataOption())
    .addOption(new Option('--format <format>', 'json, html or md').default('json'))
    .option('--out <path>', 'file (json) or folder (html, md) to write; default: stdout')
    .option('--since <date>', 'only stories changed on or after this date (YYYY-MM-DD or ISO time)')
    .option('-q, --quiet', 'no progress output')
    .action(async (story: string | undefined, options) =>
      (await import('./exportCommand')).exportCommand(story, options),
    );

  program
    .command('publish')
    .description('publish a story through the outbox (as the Publish button), wait, and print its URL')
    .argument('<story>', 'id or slug')
    .addOption(dataOption())
    .option('--target <name>', "publish target (name or id; default: the story's or the newsroom's)")
    .option('--timeout <seconds>', 'give up waiting after this long', '120')
    .addOption(jsonOption())
    .action(async (story: string, options) =>
      (await import('./publishCommand')).publishCommand(story, options),
    );

  program
    .command('search')
    .description('search the library (words, "phrases", prefixes…), ranked, with snippets')
    .argument('<query...>', 'what to look for')
    .addOption(dataOption())
    .option('--limit <n>', 'at most this many results', '20')
    .addOption(jsonOption())
    .action(async (words: string[], options) =>
      (await import('./searchCommand')).searchCommand(words.join(' '), options),
    );

  program
    .command('backup')
    .description(
      'copy the store to FILE (default: <data>/backups/copydesk-<time>.db); safe while the app runs',
    )
    .argument('[file]')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(async (file: string | undefined, options) =>
      (await import('./backupCommands')).backupCommand(file, options),
    );

  program
    .command('restore')
    .description('replace the store with a backup (the current one is kept in <data>/backups)')
    .argument('<file>')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(async (file: string, options) =>
      (await import('./backupCommands')).restoreCommand(file, options),
    );

  program
    .command('check')
    .description(
      'check the store: integrity, foreign keys, search index, schema version; exit 1 on a problem',
    )
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(async (options) => (await import('./inspectCommands')).checkCommand(options));

  program
    .command('stats')
    .description('the archive in numbers')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(async (options) => (await import('./inspectCommands')).statsCommand(options));

  // The desk parses its own options (`copydesk desk --help`, `copydesk desk invite …`).
  program
    .command('desk')
    .description('run the newsroom desk server, or `desk invite` to print an invitation')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[arguments...]')
    .action(async (args: string[]) => (await import('../desk/deskCommand')).deskCommand(args));

  return program;
}

/** Runs the command line; resolves with the exit code (0 ok, 1 failure, 2 usage). Errors go to stderr. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return 0;
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`copydesk: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
