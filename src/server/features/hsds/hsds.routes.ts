// API: /hsds/ — the directory as HSDS 3.0 (schema/openapi.json of the standard) with the Rumbo profile.
import { publicOrigin } from '../../http/public-origin.js';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { notFound } from '../../http/errors.js';
import { hsdsSchemas, type ServicesQuery } from './hsds.schema.js';
import { hsdsService, hsdsServicePage, streamServices, taxonomiesWithId } from './hsds.service.js';
import {
  allTaxonomies,
  hsdsOrganization,
  hsdsOrganizationPage,
  hsdsPlace,
  hsdsPlacePage,
  hsdsTaxonomy,
  hsdsTerm,
  hsdsTermPage,
  placeSelection,
  streamOrganizations,
  streamPlaces,
} from './hsds-directory.service.js';
import { HSDS_VERSION, mergePatch, PROFILE_PATCHES, PROFILE_PATH, profileIndex } from './profile/rumbo-profile.js';
import { standardJson } from './hsds-standard.js';
import { hsdsPage } from './hsds.service.js';
import type { HsdsObject } from './hsds.presenter.js';
import { FILE_EXPORTS } from './export/file-exports.js';
import { openBuiltDownload } from './export/bulk-downloads.service.js';

function sendNdjson(reply: FastifyReply, records: AsyncIterable<HsdsObject>) {
  async function* lines() {
    for await (const record of records) yield `${JSON.stringify(record)}\n`;
  }
  return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
}

async function serviceSelection(db: Db, q: Omit<ServicesQuery, 'page' | 'per_page' | 'format'>) {
  return {
    search: q.search,
    taxonomyTermId: q.taxonomy_term_id,
    taxonomies: await taxonomiesWithId(db, q.taxonomy_id),
    organizationId: q.organization_id,
    modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
  };
}

/** `downloadsDir`: where the nightly job keeps the built downloads; without one they are streamed live. */
export function hsdsApiRoutes(db: Db, options: { downloadsDir?: string } = {}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/hsds', { schema: hsdsSchemas.meta }, async (request) => ({
      version: HSDS_VERSION,
      profile: `${publicOrigin(request)}${PROFILE_PATH}`,
      openapi_url: `${publicOrigin(request)}/hsds/openapi.json`,
    }));

    app.get(
      '/hsds/openapi.json',
      { schema: { tags: ['hsds'], summary: 'The HSDS OpenAPI document with the profile applied.' } },
      async (request) => {
        const official = await standardJson('schema/openapi.json').catch(() => null);
        if (!official) throw notFound();
        return mergePatch(mergePatch(official, PROFILE_PATCHES['openapi.json']), {
          info: { title: 'Rumbo HSDS API', version: HSDS_VERSION, license: { name: 'CC-BY-4.0' } },
          servers: [{ url: `${publicOrigin(request)}/hsds` }],
        });
      },
    );

    app.get(PROFILE_PATH, { schema: { tags: ['hsds'], summary: 'The Rumbo HSDS profile.' } }, async (request) =>
      profileIndex(publicOrigin(request)),
    );
    app.get(`${PROFILE_PATH}:file`, { schema: hsdsSchemas.profileFile }, async (request) => {
      const patch = PROFILE_PATCHES[request.params.file];
      if (!patch) throw notFound();
      return patch;
    });

    app.get('/hsds/downloads/:file', { schema: hsdsSchemas.download }, async (request, reply) => {
      const file = request.params.file;
      reply.type(FILE_EXPORTS[file].type).header('content-disposition', `attachment; filename="rumbo-${file}"`);
      const built = options.downloadsDir ? await openBuiltDownload(options.downloadsDir, file) : null;
      if (built) {
        return reply
          .header('content-length', built.size)
          .header('last-modified', built.modified.toUTCString())
          .send(built.stream);
      }
      return reply.send(Readable.from(FILE_EXPORTS[file].build(db)));
    });

    app.get('/hsds/downloads/hsds-csv/:file', { schema: hsdsSchemas.tabularDownload }, async (request, reply) => {
      const built = options.downloadsDir
        ? await openBuiltDownload(options.downloadsDir, `hsds-csv/${request.params.file}`)
        : null;
      if (!built) throw notFound();
      const type = request.params.file.endsWith('.json') ? 'application/json' : 'text/csv';
      return reply
        .type(`${type}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="rumbo-hsds-${request.params.file}"`)
        .header('content-length', built.size)
        .header('last-modified', built.modified.toUTCString())
        .send(built.stream);
    });

    app.get('/hsds/services', { schema: hsdsSchemas.services }, async (request, reply) => {
      const q = request.query;
      const selection = await serviceSelection(db, q);
      const options = { full: q.full, minimal: q.minimal, locale: q.locale };
      if (q.format === 'ndjson') return sendNdjson(reply, streamServices(db, selection, options));
      return hsdsServicePage(db, { selection, page: q.page, perPage: q.per_page, ...options });
    });
    app.get('/hsds/services/:id', { schema: hsdsSchemas.service }, async (request) => {
      return (await hsdsService(db, request.params.id, request.query.locale)) ?? Promise.reject(notFound());
    });

    app.get('/hsds/service_at_locations', { schema: hsdsSchemas.serviceAtLocations }, async (request, reply) => {
      const q = request.query;
      const selection = await placeSelection(db, await serviceSelection(db, q), q);
      if (q.format === 'ndjson') return sendNdjson(reply, streamPlaces(db, selection, q.locale));
      return hsdsPlacePage(db, selection, { page: q.page, perPage: q.per_page, full: q.full, locale: q.locale });
    });
    app.get('/hsds/service_at_locations/:id', { schema: hsdsSchemas.serviceAtLocation }, async (request) => {
      return (await hsdsPlace(db, request.params.id, request.query.locale)) ?? Promise.reject(notFound());
    });

    app.get('/hsds/organizations', { schema: hsdsSchemas.organizations }, async (request, reply) => {
      const q = request.query;
      if (q.format === 'ndjson') return sendNdjson(reply, streamOrganizations(db, q.search, q.locale));
      return hsdsOrganizationPage(db, { ...q, perPage: q.per_page, fullService: q.full_service });
    });
    app.get('/hsds/organizations/:id', { schema: hsdsSchemas.organization }, async (request) => {
      const { locale, full_service } = request.query;
      return (await hsdsOrganization(db, request.params.id, !!full_service, locale)) ?? Promise.reject(notFound());
    });

    app.get('/hsds/taxonomies', { schema: hsdsSchemas.taxonomies }, async (request, reply) => {
      const q = request.query;
      const all = await allTaxonomies(db, q.search);
      if (q.format === 'ndjson') return sendNdjson(reply, Readable.from(all));
      const start = (q.page - 1) * q.per_page;
      return hsdsPage(all.slice(start, start + q.per_page), all.length, q.page, q.per_page);
    });
    app.get('/hsds/taxonomies/:id', { schema: hsdsSchemas.taxonomy }, async (request) => {
      return (await hsdsTaxonomy(db, request.params.id)) ?? Promise.reject(notFound());
    });

    app.get('/hsds/taxonomy_terms', { schema: hsdsSchemas.taxonomyTerms }, async (request, reply) => {
      const q = request.query;
      const selection = {
        search: q.search,
        taxonomies: await taxonomiesWithId(db, q.taxonomy_id),
        topOnly: q.top_only,
        parentId: q.parent_id,
      };
      const page = await hsdsTermPage(db, selection, {
        page: q.format === 'ndjson' ? 1 : q.page,
        perPage: q.format === 'ndjson' ? 100_000 : q.per_page,
        locale: q.locale,
      });
      if (q.format === 'ndjson') return sendNdjson(reply, Readable.from(page.contents));
      return page;
    });
    app.get('/hsds/taxonomy_terms/:id', { schema: hsdsSchemas.taxonomyTerm }, async (request) => {
      return (await hsdsTerm(db, request.params.id, request.query.locale)) ?? Promise.reject(notFound());
    });
  };
}
