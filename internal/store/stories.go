package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// Story is a stored story: its counts, and its analysis when the analysis
// worker has written one (Report is nil until then).
type Story struct {
	ID             string
	Headline       string
	Articles       int
	Voices         int
	Conflicts      int
	Outlets        []string
	Created        time.Time
	Updated        time.Time
	FirstPublished string
	LastPublished  string
	Revision       int64
	Analyzed       int64     // the revision the report describes
	AnalyzedAt     time.Time // when the report was written; zero before
	Report         *news.Story
}

const storyColumns = `id, headline, article_count, voices, conflicts, created_at, updated_at, first_published,
	last_published, revision, analyzed_revision, analyzed_at, updated_seq`

func scanStory(row scanner) (Story, int64, error) {
	var s Story
	var created, updated, analyzed string
	var first, last sql.NullString
	var updatedSeq int64
	err := row.Scan(&s.ID, &s.Headline, &s.Articles, &s.Voices, &s.Conflicts, &created, &updated, &first, &last,
		&s.Revision, &s.Analyzed, &analyzed, &updatedSeq)
	s.Created, _ = time.Parse(time.RFC3339Nano, created) // written by us
	s.Updated, _ = time.Parse(time.RFC3339Nano, updated)
	s.AnalyzedAt, _ = time.Parse(time.RFC3339Nano, analyzed) // "" before the first report: zero
	s.FirstPublished, s.LastPublished = first.String, last.String
	return s, updatedSeq, err
}

// Sort orders a story list.
type Sort string

const (
	Newest  Sort = "newest"  // most recently updated first
	Covered Sort = "covered" // most articles first
)

// Query selects stories to list.
type Query struct {
	Since  time.Time // updated at or after; zero for all
	Outlet string    // covered by this outlet; "" for any
	Text   string    // an article matches these words; "" for any
	Sort   Sort
	Cursor string // from the previous page; "" for the first
	Limit  int
}

// ErrBadCursor is returned for a cursor this store did not write.
var ErrBadCursor = errors.New("bad cursor")

// Stories lists stories and returns the cursor of the next page, "" at the
// end. Paging by cursor stays stable while stories are added.
func (s *DB) Stories(ctx context.Context, q Query) ([]Story, string, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var where []string
	var args []any
	if !q.Since.IsZero() {
		where = append(where, "updated_at >= ?")
		args = append(args, stamp(q.Since))
	}
	if q.Outlet != "" {
		where = append(where, "id IN (SELECT story_id FROM story_outlets WHERE outlet = ?)")
		args = append(args, q.Outlet)
	}
	if q.Text != "" {
		terms := s.dialect.SearchTerms(q.Text)
		if terms == "" {
			return nil, "", nil
		}
		where = append(where, "id IN (SELECT a.story_id FROM articles a JOIN ("+s.dialect.Search+") m ON m.seq = a.seq)")
		args = append(args, terms)
	}
	order := "updated_seq DESC, id DESC"
	if q.Sort == Covered {
		order = "article_count DESC, updated_seq DESC, id DESC"
	}
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		if q.Sort == Covered {
			where = append(where, "(article_count < ? OR (article_count = ? AND (updated_seq < ? OR (updated_seq = ? AND id < ?))))")
			args = append(args, c.count, c.count, c.seq, c.seq, c.id)
		} else {
			where = append(where, "(updated_seq < ? OR (updated_seq = ? AND id < ?))")
			args = append(args, c.seq, c.seq, c.id)
		}
	}
	query := `SELECT ` + storyColumns + ` FROM stories`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order + " LIMIT ?"
	args = append(args, q.Limit+1)
	rows, err := s.sql.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []Story
	var last cursor
	for rows.Next() {
		st, seq, err := scanStory(rows)
		if err != nil {
			return nil, "", err
		}
		if len(out) == q.Limit {
			return out, last.encode(), rows.Close()
		}
		out = append(out, st)
		last = cursor{seq: seq, count: st.Articles, id: st.ID}
	}
	return out, "", rows.Err()
}

// cursor is the sort key of the last story of a page.
type cursor struct {
	seq   int64
	count int
	id    string
}

func (c cursor) encode() string {
	raw := strconv.FormatInt(c.seq, 10) + "." + strconv.Itoa(c.count) + "." + c.id
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(s string) (cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, ErrBadCursor
	}
	parts := strings.SplitN(string(raw), ".", 3)
	if len(parts) != 3 {
		return cursor{}, ErrBadCursor
	}
	seq, err1 := strconv.ParseInt(parts[0], 10, 64)
	count, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || parts[2] == "" {
		return cursor{}, ErrBadCursor
	}
	return cursor{seq: seq, count: count, id: parts[2]}, nil
}

// Story returns one story with its analysis, if written.
func (s *DB) Story(ctx context.Context, id string) (Story, error) {
	row := s.sql.QueryRowContext(ctx, s.q(`SELECT `+storyColumns+`, report FROM stories WHERE id = ?`), id)
	var report sql.NullString
	st, _, err := scanStory(scanFunc(func(dest ...any) error { return row.Scan(append(dest, &report)...) }))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return st, err
	}
	if report.Valid {
		st.Report = &news.Story{}
		if err := json.Unmarshal([]byte(report.String), st.Report); err != nil {
			return st, fmt.Errorf("story %s report: %w", id, err)
		}
	}
	if st.Outlets, err = s.outlets(ctx, id); err != nil {
		return st, err
	}
	return st, nil
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

func (s *DB) outlets(ctx context.Context, story string) ([]string, error) {
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT outlet FROM story_outlets WHERE story_id = ? ORDER BY outlet`), story)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Stale is a story whose analysis is behind its articles.
type Stale struct {
	ID       string
	Revision int64
}

// Stale lists up to limit stories whose analysis is behind and due: no
// article has joined them since quietBefore, or their analysis (or, for
// one never analysed, their first article) is from before lagBefore. A
// story that keeps growing is so analysed now and then rather than after
// every article; the longest waiting come first. After them come stories
// whose analysis an older version of the analysis made (before version;
// none when version is 0), the latest updated first, since readers look
// at those first.
func (s *DB) Stale(ctx context.Context, limit int, quietBefore, lagBefore time.Time, version int) ([]Stale, error) {
	out, err := collectStale(s.sql.QueryContext(ctx, s.q(`SELECT id, revision FROM stories WHERE analyzed_revision < revision
		AND (updated_at <= ? OR (CASE WHEN analyzed_at = '' THEN created_at ELSE analyzed_at END) <= ?)
		ORDER BY updated_seq LIMIT ?`), stamp(quietBefore), stamp(lagBefore), limit))
	if err != nil || len(out) == limit || version <= 0 {
		return out, err
	}
	outdated, err := collectStale(s.sql.QueryContext(ctx, s.q(`SELECT id, revision FROM stories
		WHERE analyzed_revision >= revision AND analyzed_version < ? ORDER BY updated_seq DESC LIMIT ?`), version, limit-len(out)))
	return append(out, outdated...), err
}

func collectStale(rows *sql.Rows, err error) ([]Stale, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Stale
	for rows.Next() {
		var st Stale
		if err := rows.Scan(&st.ID, &st.Revision); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// SaveReport stores a story's analysis made at revision by the given
// version of the analysis, unless one as new on both counts is already
// stored (another worker was faster, or a newer version made it).
func (s *DB) SaveReport(ctx context.Context, revision int64, version int, report *news.Story) error {
	body, err := json.Marshal(report)
	if err != nil {
		return err
	}
	conflicts := 0
	for _, f := range report.Facts {
		if f.Conflict {
			conflicts++
		}
	}
	_, err = s.sql.ExecContext(ctx, s.q(`UPDATE stories SET report = ?, headline = ?, voices = ?, conflicts = ?,
		analyzed_revision = ?, analyzed_version = ?, analyzed_at = ?
		WHERE id = ? AND (analyzed_revision < ? OR analyzed_revision = ? AND analyzed_version < ?)`),
		string(body), report.Headline, report.Voices, conflicts, revision, version, stamp(time.Now()), report.ID, revision, revision, version)
	if err != nil {
		return fmt.Errorf("save story %s: %w", report.ID, err)
	}
	return nil
}

// Counts are the sizes the metrics report.
type Counts struct {
	Articles, Stories, Stale int64
}

// Counts counts articles, stories, and stories waiting for analysis.
func (s *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.sql.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories),
		(SELECT COUNT(*) FROM stories WHERE analyzed_revision < revision)`).Scan(&c.Articles, &c.Stories, &c.Stale)
	return c, err
}

// Hit is an article that matches a search.
type Hit struct {
	ArticleID, StoryID, Title, Outlet, Published string
}

// Search finds articles matching words, best first.
func (s *DB) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	terms := s.dialect.SearchTerms(text)
	if terms == "" {
		return nil, nil
	}
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT a.id, a.story_id, a.title, a.outlet, COALESCE(a.published, '')
		FROM (`+s.dialect.Search+`) m JOIN articles a ON a.seq = m.seq ORDER BY m.rank DESC, a.seq DESC LIMIT ?`), terms, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Outlet, &h.Published); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// DayCount is how many articles a story gained on one day.
type DayCount struct {
	Day   string // YYYY-MM-DD
	Count int
}

// Coverage counts each story's articles per day, oldest first: the shape
// of a story over time. Days are publication days; an undated article is
// counted on the day it arrived only in a story with no dated article,
// since arrival is another clock: a backfill of last year's articles, one
// of them undated, drew a year of nothing and a bar today.
func (s *DB) Coverage(ctx context.Context, ids []string) (map[string][]DayCount, error) {
	out := make(map[string][]DayCount, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT story_id, SUBSTR(COALESCE(published, ingested_at), 1, 10) AS day, COUNT(*)
		FROM articles a WHERE story_id IN (`+marks+`)
		AND (published IS NOT NULL OR NOT EXISTS (SELECT 1 FROM articles d WHERE d.story_id = a.story_id AND d.published IS NOT NULL))
		GROUP BY story_id, day ORDER BY story_id, day`), args...)
	if err != nil {
		return nil, fmt.Errorf("coverage: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var d DayCount
		if err := rows.Scan(&id, &d.Day, &d.Count); err != nil {
			return nil, err
		}
		out[id] = append(out[id], d)
	}
	return out, rows.Err()
}
