// Where the HSDS 3.0 standard (schemas, OpenAPI document, examples) is read from: `../shared/standards/hsds-3.0`
// beside the checkout, as in CI, unless HSDS_STANDARD_DIR names another copy.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config/config.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
let standardDir: string | undefined;

/** The standard's folder, from the configuration (read on first use, so importing this module never throws). */
export function hsdsStandardDir(): string {
  standardDir ??= loadConfig().HSDS_STANDARD_DIR ?? path.resolve(REPO_ROOT, '../shared/standards/hsds-3.0');
  return standardDir;
}

const cache = new Map<string, Promise<unknown>>();

/** A JSON file of the standard, e.g. `schema/service.json`, read once. */
export function standardJson(relativePath: string): Promise<unknown> {
  let loaded = cache.get(relativePath);
  if (!loaded) {
    loaded = readFile(path.join(hsdsStandardDir(), relativePath), 'utf8').then((text) => JSON.parse(text) as unknown);
    loaded.catch(() => cache.delete(relativePath));
    cache.set(relativePath, loaded);
  }
  return loaded;
}
