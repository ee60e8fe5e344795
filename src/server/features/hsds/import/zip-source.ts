// A zipped tabular data package, read in memory with yauzl. Every entry name is checked before anything is
// uncompressed (no absolute paths, drive letters, backslashes or `..`), and the declared sizes are summed against
// the limits first; while reading, the actual bytes are counted too, so a zip bomb with lying headers stops early.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { HsdsInputError } from './import-report.js';
import { SizeBudget, type FileSource } from './file-source.js';
import { formatBytes, type ImportLimits } from './import-limits.js';

const openZip = (file: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

/** Why an entry name is unsafe to extract, or null when it is a safe relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'names a drive';
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.split('/').some((segment) => segment === '..')) return 'climbs out of the archive (..)';
  return null;
}

async function listEntries(zip: ZipFile, limits: ImportLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let declared = 0;
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const name = (entry.fileName as unknown as Buffer).toString('utf8');
      const unsafe = unsafeEntryName(name);
      count += 1;
      declared += entry.uncompressedSize;
      const fail = (error: HsdsInputError) => {
        zip.close();
        reject(error);
      };
      if (unsafe) return fail(new HsdsInputError('unsafe_path', `Zip entry "${name}" ${unsafe}.`, { file: name }));
      if (count > limits.maxZipEntries) {
        return fail(new HsdsInputError('too_many_entries', `The zip has more than ${limits.maxZipEntries} entries.`));
      }
      if (entry.uncompressedSize > limits.maxFileBytes) {
        return fail(
          new HsdsInputError(
            'file_too_large',
            `Zip entry "${name}" uncompresses to more than the ${formatBytes(limits.maxFileBytes)} limit per file.`,
            { file: name },
          ),
        );
      }
      if (declared > limits.maxTotalBytes) {
        return fail(
          new HsdsInputError(
            'archive_too_large',
            `The zip uncompresses to more than the ${formatBytes(limits.maxTotalBytes)} limit.`,
            { file: name },
          ),
        );
      }
      if (!name.endsWith('/')) entries.set(name, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  return entries;
}

/** The folder holding datapackage.json (or the CSVs), so a zip of `hsds-csv/` works as well as a flat one. */
function packageRoot(names: string[]): string {
  const marker = names.filter((n) => n.endsWith('datapackage.json') || n.endsWith('.csv'));
  const dirs = [...new Set(marker.map((n) => n.slice(0, n.lastIndexOf('/') + 1)))].sort((a, b) => a.length - b.length);
  return dirs[0] ?? '';
}

export async function zipSource(file: string, limits: ImportLimits): Promise<FileSource> {
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw new HsdsInputError('unreadable_input', `${file} is not a readable zip: ${(error as Error).message}.`, {
      file,
    });
  }
  let entries: Map<string, Entry>;
  try {
    entries = await listEntries(zip, limits);
  } catch (error) {
    zip.close();
    if (error instanceof HsdsInputError) throw error;
    throw new HsdsInputError('unreadable_input', `${file} is not a readable zip: ${(error as Error).message}.`);
  }
  const root = packageRoot([...entries.keys()]);
  const budget = new SizeBudget(limits);
  const entryOf = (name: string) => entries.get(`${root}${name}`);
  return {
    label: file,
    has: async (name) => entryOf(name) !== undefined,
    read: async (name) => {
      const entry = entryOf(name);
      if (!entry) throw new HsdsInputError('unreadable_input', `The zip has no ${name}.`, { file: name });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
      );
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limits.maxFileBytes) budget.spend(name, size);
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof HsdsInputError) throw error;
        throw new HsdsInputError('unreadable_input', `Zip entry ${name}: ${(error as Error).message}.`, { file: name });
      }
      budget.spend(name, size);
      return Buffer.concat(chunks);
    },
    close: async () => zip.close(),
  };
}
