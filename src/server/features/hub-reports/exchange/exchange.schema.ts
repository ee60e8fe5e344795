// Schemas of the exchange: the export query (API) and the import form (admin page).
import { Type, type Static } from 'typebox';
import { LocaleParam } from '../../../http/common-schema.js';
import { ErrorResponse } from '../../../http/pagination.js';

export const ExportQuery = Type.Object({
  format: Type.Enum(['csv', 'hxl', 'dhis2'], {
    default: 'csv',
    description:
      'csv: one row per hub and month, one column per data element total and per cell; hxl: the same with an ' +
      'HXL hashtag row under the header; dhis2: DHIS2 dataValueSets JSON (values as strings).',
  }),
  period: Type.Optional(
    Type.String({
      maxLength: 20,
      description: 'A month (2021-03 or 202103), a quarter (2021Q1) or a year (2021); every month when absent.',
    }),
  ),
  country: Type.Optional(
    Type.String({ maxLength: 10, description: 'ISO 3166-1 alpha-2 code of a country, e.g. MX; all when absent.' }),
  ),
  version: Type.Optional(
    Type.Enum(['public', 'full'], {
      description:
        'public: small counts suppressed (1 to 4 read "<5"; figures that would let one be computed are hidden). ' +
        'full: every approved figure, for signed-in users allowed to read hub figures. Default: full for them, ' +
        'public for everyone else.',
    }),
  ),
  locale: Type.Optional(LocaleParam),
});
export type ExportQuery = Static<typeof ExportQuery>;

const text = { type: 'string' } as const;

export const exportSchema = {
  tags: ['hub-reports'],
  summary: 'Export approved information hub figures as CSV, HXL-tagged CSV or DHIS2 dataValueSets JSON (streamed).',
  querystring: ExportQuery,
  response: {
    // Unsafe: a streamed body (no serializer), described per content type for the OpenAPI document.
    200: Type.Unsafe<unknown>({
      description: 'The export, as an attachment (Content-Disposition names the file).',
      content: {
        'text/csv': { schema: text },
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              dataValues: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: Object.fromEntries(
                    [
                      'dataElement',
                      'period',
                      'orgUnit',
                      'categoryOptionCombo',
                      'attributeOptionCombo',
                      'value',
                      'storedBy',
                      'created',
                      'lastUpdated',
                    ].map((name) => [name, text]),
                  ),
                },
              },
            },
          },
        },
      },
    }),
    400: ErrorResponse,
    401: ErrorResponse,
    403: ErrorResponse,
  },
};

export const LocaleParams = Type.Object({ locale: Type.String({ maxLength: 5 }) });

/** Fields of the import form (multipart or urlencoded); the file arrives as text under `file`. */
export const ImportFormBody = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    file: Type.Optional(Type.String()),
    text: Type.Optional(Type.String()),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    dry_run: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: true },
);
export type ImportFormBody = Static<typeof ImportFormBody>;
