package store

import (
	"context"
	"database/sql"
	"time"
)

// Feed is a polled feed and what its server last said.
type Feed struct {
	URL          string
	ETag         string
	LastModified string
	NextPoll     time.Time
	Failures     int
	LastError    string
	LastPolled   time.Time
}

// AddFeeds records feeds to poll; ones already known keep their state.
func (s *DB) AddFeeds(ctx context.Context, urls []string) error {
	for _, u := range urls {
		if _, err := s.sql.ExecContext(ctx, s.q(`INSERT INTO feeds (url) VALUES (?) ON CONFLICT DO NOTHING`), u); err != nil {
			return err
		}
	}
	return nil
}

// SetFeeds makes urls the feeds to poll: new ones are added, known ones
// keep their state, and feeds no longer listed are dropped with the stamps
// of their items. It returns how many were dropped.
func (s *DB) SetFeeds(ctx context.Context, urls []string) (int, error) {
	if err := s.AddFeeds(ctx, urls); err != nil {
		return 0, err
	}
	listed := make(map[string]bool, len(urls))
	for _, u := range urls {
		listed[u] = true
	}
	known, err := s.Feeds(ctx)
	if err != nil {
		return 0, err
	}
	dropped := 0
	for _, f := range known {
		if listed[f.URL] {
			continue
		}
		if _, err := s.sql.ExecContext(ctx, s.q(`DELETE FROM feeds WHERE url = ?`), f.URL); err != nil {
			return dropped, err
		}
		if _, err := s.sql.ExecContext(ctx, s.q(`DELETE FROM feed_items WHERE feed = ?`), f.URL); err != nil {
			return dropped, err
		}
		dropped++
	}
	return dropped, nil
}

// ClaimDue returns the feeds due at now, and moves each one's next poll to
// lease later, so that no other process polls it meanwhile. A feed another
// process claimed first is left out.
func (s *DB) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Feed, error) {
	due, err := collectFeeds(s.sql.QueryContext(ctx, s.q(`SELECT `+feedColumns+` FROM feeds WHERE next_poll <= ?
		ORDER BY next_poll LIMIT ?`), stamp(now), limit))
	if err != nil {
		return nil, err
	}
	var claimed []Feed
	for _, f := range due {
		res, err := s.sql.ExecContext(ctx, s.q(`UPDATE feeds SET next_poll = ? WHERE url = ? AND next_poll = ?`),
			stamp(now.Add(lease)), f.URL, stamp(f.NextPoll))
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err == nil && n == 1 {
			claimed = append(claimed, f)
		}
	}
	return claimed, nil
}

// SaveFeed stores what a poll learned and when to poll next.
func (s *DB) SaveFeed(ctx context.Context, f Feed) error {
	_, err := s.sql.ExecContext(ctx, s.q(`UPDATE feeds SET etag = ?, last_modified = ?, next_poll = ?, failures = ?,
		last_error = ?, last_polled = ? WHERE url = ?`),
		f.ETag, f.LastModified, stamp(f.NextPoll), f.Failures, f.LastError, stamp(f.LastPolled), f.URL)
	return err
}

// Feeds lists every feed, for status pages and tests.
func (s *DB) Feeds(ctx context.Context) ([]Feed, error) {
	return collectFeeds(s.sql.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`))
}

const feedColumns = `url, etag, last_modified, next_poll, failures, last_error, last_polled`

// collectFeeds reads every row of a query of feedColumns.
func collectFeeds(rows *sql.Rows, err error) ([]Feed, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var next, polled string
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &next, &f.Failures, &f.LastError, &polled); err != nil {
			return nil, err
		}
		f.NextPoll, _ = time.Parse(time.RFC3339Nano, next) // "" for a new feed: due at once
		f.LastPolled, _ = time.Parse(time.RFC3339Nano, polled)
		out = append(out, f)
	}
	return out, rows.Err()
}

// stamp writes a time as the store keeps it: RFC 3339 in UTC, "" for none,
// so that text order is time order.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}
