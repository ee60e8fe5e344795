// Schemas of the country pack API (/api/v1/packs). The pack itself is sent as prebuilt JSON text: its shape, declared
// here once for the API documentation and for the builder's types (packs.service.ts), is the pack wire format that
// the browser reads (src/client/offline/packs.ts, held to it by packs.wire.test.ts).
import { Type } from 'typebox';
import { LocaleParam } from '../../http/common-schema.js';
import { ErrorResponse } from '../../http/pagination.js';

export const PackVersion = Type.String({
  maxLength: 64,
  description: 'A pack version this server sent earlier (opaque); the answer is then a delta when possible.',
});

export const PackListQuery = Type.Object({ locale: Type.Optional(LocaleParam) });
export const PackQuery = Type.Object({ locale: Type.Optional(LocaleParam), since: Type.Optional(PackVersion) });
export const PackParams = Type.Object({
  country: Type.String({ maxLength: 8, description: 'ISO 3166-1 alpha-2 (any case), e.g. MX.' }),
});

const PackItem = Type.Object({
  country: Type.String({ description: 'ISO 3166-1 alpha-2, upper case.' }),
  services: Type.Integer({ description: 'Published services in the pack.' }),
  version: Type.String(),
  hash: Type.String({ description: 'sha256 (hex) of the canonical pack content.' }),
});

export const PackLocationSchema = Type.Object({
  name: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
});

export const PackServiceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organization: Type.String(),
  description: Type.String({ description: 'In the locale asked (else the original); may be shortened with "…".' }),
  categories: Type.Array(Type.String()),
  populations: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  locations: Type.Array(PackLocationSchema),
  phones: Type.Array(Type.String()),
  email: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  hours: Type.Optional(Type.String()),
  fees: Type.Optional(Type.String()),
  verified_at: Type.Optional(Type.String({ format: 'date' })),
});

export const CountryPackSchema = Type.Object({
  format: Type.Literal(1),
  country: Type.String(),
  locale: LocaleParam,
  version: Type.String(),
  hash: Type.String(),
  generated_at: Type.String({ format: 'date-time' }),
  kind: Type.Union([Type.Literal('full'), Type.Literal('delta')]),
  since: Type.Optional(Type.String()),
  count: Type.Integer({ description: 'Services in the full pack at this version.' }),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  services: Type.Array(PackServiceSchema),
  removed: Type.Optional(Type.Array(Type.String())),
});

export const listPacksSchema = {
  tags: ['directory'],
  summary: 'Country packs: every country with published services, with its pack version and hash.',
  querystring: PackListQuery,
  response: { 200: Type.Object({ items: Type.Array(PackItem) }), 400: ErrorResponse },
};

export const getPackSchema = {
  tags: ['directory'],
  summary: "One country's published directory for offline use (full, or a delta since a version).",
  description:
    'ETag is the hash of the full pack (If-None-Match answers 304). With since=<version> (at most 30 days old, ' +
    'same locale) the answer is a delta when under half the pack changed: services changed since then and ' +
    '"removed" ids; otherwise a full pack.',
  params: PackParams,
  querystring: PackQuery,
  response: { 200: CountryPackSchema, 304: Type.Null(), 400: ErrorResponse, 404: ErrorResponse },
};
