// The list contract shared by every API list and page: page (1-based) and per_page (at most 100).
import { Type, type Static, type TSchema } from 'typebox';

export const MAX_PER_PAGE = 100;

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page number, from 1.' }),
  per_page: Type.Integer({
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: 20,
    description: 'Items per page, at most 100.',
  }),
};

export function pageWindow(query: { page: number; per_page: number }): { limit: number; offset: number } {
  return { limit: query.per_page, offset: (query.page - 1) * query.per_page };
}

export function ListResponse<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    per_page: Type.Integer({ minimum: 1 }),
  });
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code from the catalogue, e.g. VALIDATION_FAILED.' }),
      message: Type.String({ description: "Human-readable, in the request's language." }),
      details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
    }),
  },
  { $id: 'Error' },
);

export type PageQueryValues = Static<Type.TObject<typeof PageQuery>>;

/** Numbers of the pages to link to around the current one (1 … 4 5 [6] 7 8 … 20). */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const wanted = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  pages.forEach((n, i) => {
    const previous = pages[i - 1];
    if (previous !== undefined && n - previous > 1) withGaps.push(null);
    withGaps.push(n);
  });
  return withGaps;
}
