-- Search speed (issue 3, decision 010): a GIN index keeps recent insertions in a "pending list" that every search
-- reads in full until it is merged into the index (by VACUUM, which PGlite never runs on its own, or when the list
-- reaches its limit, 4 MB by default). After a bulk load of 100,000 services the text index held 400 pending pages,
-- 2 ms of every text search; the lexicon's trigram index 47 pages, read by every typo lookup. A small limit bounds
-- that cost on both engines; the indexer also merges the lists after bulk loads (search-index.repository.ts).
ALTER INDEX service_search_document SET (gin_pending_list_limit = 128);
ALTER INDEX search_lexicon_trigram SET (gin_pending_list_limit = 128);
