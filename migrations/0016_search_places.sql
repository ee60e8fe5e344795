-- Search by place over every site of a service (issue 3, decision 010). service_search kept one point per service
-- (its first location), so a service with sites in Tapachula and Tijuana was found near Tapachula only, while the
-- map showed both pins. Now one row per (service, site), written by the indexer with the service's search row;
-- the single point and its indexes go. Each row repeats its service's filter columns, so that a search by place
-- and filters (the map's box with a need, "near me" with a language) reads the sites alone, without a lookup of
-- the service for every site in the box.
CREATE TABLE service_search_places (
  service_id uuid NOT NULL REFERENCES service_search (service_id) ON DELETE CASCADE,
  location_id uuid NOT NULL,
  earth earth NOT NULL,
  lon_lat point NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  populations text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  verified_at timestamptz,
  PRIMARY KEY (service_id, location_id)
);
CREATE INDEX service_search_places_earth ON service_search_places USING gist (earth);
CREATE INDEX service_search_places_lon_lat ON service_search_places USING gist (lon_lat);

ALTER TABLE service_search DROP COLUMN earth, DROP COLUMN lon_lat, DROP COLUMN latitude, DROP COLUMN longitude;

-- Every indexed service is indexed again (at the next search, or by the next loader), which fills its places.
INSERT INTO service_search_stale (service_id) SELECT service_id FROM service_search ON CONFLICT DO NOTHING;
