// Writes validated HSDS records inside the import's transaction, parents before children: what maps to Rumbo's
// model becomes (or updates) a live row, the rest is kept whole in `hsds_records`; one report line per record.
import type { Locale } from '../../../db/schema.js';
import type { HsdsObject } from '../hsds.presenter.js';
import {
  existingIds,
  forgetKept,
  keepRecords,
  keptKeys,
  linkLanguages,
  linkTerms,
  taxonomyTermKeys,
  upsertById,
  type IdTable,
  type ImportTrx,
} from './hsds-import.repository.js';
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

/** Modelled tables in write order; `live` names the set a live row joins, so later tables can refer to it. */
const MODELLED: { resource: string; table: IdTable; map: Mapper; live?: 'organization' | 'location' | 'service' }[] = [
  { resource: 'organization', table: 'organizations', map: mapOrganization, live: 'organization' },
  { resource: 'location', table: 'locations', map: mapLocation, live: 'location' },
  { resource: 'address', table: 'addresses', map: mapAddress },
  { resource: 'service', table: 'services', map: mapService, live: 'service' },
  { resource: 'service_at_location', table: 'service_at_locations', map: mapServiceAtLocation },
  { resource: 'phone', table: 'phones', map: mapPhone },
  { resource: 'schedule', table: 'schedules', map: mapSchedule },
  { resource: 'required_document', table: 'required_documents', map: mapRequiredDocument },
];

export interface WriteOptions {
  verified: boolean;
  locale: Locale;
  now: Date;
}

const idOf = (s: SourceRecord) => String(s.record.id);

export async function writeImport(
  trx: ImportTrx,
  records: SourceRecord[],
  options: WriteOptions,
): Promise<ReportLine[]> {
  const byResource = new Map<string, SourceRecord[]>();
  for (const source of records) byResource.set(source.resource, [...(byResource.get(source.resource) ?? []), source]);
  const of = (resource: string) => byResource.get(resource) ?? [];
  const lines: ReportLine[] = [];
  const line = (s: SourceRecord, outcome: ReportLine['outcome'], reason?: string, field?: string) =>
    lines.push({ outcome, resource: s.resource, id: idOf(s), file: s.file, row: s.row, field, reason });
  const toKeep: SourceRecord[] = [];
  const keep = (s: SourceRecord, reason: string, field?: string) => {
    toKeep.push(s);
    line(s, 'kept', reason, field);
  };

  // Taxonomy terms: Rumbo's own (matched by id or code) are mapped, not changed; any other term is kept.
  const rumboTerms = await taxonomyTermKeys(trx);
  const termIds = new Map<string, string>();
  for (const term of rumboTerms) {
    termIds.set(term.id, term.id);
    termIds.set(term.code, term.id);
  }
  for (const s of of('taxonomy_term')) {
    const match = termIds.get(idOf(s)) ?? (typeof s.record.code === 'string' ? termIds.get(s.record.code) : undefined);
    if (match) {
      termIds.set(idOf(s), match);
      line(s, 'skipped', `is Rumbo's term ${String(s.record.code ?? match)}; imports do not change Rumbo's taxonomy`);
    } else keep(s, "not one of Rumbo's taxonomy terms: kept as an HSDS record");
  }

  // References to rows already in Rumbo count as live.
  const live = { organization: new Set<string>(), location: new Set<string>(), service: new Set<string>() };
  const referenced = (field: string) =>
    records.flatMap((s) => (typeof s.record[field] === 'string' ? [String(s.record[field])] : []));
  for (const id of await existingIds(trx, 'organizations', referenced('organization_id'))) live.organization.add(id);
  for (const id of await existingIds(trx, 'locations', referenced('location_id'))) live.location.add(id);
  for (const id of await existingIds(trx, 'services', [...referenced('service_id'), ...referenced('link_id')])) {
    live.service.add(id);
  }

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

  const pairs = new Set<string>();
  for (const { resource, table, map, live: joins } of MODELLED) {
    const rows: Row[] = [];
    const sources: SourceRecord[] = [];
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
      rows.push(mapped.row);
      sources.push(s);
      if (joins) live[joins].add(idOf(s));
    }
    const existing = await existingIds(trx, table, sources.map(idOf));
    await upsertById(trx, table, rows);
    await forgetKept(trx, resource, sources.map(idOf));
    for (const s of sources) line(s, existing.has(idOf(s)) ? 'updated' : 'created');
  }

  // Links: service languages and categories (attributes to Rumbo's terms).
  const links = { language: [] as Row[], attribute: [] as Row[] };
  for (const resource of ['language', 'attribute'] as const) {
    for (const s of of(resource)) {
      const mapped = (resource === 'language' ? mapLanguage : mapAttribute)(s.record, ctx);
      if ('keep' in mapped) {
        keep(s, `not a live Rumbo link: ${mapped.keep}`, mapped.field);
        continue;
      }
      links[resource].push(mapped.row);
      if (mapped.alsoKeep) keep(s, `linked, and kept whole because ${mapped.alsoKeep}`);
      else line(s, 'created', 'link (unchanged when it existed)');
    }
  }
  await linkLanguages(trx, links.language as { service_id: string; language_code: string }[]);
  await linkTerms(trx, links.attribute as { service_id: string; taxonomy_term_id: string }[]);

  // Tables Rumbo does not model (programs, contacts, funding, taxonomies, …) are kept whole, and exported back.
  const modelled = new Set([...MODELLED.map((m) => m.resource), 'taxonomy_term', 'language', 'attribute']);
  const other = records.filter((s) => !modelled.has(s.resource));
  const keys = [...toKeep, ...other].map((s) => ({ resource: s.resource, id: idOf(s) }));
  const alreadyKept = await keptKeys(trx, keys);
  for (const s of other) {
    line(
      s,
      alreadyKept.has(`${s.resource}:${idOf(s)}`) ? 'updated' : 'created',
      'kept as an HSDS record (no Rumbo table)',
    );
  }
  await keepRecords(
    trx,
    [...toKeep, ...other].map((s) => ({ resource: s.resource, id: idOf(s), record: JSON.stringify(s.record) })),
  );
  return lines;
}
