// The public figures: which published figure (hub, country or region × month, quarter or year × cell or element
// total) is shown, shown as "<5", or suppressed. One decision over all of them, shared by every public page and
// export, so that comparing two outputs reveals nothing (docs/decisions/013-hub-reports.md). Recomputed only
// when the approved data changes, and then only for the years that changed, reloading only the country-years
// that changed.
import type { Db } from '../../db/db.js';
import { countryOrgUnitCode, orgUnitUid, REGION_ORG_UNIT_ID } from './org-units.js';
import {
  listApprovedValues,
  reportFingerprints,
  rollupFingerprints,
  type Fingerprints,
} from './public-figures.repository.js';
import { canonicalKey, figureShape, parseFigureKey, type FigureShape } from './public-figures.space.js';
import {
  chunkLeaves,
  decideYear,
  hiddenIn,
  tableLayout,
  type ChunkLeaves,
  type TableLayout,
  type YearTable,
} from './public-figures.table.js';
import { loadReportMetadata } from './report-metadata.repository.js';
import { isSmall, type Shown } from './suppression.js';

export { figureKey, TOTAL, type FigureRef } from './public-figures.space.js';

export interface PublicFigures {
  /** Changes whenever the approved data changes. */
  readonly version: string;
  /**
   * How to publish a figure (name it with `figureKey`; cocId TOTAL for an element's total) whose value the caller
   * read from the approved data. Only the decision is kept here, not a million values; a value from 1 to 4 is
   * never shown, even if the data changed since the decision.
   */
  show(key: string, value: number): Shown;
  /** Whether a figure is hidden: 'small' (1 to 4, shown as "<5"), 'suppressed', or null when shown. */
  hidden(key: string): 'small' | 'suppressed' | null;
}

/** The full figures for signed-in roles with `read_hub_figures`: the same interface, nothing hidden. */
export const FULL_FIGURES: PublicFigures = {
  version: 'full',
  show: (_key, value) => ({ kind: 'value', value }),
  hidden: () => null,
};

/** The organisation unit of a country (ISO 3166-1 alpha-2), as `ensureHubOrgUnit` names it. */
export const countryOrgUnitId = (countryCode: string) => orgUnitUid(countryOrgUnitCode(countryCode));

/** How long the slower fingerprint of the reports themselves is trusted (the rollups are checked every time). */
const REPORTS_CHECKED_EVERY_MS = 30_000;

interface ChunkVersion {
  countryCode: string;
  year: string;
  version: string;
}

interface State {
  version: string;
  figures: Promise<PublicFigures>;
  chunks: Map<string, { version: string; leaves: ChunkLeaves }>;
  years: Map<string, { version: string; table: YearTable }>;
}

const states = new WeakMap<Db, State>();
const reportsSeen = new WeakMap<Db, { at: number; fingerprints: Promise<Fingerprints> }>();

/** The approved data's version per country-year, and all of them as one string. */
async function approvedVersions(db: Db): Promise<{ version: string; versions: ChunkVersion[] }> {
  let reports = reportsSeen.get(db);
  if (!reports || Date.now() - reports.at > REPORTS_CHECKED_EVERY_MS) {
    reports = { at: Date.now(), fingerprints: reportFingerprints(db) };
    reportsSeen.set(db, reports);
    reports.fingerprints.catch(() => reportsSeen.delete(db));
  }
  const [sums, reportPrints] = await Promise.all([rollupFingerprints(db), reports.fingerprints]);
  const versions: ChunkVersion[] = [...new Set([...sums.keys(), ...reportPrints.keys()])].sort().map((id) => {
    const [countryCode = '', year = ''] = id.split('.');
    return { countryCode, year, version: `${sums.get(id) ?? ''}|${reportPrints.get(id) ?? ''}` };
  });
  return { version: versions.map((v) => `${v.countryCode}.${v.year}:${v.version}`).join(';'), versions };
}

/** A string that changes whenever the approved data changes: a key for anything computed from it. */
export async function approvedDataVersion(db: Db): Promise<string> {
  return (await approvedVersions(db)).version;
}

/** The public figures of the approved data as it is now (cached until it changes). */
export async function loadPublicFigures(db: Db): Promise<PublicFigures> {
  const [{ version, versions }, meta] = await Promise.all([approvedVersions(db), loadReportMetadata(db)]);
  const previous = states.get(db);
  if (previous?.version === version) return previous.figures;
  const state: State = {
    version,
    chunks: previous?.chunks ?? new Map(),
    years: previous?.years ?? new Map(),
    figures: Promise.resolve(FULL_FIGURES),
  };
  const shape = figureShape(meta);
  state.figures = decide(db, shape, versions, state);
  states.set(db, state);
  state.figures.catch(() => {
    if (states.get(db) === state) states.delete(db);
  });
  return state.figures;
}

async function decide(db: Db, shape: FigureShape, versions: ChunkVersion[], state: State): Promise<PublicFigures> {
  const layout = tableLayout(shape);
  const byYear = new Map<string, ChunkVersion[]>();
  for (const v of versions) byYear.set(v.year, [...(byYear.get(v.year) ?? []), v]);
  const chunks = new Map<string, { version: string; leaves: ChunkLeaves }>();
  const years = new Map<string, { version: string; table: YearTable }>();
  for (const [year, yearVersions] of byYear) {
    const yearVersion = yearVersions.map((v) => `${v.countryCode}:${v.version}`).join(';');
    const leaves: ChunkLeaves[] = [];
    for (const v of yearVersions) {
      const id = `${v.countryCode}.${year}`;
      let chunk = state.chunks.get(id);
      if (chunk?.version !== v.version) {
        const values = await listApprovedValues(db, v.countryCode, year);
        chunk = { version: v.version, leaves: chunkLeaves(layout, countryOrgUnitId(v.countryCode), values) };
      }
      chunks.set(id, chunk);
      leaves.push(chunk.leaves);
    }
    const known = state.years.get(year);
    const table = known?.version === yearVersion ? known.table : decideYear(layout, REGION_ORG_UNIT_ID, leaves);
    years.set(year, { version: yearVersion, table });
  }
  // Only what the current data needs stays in memory.
  state.chunks = chunks;
  state.years = years;
  return publicFigures(shape, layout, state.version, years);
}

function publicFigures(
  shape: FigureShape,
  layout: TableLayout,
  version: string,
  years: Map<string, { table: YearTable }>,
): PublicFigures {
  const hidden = (key: string) => {
    const ref = parseFigureKey(canonicalKey(shape, key));
    return hiddenIn(layout, years.get(ref.period.slice(0, 4))?.table, ref);
  };
  return {
    version,
    hidden,
    show(key, value) {
      const state = hidden(key);
      if (state === 'small' || isSmall(value)) return { kind: 'small' };
      if (state === 'suppressed') return { kind: 'suppressed' };
      return { kind: 'value', value };
    },
  };
}
