import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../../tests/support/test-db.js';
import { loadReportMetadata, type ReportMetadata } from '../report-metadata.repository.js';
import { hxlAttributes, PLACE_COLUMNS, valueColumns } from './exchange-columns.js';
import type { ImportInputError } from './import-formats.js';
import { readImportFile } from './import-formats.js';

let t: TestDb;
let meta: ReportMetadata;
beforeAll(async () => {
  t = await createTestDb();
  meta = await loadReportMetadata(t.db);
});
afterAll(() => t.drop());

describe('export columns', () => {
  it('name every element total and cell once, with stable machine names', () => {
    const columns = valueColumns(meta);
    const names = columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 5)).toEqual([
      'people_assisted',
      'people_assisted_by_sex',
      'people_assisted_by_sex__female',
      'people_assisted_by_sex__male',
      'people_assisted_by_sex__sex_other_unknown',
    ]);
    // One per element with a breakdown (total) plus one per cell; the default-combo element has one column.
    const cells = meta.dataElements.reduce((n, e) => n + e.cocs.length, 0);
    expect(columns).toHaveLength(cells + meta.dataElements.length - 1);
    expect(names.every((name) => /^[a-z0-9_]+$/.test(name))).toBe(true);
  });

  it('tag each column with a distinct HXL hashtag whose attributes come from the option codes', () => {
    const tags = valueColumns(meta).map((c) => c.hxl);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toEqual(
      expect.arrayContaining([
        '#reached+ind',
        '#reached+ind+f',
        '#reached+ind+m',
        '#reached+ind+children',
        '#reached+ind+adults',
        '#reached+ind+elderly',
        '#reached+ind+nationality+ven',
        '#reached+ind+total+sex',
        '#output+services+psychosocial_first_aid',
        '#output+referrals+health',
      ]),
    );
    expect(PLACE_COLUMNS.map((c) => c.hxl)).toEqual([
      '#date+start',
      '#date+end',
      '#country+code',
      '#adm1+code',
      '#loc+code',
      '#org+name',
    ]);
    // HXL attributes: lower case letters, digits and underscores, a letter first.
    for (const tag of tags) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
    expect(hxlAttributes('NAT_UNKNOWN')).toEqual(['nationality', 'unknown']);
    expect(hxlAttributes('0_WEIRD')).toEqual(['x0_weird']);
  });
});

describe('reading import files', () => {
  it('reads DHIS2 dataValueSets JSON, with the set’s own period and org unit as defaults', () => {
    const read = readImportFile(
      JSON.stringify({
        period: '202103',
        orgUnit: 'OuAAAAAAAAA',
        dataValues: [
          { dataElement: 'RbDePplTot1', categoryOptionCombo: 'HllvX50cXC0', value: 12 },
          { dataElement: 'PEOPLE_ASSISTED_BY_SEX', period: '2021-04', categoryOptionCombo: 'FEMALE', value: '7' },
          'not an object',
        ],
      }),
      meta,
    );
    expect(read.format).toBe('dhis2-json');
    expect(read.values).toEqual([
      expect.objectContaining({
        line: 1,
        dataElement: 'RbDePplTot1',
        period: '202103',
        orgUnit: 'OuAAAAAAAAA',
        value: '12',
      }),
      expect.objectContaining({ line: 2, period: '2021-04', categoryOptionCombo: 'FEMALE', value: '7' }),
      expect.objectContaining({ line: 3, dataElement: '', value: '' }),
    ]);
  });

  it('reads DHIS2 CSV with a header (any column order, DHIS2 or long names) and without one', () => {
    const withHeader = readImportFile(
      'value,orgUnit,period,dataElement,categoryOptionCombo\r\n5,HUB-1,202103,RbDePplTot1,HllvX50cXC0\r\n\r\n6,HUB-1,202104,RbDePplTot1,\r\n',
      meta,
    );
    expect(withHeader.format).toBe('dhis2-csv');
    expect(withHeader.values.map((v) => [v.line, v.period, v.value, v.categoryOptionCombo])).toEqual([
      [2, '202103', '5', 'HllvX50cXC0'],
      [4, '202104', '6', ''],
    ]);
    const bare = readImportFile('RbDePplTot1,202103,HUB-1,HllvX50cXC0,HllvX50cXC0,9,admin,2021-04-01,,false\n', meta);
    expect(bare.values).toEqual([
      expect.objectContaining({
        line: 1,
        dataElement: 'RbDePplTot1',
        orgUnit: 'HUB-1',
        attributeOptionCombo: 'HllvX50cXC0',
        value: '9',
      }),
    ]);
  });

  it('reads the wide CSV of the export, skipping the HXL row and checking element totals against their cells', () => {
    const header =
      'period_start,period_end,country_iso3,admin1_code,hub_code,hub_name,people_assisted,people_assisted_by_sex,people_assisted_by_sex__female,people_assisted_by_sex__male,nonsense';
    const hxl =
      '#date+start,#date+end,#country+code,#adm1+code,#loc+code,#org+name,#reached+ind,#reached+ind+total+sex,#reached+ind+f,#reached+ind+m,';
    const rows = [
      '2021-03-01,2021-03-31,MEX,MEX-PUEBLA,HUB-a,"Hub, Puebla",10,10,4,6,',
      '2021-04-01,2021-04-30,MEX,MEX-PUEBLA,HUB-a,Hub,10,11,4,6,3',
      '2021-05-02,,MEX,MEX-PUEBLA,HUB-a,Hub,<5,,,,',
    ];
    const read = readImportFile([header, hxl, ...rows].join('\n'), meta);
    expect(read.format).toBe('wide-csv');
    const sex = meta.elementByCode.get('PEOPLE_ASSISTED_BY_SEX')!;
    const line3 = read.values.filter((v) => v.line === 3);
    expect(line3.map((v) => [v.column, v.dataElement, v.period, v.value])).toEqual([
      ['people_assisted', meta.elementByCode.get('PEOPLE_ASSISTED')!.id, '202103', '10'],
      ['people_assisted_by_sex__female', sex.id, '202103', '4'],
      ['people_assisted_by_sex__male', sex.id, '202103', '6'],
    ]);
    expect(line3.every((v) => v.problem === undefined)).toBe(true);
    const line4 = read.values.filter((v) => v.line === 4);
    expect(line4.filter((v) => v.dataElement === sex.id).every((v) => v.problem === 'total_mismatch')).toBe(true);
    expect(line4.find((v) => v.column === 'nonsense')).toMatchObject({ dataElement: 'nonsense', value: '3' });
    // A period that is not a whole month is passed on as written, for the import to reject.
    expect(read.values.find((v) => v.line === 5)).toMatchObject({ period: '2021-05-02', value: '<5' });
  });

  it('refuses empty, malformed and incomplete input with a code', () => {
    const code = (text: string) => {
      try {
        readImportFile(text, meta);
        return 'read';
      } catch (error) {
        return (error as ImportInputError).code;
      }
    };
    expect(code('  \n')).toBe('empty_input');
    expect(code('{"dataValues": [')).toBe('malformed_json');
    expect(code('{"values": []}')).toBe('malformed_json');
    expect(code('dataelement,value\n"unclosed,1\n')).toBe('malformed_csv');
    expect(code('dataElement,orgUnit,value\nRbDePplTot1,HUB-1,3\n')).toBe('missing_column');
    expect(code('period_start,hub_name\n2021-03-01,x\n')).toBe('missing_column');
  });
});
