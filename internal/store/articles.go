package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// Article is an article as stored: the contract's article, its place in the
// log, its story, and what dedupe and clustering need to replay it.
type Article struct {
	news.Article
	Seq     int64
	StoryID string
	// Placed is the story the article was placed in when it arrived, which
	// a replay applies before the edits that followed; StoryID unless an
	// editor has moved the article since.
	Placed      string
	URLKey      string // the URL reduced to what names the page; "" when none
	ContentHash string
	Features    []byte
	// FeaturesVersion is the pipeline.FeaturesVersion that made Features.
	FeaturesVersion int
	IngestedAt      time.Time
}

// articleColumns lists, in order, what scanArticle reads.
const articleColumns = `seq, id, url_key, content_hash, story_id, COALESCE(placed_story, story_id), source, outlet, title, author, published, url,
	language, text, words, version_of, duplicate_of, latest, changes, features, features_version, ingested_at`

// replayColumns are the columns a replay needs: everything but the text.
const replayColumns = `seq, id, url_key, content_hash, story_id, COALESCE(placed_story, story_id), source, outlet, title, author, published, url,
	language, '', words, version_of, duplicate_of, latest, NULL, features, features_version, ingested_at`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(row scanner) (Article, error) {
	var a Article
	var urlKey, published, versionOf, duplicateOf, changes sql.NullString
	var latest int
	var ingested string
	err := row.Scan(&a.Seq, &a.ID, &urlKey, &a.ContentHash, &a.StoryID, &a.Placed, &a.Source, &a.Outlet, &a.Title, &a.Author,
		&published, &a.URL, &a.Language, &a.Text, &a.Words, &versionOf, &duplicateOf, &latest, &changes, &a.Features, &a.FeaturesVersion, &ingested)
	if err != nil {
		return a, err
	}
	a.URLKey = urlKey.String
	if published.Valid {
		if a.Published, err = news.ParseTimestamp(published.String); err != nil {
			return a, fmt.Errorf("article %s: %w", a.ID, err)
		}
	}
	if versionOf.Valid {
		a.VersionOf = &versionOf.String
	}
	if duplicateOf.Valid {
		a.DuplicateOf = &duplicateOf.String
	}
	a.Latest = latest != 0
	if changes.Valid && changes.String != "" {
		a.Changes = &news.Changes{}
		if err := json.Unmarshal([]byte(changes.String), a.Changes); err != nil {
			return a, fmt.Errorf("article %s changes: %w", a.ID, err)
		}
	}
	a.IngestedAt, _ = time.Parse(time.RFC3339Nano, ingested) // written by us; a bad value only loses the time
	return a, nil
}

// Tx is a write transaction: the one place articles are added, under the
// dialect's lock so that writers on several machines take turns.
type Tx struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *DB
	stmts map[string]*sql.Stmt
	first int64 // seq of the first article this transaction inserted
}

// stmt prepares a query once per transaction: a batch runs the same few
// statements hundreds of times, and parsing them each time was a tenth of
// an ingest's cost. The transaction closes them when it ends.
func (t *Tx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, t.s.q(query))
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

// exec runs a prepared statement.
func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// Write runs fn in a write transaction and commits if fn returns nil. What
// Write committed is on disk when it returns.
func (s *DB) Write(ctx context.Context, fn func(*Tx) error) error {
	tx, err := s.sql.BeginTx(ctx, s.dialect.Write)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() // a no-op once committed
	if s.dialect.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.Lock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	t := &Tx{ctx: ctx, tx: tx, s: s}
	if err := fn(t); err != nil {
		return err
	}
	if s.dialect.Index != "" && t.first > 0 {
		if _, err := tx.ExecContext(ctx, s.q(s.dialect.Index), t.first); err != nil {
			return fmt.Errorf("index for search: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// collectArticles reads every row of a query of articles.
func collectArticles(rows *sql.Rows, err error) ([]Article, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Find returns a stored article with the given ID, URL key or content
// hash, if any: the one with the content hash when there is one (the same
// text again), else the first in log order; an empty argument matches
// nothing. One query answers both questions an ingest asks of each
// article.
func (t *Tx) Find(id, urlKey, contentHash string) (Article, bool, error) {
	st, err := t.stmt(`SELECT ` + replayColumns + ` FROM articles
		WHERE id = ? OR content_hash = ? OR (url_key = ? AND url_key <> '')
		ORDER BY CASE WHEN content_hash = ? THEN 0 ELSE 1 END, seq LIMIT 1`)
	if err != nil {
		return Article{}, false, err
	}
	a, err := scanArticle(st.QueryRowContext(t.ctx, id, contentHash, urlKey, contentHash))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, false, nil
	}
	return a, err == nil, err
}

// Insert adds an article at the end of the log, setting its Seq.
func (t *Tx) Insert(a *Article) error {
	var changes any
	if a.Changes != nil {
		b, err := json.Marshal(a.Changes)
		if err != nil {
			return err
		}
		changes = string(b)
	}
	latest := 0
	if a.Latest {
		latest = 1
	}
	st, err := t.stmt(`INSERT INTO articles (id, url_key, content_hash, story_id, source, outlet,
		title, author, published, url, language, text, words, version_of, duplicate_of, latest, changes, features, features_version, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`)
	if err != nil {
		return err
	}
	err = st.QueryRowContext(t.ctx, a.ID, nullable(a.URLKey), a.ContentHash, a.StoryID, a.Source, a.Outlet, a.Title, a.Author, nullable(a.Published.String()), a.URL,
		a.Language, a.Text, a.Words, deref(a.VersionOf), deref(a.DuplicateOf), latest, changes, a.Features, a.FeaturesVersion,
		stamp(a.IngestedAt)).Scan(&a.Seq)
	if err != nil {
		return fmt.Errorf("insert article %s: %w", a.ID, err)
	}
	if t.first == 0 {
		t.first = a.Seq
	}
	return nil
}

// Rekey sets the URL key of a stored article ("" for none).
func (t *Tx) Rekey(id, urlKey string) error {
	_, err := t.exec(`UPDATE articles SET url_key = ? WHERE id = ?`, nullable(urlKey), id)
	if err != nil {
		return fmt.Errorf("rekey article %s: %w", id, err)
	}
	return nil
}

// MarkLatest makes latest the newest of the versions of root.
func (t *Tx) MarkLatest(root, latest string) error {
	_, err := t.exec(`UPDATE articles SET latest = CASE WHEN id = ? THEN 1 ELSE 0 END
		WHERE id = ? OR version_of = ?`, latest, root, root)
	return err
}

// Touch records that a stored article joined story: the story is created
// or its counts, dates and revision move on, so the analysis worker knows
// to run again.
func (t *Tx) Touch(story string, a *Article) error {
	now := stamp(time.Now())
	published := nullable(a.Published.String())
	// Until the story is analysed, its first article's title stands as its
	// headline, so that lists never show a story without one.
	_, err := t.exec(`INSERT INTO stories (id, created_seq, updated_seq, created_at, updated_at,
		first_published, last_published, article_count, revision, headline) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?)
		ON CONFLICT (id) DO UPDATE SET updated_seq = excluded.updated_seq, updated_at = excluded.updated_at,
		first_published = CASE WHEN stories.first_published IS NULL OR excluded.first_published < stories.first_published
			THEN COALESCE(excluded.first_published, stories.first_published) ELSE stories.first_published END,
		last_published = CASE WHEN stories.last_published IS NULL OR excluded.last_published > stories.last_published
			THEN COALESCE(excluded.last_published, stories.last_published) ELSE stories.last_published END,
		article_count = stories.article_count + 1, revision = stories.revision + 1`,
		story, a.Seq, a.Seq, now, now, published, published, a.Title)
	if err != nil {
		return fmt.Errorf("touch story %s: %w", story, err)
	}
	if a.Outlet != "" {
		if _, err := t.exec(`INSERT INTO story_outlets (story_id, outlet) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, story, a.Outlet); err != nil {
			return fmt.Errorf("story %s outlet: %w", story, err)
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// Article returns one stored article.
func (s *DB) Article(ctx context.Context, id string) (Article, error) {
	row := s.sql.QueryRowContext(ctx, s.q(`SELECT `+articleColumns+` FROM articles WHERE id = ?`), id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return a, err
}

// HasURL reports whether an article with this URL key (dedupe.URLKey) is
// stored, the key a poller finds a feed item's page by (ItemStamps).
func (s *DB) HasURL(ctx context.Context, urlKey string) (bool, error) {
	var one int
	err := s.sql.QueryRowContext(ctx, s.q(`SELECT 1 FROM articles WHERE url_key = ? LIMIT 1`), urlKey).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// StoryArticles returns a story's articles with their text, in arrival
// order.
func (s *DB) StoryArticles(ctx context.Context, story string) ([]Article, error) {
	return collectArticles(s.sql.QueryContext(ctx, s.q(`SELECT `+articleColumns+` FROM articles WHERE story_id = ? ORDER BY seq`), story))
}

// Latest returns, with its text, the newest version of the article root
// (root itself when it has no later version).
func (t *Tx) Latest(root string) (Article, error) {
	row := t.tx.QueryRowContext(t.ctx, t.s.q(`SELECT `+articleColumns+` FROM articles
		WHERE id = ? OR version_of = ? ORDER BY latest DESC, seq DESC LIMIT 1`), root, root)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %s: %w", root, ErrNotFound)
	}
	return a, err
}

// OutdatedFeatures lists, in log order, up to limit articles after seq
// whose features an older version of the text analysis made, with their
// text, so that they can be prepared again.
func (s *DB) OutdatedFeatures(ctx context.Context, version int, after int64, limit int) ([]Article, error) {
	return collectArticles(s.sql.QueryContext(ctx, s.q(`SELECT `+articleColumns+` FROM articles
		WHERE features_version < ? AND seq > ? ORDER BY seq LIMIT ?`), version, after, limit))
}

// CountOutdatedFeatures counts the articles whose features an older
// version made.
func (s *DB) CountOutdatedFeatures(ctx context.Context, version int) (int, error) {
	var n int
	err := s.sql.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE features_version < ?`), version).Scan(&n)
	return n, err
}

// SetFeatures replaces an article's features with ones made by version,
// unless that version or a newer one made them already (another process
// got there first).
func (t *Tx) SetFeatures(seq int64, features []byte, version int) error {
	_, err := t.exec(`UPDATE articles SET features = ?, features_version = ? WHERE seq = ? AND features_version < ?`,
		features, version, seq, version)
	if err != nil {
		return fmt.Errorf("set features of article %d: %w", seq, err)
	}
	return nil
}
