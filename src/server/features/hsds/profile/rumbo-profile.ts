// The Rumbo HSDS profile: what Rumbo publishes beyond HSDS 3.0 core, written as the HSDS Profiles mechanism
// asks — one JSON Merge Patch (RFC 7386) per HSDS schema file it changes, named like that file, served under
// /hsds/profile/. Everything here is optional and additive except two relaxations (address postal_code and
// state_province are optional: many places in the region have none), so core HSDS consumers keep working.

export const PROFILE_PATH = '/hsds/profile/';
export const HSDS_VERSION = '3.0';

const LOCALE_CODES = ['es', 'en', 'fr', 'ht', 'pt'];

/** {"field": {"es": "...", "en": "..."}}: every translation of each translatable field. */
const translations = {
  name: 'translations',
  title: 'Translations (Rumbo profile)',
  description:
    'Each translatable text field of this record in every language it exists in, keyed by field name then ' +
    'locale (es, en, fr, ht, pt). The HSDS text field itself carries the language named by text_locale.',
  type: 'object',
  additionalProperties: {
    type: 'object',
    propertyNames: { enum: LOCALE_CODES },
    additionalProperties: { type: 'string' },
  },
};

const textLocale = {
  name: 'text_locale',
  title: 'Text locale (Rumbo profile)',
  description: 'The language of the text fields of this record (its original language unless ?locale= asked another).',
  type: 'string',
  enum: LOCALE_CODES,
};

const isDemo = {
  name: 'is_demo',
  title: 'Demo record (Rumbo profile)',
  description: 'True for the labelled demo directory: not a real service.',
  type: 'boolean',
};

export const PROFILE_PATCHES: Record<string, Record<string, unknown>> = {
  'service.json': {
    properties: {
      translations,
      text_locale: textLocale,
      is_demo: isDemo,
      cost: {
        name: 'cost',
        title: 'Cost class (Rumbo profile)',
        description: 'A coarse cost class for filtering; details stay in fees_description.',
        type: 'string',
        enum: ['free', 'low_cost', 'paid', 'unknown'],
      },
      schedule_notes: { name: 'schedule_notes', type: 'string', description: 'Free text about opening hours.' },
      verified_by: { name: 'verified_by', type: 'string', description: 'Who last verified the record (assured_date).' },
    },
  },
  'organization.json': {
    properties: {
      translations,
      text_locale: textLocale,
      is_demo: isDemo,
      kind: {
        name: 'kind',
        type: 'string',
        enum: ['government', 'ngo', 'international', 'diaspora', 'shelter', 'faith_based', 'community'],
      },
      last_verified_at: { name: 'last_verified_at', type: 'string', format: 'date-time' },
    },
  },
  'location.json': {
    description:
      'Rumbo profile: a location whose address_visibility is "hidden" (shelters) is published with no ' +
      'addresses, latitude, longitude or transportation; "city" publishes no street and coordinates rounded to ' +
      'two decimals (about a kilometre). city and country are always present.',
    properties: {
      translations,
      address_visibility: { name: 'address_visibility', type: 'string', enum: ['full', 'city', 'hidden'] },
      city: { name: 'city', type: 'string', description: 'The city, always published.' },
      admin_area: { name: 'admin_area', type: 'string', description: 'State, department or province.' },
      country: { name: 'country', type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' },
    },
  },
  'address.json': {
    // Postal codes are optional in much of Central America and the Caribbean.
    required: ['id', 'address_1', 'city', 'country', 'address_type'],
  },
  'phone.json': {
    properties: {
      translations,
      whatsapp: { name: 'whatsapp', type: 'boolean', description: 'The number answers WhatsApp messages.' },
    },
  },
  'required_document.json': { properties: { translations } },
  'taxonomy_term.json': { properties: { translations } },
  'openapi.json': {
    paths: {
      '/service_at_locations': {
        get: {
          parameters: [
            { $ref: '#/components/parameters/search' },
            { $ref: '#/components/parameters/taxonomy_term_id' },
            { $ref: '#/components/parameters/taxonomy_id' },
            { $ref: '#/components/parameters/organization_id' },
            { $ref: '#/components/parameters/modified_after' },
            { $ref: '#/components/parameters/full' },
            { $ref: '#/components/parameters/page' },
            { $ref: '#/components/parameters/per_page' },
            { $ref: '#/components/parameters/format' },
            { $ref: '#/components/parameters/postcode' },
            { $ref: '#/components/parameters/proximity' },
            { $ref: '#/components/parameters/lat' },
            { $ref: '#/components/parameters/lon' },
            { $ref: '#/components/parameters/locale' },
          ],
        },
      },
    },
    components: {
      parameters: {
        lat: {
          name: 'lat',
          in: 'query',
          description:
            'Latitude of the search centre (with lon; proximity in metres, default 10000). Hidden addresses never match.',
          schema: { type: 'number' },
        },
        lon: { name: 'lon', in: 'query', description: 'Longitude of the search centre.', schema: { type: 'number' } },
        locale: {
          name: 'locale',
          in: 'query',
          description: 'Language of text fields: es, en, fr, ht or pt.',
          schema: { type: 'string', enum: LOCALE_CODES },
        },
      },
    },
  },
};

/** RFC 7386: applies a JSON Merge Patch to a document (null removes a member; objects merge; all else replaces). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function profileIndex(baseUrl: string) {
  return {
    name: 'rumbo',
    title: 'Rumbo HSDS profile',
    description:
      'HSDS 3.0 for service directories for people on the move in Mexico, Central America and the Caribbean: ' +
      'per-field translations, latitude/longitude search, optional postal codes, hidden shelter addresses.',
    hsds_version: HSDS_VERSION,
    mechanism: 'JSON Merge Patch (RFC 7386) over the HSDS 3.0 schema files of the same name',
    files: Object.keys(PROFILE_PATCHES).map((file) => `${baseUrl}${PROFILE_PATH}${file}`),
  };
}
