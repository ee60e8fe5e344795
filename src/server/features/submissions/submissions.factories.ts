// Test helpers for the submission form: a complete valid form body, posting it as a browser would (with the CSRF
// token of the page), and counting what the database holds.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/db.js';

/** A form that passes every check: one place in Tapachula (coordinates from the gazetteer), one service. */
export function validFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    'organization.name': 'Casa Refugio Esperanza',
    'organization.description': 'Acompañamos a personas migrantes en la frontera sur.',
    'organization.kind': 'shelter',
    'organization.email': 'contacto@esperanza.example.org',
    'organization.website': 'https://esperanza.example.org',
    'organization.original_locale': 'es',
    'locations.0.key': 'new-1',
    'locations.0.name': 'Albergue',
    'locations.0.country_code': 'MX',
    'locations.0.admin_area': 'Chiapas',
    'locations.0.city': 'Tapachula',
    'locations.0.address_1': 'Calle 5 Norte 12',
    'locations.0.postal_code': '',
    'locations.0.address_visibility': 'city',
    'locations.0.transportation': 'Cerca del parque central.',
    'locations.0.latitude': '',
    'locations.0.longitude': '',
    'services.0.key': 'new-1',
    'services.0.name': 'Albergue temporal',
    'services.0.description': 'Hospedaje y comida hasta por tres noches.',
    'services.0.name.en': 'Temporary shelter',
    'services.0.categories': 'shelter',
    'services.0.populations': ['women', 'children'],
    'services.0.languages': ['es', 'en'],
    'services.0.other_languages': 'mam',
    'services.0.cost': 'free',
    'services.0.fees_description': '',
    'services.0.application_process': 'Llegar antes de las 18:00.',
    'services.0.schedule_notes': '',
    'services.0.hours.1.opens': '08:00',
    'services.0.hours.1.closes': '18:00',
    'services.0.documents': 'Identificación\nCURP si la tiene',
    'services.0.phones.0.number': '+52 962 123 4567',
    'services.0.phones.0.whatsapp': 'on',
    'services.0.phones.1.number': '',
    'services.0.email': '',
    'services.0.url': '',
    'services.0.location_keys': 'new-1',
    submitter_email: 'ana@example.org',
    company_fax: '',
    ...overrides,
  };
}

export function encode(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) params.append(name, v);
  }
  return params.toString();
}

/** The CSRF token and cookie of a page's form. */
export async function formToken(
  app: FastifyInstance,
  url: string,
  cookie = '',
): Promise<{ token: string; cookie: string }> {
  const page = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form on ${url} (${page.statusCode})`);
  const fresh = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { token, cookie: [cookie, fresh].filter(Boolean).join('; ') };
}

let ip = 0;
/** Posts a form as a browser would, from its own address (so the per-IP limit stays out of the way). */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; formUrl?: string; payload?: string; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const csrf = await formToken(app, options.formUrl ?? '/es/submit', options.cookie);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: options.remoteAddress ?? `10.1.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
    payload: options.payload ?? encode({ _csrf: csrf.token, ...fields }),
  });
}

const TABLES = ['submissions', 'auth_tokens', 'mail_outbox', 'organizations', 'locations', 'services', 'jobs'] as const;

export async function rowCounts(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const row = await db.query
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The draft token from a redirect to /{locale}/submit/draft/{token}. */
export function draftToken(response: LightMyRequestResponse): string {
  const location = String(response.headers.location ?? '');
  const token = /\/submit\/draft\/([^/?#]+)$/.exec(location)?.[1];
  if (!token)
    throw new Error(`not a draft redirect: ${response.statusCode} ${location} ${response.body.slice(0, 500)}`);
  return decodeURIComponent(token);
}
