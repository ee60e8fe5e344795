// /healthz: the process answers. /readyz: the database answers and every migration is applied.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ping, type Db } from '../../db/db.js';
import { isUpToDate } from '../../db/migrate.js';
import { AppError } from '../../http/errors.js';
import { ErrorResponse } from '../../http/pagination.js';

const Status = Type.Object({ status: Type.String() });

export function healthRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/healthz', { schema: { tags: ['operations'], response: { 200: Status } } }, async () => ({
      status: 'ok',
    }));

    app.get(
      '/readyz',
      { schema: { tags: ['operations'], response: { 200: Status, 503: ErrorResponse } } },
      async (_request, reply) => {
        const reachable = await ping(db);
        if (!reachable || !(await isUpToDate(db))) throw new AppError('NOT_READY');
        reply.header('cache-control', 'no-store');
        return { status: 'ready' };
      },
    );
  };
}
