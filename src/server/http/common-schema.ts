// Schema pieces several routes share.
import { Type } from 'typebox';
import { LOCALES, POPULATIONS } from '../db/schema.js';

export const LocaleParam = Type.Enum([...LOCALES], { description: 'One of es, en, fr, ht, pt.' });
export const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. MX.' });
export const CategoryCode = Type.String({ pattern: '^[a-z0-9-]{2,64}$', description: 'Taxonomy term code.' });
export const PopulationCode = Type.Enum([...POPULATIONS]);
export const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639 code, e.g. ht.' });
/** A value or null (JSON Schema has no optional-but-present type). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** Ids are strings here so that a malformed id answers 404 (unknown), not 400. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const Translations = Type.Object(Object.fromEntries(LOCALES.map((l) => [l, Type.Optional(Type.String())])), {
  description: 'The same text in each locale that has it.',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
