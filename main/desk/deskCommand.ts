import { Command, InvalidArgumentError, Option } from 'commander';
import { Role } from '../../shared/domain/person';
import { openDeskDatabase } from './deskDatabase';
import { deskPeople } from './deskPeople';
import { startDesk } from './startDesk';

const portNumber = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('Expected a port number.');
  return port;
};

/**
 * `desk --data DIR --port N [--host H] [--redis URL] [--postgres URL]` runs the newsroom's desk;
 * `desk invite --data DIR --name NAME --role ROLE` prints a one-time invitation. Resolves when the
 * command is done (for `serve`, once it listens; SIGINT/SIGTERM then close it).
 */
export async function deskCommand(argv: readonly string[]): Promise<void> {
  const program = argv[0] === 'invite' ? inviteCommand() : serveCommand();
  await program.parseAsync([...argv.slice(argv[0] === 'invite' ? 1 : 0)], { from: 'user' });
}

function serveCommand() {
  return new Command('desk')
    .description('The newsroom desk: stories, people and workflow shared between Copydesk apps.')
    .exitOverride()
    .requiredOption('--data <dir>', 'folder of the desk database')
    .option('--port <n>', 'port to listen on (0 picks a free one)', portNumber, 4780)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--redis <url>', 'Redis to share documents with other desk processes (redis://host:port)')
    .option('--postgres <url>', 'keep the documents in PostgreSQL (postgres://…)')
    .action(
      async (options: { data: string; port: number; host: string; redis?: string; postgres?: string }) => {
        const desk = await startDesk({ dataDir: options.data, ...options });
        console.log(`Copydesk desk listening on ${desk.url}`);
        if (desk.firstInvitation)
          console.log(`Desk invitation for the first editor: ${desk.firstInvitation}`);
        const stop = () => void desk.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}

function inviteCommand() {
  return new Command('desk invite')
    .exitOverride()
    .description('print a one-time invitation for a new person')
    .requiredOption('--data <dir>', 'folder of the desk database')
    .requiredOption('--name <name>', 'who is invited')
    .addOption(new Option('--role <role>', 'reporter or editor').choices(Role.options).makeOptionMandatory())
    .action((options: { data: string; name: string; role: Role }) => {
      const db = openDeskDatabase(options.data);
      try {
        const code = deskPeople(db).invite({ name: options.name.trim(), role: options.role });
        console.log(`Invitation for ${options.name.trim()} (${options.role}): ${code}`);
      } finally {
        db.close();
      }
    });
}
