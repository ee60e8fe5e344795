// Files of a tabular data package, wherever they are: a directory on disk or a zip read in memory. Names are plain
// file names (a data package is flat); reading one enforces the per-file and total size limits.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HsdsInputError } from './import-report.js';
import { formatBytes, type ImportLimits } from './import-limits.js';

export interface FileSource {
  /** The input as the report names it. */
  readonly label: string;
  has(name: string): Promise<boolean>;
  read(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A name a data package may use: one path segment, no traversal, no drive or root. */
export function isPlainFileName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,128}$/.test(name) && name !== '.' && name !== '..';
}

export class SizeBudget {
  private used = 0;
  constructor(private readonly limits: ImportLimits) {}

  /** Counts `bytes` of file `name`; throws when the file or the whole input goes over its limit. */
  spend(name: string, bytes: number): void {
    if (bytes > this.limits.maxFileBytes) {
      throw new HsdsInputError(
        'file_too_large',
        `${name} is larger than the ${formatBytes(this.limits.maxFileBytes)} limit per file.`,
        { file: name },
      );
    }
    this.used += bytes;
    if (this.used > this.limits.maxTotalBytes) {
      throw new HsdsInputError(
        'archive_too_large',
        `The input is larger than the ${formatBytes(this.limits.maxTotalBytes)} limit once uncompressed.`,
        { file: name },
      );
    }
  }
}

export function directorySource(dir: string, limits: ImportLimits): FileSource {
  const budget = new SizeBudget(limits);
  const inside = (name: string) => {
    if (!isPlainFileName(name)) {
      throw new HsdsInputError('unsafe_path', `"${name}" is not a plain file name inside the package.`, { file: name });
    }
    return path.join(dir, name);
  };
  return {
    label: dir,
    has: async (name) => (await stat(inside(name)).catch(() => null))?.isFile() ?? false,
    read: async (name) => {
      const file = inside(name);
      budget.spend(name, (await stat(file)).size);
      return readFile(file);
    },
    close: async () => undefined,
  };
}
