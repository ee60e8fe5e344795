// Contact details of demo locations, written the way each country writes them: street addresses, phone numbers,
// the languages staff speak, opening hours.
import type { Locale } from '../../db/schema.js';
import { DEMO_COUNTRIES, type DemoPlace } from './demo-places.js';
import type { Rng } from './demo-support.js';
import type { ScheduleKind } from './demo-texts.js';

export function streetAddress(rng: Rng, place: DemoPlace): { line1: string; line2: string | null } {
  const street = rng.pick(place.streets);
  const n = rng.int(2, 1890);
  switch (DEMO_COUNTRIES[place.country].addressStyle) {
    case 'number-before':
      return {
        line1: `${n} ${street}`,
        line2: place.country !== 'BZ' && rng.chance(0.3) ? `Suite ${rng.int(1, 4)}0${rng.int(1, 9)}` : null,
      };
    case 'grid':
      return {
        line1: `${street} ${rng.int(1, 20)}-${String(rng.int(1, 99)).padStart(2, '0')}`,
        line2: `Zona ${place.key === 'ciudad-de-guatemala' ? rng.int(1, 18) : 1}`,
      };
    case 'directions':
      return place.country === 'NI'
        ? {
            line1: `${street}, ${rng.int(1, 5)} cuadras al ${rng.pick(['norte', 'sur', 'este', 'oeste'])}`,
            line2: null,
          }
        : {
            line1: `${street}, ${rng.int(1, 6) * 100} metros al ${rng.pick(['norte', 'sur', 'este', 'oeste'])}`,
            line2: null,
          };
    case 'french':
      return { line1: `${rng.int(2, 120)}, ${street}`, line2: null };
    case 'colombian':
      return { line1: `${street} # ${rng.int(1, 120)}-${String(rng.int(1, 99)).padStart(2, '0')}`, line2: null };
    case 'number-after':
      if (place.country === 'CU') return { line1: `${street} No. ${rng.int(2, 1200)}`, line2: null };
      return { line1: `${street} ${n}`, line2: place.country === 'MX' && rng.chance(0.5) ? 'Col. Centro' : null };
  }
}

export function phoneNumber(rng: Rng, place: DemoPlace, kind: 'landline' | 'mobile' | 'toll-free'): string {
  const country = DEMO_COUNTRIES[place.country];
  const samePlan = place.country === 'MX' || place.country === 'US' || place.country === 'CA';
  const pattern =
    kind === 'toll-free'
      ? (country.tollFree ?? country.mobile)
      : kind === 'mobile' && !samePlan
        ? country.mobile
        : (place.phone ?? country.landline);
  return `${country.prefix} ${pattern.replace(/#/g, () => String(rng.int(0, 9)))}`;
}

/** Extra languages by place: [code, probability]. */
export const PLACE_LANGUAGES: Record<string, readonly (readonly [string, number])[]> = {
  tapachula: [
    ['mam', 0.25],
    ['ht', 0.3],
    ['fr', 0.15],
  ],
  'ciudad-hidalgo': [
    ['mam', 0.2],
    ['ht', 0.2],
  ],
  palenque: [
    ['tzh', 0.3],
    ['ctu', 0.2],
  ],
  chetumal: [['yua', 0.3]],
  'ciudad-de-mexico': [
    ['nah', 0.1],
    ['ht', 0.15],
  ],
  tijuana: [
    ['ht', 0.3],
    ['fr', 0.15],
  ],
  'ciudad-juarez': [['ht', 0.15]],
  quetzaltenango: [
    ['quc', 0.5],
    ['mam', 0.4],
  ],
  'tecun-uman': [['mam', 0.4]],
  huehuetenango: [['mam', 0.5]],
  flores: [['kek', 0.4]],
  'ciudad-de-guatemala': [
    ['quc', 0.2],
    ['kek', 0.1],
  ],
  'san-pedro-sula': [['cab', 0.15]],
  managua: [['miq', 0.1]],
  bribri: [
    ['bzd', 0.4],
    ['gym', 0.2],
  ],
  sixaola: [
    ['bzd', 0.2],
    ['gym', 0.2],
  ],
  'paso-canoas': [
    ['gym', 0.3],
    ['ht', 0.3],
    ['fr', 0.15],
  ],
  belmopan: [['kek', 0.2]],
  necocli: [
    ['ht', 0.3],
    ['fr', 0.2],
    ['pt', 0.15],
  ],
  turbo: [
    ['ht', 0.2],
    ['pt', 0.1],
  ],
  meteti: [
    ['ht', 0.25],
    ['fr', 0.2],
    ['pt', 0.15],
  ],
};

export const INDIGENOUS = new Set(['mam', 'quc', 'kek', 'miq', 'tzh', 'ctu', 'yua', 'nah', 'cab', 'bzd', 'gym']);

export function languagesFor(rng: Rng, place: DemoPlace, locale: Locale): string[] {
  const set = new Set<string>([locale]);
  const add = (code: string, probability: number): void => {
    if (rng.chance(probability)) set.add(code);
  };
  switch (place.country) {
    case 'HT':
      set.add('ht');
      add('fr', 0.8);
      add('es', 0.3);
      add('en', 0.3);
      break;
    case 'BZ':
      set.add('en');
      add('es', 0.85);
      break;
    case 'DO':
      set.add('es');
      add('ht', 0.5);
      add('fr', 0.15);
      add('en', 0.2);
      break;
    case 'PA':
      set.add('es');
      add('en', 0.4);
      add('ht', 0.2);
      add('fr', 0.15);
      add('pt', 0.1);
      break;
    default:
      set.add(place.country === 'US' || place.country === 'CA' ? 'en' : 'es');
      add('en', 0.3);
  }
  for (const [code, probability] of PLACE_LANGUAGES[place.key] ?? []) add(code, probability);
  return [...set];
}

export type Opening = readonly [weekday: number, opensAt: string, closesAt: string];

export function scheduleRows(rng: Rng, kind: ScheduleKind): Opening[] {
  const days = (from: number, to: number, opens: string, closes: string): Opening[] =>
    Array.from({ length: to - from + 1 }, (_, i) => [from + i, opens, closes] as const);
  switch (kind) {
    case 'office':
      return days(1, 5, rng.pick(['08:00', '08:30', '09:00']), rng.pick(['15:00', '16:00', '17:00']));
    case 'office-saturday':
      return [...days(1, 5, rng.pick(['08:00', '09:00']), rng.pick(['16:00', '17:00'])), [6, '09:00', '13:00']];
    case 'split':
      return [...days(1, 5, '08:00', '12:00'), ...days(1, 5, '14:00', rng.pick(['17:00', '18:00']))].sort(
        (a, b) => a[0] - b[0],
      );
    case 'always':
      return days(1, 7, '00:00', '23:59');
    case 'night':
      return [...days(1, 7, '18:00', '23:59'), ...days(1, 7, '00:00', '07:00')].sort((a, b) => a[0] - b[0]);
    case 'meals': {
      const lunch = rng.pick([
        ['12:00', '15:00'],
        ['13:00', '16:00'],
      ] as const);
      const breakfast = rng.chance(0.5) ? days(1, 7, '07:30', '09:30') : [];
      return [...breakfast, ...days(1, 7, lunch[0], lunch[1])].sort((a, b) => a[0] - b[0]);
    }
    case 'weekly': {
      const pair = rng.pick([
        [2, 4],
        [1, 3],
        [3, 5],
      ] as const);
      const rows: Opening[] = pair.map((day) => [day, '16:00', '19:00'] as const);
      return rng.chance(0.5) ? [...rows, [6, '10:00', '13:00']] : rows;
    }
    case 'weekend':
      return [
        [6, '10:00', '14:00'],
        [7, '10:00', '13:00'],
        ...(rng.chance(0.5) ? [[3, '18:00', '20:30'] as const] : []),
      ];
    case 'line':
      if (rng.chance(0.15)) return days(1, 7, '00:00', '23:59');
      return rng.chance(0.5) ? days(1, 7, '07:00', '22:00') : [...days(1, 5, '08:00', '20:00'), [6, '09:00', '14:00']];
  }
}
