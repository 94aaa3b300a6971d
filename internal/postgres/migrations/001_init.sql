-- Articles in arrival order: seq is the log every process replays.
CREATE TABLE articles (
	seq          BIGSERIAL PRIMARY KEY,
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
	features     BYTEA,
	ingested_at  TEXT NOT NULL,
	search       TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED
);
CREATE INDEX articles_story ON articles (story_id, seq);
CREATE INDEX articles_search ON articles USING GIN (search);

-- Stories: counts kept as articles arrive; the analysis (the JSON contract's
-- story) is written by the analysis workers for revision analyzed_revision.
CREATE TABLE stories (
	id                TEXT PRIMARY KEY,
	created_seq       BIGINT NOT NULL,
	updated_seq       BIGINT NOT NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	first_published   TEXT,
	last_published    TEXT,
	article_count     INTEGER NOT NULL,
	revision          BIGINT NOT NULL,
	analyzed_revision BIGINT NOT NULL DEFAULT 0,
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
