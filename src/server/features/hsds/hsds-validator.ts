// JSON Schema validation against the HSDS 3.0 schemas of the standard (draft 2020-12, ajv): the official compiled
// schemas for API responses and exports, and the per-table schemas with the Rumbo profile applied for imports.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { hsdsStandardDir, standardJson } from './hsds-standard.js';
import { mergePatch, PROFILE_PATCHES } from './profile/rumbo-profile.js';

export interface Verdict {
  valid: boolean;
  errors: string[];
}

function newAjv() {
  // HSDS schema files carry data-package keywords (constraints, core, ...) that strict mode would reject.
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // HSDS's openapi.json names the date-time format "datetime" in one place.
  ajv.addFormat('datetime', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i);
  return ajv;
}

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);

const official = newAjv();
const officialCache = new Map<string, Promise<ValidateFunction>>();

/** Validates against one official schema file of the standard, e.g. `schema/compiled/service.json`. */
export async function validateOfficial(schemaFile: string, value: unknown): Promise<Verdict> {
  let compiled = officialCache.get(schemaFile);
  if (!compiled) {
    compiled = schemaFile.startsWith('schema/compiled/')
      ? standardJson(schemaFile).then((schema) => official.compile(schema as object))
      : tableSchemas(newAjv(), false).then((ajv) => ajv.getSchema(path.basename(schemaFile)) ?? fail(schemaFile));
    officialCache.set(schemaFile, compiled);
  }
  const validate = await compiled;
  const valid = validate(value);
  return { valid, errors: valid ? [] : describe(validate.errors) };
}

const fail = (file: string): never => {
  throw new Error(`No HSDS schema ${file}`);
};

/** The per-table schemas (schema/*.json) under their file names, with the Rumbo profile's patches or without. */
async function tableSchemas(ajv: Ajv2020.default, withProfile: boolean) {
  const files = (await readdir(path.join(hsdsStandardDir(), 'schema'))).filter(
    (f) => f.endsWith('.json') && f !== 'openapi.json',
  );
  for (const file of files) {
    const schema = await standardJson(`schema/${file}`);
    ajv.addSchema((withProfile ? mergePatch(schema, PROFILE_PATCHES[file] ?? {}) : schema) as object, file);
  }
  return ajv;
}

let profiled: Promise<Ajv2020.default> | null = null;
const profiledAjv = () => (profiled ??= tableSchemas(newAjv(), true));

/** Validates one record of an HSDS table (e.g. `service`) against its schema with the Rumbo profile applied. */
export async function validateRecord(resource: string, value: unknown): Promise<Verdict> {
  const ajv = await profiledAjv();
  const validate = ajv.getSchema(`${resource}.json`);
  if (!validate) return { valid: false, errors: [`unknown HSDS table ${resource}`] };
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? [] : describe(validate.errors) };
}
