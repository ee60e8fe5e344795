// The command line: `npm run rumbo -- <command>`. Each command is a small function over the same modules the
// server uses; the embedded database is locked the same way, so it refuses to run beside a running server.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrate } from '../db/migrate.js';
import { openConfiguredDb } from '../db/open-configured-db.js';
import { seedDemo } from '../features/demo/demo.service.js';

const HELP = `Usage: npm run rumbo -- <command> [options]

Commands:
  migrate          Apply pending database migrations.
  seed demo        Load the labelled demo directory into an empty database.
  help             Show this help.

Options:
  -h, --help       Show this help.

Environment: DATABASE_URL (PostgreSQL; absent = embedded database in DATA_DIR), DATA_DIR (default ./data).
Stop the server first when using the embedded database: only one process may open it.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function run(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    out(HELP);
    return;
  }
  if (command === 'migrate' && rest.length === 0) {
    await withDb(async (db) => {
      const applied = await migrate(db);
      out(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
    });
    return;
  }
  if (command === 'seed' && rest[0] === 'demo' && rest.length === 1) {
    await withDb(async (db) => {
      await migrate(db);
      const result = await seedDemo(db);
      out(
        result.seeded
          ? `Loaded demo directory: ${result.organizations} organizations, ${result.services} services, ${result.locations} locations.`
          : 'The directory already has services: demo data not loaded.',
      );
    });
    return;
  }
  throw new UsageError(`Unknown command: ${positionals.join(' ')}. Run with --help to see the commands.`);
}

async function withDb(work: (db: Awaited<ReturnType<typeof openConfiguredDb>>['db']) => Promise<void>): Promise<void> {
  const opened = await openConfiguredDb(loadConfig(), (error) => {
    throw error;
  });
  try {
    await work(opened.db);
  } finally {
    await opened.close();
  }
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof DataDirLockedError;
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`rumbo: ${known || parseError ? (error as Error).message : String(error)}`);
    if (parseError) console.error('Run with --help to see the commands.');
    process.exit(known || parseError ? 2 : 1);
  });
}
