// One HSDS record as read from the input, before validation: its table, its fields and where it came from.
import type { HsdsObject } from '../hsds.presenter.js';
import type { Origin, ReportLine } from './import-report.js';

export interface SourceRecord extends Origin {
  /** The HSDS table, singular as in the schema file names: `service`, `phone`, `taxonomy_term`. */
  resource: string;
  record: HsdsObject;
}

export interface ReadResult {
  records: SourceRecord[];
  /** Rows that could not even be typed (a number column with a word in it): rejected before validation. */
  rejected: ReportLine[];
}
