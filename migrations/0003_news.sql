-- News: dated items of the regional office, imported from the old listing or written by publishers.
-- Translatable text is jsonb keyed by locale, as in the directory (docs/decisions/005); `body` holds HTML that was
-- sanitized before it was stored (docs/decisions/008). Runs unchanged on PostgreSQL 15 and PGlite (PostgreSQL 18).

CREATE TABLE news_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  published_on date NOT NULL,
  original_locale text NOT NULL DEFAULT 'es' CHECK (original_locale IN ('es', 'en', 'fr', 'ht', 'pt')),
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  body jsonb NOT NULL DEFAULT '{}',
  -- The original title folded (lower case, no accents, plain quotes, single spaces): one item per date and title,
  -- so an item that appears on two pages of an old listing is imported once.
  title_key text NOT NULL CHECK (length(title_key) BETWEEN 1 AND 500),
  -- Every translation of title, summary and body folded the same way, for accent-insensitive search.
  search_text text NOT NULL DEFAULT '',
  image_url text CHECK (image_url ~ '^https?://'),
  image_alt jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  is_demo boolean NOT NULL DEFAULT false,
  source_file text,
  source_line integer CHECK (source_line > 0),
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (published_on, title_key)
);
CREATE INDEX news_items_listing ON news_items (status, published_on DESC, id);

-- Tags are suggested by the importer's dictionary tagger and confirmed by a publisher (origin).
CREATE TABLE news_item_countries (
  news_item_id uuid NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  origin text NOT NULL DEFAULT 'suggested' CHECK (origin IN ('suggested', 'confirmed')),
  PRIMARY KEY (news_item_id, country_code)
);
CREATE INDEX news_item_countries_lookup ON news_item_countries (country_code);

CREATE TABLE news_item_topics (
  news_item_id uuid NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  topic text NOT NULL CHECK (topic ~ '^[a-z0-9-]{2,64}$'),
  origin text NOT NULL DEFAULT 'suggested' CHECK (origin IN ('suggested', 'confirmed')),
  PRIMARY KEY (news_item_id, topic)
);
CREATE INDEX news_item_topics_lookup ON news_item_topics (topic);

-- Organizations named in an item, by their short code (IOM, ILO, UNHCR …), not yet linked to directory rows.
CREATE TABLE news_item_organizations (
  news_item_id uuid NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  organization_code text NOT NULL CHECK (organization_code ~ '^[A-Z0-9-]{2,32}$'),
  origin text NOT NULL DEFAULT 'suggested' CHECK (origin IN ('suggested', 'confirmed')),
  PRIMARY KEY (news_item_id, organization_code)
);
