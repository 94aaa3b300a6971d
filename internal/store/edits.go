package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// MergeStories moves every article of story from into story into, as an
// editor's merge did: from is retired, its ID (and every ID that stood for
// it) resolves to into from now on, and into is marked for analysis.
func (t *Tx) MergeStories(from, into string) error {
	steps := []struct {
		query string
		args  []any
	}{
		{`UPDATE articles SET placed_story = COALESCE(placed_story, story_id), story_id = ? WHERE story_id = ?`, []any{into, from}},
		{`DELETE FROM stories WHERE id = ?`, []any{from}},
		{`DELETE FROM story_outlets WHERE story_id = ?`, []any{from}},
		{`UPDATE story_aliases SET story = ? WHERE story = ?`, []any{into, from}},
		{`INSERT INTO story_aliases (id, story) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET story = excluded.story`, []any{from, into}},
	}
	for _, st := range steps {
		if _, err := t.exec(st.query, st.args...); err != nil {
			return fmt.Errorf("merge story %s into %s: %w", from, into, err)
		}
	}
	return t.recount(into)
}

// SplitStory moves articles out of story from into story to, as an
// editor's split did: to is created (or, if a merge had retired its ID,
// revived), and both are recounted and marked for analysis.
func (t *Tx) SplitStory(from, to string, articles []string) error {
	for _, id := range articles {
		res, err := t.exec(`UPDATE articles SET placed_story = COALESCE(placed_story, story_id), story_id = ?
			WHERE id = ? AND story_id = ?`, to, id, from)
		if err != nil {
			return fmt.Errorf("split story %s: move article %s: %w", from, id, err)
		}
		if n, err := res.RowsAffected(); err == nil && n != 1 {
			return fmt.Errorf("split story %s: article %s is not in it: %w", from, id, ErrNotFound)
		}
	}
	if _, err := t.exec(`DELETE FROM story_aliases WHERE id = ?`, to); err != nil {
		return fmt.Errorf("split story %s: %w", from, err)
	}
	// Until it is analysed, the new story is headed by its first article's
	// title and dated by its arrival, as Touch would have made it. A live
	// story of that ID makes the insert fail: the articles would otherwise
	// join it silently.
	_, err := t.exec(`INSERT INTO stories (id, created_seq, updated_seq, created_at, updated_at, article_count, revision, headline)
		SELECT ?, seq, seq, ingested_at, ingested_at, 0, 0, title FROM articles WHERE story_id = ? ORDER BY seq LIMIT 1`, to, to)
	if err != nil {
		return fmt.Errorf("split story %s: create %s: %w", from, to, err)
	}
	if err := t.recount(from); err != nil {
		return err
	}
	return t.recount(to)
}

// recount sets a story's counts, dates and outlets from its articles after
// an edit, dates the story's change now, and moves its revision on so that
// the analysis worker runs again.
func (t *Tx) recount(story string) error {
	var last int64
	if err := t.tx.QueryRowContext(t.ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&last); err != nil {
		return fmt.Errorf("recount story %s: %w", story, err)
	}
	steps := []struct {
		query string
		args  []any
	}{
		{`UPDATE stories SET article_count = (SELECT COUNT(*) FROM articles WHERE story_id = ?),
			first_published = (SELECT MIN(published) FROM articles WHERE story_id = ?),
			last_published = (SELECT MAX(published) FROM articles WHERE story_id = ?),
			updated_seq = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
			[]any{story, story, story, last, stamp(time.Now()), story}},
		{`DELETE FROM story_outlets WHERE story_id = ?`, []any{story}},
		{`INSERT INTO story_outlets (story_id, outlet) SELECT DISTINCT story_id, outlet FROM articles
			WHERE story_id = ? AND outlet <> ''`, []any{story}},
	}
	for _, st := range steps {
		if _, err := t.exec(st.query, st.args...); err != nil {
			return fmt.Errorf("recount story %s: %w", story, err)
		}
	}
	return nil
}

// MergedInto returns the story a retired story ID resolves to, or
// ErrNotFound when no merge retired it.
func (s *DB) MergedInto(ctx context.Context, id string) (string, error) {
	var into string
	err := s.sql.QueryRowContext(ctx, s.q(`SELECT story FROM story_aliases WHERE id = ?`), id).Scan(&into)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	return into, err
}

// Retired returns the merge that last retired a story ID, an editor's or
// the service's own (Edit.Automatic), or ErrNotFound when no merge did.
func (s *DB) Retired(ctx context.Context, id string) (Edit, error) {
	edits, err := collectEdits(s.sql.QueryContext(ctx, s.q(`SELECT `+editColumns+` FROM edits
		WHERE kind = ? AND (story = ? OR other = ?) AND result <> ? ORDER BY id DESC LIMIT 1`), Merge, id, id, id))
	if err != nil {
		return Edit{}, fmt.Errorf("story %s: %w", id, err)
	}
	if len(edits) == 0 {
		return Edit{}, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	return edits[0], nil
}

// Revision returns a story's revision, which moves on with each article
// and edit: an analysis is of the revision read before its articles.
func (s *DB) Revision(ctx context.Context, id string) (int64, error) {
	var rev int64
	err := s.sql.QueryRowContext(ctx, s.q(`SELECT revision FROM stories WHERE id = ?`), id).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	return rev, err
}

// featureChunk is how many articles one query of Features names, well
// under both databases' limits on parameters.
const featureChunk = 500

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Features returns the articles with these IDs as a replay needs them,
// without their text, in log order; unknown IDs are left out.
func (s *DB) Features(ctx context.Context, ids []string) ([]Article, error) {
	return s.features(ctx, s.sql, ids)
}

// Features is DB.Features inside the transaction.
func (t *Tx) Features(ids []string) ([]Article, error) { return t.s.features(t.ctx, t.tx, ids) }

func (s *DB) features(ctx context.Context, q querier, ids []string) ([]Article, error) {
	var out []Article
	for start := 0; start < len(ids); start += featureChunk {
		chunk := ids[start:min(start+featureChunk, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ")
		got, err := collectArticles(q.QueryContext(ctx, s.q(`SELECT `+replayColumns+` FROM articles WHERE id IN (`+marks+`) ORDER BY seq`), args...))
		if err != nil {
			return nil, fmt.Errorf("read features: %w", err)
		}
		out = append(out, got...)
	}
	slices.SortFunc(out, func(a, b Article) int { return cmp.Compare(a.Seq, b.Seq) })
	return out, nil
}
