-- Articles in arrival order: seq is the log every process replays.
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	id           TEXT NOT NULL UNIQUE,
	url_key      TEXT UNIQUE,
	content_hash TEXT NOT NULL UNIQUE,
	story_id     TEXT NOT NULL,
	source       TEXT NOT NULL,
	outlet       TEXT NOT NULL,
	title        TEXT NOT NULL,
	author       TEXT NOT NULL,
	published    TEXT,
	url          TEXT NOT NULL,
	language     TEXT NOT NULL,
	text         TEXT NOT NULL,
	words        INTEGER NOT NULL,
	version_of   TEXT,
	duplicate_of TEXT,
	latest       INTEGER NOT NULL DEFAULT 0,
	changes      TEXT,
	features     BLOB,
	ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_story ON articles (story_id, seq);

-- Stories: counts kept as articles arrive; the analysis (the JSON contract's
-- story) is written by the analysis worker for revision analyzed_revision.
CREATE TABLE stories (
	id                TEXT PRIMARY KEY,
	created_seq       INTEGER NOT NULL,
	updated_seq       INTEGER NOT NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	first_published   TEXT,
	last_published    TEXT,
	article_count     INTEGER NOT NULL,
	revision          INTEGER NOT NULL,
	analyzed_revision INTEGER NOT NULL DEFAULT 0,
	analyzed_at       TEXT NOT NULL DEFAULT '',
	headline          TEXT NOT NULL DEFAULT '',
	voices            INTEGER NOT NULL DEFAULT 0,
	conflicts         INTEGER NOT NULL DEFAULT 0,
	report            TEXT
);
CREATE INDEX stories_updated ON stories (updated_seq);
CREATE INDEX stories_coverage ON stories (article_count, updated_seq);
CREATE INDEX stories_dirty ON stories (analyzed_revision, revision);

CREATE TABLE story_outlets (
	story_id TEXT NOT NULL,
	outlet   TEXT NOT NULL,
	PRIMARY KEY (story_id, outlet)
);
CREATE INDEX story_outlets_outlet ON story_outlets (outlet);

-- Full-text search over titles and texts.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61');
-- The store indexes each write's new articles in one statement at its end
-- (Dialect.Index) rather than by a trigger per row, which made FTS5 flush
-- its index once per article.

-- Feeds polled by serve --feeds: when to poll next and what the server said.
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	next_poll     TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	last_polled   TEXT NOT NULL DEFAULT ''
);
