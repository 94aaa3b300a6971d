-- Whether an edit was the service's own (a merge its clustering found
-- during an ingest) rather than an editor's: 1 for automatic, 0 for an
-- editor's, as every edit logged before this was.
ALTER TABLE edits ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;

-- The merges that retired a story ID (store.DB.Retired): with the service
-- merging on its own, the log grows with the articles.
CREATE INDEX edits_story ON edits (story);
CREATE INDEX edits_other ON edits (other);
