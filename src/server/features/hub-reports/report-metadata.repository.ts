// The reporting metadata (data set, data elements, their option combos and validation rules) as one object.
// It is data in the database (migrations/0010_hub_reports.sql) and changes only by migration, so it is read once
// per database handle and kept.
import type { Db } from '../../db/db.js';
import type { RuleSide, Translated } from '../../db/schema.js';

export interface OptionCombo {
  id: string;
  code: string;
  /** Names of the options it crosses, joined with ', ' per locale (empty for the default cell). */
  name: Translated;
  optionIds: string[];
  isDefault: boolean;
}

export interface DataElement {
  id: string;
  code: string;
  name: Translated;
  description: Translated;
  categoryComboId: string;
  /** The combination's name ("Sex", "Age group"…), empty for the default one. */
  comboName: Translated;
  hxlTag: string;
  cocs: OptionCombo[];
}

export interface ValidationRule {
  id: string;
  code: string;
  name: Translated;
  left: RuleSide;
  operator: '==' | '<=' | '>=';
  right: RuleSide;
  importance: 'blocking' | 'warning';
}

export interface ReportMetadata {
  dataSet: { id: string; code: string; name: Translated; periodType: 'Monthly' };
  dataElements: DataElement[];
  rules: ValidationRule[];
  elementById: Map<string, DataElement>;
  elementByCode: Map<string, DataElement>;
  cocById: Map<string, OptionCombo & { dataElementIds: string[] }>;
}

export const HUB_DATA_SET_CODE = 'HUB_MONTHLY';
export const DEFAULT_COMBO_ID = 'bjDvmb4bfuf';

const cache = new WeakMap<Db, Promise<ReportMetadata>>();

/** The hub monthly data set with everything needed to draw, check, aggregate and exchange it. */
export function loadReportMetadata(db: Db): Promise<ReportMetadata> {
  let pending = cache.get(db);
  if (!pending) {
    pending = readMetadata(db);
    cache.set(db, pending);
    pending.catch(() => cache.delete(db));
  }
  return pending;
}

async function readMetadata(db: Db): Promise<ReportMetadata> {
  const q = db.query;
  const dataSet = await q
    .selectFrom('report_data_sets')
    .selectAll()
    .where('code', '=', HUB_DATA_SET_CODE)
    .executeTakeFirstOrThrow();
  const [elements, combos, cocs, options, rules] = await Promise.all([
    q.selectFrom('report_data_elements').selectAll().where('id', 'in', dataSet.data_element_ids).execute(),
    q.selectFrom('report_category_combos').selectAll().execute(),
    q.selectFrom('report_category_option_combos').selectAll().orderBy('sort_order').execute(),
    q.selectFrom('report_category_options').selectAll().execute(),
    q
      .selectFrom('report_validation_rules')
      .selectAll()
      .where('data_set_id', '=', dataSet.id)
      .orderBy('sort_order')
      .execute(),
  ]);
  const optionName = new Map(options.map((o) => [o.id, o.name]));
  const comboById = new Map(combos.map((c) => [c.id, c]));
  const cocsOfCombo = new Map<string, OptionCombo[]>();
  for (const coc of cocs) {
    const isDefault = coc.category_combo_id === DEFAULT_COMBO_ID;
    const name: Translated = {};
    if (!isDefault) {
      for (const locale of ['es', 'en', 'fr', 'ht', 'pt'] as const) {
        name[locale] = coc.option_ids.map((id) => optionName.get(id)?.[locale] ?? '').join(', ');
      }
    }
    const list = cocsOfCombo.get(coc.category_combo_id) ?? [];
    list.push({ id: coc.id, code: coc.code, name, optionIds: coc.option_ids, isDefault });
    cocsOfCombo.set(coc.category_combo_id, list);
  }
  const order = new Map(dataSet.data_element_ids.map((id, i) => [id, i]));
  const dataElements: DataElement[] = elements
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      description: e.description,
      categoryComboId: e.category_combo_id,
      comboName: e.category_combo_id === DEFAULT_COMBO_ID ? {} : (comboById.get(e.category_combo_id)?.name ?? {}),
      hxlTag: e.hxl_tag,
      cocs: cocsOfCombo.get(e.category_combo_id) ?? [],
    }));
  const cocById = new Map<string, OptionCombo & { dataElementIds: string[] }>();
  for (const element of dataElements) {
    for (const coc of element.cocs) {
      const entry = cocById.get(coc.id) ?? { ...coc, dataElementIds: [] };
      entry.dataElementIds.push(element.id);
      cocById.set(coc.id, entry);
    }
  }
  return {
    dataSet: { id: dataSet.id, code: dataSet.code, name: dataSet.name, periodType: dataSet.period_type },
    dataElements,
    rules: rules.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      left: r.left_side,
      operator: r.operator,
      right: r.right_side,
      importance: r.importance,
    })),
    elementById: new Map(dataElements.map((e) => [e.id, e])),
    elementByCode: new Map(dataElements.map((e) => [e.code, e])),
    cocById,
  };
}
