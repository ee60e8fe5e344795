-- Search: extensions, one text search configuration per locale, a denormalised search row per service (text
-- document in every locale, taxonomy words in all five, coordinates, filter arrays), a lexicon of distinct words
-- for typo correction, and statement-level triggers that queue changed services for re-indexing.
-- Runs unchanged on PostgreSQL 15 and PGlite (PostgreSQL 18). See docs/decisions/010-search.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- Accent-insensitive stemming per locale; Haitian Creole has no stemmer: words as written, without accents.
CREATE TEXT SEARCH CONFIGURATION rumbo_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION rumbo_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION rumbo_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION rumbo_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION rumbo_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION rumbo_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION rumbo_pt (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION rumbo_pt ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION rumbo_ht (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION rumbo_ht ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- A translatable text as one weighted document, each locale through its own configuration.
CREATE FUNCTION rumbo_translated_tsvector(t jsonb, w "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(
    to_tsvector('rumbo_es'::regconfig, coalesce(t->>'es', '')) ||
    to_tsvector('rumbo_en'::regconfig, coalesce(t->>'en', '')) ||
    to_tsvector('rumbo_fr'::regconfig, coalesce(t->>'fr', '')) ||
    to_tsvector('rumbo_pt'::regconfig, coalesce(t->>'pt', '')) ||
    to_tsvector('rumbo_ht'::regconfig, coalesce(t->>'ht', '')), w)
$$;

-- Everyday words people type for each need, per locale: what makes "abogado" find a legal-aid service written only
-- in English, and "lawyer" one written only in Spanish.
CREATE TABLE search_keywords (
  term_code text PRIMARY KEY REFERENCES taxonomy_terms (code) ON DELETE CASCADE,
  keywords jsonb NOT NULL
);
INSERT INTO search_keywords (term_code, keywords) VALUES
('information-orientation', '{"es": "información orientación ayuda trámites", "en": "information help guidance advice", "fr": "information aide orientation", "ht": "enfòmasyon èd oryantasyon", "pt": "informação ajuda orientação"}'),
('legal-aid-asylum', '{"es": "abogado abogada abogados legal jurídica asilo refugio refugiado", "en": "lawyer attorney legal asylum refugee", "fr": "avocat avocate juridique asile réfugié", "ht": "avoka legal azil refijye", "pt": "advogado advogada jurídica asilo refúgio refugiado"}'),
('documents-regularization', '{"es": "documentos papeles pasaporte visa permiso regularización", "en": "documents papers passport visa permit", "fr": "documents papiers passeport visa permis", "ht": "dokiman papye paspò viza", "pt": "documentos papéis passaporte visto"}'),
('shelter', '{"es": "albergue refugio alojamiento dormir casa", "en": "shelter housing accommodation sleep bed", "fr": "hébergement abri logement dormir", "ht": "lojman abri dòmi kay", "pt": "abrigo alojamento dormir casa"}'),
('food', '{"es": "comida alimentos comedor desayuno agua", "en": "food meal meals kitchen water", "fr": "nourriture repas cantine eau", "ht": "manje dlo", "pt": "comida alimentos refeição água"}'),
('health', '{"es": "salud médico médica clínica doctor hospital medicina", "en": "health medical clinic doctor hospital medicine", "fr": "santé médecin clinique docteur hôpital", "ht": "sante doktè klinik lopital", "pt": "saúde médico clínica hospital"}'),
('mental-health', '{"es": "psicólogo psicológico salud mental", "en": "counselling psychologist mental", "fr": "psychologue mentale", "ht": "sikològ mantal", "pt": "psicólogo mental"}'),
('employment-livelihoods', '{"es": "empleo trabajo", "en": "job jobs work employment", "fr": "emploi travail", "ht": "travay", "pt": "emprego trabalho"}'),
('education', '{"es": "escuela educación clases", "en": "school education classes", "fr": "école éducation cours", "ht": "lekòl edikasyon", "pt": "escola educação aulas"}'),
('family-reunification', '{"es": "familia familiares desaparecidos", "en": "family relatives missing", "fr": "famille disparus", "ht": "fanmi disparèt", "pt": "família desaparecidos"}'),
('return-reintegration', '{"es": "retorno retornados", "en": "return returnees", "fr": "retour", "ht": "retou", "pt": "retorno"}'),
('protection', '{"es": "protección violencia trata", "en": "protection violence trafficking", "fr": "protection violence traite", "ht": "pwoteksyon vyolans", "pt": "proteção violência tráfico"}'),
('money-remittances', '{"es": "dinero remesas banco", "en": "money remittances bank", "fr": "argent banque", "ht": "lajan bank", "pt": "dinheiro remessas banco"}'),
('diaspora-networks', '{"es": "diáspora connacionales", "en": "diaspora", "fr": "diaspora", "ht": "dyaspora", "pt": "diáspora"}');

CREATE TABLE service_search (
  service_id uuid PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
  document tsvector NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  populations text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  -- The service's first location (by id): what distance and the place filters use.
  latitude double precision,
  longitude double precision,
  earth earth,
  lon_lat point,
  verified_at timestamptz
);
CREATE INDEX service_search_document ON service_search USING gin (document);
CREATE INDEX service_search_filters ON service_search USING gin (categories, populations, languages, countries);
CREATE INDEX service_search_earth ON service_search USING gist (earth);
CREATE INDEX service_search_lon_lat ON service_search USING gist (lon_lat);
CREATE INDEX service_search_verified ON service_search (verified_at DESC NULLS LAST, service_id);

-- Distinct words of the directory (without accents in `word`, as written in `display`), for "did you mean".
CREATE TABLE search_lexicon (
  word text PRIMARY KEY,
  display text NOT NULL,
  frequency integer NOT NULL DEFAULT 1
);
CREATE INDEX search_lexicon_trigram ON search_lexicon USING gin (word gin_trgm_ops);

-- Services whose search row is out of date. Statement-level triggers (cheap for bulk inserts) fill it; the search
-- feature re-indexes what is queued before it answers, and loaders index right after they insert.
CREATE TABLE service_search_stale (service_id uuid PRIMARY KEY);

CREATE FUNCTION service_search_queue_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'services' THEN
    INSERT INTO service_search_stale (service_id) SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'locations' THEN
    INSERT INTO service_search_stale (service_id)
      SELECT DISTINCT sal.service_id FROM changed c JOIN service_at_locations sal ON sal.location_id = c.id
      ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'organizations' THEN
    INSERT INTO service_search_stale (service_id)
      SELECT s.id FROM changed c JOIN services s ON s.organization_id = c.id ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO service_search_stale (service_id) SELECT DISTINCT service_id FROM changed ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER service_search_services_insert AFTER INSERT ON services
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_services_update AFTER UPDATE ON services
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_locations_update AFTER UPDATE ON locations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_organizations_update AFTER UPDATE ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_sal_insert AFTER INSERT ON service_at_locations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_sal_delete AFTER DELETE ON service_at_locations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_terms_insert AFTER INSERT ON service_taxonomy_terms
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_terms_delete AFTER DELETE ON service_taxonomy_terms
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_populations_insert AFTER INSERT ON service_populations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_populations_delete AFTER DELETE ON service_populations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_languages_insert AFTER INSERT ON service_languages
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();
CREATE TRIGGER service_search_languages_delete AFTER DELETE ON service_languages
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION service_search_queue_ids();

-- Concatenates tsvectors over rows (the taxonomy documents of a service's categories).
CREATE AGGREGATE rumbo_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
