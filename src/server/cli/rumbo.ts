// The command line: `npm run rumbo -- <command>`. Each command is a small function over the same modules the
// server uses; the embedded database is locked the same way, so it refuses to run beside a running server.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrate } from '../db/migrate.js';
import { openConfiguredDb } from '../db/open-configured-db.js';
import { seedDemo } from '../features/demo/demo.service.js';
import { seedDemoNews } from '../features/news/news-demo.service.js';
import { describeImport, importNewsFiles } from '../features/news/news-import.service.js';
import { exportHsds } from '../features/hsds/export/hsds-export.service.js';
import { importHsds } from '../features/hsds/import/import.service.js';
import { describeHsdsImport } from '../features/hsds/import/import-report.js';
import { importHubReportsFile } from '../features/hub-reports/exchange/import-file.js';

const HELP = `Usage: npm run rumbo -- <command> [options]

Commands:
  migrate          Apply pending database migrations.
  seed demo        Load the labelled demo directory into an empty database.
  import news <file...>
                   Import news listings (plain text: date line, title line, paragraphs); reports what
                   was created, skipped and rejected. A file with any problem imports nothing.
  import hsds <dir|zip|json> [--dry-run] [--verified]
                   Import HSDS 3.0 open data: a tabular data package (directory of CSVs and
                   datapackage.json, or a .zip of one) or the JSON form (array of services). Checks
                   every record against the HSDS schemas; a record with the id of an existing one
                   updates it; what Rumbo cannot list is kept as an HSDS record. All or nothing.
                   By default nothing goes live: each organization becomes one pending submission
                   in the moderation queue (an edit of its live listing when it is already in
                   Rumbo), published when a moderator approves it. --verified publishes the
                   listings at once, verified by "import". --dry-run checks and reports without
                   writing.
  import hub-reports <file> [--dry-run] [--status approved|submitted]
                   Import information hubs' monthly figures: DHIS2 dataValueSets JSON, DHIS2 CSV
                   (dataelement,period,orgunit,catoptcombo,attroptcombo,value) or the CSV of the
                   hub reports export. Data elements, cells and hubs match by UID or code (a hub
                   also as HUB-<location id>). Reports every value: created, updated, unchanged
                   or rejected with the reason. All or nothing; approved reports stay locked.
                   --status: what imported reports become (default approved).
  export hsds <dir>
                   Write the directory as open data into <dir>: the HSDS 3.0 tabular data package
                   (hsds-csv/), the HSDS JSON form, GeoJSON of locations and an HXL-tagged CSV.
  help             Show this help.

Options:
  -h, --help       Show this help.
  --dry-run        (import hsds, import hub-reports) Check and report, change nothing.
  --status <s>     (import hub-reports) approved (default) or submitted.
  --verified       (import hsds) Publish imported listings at once, verified by "import",
                   instead of queueing them for moderation.

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
    options: {
      help: { type: 'boolean', short: 'h' },
      'dry-run': { type: 'boolean' },
      verified: { type: 'boolean' },
      status: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const isHsdsImport = command === 'import' && rest[0] === 'hsds';
  const isHubImport = command === 'import' && rest[0] === 'hub-reports';
  if (!isHsdsImport && (values.verified || (values['dry-run'] && !isHubImport))) {
    throw new UsageError('--dry-run applies to "import hsds" and "import hub-reports"; --verified to "import hsds".');
  }
  if (!isHubImport && values.status !== undefined) {
    throw new UsageError('--status applies to "import hub-reports" only.');
  }
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
      const news = await seedDemoNews(db);
      out(news.seeded ? `Loaded demo news: ${news.items} items.` : 'There is news already: demo news not loaded.');
    });
    return;
  }
  if (command === 'import' && rest[0] === 'news' && rest.length > 1) {
    await withDb(async (db) => {
      await migrate(db);
      const reports = await importNewsFiles(db, rest.slice(1));
      for (const line of describeImport(reports)) out(line);
      if (reports.some((r) => r.rejected)) process.exitCode = 1;
    });
    return;
  }
  if (isHsdsImport) {
    if (rest.length !== 2) throw new UsageError('Usage: import hsds <dir|zip|json> [--dry-run] [--verified]');
    await withDb(async (db) => {
      await migrate(db);
      const report = await importHsds(db, String(rest[1]), {
        dryRun: values['dry-run'] ?? false,
        verified: values.verified ?? false,
      });
      for (const line of describeHsdsImport(report)) out(line);
      if (report.error || report.counts.rejected > 0) process.exitCode = 1;
    });
    return;
  }
  if (isHubImport) {
    const status = values.status ?? 'approved';
    if (rest.length !== 2 || (status !== 'approved' && status !== 'submitted')) {
      throw new UsageError('Usage: import hub-reports <file> [--dry-run] [--status approved|submitted]');
    }
    await withDb(async (db) => {
      await migrate(db);
      const result = await importHubReportsFile(db, String(rest[1]), { dryRun: values['dry-run'] ?? false, status });
      for (const line of result.lines) out(line);
      if (!result.ok) process.exitCode = 1;
    });
    return;
  }
  if (command === 'export' && rest[0] === 'hsds' && rest.length === 2) {
    await withDb(async (db) => {
      await migrate(db);
      const result = await exportHsds(db, String(rest[1]));
      out(`Wrote ${result.files.length} files to ${rest[1]}: ${result.files.join(', ')}.`);
      out(
        `Rows: ${Object.entries(result.rows)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ')}.`,
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
