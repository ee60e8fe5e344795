// What an import would do, before anything is written: every validated record mapped to a Rumbo row (organizations,
// locations, services and their parts, in write order), a link (languages, categories), or a record kept whole,
// with a report line for each record that is already decided. Reads only: Rumbo's taxonomy and which ids exist.
// Records are grouped and looked up through maps and sets, so the plan takes time in proportion to the input.
import type { Locale } from '../../../db/schema.js';
import type { HsdsObject } from '../hsds.presenter.js';
import { existingIds, taxonomyTermKeys, type IdTable, type ImportTrx } from './hsds-import.repository.js';
import type { ReportLine } from './import-report.js';
import {
  mapAddress,
  mapAttribute,
  mapLanguage,
  mapLocation,
  mapOrganization,
  mapPhone,
  mapRequiredDocument,
  mapSchedule,
  mapService,
  mapServiceAtLocation,
  type Mapped,
  type MappingContext,
  type Row,
} from './record-mapping.js';
import type { SourceRecord } from './source-record.js';

type Mapper = (record: HsdsObject, ctx: MappingContext) => Mapped<Row>;
export type LiveSet = 'organization' | 'location' | 'service';

/** Modelled tables in write order; `live` names the set a mapped row joins, so later tables can refer to it. */
const MODELLED: { resource: string; table: IdTable; map: Mapper; live?: LiveSet }[] = [
  { resource: 'organization', table: 'organizations', map: mapOrganization, live: 'organization' },
  { resource: 'location', table: 'locations', map: mapLocation, live: 'location' },
  { resource: 'address', table: 'addresses', map: mapAddress },
  { resource: 'service', table: 'services', map: mapService, live: 'service' },
  { resource: 'service_at_location', table: 'service_at_locations', map: mapServiceAtLocation },
  { resource: 'phone', table: 'phones', map: mapPhone },
  { resource: 'schedule', table: 'schedules', map: mapSchedule },
  { resource: 'required_document', table: 'required_documents', map: mapRequiredDocument },
];
const LINKS = ['language', 'attribute'] as const;
const MODELLED_RESOURCES = new Set([...MODELLED.map((m) => m.resource), 'taxonomy_term', ...LINKS]);

export interface PlanOptions {
  verified: boolean;
  locale: Locale;
  now: Date;
}

export interface PlannedRow {
  source: SourceRecord;
  row: Row;
}

export interface PlannedLink extends PlannedRow {
  /** Why the record is also kept whole (fields the link has no place for). */
  alsoKeep?: string | undefined;
}

export interface PlannedTable {
  resource: string;
  table: IdTable;
  rows: PlannedRow[];
}

export interface ImportPlan {
  /** Rows of Rumbo's tables, per table in write order (parents first). */
  tables: PlannedTable[];
  /** Service languages and categories; a link with `alsoKeep` carries more than the link, so it is kept whole too. */
  links: { language: PlannedLink[]; attribute: PlannedLink[] };
  /** Records of modelled tables that cannot be Rumbo rows: kept whole in `hsds_records`, line written. */
  kept: SourceRecord[];
  /** Records of HSDS tables Rumbo has no table for (programs, contacts, …): kept whole, line not yet written. */
  other: SourceRecord[];
  /** Lines decided while planning: taxonomy terms skipped, records kept and why. */
  lines: ReportLine[];
  /** Ids already in Rumbo before this import, of organizations, locations and services named by the input. */
  existing: Record<LiveSet, Set<string>>;
  /** Code of each Rumbo taxonomy term, by id. */
  termCodes: Map<string, string>;
}

export const idOf = (s: SourceRecord) => String(s.record.id);

export function reportLine(
  s: SourceRecord,
  outcome: ReportLine['outcome'],
  reason?: string,
  field?: string,
): ReportLine {
  return { outcome, resource: s.resource, id: idOf(s), file: s.file, row: s.row, field, reason };
}

/** Records by table, each group in input order (one pass; no copying of growing arrays). */
export function groupByResource(records: SourceRecord[]): Map<string, SourceRecord[]> {
  const byResource = new Map<string, SourceRecord[]>();
  for (const source of records) {
    const group = byResource.get(source.resource);
    if (group) group.push(source);
    else byResource.set(source.resource, [source]);
  }
  return byResource;
}

export async function planImport(trx: ImportTrx, records: SourceRecord[], options: PlanOptions): Promise<ImportPlan> {
  const byResource = groupByResource(records);
  const of = (resource: string) => byResource.get(resource) ?? [];
  const lines: ReportLine[] = [];
  const kept: SourceRecord[] = [];
  const keep = (s: SourceRecord, reason: string, field?: string) => {
    kept.push(s);
    lines.push(reportLine(s, 'kept', reason, field));
  };

  // Taxonomy terms: Rumbo's own (matched by id or code) are mapped, not changed; any other term is kept.
  const termIds = new Map<string, string>();
  const termCodes = new Map<string, string>();
  for (const term of await taxonomyTermKeys(trx)) {
    termIds.set(term.id, term.id);
    termIds.set(term.code, term.id);
    termCodes.set(term.id, term.code);
  }
  for (const s of of('taxonomy_term')) {
    const match = termIds.get(idOf(s)) ?? (typeof s.record.code === 'string' ? termIds.get(s.record.code) : undefined);
    if (match) {
      termIds.set(idOf(s), match);
      lines.push(
        reportLine(
          s,
          'skipped',
          `is Rumbo's term ${String(s.record.code ?? match)}; imports do not change Rumbo's taxonomy`,
        ),
      );
    } else keep(s, "not one of Rumbo's taxonomy terms: kept as an HSDS record");
  }

  // References to rows already in Rumbo count as live; so do the input's own records of those tables.
  const referenced = (...fields: string[]) => {
    const ids = new Set<string>();
    for (const s of records) {
      for (const field of fields) if (typeof s.record[field] === 'string') ids.add(String(s.record[field]));
    }
    return [...ids];
  };
  const named = (resource: string, ...fields: string[]) => [
    ...new Set([...referenced(...fields), ...of(resource).map(idOf)]),
  ];
  const existing: Record<LiveSet, Set<string>> = {
    organization: await existingIds(trx, 'organizations', named('organization', 'organization_id')),
    location: await existingIds(trx, 'locations', named('location', 'location_id')),
    service: await existingIds(trx, 'services', named('service', 'service_id', 'link_id')),
  };
  const live: Record<LiveSet, Set<string>> = {
    organization: new Set(existing.organization),
    location: new Set(existing.location),
    service: new Set(existing.service),
  };

  const places = new Map<string, { city: string; country: string; admin_area?: string }>();
  for (const s of of('address')) {
    const { location_id: locationId, city, country, state_province: region } = s.record;
    if (typeof locationId === 'string' && typeof city === 'string' && typeof country === 'string') {
      if (!places.has(locationId)) {
        places.set(locationId, {
          city,
          country,
          ...(typeof region === 'string' && region ? { admin_area: region } : {}),
        });
      }
    }
  }
  const ctx: MappingContext = {
    live,
    termId: (key) => termIds.get(key),
    placeOf: (id) => places.get(id),
    ...options,
  };

  const tables: PlannedTable[] = [];
  const pairs = new Set<string>();
  for (const { resource, table, map, live: joins } of MODELLED) {
    const rows: PlannedRow[] = [];
    for (const s of of(resource)) {
      const mapped = map(s.record, ctx);
      if ('keep' in mapped) {
        keep(s, `not a live Rumbo listing: ${mapped.keep}`, mapped.field);
        continue;
      }
      if (resource === 'service_at_location') {
        const pair = `${String(mapped.row.service_id)}:${String(mapped.row.location_id)}`;
        if (pairs.has(pair)) {
          keep(s, 'not live: the same service is already at this location', 'location_id');
          continue;
        }
        pairs.add(pair);
      }
      rows.push({ source: s, row: mapped.row });
      if (joins) live[joins].add(idOf(s));
    }
    tables.push({ resource, table, rows });
  }

  const links: ImportPlan['links'] = { language: [], attribute: [] };
  for (const resource of LINKS) {
    for (const s of of(resource)) {
      const mapped = (resource === 'language' ? mapLanguage : mapAttribute)(s.record, ctx);
      if ('keep' in mapped) {
        keep(s, `not a live Rumbo link: ${mapped.keep}`, mapped.field);
        continue;
      }
      links[resource].push({ source: s, row: mapped.row, alsoKeep: mapped.alsoKeep });
    }
  }

  const other = records.filter((s) => !MODELLED_RESOURCES.has(s.resource));
  return { tables, links, kept, other, lines, existing, termCodes };
}
