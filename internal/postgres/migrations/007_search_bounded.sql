-- Full-text search reads an article's first 200,000 characters. PostgreSQL
-- refuses a tsvector over 1 MB (about 400,000 characters of distinct
-- words), and a refused row failed the whole batch it came in: one huge
-- page among a feed's items, or in a POST of thousands, stored nothing.
-- News articles run far shorter; one that does not is still found by its
-- title and lead.
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search TSVECTOR
	GENERATED ALWAYS AS (to_tsvector('english', left(title || ' ' || text, 200000))) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
