// A listing as one document: an organization with its locations and services, in the shape the submission form
// fills, moderation compares field by field, and approval writes to the directory tables. Keys tie services to
// locations inside the document: a live record's key is its id; a new one is "new-<n>".
import { Type, type Static } from 'typebox';
import { ADDRESS_VISIBILITIES, COSTS, LOCALES, ORGANIZATION_KINDS, POPULATIONS } from '../../db/schema.js';
import { WEB_ADDRESS_PATTERN } from '../../http/form.js';

/** Size limits: what a real listing needs, far below what would strain a moderator or the database. */
export const LIMITS = {
  shortText: 300,
  longText: 4000,
  locations: 20,
  services: 30,
  phones: 5,
  documents: 10,
  hours: 21,
  categories: 14,
  languages: 12,
} as const;

/** No control characters (tabs and line breaks aside) and no U+FFFD, which is what broken UTF-8 decodes to. */
export const CLEAN_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFD]*$';
const text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength, pattern: CLEAN_TEXT });
/** One text in up to five languages; at least the listing's own language is filled for required fields. */
export const TranslatedText = (maxLength: number) =>
  Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.Optional(text(maxLength))])), {
    additionalProperties: false,
  });

export const ListingKey = Type.String({ pattern: '^([0-9a-f-]{36}|new-[0-9]{1,3})$' });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const ListingPhone = Type.Object(
  { number: Type.String({ pattern: '^\\+?[0-9 ()-]{3,32}$' }), whatsapp: Type.Boolean() },
  { additionalProperties: false },
);

export const ListingHours = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7 }), opens: Time, closes: Time },
  { additionalProperties: false },
);

export const ListingLocation = Type.Object(
  {
    key: ListingKey,
    name: TranslatedText(LIMITS.shortText),
    country_code: Type.String({ pattern: '^[A-Z]{2}$' }),
    admin_area: Type.Union([text(LIMITS.shortText), Type.Null()]),
    city: text(120, 1),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    address_1: Type.Union([text(LIMITS.shortText), Type.Null()]),
    postal_code: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
    address_visibility: Type.Enum([...ADDRESS_VISIBILITIES]),
    transportation: TranslatedText(LIMITS.longText),
  },
  { additionalProperties: false },
);

export const ListingService = Type.Object(
  {
    key: ListingKey,
    name: TranslatedText(LIMITS.shortText),
    description: TranslatedText(LIMITS.longText),
    categories: Type.Array(Type.String({ pattern: '^[a-z0-9-]{2,64}$' }), { maxItems: LIMITS.categories }),
    populations: Type.Array(Type.Enum([...POPULATIONS]), { maxItems: POPULATIONS.length }),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: LIMITS.languages }),
    cost: Type.Enum([...COSTS]),
    fees_description: TranslatedText(LIMITS.longText),
    application_process: TranslatedText(LIMITS.longText),
    schedule_notes: TranslatedText(LIMITS.longText),
    hours: Type.Array(ListingHours, { maxItems: LIMITS.hours }),
    documents: Type.Array(TranslatedText(LIMITS.shortText), { maxItems: LIMITS.documents }),
    phones: Type.Array(ListingPhone, { maxItems: LIMITS.phones }),
    email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
    url: Type.Union([Type.String({ pattern: WEB_ADDRESS_PATTERN, maxLength: 500 }), Type.Null()]),
    location_keys: Type.Array(ListingKey, { maxItems: LIMITS.locations }),
  },
  { additionalProperties: false },
);

export const ListingOrganization = Type.Object(
  {
    name: text(LIMITS.shortText, 1),
    description: TranslatedText(LIMITS.longText),
    kind: Type.Enum([...ORGANIZATION_KINDS]),
    email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
    website: Type.Union([Type.String({ pattern: WEB_ADDRESS_PATTERN, maxLength: 500 }), Type.Null()]),
    original_locale: Type.Enum([...LOCALES]),
  },
  { additionalProperties: false },
);

export const ListingDocument = Type.Object(
  {
    organization: ListingOrganization,
    locations: Type.Array(ListingLocation, { minItems: 1, maxItems: LIMITS.locations }),
    services: Type.Array(ListingService, { minItems: 1, maxItems: LIMITS.services }),
  },
  { additionalProperties: false },
);

export type ListingDocument = Static<typeof ListingDocument>;
export type ListingLocation = Static<typeof ListingLocation>;
export type ListingService = Static<typeof ListingService>;
export type ListingOrganization = Static<typeof ListingOrganization>;
