package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// ItemState is what a poller remembers of a feed's item: the stamp of its
// entry when last read (feed.Item.Stamp), when its page was first read,
// and how many times it has been read again since to look for edits the
// feed did not announce.
type ItemState struct {
	Stamp string
	// Read is zero for an item whose first reading is not known: read
	// before it was kept, or stored by other means.
	Read     time.Time
	Revisits int
}

// keysPerQuery bounds the placeholders of one lookup, well under what
// either database allows in a statement.
const keysPerQuery = 500

// ItemStates reports which of keys (URL keys of a feed's item links) were
// read before, each with what is remembered of the item of feed that
// links there: a key an article is stored under (a zero state when nothing
// is remembered), and a key remembered though no article holds it, whose
// page was stored under another address (a redirect, a canonical link)
// or refused. Other keys are left out. A feed's items are looked up in one
// query (a few for a feed of thousands).
func (s *DB) ItemStates(ctx context.Context, feed string, keys []string) (map[string]ItemState, error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	if len(keys) > 0 && keys[0] == "" {
		keys = keys[1:]
	}
	states := make(map[string]ItemState)
	for chunk := range slices.Chunk(keys, keysPerQuery) {
		args := []any{feed}
		for _, k := range chunk {
			args = append(args, k)
		}
		args = append(args, args...) // for each half of the union
		in := `IN (?` + strings.Repeat(", ?", len(chunk)-1) + `)`
		// The halves agree on a key both hold: its remembered state.
		rows, err := s.sql.QueryContext(ctx, s.q(`SELECT a.url_key, COALESCE(i.stamp, ''), COALESCE(i.first_read, ''),
				COALESCE(i.revisits, 0) FROM articles a
			LEFT JOIN feed_items i ON i.feed = ? AND i.url_key = a.url_key
			WHERE a.url_key `+in+`
			UNION SELECT url_key, stamp, first_read, revisits FROM feed_items WHERE feed = ? AND url_key `+in), args...)
		if err := collectItems(rows, err, states); err != nil {
			return nil, fmt.Errorf("item stamps of %s: %w", feed, err)
		}
	}
	return states, nil
}

// collectItems adds rows of URL key, stamp, first reading and revisits to
// states, and closes them.
func collectItems(rows *sql.Rows, err error, states map[string]ItemState) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, read string
		var st ItemState
		if err := rows.Scan(&key, &st.Stamp, &read, &st.Revisits); err != nil {
			return err
		}
		st.Read, _ = time.Parse(time.RFC3339Nano, read) // "" when not known
		states[key] = st
	}
	return rows.Err()
}

// SaveItemStates remembers the states of feed's items by the URL keys of
// their links, in one transaction, replacing those remembered before.
func (s *DB) SaveItemStates(ctx context.Context, feed string, states map[string]ItemState) error {
	if len(states) == 0 {
		return nil
	}
	tx, err := s.sql.BeginTx(ctx, s.dialect.Write)
	if err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	defer tx.Rollback() // a no-op once committed
	st, err := tx.PrepareContext(ctx, s.q(`INSERT INTO feed_items (feed, url_key, stamp, first_read, revisits)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, url_key) DO UPDATE SET stamp = excluded.stamp,
		first_read = excluded.first_read, revisits = excluded.revisits`))
	if err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	defer st.Close()
	// In key order, so that two writers of one feed's rows (a lease run
	// out) cannot deadlock.
	for _, key := range slices.Sorted(maps.Keys(states)) {
		item := states[key]
		if _, err := st.ExecContext(ctx, feed, key, item.Stamp, stamp(item.Read), item.Revisits); err != nil {
			return fmt.Errorf("save item stamp %s of %s: %w", key, feed, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	return nil
}

// PendingItems returns the items of feed whose first reading is known and
// that have had fewer than revisits revisits, by URL key: those a poller
// may still have to read again.
func (s *DB) PendingItems(ctx context.Context, feed string, revisits int) (map[string]ItemState, error) {
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT url_key, stamp, first_read, revisits FROM feed_items
		WHERE feed = ? AND first_read <> '' AND revisits < ?`), feed, revisits)
	pending := make(map[string]ItemState)
	if err := collectItems(rows, err, pending); err != nil {
		return nil, fmt.Errorf("pending items of %s: %w", feed, err)
	}
	return pending, nil
}
