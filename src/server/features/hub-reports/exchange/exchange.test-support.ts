// Test helpers for the exchange: hubs (directory locations with their org units) and reports with consistent
// figures, written the way the import and the demo write them.
import { buildLocation, buildOrganization } from '../../../../../tests/support/factories.js';
import type { Db } from '../../../db/db.js';
import type { HubReportStatus } from '../../../db/schema.js';
import { ensureHubOrgUnit, type OrgUnit } from '../org-units.repository.js';
import { loadReportMetadata } from '../report-metadata.repository.js';
import { rebuildRollups } from '../rollups.repository.js';
import { insertDataValues, insertHubReports } from './exchange.repository.js';

export async function buildHub(
  db: Db,
  place: { country?: string; area?: string; city?: string } = {},
): Promise<OrgUnit> {
  const organization = await buildOrganization(db, { name: `Centro de información ${place.city ?? 'Puebla'}` });
  const location = await buildLocation(db, organization.id, {
    country_code: place.country ?? 'MX',
    admin_area: place.area ?? place.city ?? 'Puebla',
    city: place.city ?? 'Puebla',
  });
  return (await ensureHubOrgUnit(db.query, location.id))!;
}

/** Cell values by element code, then option code ('default' for the single cell). */
export type Figures = Record<string, Record<string, number>>;

/** A month that passes every rule: total, sex, age and nationality adding up, services and referrals. */
export function consistentFigures(total: number): Figures {
  const female = Math.floor(total / 2);
  const children = Math.floor(total / 4);
  return {
    PEOPLE_ASSISTED: { default: total },
    PEOPLE_ASSISTED_BY_SEX: { FEMALE: female, MALE: total - female, SEX_OTHER_UNKNOWN: 0 },
    PEOPLE_ASSISTED_BY_AGE: { AGE_0_17: children, AGE_18_59: total - children, AGE_60_PLUS: 0 },
    PEOPLE_ASSISTED_BY_NATIONALITY: { NAT_HND: total - Math.floor(total / 3), NAT_VEN: Math.floor(total / 3) },
    SERVICES_PROVIDED: { SVC_INFORMATION: total, SVC_REFERRAL: Math.floor(total / 5) },
    REFERRALS: { REF_HEALTH: Math.floor(total / 5) },
  };
}

/** Writes a report with the given figures and status, then rebuilds the rollups. */
export async function fileReport(
  db: Db,
  hub: OrgUnit,
  period: string,
  figures: Figures,
  status: HubReportStatus = 'approved',
): Promise<string> {
  const meta = await loadReportMetadata(db);
  const ids = await insertHubReports(db.query, [
    { data_set_id: meta.dataSet.id, org_unit_id: hub.id, period, country_code: hub.countryCode!, status },
  ]);
  const reportId = ids.get(`${hub.id}:${period}`)!;
  const values = [];
  for (const element of meta.dataElements) {
    for (const coc of element.cocs) {
      const value = figures[element.code]?.[coc.code];
      if (value === undefined) continue;
      values.push({
        report_id: reportId,
        data_element_id: element.id,
        period,
        org_unit_id: hub.id,
        category_option_combo_id: coc.id,
        value,
        stored_by: null,
      });
    }
  }
  await insertDataValues(db.query, values);
  await rebuildRollups(db.query);
  return reportId;
}
