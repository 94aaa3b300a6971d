-- Whether an edit was the service's own (a merge its clustering found
-- during an ingest) rather than an editor's: 1 for automatic, 0 for an
-- editor's, as every edit logged before this was.
ALTER TABLE edits ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;
