// Kysely table types, kept by hand beside migrations/: change both together.
import type { ColumnType, Generated } from 'kysely';

export const LOCALES = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];
/** A translatable text: one entry per locale that has it. */
export type Translated = Partial<Record<Locale, string>>;

export const POPULATIONS = [
  'women',
  'children',
  'unaccompanied_minors',
  'lgbtiq',
  'indigenous_peoples',
  'asylum_seekers',
  'people_with_disabilities',
] as const;
export type Population = (typeof POPULATIONS)[number];

export const ORGANIZATION_KINDS = [
  'government',
  'ngo',
  'international',
  'diaspora',
  'shelter',
  'faith_based',
  'community',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const COSTS = ['free', 'low_cost', 'paid', 'unknown'] as const;
export type Cost = (typeof COSTS)[number];

export const ADDRESS_VISIBILITIES = ['full', 'city', 'hidden'] as const;
export type AddressVisibility = (typeof ADDRESS_VISIBILITIES)[number];

type Json<T> = ColumnType<T, T | string, T | string>;
/** A jsonb column with a database default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface TaxonomyTermTable {
  id: Generated<string>;
  code: string;
  parent_id: string | null;
  taxonomy: Generated<string>;
  name: Json<Translated>;
  description: JsonWithDefault<Translated>;
  position: Generated<number>;
}

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  alternate_name: string | null;
  description: JsonWithDefault<Translated>;
  kind: OrganizationKind;
  email: string | null;
  website: string | null;
  original_locale: Locale;
  is_demo: Generated<boolean>;
  last_verified_at: NullableTimestamp;
  verified_by: string | null;
  reverify_requested_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationCountryTable {
  organization_id: string;
  relation: 'origin' | 'residence';
  country_code: string;
}

export interface ServiceTable {
  id: Generated<string>;
  organization_id: string;
  name: Json<Translated>;
  description: JsonWithDefault<Translated>;
  original_locale: Locale;
  status: Generated<'active' | 'inactive' | 'defunct'>;
  url: string | null;
  email: string | null;
  cost: Cost;
  fees_description: JsonWithDefault<Translated>;
  eligibility_description: JsonWithDefault<Translated>;
  application_process: JsonWithDefault<Translated>;
  schedule_notes: JsonWithDefault<Translated>;
  is_demo: Generated<boolean>;
  last_verified_at: NullableTimestamp;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceTaxonomyTermTable {
  service_id: string;
  taxonomy_term_id: string;
}
export interface ServicePopulationTable {
  service_id: string;
  population: Population;
}
export interface ServiceLanguageTable {
  service_id: string;
  language_code: string;
}
export interface RequiredDocumentTable {
  id: Generated<string>;
  service_id: string;
  document: Json<Translated>;
  position: Generated<number>;
}

export interface LocationTable {
  id: Generated<string>;
  organization_id: string;
  name: Json<Translated>;
  description: JsonWithDefault<Translated>;
  transportation: JsonWithDefault<Translated>;
  latitude: number;
  longitude: number;
  country_code: string;
  admin_area: string | null;
  city: string;
  address_visibility: AddressVisibility;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AddressTable {
  id: Generated<string>;
  location_id: string;
  address_type: Generated<'physical' | 'postal' | 'virtual'>;
  address_1: string;
  address_2: string | null;
  postal_code: string | null;
  state_province: string | null;
  city: string;
  country_code: string;
}

export interface ServiceAtLocationTable {
  id: Generated<string>;
  service_id: string;
  location_id: string;
}

export interface PhoneTable {
  id: Generated<string>;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  number: string;
  extension: string | null;
  type: Generated<'voice' | 'text' | 'hotline' | 'fax'>;
  whatsapp: Generated<boolean>;
  description: JsonWithDefault<Translated>;
  position: Generated<number>;
}

export interface ScheduleTable {
  id: Generated<string>;
  service_id: string | null;
  location_id: string | null;
  weekday: number;
  opens_at: string;
  closes_at: string;
}

// ---- News (migrations/0003_news.sql) -------------------------------------------------------------------------

export const NEWS_TOPICS = [
  'labour-migration',
  'trafficking-smuggling',
  'information-hubs',
  'climate-disasters',
  'health',
  'children',
  'gender',
  'return',
  'governance-policy',
  'border-humanitarian',
] as const;
export type NewsTopic = (typeof NEWS_TOPICS)[number];
export type NewsStatus = 'draft' | 'published';
/** Whether a tag was suggested by the importer's tagger or confirmed by a publisher. */
export type NewsTagOrigin = 'suggested' | 'confirmed';

export interface NewsItemTable {
  id: Generated<string>;
  slug: string;
  /** A calendar date; news.repository.ts selects it as text 'YYYY-MM-DD' so no engine turns it into a Date. */
  published_on: ColumnType<string, string, string>;
  original_locale: Locale;
  title: Json<Translated>;
  summary: JsonWithDefault<Translated>;
  /** Sanitized HTML per locale. */
  body: JsonWithDefault<Translated>;
  title_key: string;
  search_text: ColumnType<string, string | undefined, string>;
  image_url: string | null;
  image_alt: JsonWithDefault<Translated>;
  status: Generated<NewsStatus>;
  is_demo: Generated<boolean>;
  source_file: string | null;
  source_line: number | null;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewsItemCountryTable {
  news_item_id: string;
  country_code: string;
  origin: Generated<NewsTagOrigin>;
}

export interface NewsItemTopicTable {
  news_item_id: string;
  topic: NewsTopic;
  origin: Generated<NewsTagOrigin>;
}

export interface NewsItemOrganizationTable {
  news_item_id: string;
  organization_code: string;
  origin: Generated<NewsTagOrigin>;
}

// ---- End of news ---------------------------------------------------------------------------------------------

export interface Database {
  taxonomy_terms: TaxonomyTermTable;
  organizations: OrganizationTable;
  organization_countries: OrganizationCountryTable;
  services: ServiceTable;
  service_taxonomy_terms: ServiceTaxonomyTermTable;
  service_populations: ServicePopulationTable;
  service_languages: ServiceLanguageTable;
  required_documents: RequiredDocumentTable;
  locations: LocationTable;
  addresses: AddressTable;
  service_at_locations: ServiceAtLocationTable;
  phones: PhoneTable;
  schedules: ScheduleTable;
  news_items: NewsItemTable;
  news_item_countries: NewsItemCountryTable;
  news_item_topics: NewsItemTopicTable;
  news_item_organizations: NewsItemOrganizationTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  auth_tokens: AuthTokenTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  mail_outbox: MailOutboxTable;
  jobs: JobTable;
  submissions: SubmissionTable;
  audit_log: AuditLogTable;
  report_categories: ReportCategoryTable;
  report_category_options: ReportCategoryOptionTable;
  report_category_combos: ReportCategoryComboTable;
  report_category_option_combos: ReportCategoryOptionComboTable;
  report_data_elements: ReportDataElementTable;
  report_data_sets: ReportDataSetTable;
  report_validation_rules: ReportValidationRuleTable;
  report_org_units: ReportOrgUnitTable;
  hub_reports: HubReportTable;
  report_data_values: ReportDataValueTable;
  report_rollups: ReportRollupTable;
}

// --- Accounts, mail, jobs, submissions, audit: migrations/0007_accounts.sql.
export const ROLES = ['admin', 'moderator', 'org_editor', 'hub_reporter', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

/** One-time codes that stand in for the second factor (migrations/0017); only their SHA-256 is kept. */
export interface TotpRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  preferred_locale: Generated<Locale>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  country_code: string | null;
  organization_id: string | null;
  hub_location_id: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  second_factor_done: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date | string;
}

export const TOKEN_PURPOSES = ['magic_link', 'password_reset', 'invitation', 'confirm_submission', 'reverify'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export interface AuthTokenTable {
  token_hash: string;
  purpose: TokenPurpose;
  user_id: string | null;
  email: string | null;
  payload: JsonWithDefault<Record<string, unknown>>;
  created_at: Timestamp;
  expires_at: Date | string;
  used_at: NullableTimestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: JsonWithDefault<Record<string, unknown>>;
  unique_key: string | null;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  done_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
}

export const SUBMISSION_STATUSES = [
  'draft',
  'awaiting_confirmation',
  'pending',
  'changes_requested',
  'approved',
  'rejected',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface SubmissionTable {
  id: Generated<string>;
  draft_token_hash: string;
  kind: 'new_listing' | 'edit';
  organization_id: string | null;
  status: Generated<SubmissionStatus>;
  /** A ListingDocument (features/listings/listing.schema.ts). */
  listing: Json<unknown>;
  locale: Locale;
  country_code: string | null;
  submitter_email: string | null;
  submitter_user_id: string | null;
  duplicates: JsonWithDefault<unknown[]>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'verify', 'merge'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** HSDS 3.0 `metadata` plus who did it (actor) and the submission it came from. */
export interface AuditLogTable {
  id: Generated<string>;
  resource_id: string;
  resource_type: string;
  last_action_date: Timestamp;
  last_action_type: AuditAction;
  field_name: Generated<string>;
  previous_value: Json<unknown> | null;
  replacement_value: Json<unknown> | null;
  updated_by: string;
  actor_user_id: string | null;
  submission_id: string | null;
}

// --- Open data (HSDS 3.0), migrations/0004_hsds.sql: HSDS fields Rumbo does not model, kept for lossless round trips.
// Used as `db.query.withTables<HsdsTables>()` in features/hsds, which adds these to the tables above.
/** HSDS fields of a record that Rumbo has no column for, as they came in. */
export type HsdsExtra = Record<string, unknown>;
type HsdsExtraColumn = { hsds_extra: JsonWithDefault<HsdsExtra> };

export interface HsdsRecordTable {
  resource: string;
  id: string;
  record: Json<HsdsExtra>;
  imported_at: Timestamp;
}

export type HsdsTables = {
  organizations: HsdsExtraColumn;
  services: HsdsExtraColumn;
  locations: HsdsExtraColumn;
  addresses: HsdsExtraColumn;
  phones: HsdsExtraColumn;
  schedules: HsdsExtraColumn;
  taxonomy_terms: HsdsExtraColumn;
  service_at_locations: HsdsExtraColumn;
  required_documents: HsdsExtraColumn;
  hsds_records: HsdsRecordTable;
};

// --- Search, migrations/0006_search.sql: derived tables, rebuilt from the directory (never edited by hand).
// Used as `db.query.withTables<SearchTables>()` in features/search.
export interface ServiceSearchTable {
  service_id: string;
  /** The tsvector is written and read in SQL only. */
  document: unknown;
  categories: string[];
  populations: string[];
  languages: string[];
  countries: string[];
  verified_at: Date | null;
}

/** Every site of an indexed service with its filter columns (migrations/0016); cube and point are read in SQL only. */
export interface ServiceSearchPlaceTable {
  service_id: string;
  location_id: string;
  earth: unknown;
  lon_lat: unknown;
  categories: string[];
  populations: string[];
  languages: string[];
  countries: string[];
  verified_at: Date | null;
}

export interface SearchLexiconTable {
  word: string;
  display: string;
  frequency: Generated<number>;
}

export type SearchTables = {
  service_search: ServiceSearchTable;
  service_search_places: ServiceSearchPlaceTable;
  search_lexicon: SearchLexiconTable;
  service_search_stale: { service_id: string };
  search_keywords: { term_code: string; keywords: Json<Translated> };
};

// ---- Submission drafts (migrations/0009_submission_drafts.sql) -------------------------------------------------
// Declaration merging adds the column to SubmissionTable above.
export interface SubmissionTable {
  /** The form as typed (features/submissions/submission-form.ts ListingForm); null when none is pending. */
  draft_form: ColumnType<unknown, unknown, unknown>;
}
// ---- End of submission drafts ----------------------------------------------------------------------------------

// ---- Hub reports (migrations/0010_hub_reports.sql): DHIS2-shaped aggregate data ----------------------------------
export interface ReportCategoryTable {
  id: string;
  code: string;
  name: Json<Translated>;
}

export interface ReportCategoryOptionTable {
  id: string;
  code: string;
  category_id: string;
  name: Json<Translated>;
  sort_order: number;
}

export interface ReportCategoryComboTable {
  id: string;
  code: string;
  name: Json<Translated>;
  category_ids: string[];
}

export interface ReportCategoryOptionComboTable {
  id: string;
  code: string;
  category_combo_id: string;
  option_ids: string[];
  sort_order: number;
}

export interface ReportDataElementTable {
  id: string;
  code: string;
  name: Json<Translated>;
  description: JsonWithDefault<Translated>;
  category_combo_id: string;
  value_type: Generated<'INTEGER_ZERO_OR_POSITIVE'>;
  hxl_tag: string;
  sort_order: number;
}

export interface ReportDataSetTable {
  id: string;
  code: string;
  name: Json<Translated>;
  period_type: 'Monthly';
  data_element_ids: string[];
}

/** One side of a validation rule: a data element summed over some option combos (all when absent). */
export interface RuleSide {
  dataElement: string;
  cocIds?: string[];
}

export interface ReportValidationRuleTable {
  id: string;
  code: string;
  data_set_id: string;
  name: Json<Translated>;
  left_side: Json<RuleSide>;
  operator: '==' | '<=' | '>=';
  right_side: Json<RuleSide>;
  importance: Generated<'blocking' | 'warning'>;
  sort_order: number;
}

export type OrgUnitLevel = 1 | 2 | 3 | 4;

export interface ReportOrgUnitTable {
  id: string;
  code: string;
  level: OrgUnitLevel;
  parent_id: string | null;
  name: Json<Translated>;
  country_code: string | null;
  iso3: string | null;
  location_id: string | null;
  path: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export const HUB_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type HubReportStatus = (typeof HUB_REPORT_STATUSES)[number];

export interface HubReportTable {
  id: Generated<string>;
  data_set_id: string;
  org_unit_id: string;
  /** DHIS2 monthly period, e.g. '202103'. */
  period: string;
  country_code: string;
  status: Generated<HubReportStatus>;
  review_comment: string | null;
  outliers_confirmed: Generated<boolean>;
  updated_by: string | null;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  unlocked_by: string | null;
  unlocked_at: NullableTimestamp;
  version: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportDataValueTable {
  report_id: string;
  data_element_id: string;
  period: string;
  org_unit_id: string;
  category_option_combo_id: string;
  value: number;
  stored_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportRollupTable {
  period: string;
  country_code: string;
  data_element_id: string;
  category_option_combo_id: string;
  /** bigint: read as a string by pg, as a number by PGlite; repositories cast. */
  value: ColumnType<string | number, number, number>;
  hubs: number;
}
// ---- End of hub reports ----------------------------------------------------------------------------------------
