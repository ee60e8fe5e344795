// Organisation unit codes and UIDs, derived from the directory so every instance names a hub the same way.
import { createHash } from 'node:crypto';

/** ISO 3166-1 alpha-2 → alpha-3 for the countries Rumbo serves and those people come from. */
export const ISO3: Readonly<Record<string, string>> = {
  MX: 'MEX',
  GT: 'GTM',
  SV: 'SLV',
  HN: 'HND',
  NI: 'NIC',
  CR: 'CRI',
  PA: 'PAN',
  BZ: 'BLZ',
  DO: 'DOM',
  HT: 'HTI',
  CU: 'CUB',
  CO: 'COL',
  US: 'USA',
  CA: 'CAN',
  VE: 'VEN',
  EC: 'ECU',
  PE: 'PER',
  JM: 'JAM',
  BR: 'BRA',
  CL: 'CHL',
};

export const ISO2_OF_ISO3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO3).map(([iso2, iso3]) => [iso3, iso2]),
);

export const REGION_ORG_UNIT_ID = 'RbOuRegion1';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A DHIS2-style UID (11 characters, a letter first) that is the same for the same code everywhere. */
export function orgUnitUid(code: string): string {
  const digest = createHash('sha256').update(`rumbo-org-unit:${code}`).digest();
  let uid = 'Ou';
  for (let i = 0; i < 9; i++) uid += BASE62[digest[i]! % 62];
  return uid;
}

/** 'Quintana Roo' → 'QUINTANA-ROO' (accents and punctuation dropped). */
export function areaSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export const countryOrgUnitCode = (iso2: string) => ISO3[iso2] ?? iso2;
export const adminAreaOrgUnitCode = (iso2: string, area: string) => `${countryOrgUnitCode(iso2)}-${areaSlug(area)}`;
export const hubOrgUnitCode = (locationId: string) => `HUB-${locationId}`;
