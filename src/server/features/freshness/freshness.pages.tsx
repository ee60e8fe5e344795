// Pages of the re-verification link sent by the daily sweep: /{locale}/verify/{token}?answer=ok|changes.
// GET only shows the listing and one button (mail scanners prefetch links, so a GET changes nothing); the POST
// uses the link: "ok" verifies the listing now, "changes" opens an edit draft prefilled from the live listing.
// The link itself is the credential (single use, 30 days); no account is needed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { csrfToken } from '../../http/security.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { answerReverify, reverifyLink, type ReverifyAnswer } from './freshness.service.js';
import { VerifiedPage, VerifyPage } from './freshness.view.js';

const Params = Type.Object({ locale: Type.String(), token: Type.String({ maxLength: 200 }) });
const Body = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

function answerOf(value: unknown): ReverifyAnswer | null {
  return value === 'ok' || value === 'changes' ? value : null;
}

export function freshnessPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/verify/:token',
      {
        schema: { params: Params, querystring: Type.Object({ answer: Type.Optional(Type.String({ maxLength: 20 })) }) },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const answer = answerOf(request.query.answer);
        if (!answer) throw new AppError('LINK_INVALID');
        const summary = await reverifyLink(ctx.db, request.params.token);
        if (!summary) throw new AppError('LINK_INVALID');
        const page = pageContext(request, locale, (await ctx.facts()).demo);
        const action = `/${locale}/verify/${encodeURIComponent(request.params.token)}`;
        return sendPrivatePage(
          reply,
          <VerifyPage ctx={page} summary={summary} answer={answer} action={action} csrf={csrfToken(reply)} />,
        );
      },
    );

    app.post(
      '/:locale/verify/:token',
      { schema: { params: Params, body: Body }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const answer = answerOf(request.body.answer);
        if (!answer) throw new AppError('LINK_INVALID');
        const result = await answerReverify(ctx.db, request.params.token, answer, locale);
        if (!result) throw new AppError('LINK_INVALID');
        if (result.answer === 'changes') {
          return reply.redirect(`/${locale}/submit/draft/${encodeURIComponent(result.draftToken)}`, 303);
        }
        const page = pageContext(request, locale, (await ctx.facts()).demo);
        return sendPrivatePage(reply, <VerifiedPage ctx={page} summary={result.summary} />);
      },
    );
  };
}
