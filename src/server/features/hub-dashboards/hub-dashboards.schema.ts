// Route schemas of the hub dashboards: the page and its CSV files take the same filters.
import { Type, type Static } from 'typebox';

export const LocaleParams = Type.Object({ locale: Type.String() });

export const DashboardQuery = Type.Object({
  /** A year '2021', a quarter '2021Q1' or a month '2021-03' / '202103'; the latest quarter with data by default. */
  period: Type.Optional(Type.String({ maxLength: 16 })),
  /** ISO 3166-1 alpha-2. */
  country: Type.Optional(Type.String({ maxLength: 8 })),
  /** 'public' lets a viewer who may read the full figures see the public ones. */
  view: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('full')])),
});
export type DashboardQuery = Static<typeof DashboardQuery>;
