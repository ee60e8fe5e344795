-- Directory model, aligned with Open Referral HSDS 3.0 (ids are UUIDs).
-- Translatable text is a jsonb object keyed by locale: {"es": "...", "en": "...", "fr": "...", "ht": "...", "pt": "..."}.
-- Runs unchanged on PostgreSQL 15 and PGlite (PostgreSQL 18): gen_random_uuid() is core since PostgreSQL 13.

CREATE TABLE taxonomy_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,64}$'),
  parent_id uuid REFERENCES taxonomy_terms (id),
  taxonomy text NOT NULL DEFAULT 'rumbo-needs',
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0
);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  alternate_name text,
  description jsonb NOT NULL DEFAULT '{}',
  kind text NOT NULL DEFAULT 'ngo'
    CHECK (kind IN ('government', 'ngo', 'international', 'diaspora', 'shelter', 'faith_based', 'community')),
  email text,
  website text,
  original_locale text NOT NULL DEFAULT 'es' CHECK (original_locale IN ('es', 'en', 'fr', 'ht', 'pt')),
  is_demo boolean NOT NULL DEFAULT false,
  last_verified_at timestamptz,
  verified_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Diaspora organizations: countries of origin they serve and countries where their members live.
CREATE TABLE organization_countries (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('origin', 'residence')),
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  PRIMARY KEY (organization_id, relation, country_code)
);
CREATE INDEX organization_countries_lookup ON organization_countries (relation, country_code);

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  original_locale text NOT NULL DEFAULT 'es' CHECK (original_locale IN ('es', 'en', 'fr', 'ht', 'pt')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct')),
  url text,
  email text,
  cost text NOT NULL DEFAULT 'unknown' CHECK (cost IN ('free', 'low_cost', 'paid', 'unknown')),
  fees_description jsonb NOT NULL DEFAULT '{}',
  eligibility_description jsonb NOT NULL DEFAULT '{}',
  application_process jsonb NOT NULL DEFAULT '{}',
  schedule_notes jsonb NOT NULL DEFAULT '{}',
  is_demo boolean NOT NULL DEFAULT false,
  last_verified_at timestamptz,
  verified_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_organization ON services (organization_id);
CREATE INDEX services_listing_order ON services (status, last_verified_at DESC NULLS LAST, id);

CREATE TABLE service_taxonomy_terms (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  taxonomy_term_id uuid NOT NULL REFERENCES taxonomy_terms (id),
  PRIMARY KEY (service_id, taxonomy_term_id)
);
CREATE INDEX service_taxonomy_terms_term ON service_taxonomy_terms (taxonomy_term_id, service_id);

-- Eligibility: populations a service is meant for.
CREATE TABLE service_populations (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  population text NOT NULL CHECK (population IN (
    'women', 'children', 'unaccompanied_minors', 'lgbtiq', 'indigenous_peoples', 'asylum_seekers', 'people_with_disabilities'
  )),
  PRIMARY KEY (service_id, population)
);
CREATE INDEX service_populations_population ON service_populations (population, service_id);

-- Languages the staff speak (BCP 47 / ISO 639 codes, e.g. es, en, fr, ht, pt, mam, quc).
CREATE TABLE service_languages (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  language_code text NOT NULL CHECK (language_code ~ '^[a-z]{2,3}$'),
  PRIMARY KEY (service_id, language_code)
);
CREATE INDEX service_languages_code ON service_languages (language_code, service_id);

CREATE TABLE required_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  document jsonb NOT NULL,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX required_documents_service ON required_documents (service_id);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  transportation jsonb NOT NULL DEFAULT '{}',
  latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  admin_area text,
  city text NOT NULL,
  -- full: street address shown; city: only the city; hidden: nothing beyond the city ever leaves (shelters).
  address_visibility text NOT NULL DEFAULT 'full' CHECK (address_visibility IN ('full', 'city', 'hidden')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX locations_place ON locations (country_code, city);
CREATE INDEX locations_organization ON locations (organization_id);

CREATE TABLE addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  address_type text NOT NULL DEFAULT 'physical' CHECK (address_type IN ('physical', 'postal', 'virtual')),
  address_1 text NOT NULL,
  address_2 text,
  postal_code text,
  state_province text,
  city text NOT NULL,
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$')
);
CREATE INDEX addresses_location ON addresses (location_id);

CREATE TABLE service_at_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  UNIQUE (service_id, location_id)
);
CREATE INDEX service_at_locations_location ON service_at_locations (location_id, service_id);

CREATE TABLE phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  service_id uuid REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE CASCADE,
  number text NOT NULL CHECK (number ~ '^\+?[0-9 ()-]{3,32}$'),
  extension text,
  type text NOT NULL DEFAULT 'voice' CHECK (type IN ('voice', 'text', 'hotline', 'fax')),
  whatsapp boolean NOT NULL DEFAULT false,
  description jsonb NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  CHECK (num_nonnulls(organization_id, service_id, location_id) >= 1)
);
CREATE INDEX phones_service ON phones (service_id);
CREATE INDEX phones_organization ON phones (organization_id);

-- Opening hours: one row per weekday and opening (ISO weekday 1 = Monday), as HSDS schedule byday/opens_at/closes_at.
CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens_at time NOT NULL,
  closes_at time NOT NULL,
  CHECK (num_nonnulls(service_id, location_id) >= 1)
);
CREATE INDEX schedules_service ON schedules (service_id);
