// Organisation units: region → country → first-level admin area → hub. Hubs are directory locations; their
// country and admin area units are created the first time a hub under them is registered.
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import {
  LOCALES,
  type Database,
  type OrgUnitLevel,
  type ReportOrgUnitTable,
  type Translated,
} from '../../db/schema.js';
import { translator } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import {
  adminAreaOrgUnitCode,
  countryOrgUnitCode,
  hubOrgUnitCode,
  ISO3,
  orgUnitUid,
  REGION_ORG_UNIT_ID,
} from './org-units.js';

export interface OrgUnit {
  id: string;
  code: string;
  level: OrgUnitLevel;
  parentId: string | null;
  name: Translated;
  countryCode: string | null;
  iso3: string | null;
  locationId: string | null;
  path: string;
}

type Row = Selectable<ReportOrgUnitTable>;

const toOrgUnit = (row: Row): OrgUnit => ({
  id: row.id,
  code: row.code,
  level: row.level,
  parentId: row.parent_id,
  name: row.name,
  countryCode: row.country_code,
  iso3: row.iso3,
  locationId: row.location_id,
  path: row.path,
});

/** The country's name in every locale, from the locale files (ICU has no Haitian Creole names). */
function countryNames(iso2: string): Translated {
  const name: Translated = {};
  for (const locale of LOCALES) name[locale] = countryName(translator(locale), iso2);
  return name;
}

const sameInEveryLocale = (text: string): Translated => ({ es: text, en: text, fr: text, ht: text, pt: text });

async function ensureUnit(q: Kysely<Database>, unit: Omit<OrgUnit, 'path'> & { isDemo: boolean }, parentPath: string) {
  const path = `${parentPath}/${unit.id}`;
  await q
    .insertInto('report_org_units')
    .values({
      id: unit.id,
      code: unit.code,
      level: unit.level,
      parent_id: unit.parentId,
      name: JSON.stringify(unit.name),
      country_code: unit.countryCode,
      iso3: unit.iso3,
      location_id: unit.locationId,
      path,
      is_demo: unit.isDemo,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return path;
}

/**
 * The hub unit of a directory location, created (with its country and admin area) when it does not exist yet.
 * Returns null when the location does not exist.
 */
export async function ensureHubOrgUnit(q: Kysely<Database>, locationId: string): Promise<OrgUnit | null> {
  const existing = await q
    .selectFrom('report_org_units')
    .selectAll()
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  if (existing) return toOrgUnit(existing);
  const location = await q
    .selectFrom('locations')
    .innerJoin('organizations', 'organizations.id', 'locations.organization_id')
    .select([
      'locations.id',
      'locations.country_code',
      'locations.admin_area',
      'locations.city',
      'locations.is_demo',
      'organizations.name as organization_name',
    ])
    .where('locations.id', '=', locationId)
    .executeTakeFirst();
  if (!location) return null;
  const iso2 = location.country_code;
  const countryCode = countryOrgUnitCode(iso2);
  const country = {
    id: orgUnitUid(countryCode),
    code: countryCode,
    level: 2 as const,
    parentId: REGION_ORG_UNIT_ID,
    name: countryNames(iso2),
    countryCode: iso2,
    iso3: ISO3[iso2] ?? null,
    locationId: null,
    isDemo: false,
  };
  let parentPath = await ensureUnit(q, country, `/${REGION_ORG_UNIT_ID}`);
  let parentId = country.id;
  const area = location.admin_area?.trim() || location.city;
  const areaCode = adminAreaOrgUnitCode(iso2, area);
  const admin = {
    ...country,
    id: orgUnitUid(areaCode),
    code: areaCode,
    level: 3 as const,
    parentId,
    name: sameInEveryLocale(area),
  };
  parentPath = await ensureUnit(q, admin, parentPath);
  parentId = admin.id;
  const hubCode = hubOrgUnitCode(location.id);
  const hubName = sameInEveryLocale(`${location.organization_name} — ${location.city}`);
  const hub = {
    ...admin,
    id: orgUnitUid(hubCode),
    code: hubCode,
    level: 4 as const,
    parentId,
    name: hubName,
    locationId: location.id,
    isDemo: location.is_demo,
  };
  await ensureUnit(q, hub, parentPath);
  const created = await q.selectFrom('report_org_units').selectAll().where('id', '=', hub.id).executeTakeFirstOrThrow();
  return toOrgUnit(created);
}

export async function findOrgUnit(db: Db, id: string): Promise<OrgUnit | null> {
  const row = await db.query.selectFrom('report_org_units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrgUnit(row) : null;
}

/** Every unit, parents before children. */
export async function listOrgUnits(db: Db): Promise<OrgUnit[]> {
  const rows = await db.query.selectFrom('report_org_units').selectAll().orderBy('level').orderBy('code').execute();
  return rows.map(toOrgUnit);
}

/** Hub units, optionally of some countries (ISO2). */
export async function listHubOrgUnits(db: Db, countries?: string[]): Promise<OrgUnit[]> {
  let query = db.query.selectFrom('report_org_units').selectAll().where('level', '=', 4);
  if (countries) {
    if (countries.length === 0) return [];
    query = query.where('country_code', 'in', countries);
  }
  const rows = await query.orderBy('country_code').orderBy('code').execute();
  return rows.map(toOrgUnit);
}
