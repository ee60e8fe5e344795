// The wide table shape shared by the CSV and HXL exports and the CSV import: one row per hub × month, the hub's
// place, then one column per data element total and per cell, with stable machine names and HXL hashtags derived
// from the metadata (element `hxl_tag` + attributes from the option codes).
import type { ReportMetadata } from '../report-metadata.repository.js';

/** The columns that place a row: period, country, admin area, hub. */
export const PLACE_COLUMNS = [
  { name: 'period_start', hxl: '#date+start' },
  { name: 'period_end', hxl: '#date+end' },
  { name: 'country_iso3', hxl: '#country+code' },
  { name: 'admin1_code', hxl: '#adm1+code' },
  { name: 'hub_code', hxl: '#loc+code' },
  { name: 'hub_name', hxl: '#org+name' },
] as const;

/** A column of figures: one cell of a data element, or (cocId '*') the element's total over its cells. */
export interface ValueColumn {
  name: string;
  hxl: string;
  dataElementId: string;
  /** The option combination, or '*' for the sum of the element's cells. */
  cocId: string;
}

/** HXL attributes of an option, from its code (HXL core: +f, +m, +children, +adults, +elderly). */
const KNOWN_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  FEMALE: ['f'],
  MALE: ['m'],
  SEX_OTHER_UNKNOWN: ['sex_other'],
  AGE_0_17: ['children'],
  AGE_18_59: ['adults'],
  AGE_60_PLUS: ['elderly'],
};

/** Prefixes of option codes and the attribute that names their kind ('' when the tag already says it). */
const PREFIX_ATTRIBUTE: Readonly<Record<string, string>> = { NAT: 'nationality', SVC: '', REF: '' };

const attribute = (text: string) => {
  const clean = text.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return /^[a-z]/.test(clean) ? clean : `x${clean}`;
};

/** 'NAT_VEN' → ['nationality', 'ven']; 'SVC_INFORMATION' → ['information']; 'FEMALE' → ['f']. */
export function hxlAttributes(optionCode: string): string[] {
  const known = KNOWN_ATTRIBUTES[optionCode];
  if (known) return known;
  const [prefix = '', ...rest] = optionCode.split('_');
  const kind = PREFIX_ATTRIBUTE[prefix];
  if (kind === undefined || rest.length === 0) return [attribute(optionCode)];
  return [...(kind ? [kind] : []), attribute(rest.join('_'))];
}

const tag = (base: string, attributes: string[]) => [base, ...attributes].join('+');

/** 'PEOPLE_ASSISTED_BY_SEX' → 'sex': what tells apart two breakdowns of the same hashtag. */
const breakdownAttribute = (elementCode: string) => attribute(elementCode.split('_BY_').pop() ?? elementCode);

/** Every figure column, in the metadata's order: a default-combo element has one column (its only cell). */
export function valueColumns(meta: ReportMetadata): ValueColumn[] {
  const tagCount = new Map<string, number>();
  for (const element of meta.dataElements) tagCount.set(element.hxlTag, (tagCount.get(element.hxlTag) ?? 0) + 1);
  const columns: ValueColumn[] = [];
  for (const element of meta.dataElements) {
    const name = element.code.toLowerCase();
    const single = element.cocs.length === 1 && element.cocs[0]!.isDefault;
    if (single) {
      columns.push({ name, hxl: element.hxlTag, dataElementId: element.id, cocId: element.cocs[0]!.id });
      continue;
    }
    const shared = (tagCount.get(element.hxlTag) ?? 0) > 1;
    columns.push({
      name,
      hxl: tag(element.hxlTag, ['total', ...(shared ? [breakdownAttribute(element.code)] : [])]),
      dataElementId: element.id,
      cocId: '*',
    });
    for (const coc of element.cocs) {
      columns.push({
        name: `${name}__${coc.code.toLowerCase()}`,
        hxl: tag(element.hxlTag, hxlAttributes(coc.code)),
        dataElementId: element.id,
        cocId: coc.id,
      });
    }
  }
  return columns;
}
