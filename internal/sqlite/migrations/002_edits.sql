-- Editors' merges and splits, in the order they were made: a log beside the
-- articles' log, each entry replayed right after article after_seq.
CREATE TABLE edits (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	after_seq  INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	story      TEXT NOT NULL,
	other      TEXT NOT NULL DEFAULT '',
	articles   TEXT NOT NULL DEFAULT '[]',
	result     TEXT NOT NULL,
	created_at TEXT NOT NULL
);

-- Story IDs a merge retired, and the story each stands for now.
CREATE TABLE story_aliases (
	id    TEXT PRIMARY KEY,
	story TEXT NOT NULL
);
CREATE INDEX story_aliases_story ON story_aliases (story);

-- The story an article was placed in when it arrived, kept once an editor
-- moves it (NULL while story_id still says so): what a replay applies.
ALTER TABLE articles ADD COLUMN placed_story TEXT;
