// API: GET /api/v1/hub-reports/export — approved hub figures as CSV, HXL or DHIS2 dataValueSets, streamed.
// Anonymous visitors get the public (suppressed) version; users allowed to read hub figures get the full one.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/db.js';
import { apiLocale } from '../../../http/api-locale.js';
import { AppError } from '../../../http/errors.js';
import { authorize, can } from '../../accounts/policy.js';
import { ISO3 } from '../org-units.js';
import { parsePeriod } from '../periods.js';
import { loadPublicFigures } from '../public-figures.service.js';
import { exportSchema } from './exchange.schema.js';
import { EXPORT_CONTENT_TYPES, exportFileName, exportHubReports, type ExportFormat } from './export.service.js';

const READ_FIGURES = { kind: 'read_hub_figures' } as const;

export function exchangeApiRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/hub-reports/export', { schema: exportSchema }, async (request, reply) => {
      const q = request.query;
      const period = q.period === undefined ? null : parsePeriod(q.period);
      if (q.period !== undefined && !period) throw new AppError('HUB_EXPORT_BAD_PERIOD', { period: q.period });
      const country = q.country?.toUpperCase();
      if (country !== undefined && !ISO3[country]) throw new AppError('HUB_EXPORT_BAD_COUNTRY', { country });
      const viewer = await request.viewer();
      const version = q.version ?? (can(viewer, READ_FIGURES) ? 'full' : 'public');
      if (version === 'full') authorize(viewer, READ_FIGURES);
      const format = q.format as ExportFormat;
      // The one public suppression decision, shared with the public dashboards.
      const figures = version === 'public' ? await loadPublicFigures(db) : null;
      const filter = { months: period?.months, countryCode: country };
      const chunks = exportHubReports(db, { format, filter, figures, locale: apiLocale(request) });
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${exportFileName(format, version, period?.id, country)}"`)
        .header('cache-control', version === 'full' ? 'private, no-store' : 'public, max-age=300')
        .header('vary', 'accept-encoding, cookie')
        .send(Readable.from(chunks));
    });
  };
}
