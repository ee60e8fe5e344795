// Size limits of an HSDS import, so that a hostile or broken file cannot exhaust memory: per field, per file, and
// for the whole input (a zip's declared and actual uncompressed size alike).

export interface ImportLimits {
  /** Largest CSV cell or JSON string, in bytes. */
  maxFieldBytes: number;
  /** Largest single file (a CSV, the JSON form, a zip entry once uncompressed), in bytes. */
  maxFileBytes: number;
  /** Largest total input once uncompressed, in bytes. */
  maxTotalBytes: number;
  /** Most entries a zip may list. */
  maxZipEntries: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ImportLimits = {
  maxFieldBytes: 1 * MiB,
  maxFileBytes: 1024 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxZipEntries: 1000,
};

export const formatBytes = (bytes: number) =>
  bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MB` : `${Math.round(bytes / 102.4) / 10} kB`;
