// Starts Rumbo: configuration, database (embedded or PostgreSQL), migrations, demo data, HTTP server.
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { openConfiguredDb } from './db/open-configured-db.js';
import { seedDemo } from './features/demo/demo.service.js';
import { refreshSearchIndex } from './features/search/search.service.js';
import { seedDemoNews } from './features/news/news-demo.service.js';
import { seedDemoAccounts } from './features/demo/demo-accounts.js';
import { buildApp } from './http/app.js';
import { createMailer } from './features/mail/mail.service.js';
import { smtpTransport } from './features/mail/mail.transport.js';
import { allJobs } from './features/jobs/all-jobs.js';
import { startJobRunner, type JobRunner } from './features/jobs/job-runner.js';
import { enqueueJob } from './features/jobs/jobs.repository.js';
import { bulkDownloadJobs, currentManifest, REFRESH_DOWNLOADS } from './features/hsds/export/bulk-downloads.service.js';
import path from 'node:path';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const { db, close } = await openConfiguredDb(config, (error) => {
    logger.fatal({ err: error }, 'lost the lock on the data directory; stopping to protect the data');
    process.exit(1);
  });
  const applied = await migrate(db);
  logger.info({ engine: db.engine, applied }, 'database ready');
  // Services queued for the search index (a migration may queue them all) are indexed before the first request.
  const indexed = await refreshSearchIndex(db);
  if (indexed) logger.info({ indexed }, 'search index brought up to date');
  if (config.SEED_DEMO) {
    const demo = await seedDemo(db);
    if (demo.seeded) logger.info(demo, 'demo directory loaded (labelled as demo data)');
    const news = await seedDemoNews(db);
    if (news.seeded) logger.info(news, 'demo news loaded (labelled as demo data)');
    const accounts = await seedDemoAccounts(db);
    if (accounts.seeded) logger.info(accounts, 'demo accounts created (password in README)');
  }
  const downloadsDir = path.join(config.dataDir, 'downloads');
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : null;
  if (!transport) logger.info('no SMTP_URL: outgoing mail stays in the outbox (/admin/outbox)');
  let runner: JobRunner | undefined;
  const mailer = createMailer(transport, () => runner?.poke());
  const freshness = {
    reverifyAfterMonths: config.REVERIFY_AFTER_MONTHS,
    hideAfterMonths: config.HIDE_UNVERIFIED_AFTER_MONTHS,
  };
  const app = await buildApp({
    db,
    logger,
    trustProxy: config.TRUST_PROXY,
    publicUrl: config.PUBLIC_URL,
    mailer,
    freshness,
    downloadsDir,
  });
  if (config.RUN_JOBS) {
    const baseUrl =
      config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    const jobs = allJobs({ transport, mailer, freshness, baseUrl });
    const downloads = bulkDownloadJobs(downloadsDir);
    // The open-data downloads are rebuilt nightly; the first time, right away.
    if (!(await currentManifest(downloadsDir))) {
      await enqueueJob(db, { kind: REFRESH_DOWNLOADS, uniqueKey: 'downloads:first-build' });
    }
    runner = startJobRunner(
      db,
      { ...jobs.handlers, ...downloads.handlers },
      {
        recurring: [...jobs.recurring, ...downloads.recurring],
        onError: (job, error) => logger.warn({ err: error, job: job.kind }, 'job failed'),
      },
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.close();
    await runner?.stop();
    transport?.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`rumbo: ${error.message}`);
  } else {
    console.error('rumbo: could not start:', error);
  }
  process.exit(1);
});
