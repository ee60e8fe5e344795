// The one place that reads the environment. Every variable has a schema, a comment and a safe default for the
// embedded mode; a bad value stops the process with a message that names the variable.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import path from 'node:path';

const ConfigSchema = Type.Object({
  /** TCP port the HTTP server listens on. */
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  /** Interface to bind; 0.0.0.0 in containers, 127.0.0.1 keeps it local. */
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** PostgreSQL connection string. Absent: the embedded database (PGlite) in DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** Embedded database and uploads. Only one process may use it at a time (it is locked). */
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  /** Load the labelled demo directory into an empty database on start. */
  SEED_DEMO: Type.Boolean({ default: true }),
  /** pino log level. */
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  /** Trust X-Forwarded-For from a reverse proxy in front (else client addresses, e.g. for rate limits, are spoofable). */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** A copy of the Open Referral HSDS 3.0 standard (schemas, OpenAPI); default ../shared/standards/hsds-3.0. */
  HSDS_STANDARD_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Public base URL, used for absolute links in the API and feeds. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** A MapLibre style JSON (e.g. over a self-hosted PMTiles or vector tile server) for the map page instead of the
   *  built-in offline basemap: a path on this site or an https URL, whose origin is then allowed in the CSP. */
  MAP_STYLE_URL: Type.Optional(Type.String({ pattern: '^(/[^/]|https://)', maxLength: 500 })),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465. Absent: mail stays in the
   *  outbox, which admins read at /admin/outbox. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  /** Sender address of outgoing mail. */
  MAIL_FROM: Type.String({ minLength: 3, default: 'Rumbo <no-reply@rumbo.localhost>' }),
  /** Ask a listing's contact to re-verify it this many months after its last verification. */
  REVERIFY_AFTER_MONTHS: Type.Integer({ minimum: 1, maximum: 60, default: 6 }),
  /** Listings unverified this many months leave public results until verified again. */
  HIDE_UNVERIFIED_AFTER_MONTHS: Type.Integer({ minimum: 1, maximum: 120, default: 12 }),
  /** Run background jobs (mail delivery, re-verification) in this process. */
  RUN_JOBS: Type.Boolean({ default: true }),
});

export type Config = Static<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const input: Record<string, unknown> = {};
  for (const key of known) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') input[key] = raw;
  }
  for (const key of ['SEED_DEMO', 'TRUST_PROXY', 'RUN_JOBS']) {
    if (typeof input[key] === 'string') input[key] = parseBoolean(input[key]);
  }
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, input));
  if (!Value.Check(ConfigSchema, withDefaults)) {
    const problems = new Set(
      [...Value.Errors(ConfigSchema, withDefaults)].map(
        (e) => `${e.instancePath.replace(/^\//, '') || 'config'}: ${e.message}`,
      ),
    );
    throw new ConfigError(`Invalid configuration:\n  ${[...problems].join('\n  ')}`);
  }
  const config = withDefaults as Static<typeof ConfigSchema>;
  return { ...config, dataDir: path.resolve(config.DATA_DIR) };
}

function parseBoolean(raw: string): boolean | string {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return raw;
}

/** What the browser may see of the configuration: nothing secret, nothing the page does not need. */
export function browserConfig(config: Config): { publicUrl: string | null } {
  return { publicUrl: config.PUBLIC_URL ?? null };
}
