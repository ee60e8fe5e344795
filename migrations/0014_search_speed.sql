-- Search speed (issue 3, decision 010): the typo lookup as one function that carries its own pg_trgm word
-- similarity threshold (a function's SET clause applies while it runs), so a search needs no transaction and no
-- set_config round trip to ask for corrections, and the lookup can be folded into a larger statement.
-- For each term: its five most similar known words (`<%`, GIN trigram index), most similar first.
CREATE FUNCTION rumbo_similar_words(terms text[])
RETURNS TABLE (term text, word text, display text, similarity float8, frequency integer)
LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = '0.4'
AS $$
  SELECT t.term, best.word, best.display, best.similarity, best.frequency
  FROM unnest(terms) AS t(term)
  CROSS JOIN LATERAL (
    SELECT l.word, l.display, similarity(t.term, l.word)::float8 AS similarity, l.frequency FROM search_lexicon l
    WHERE t.term <% l.word
    ORDER BY similarity(t.term, l.word) DESC, l.frequency DESC, l.word
    LIMIT 5
  ) best
$$;
