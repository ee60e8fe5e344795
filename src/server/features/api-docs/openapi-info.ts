// The head of the OpenAPI document; the paths come from each route's schema.
export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Rumbo API',
    version: '1.0.0',
    description:
      'Read the Rumbo directory of services for people on the move in Mexico, Central America and the Caribbean. ' +
      'Lists answer { items, total, page, per_page }; errors answer { error: { code, message } } with 400 for bad ' +
      'parameters and 404 for unknown (or malformed) ids. Texts come in the language asked with ?locale= or ' +
      'Accept-Language (es, en, fr, ht, pt), with every translation under "translations". Records with ' +
      'is_demo = true are demo data, not real services. Hidden shelter addresses are never published.',
    license: { name: 'AGPL-3.0-or-later' },
  },
  tags: [
    { name: 'directory', description: 'Organizations, services, locations and the taxonomy of needs.' },
    { name: 'operations', description: 'Liveness and readiness.' },
  ],
};
