package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// keysPerQuery bounds the placeholders of one lookup, well under what
// either database allows in a statement.
const keysPerQuery = 500

// ItemStamps reports which of keys (URL keys of a feed's item links) were
// read before, each with the stamp remembered for the item of feed that
// links there: a key an article is stored under ("" when no stamp is
// remembered), and a key with a stamp though no article holds it, whose
// page was stored under another address (a redirect, a canonical link)
// or refused. Other keys are left out. A feed's items are looked up in one
// query (a few for a feed of thousands).
func (s *DB) ItemStamps(ctx context.Context, feed string, keys []string) (map[string]string, error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	if len(keys) > 0 && keys[0] == "" {
		keys = keys[1:]
	}
	stamps := make(map[string]string)
	for chunk := range slices.Chunk(keys, keysPerQuery) {
		args := []any{feed}
		for _, k := range chunk {
			args = append(args, k)
		}
		args = append(args, args...) // for each half of the union
		in := `IN (?` + strings.Repeat(", ?", len(chunk)-1) + `)`
		// The halves agree on a key both hold: its stamp.
		rows, err := s.sql.QueryContext(ctx, s.q(`SELECT a.url_key, COALESCE(i.stamp, '') FROM articles a
			LEFT JOIN feed_items i ON i.feed = ? AND i.url_key = a.url_key
			WHERE a.url_key `+in+`
			UNION SELECT url_key, stamp FROM feed_items WHERE feed = ? AND url_key `+in), args...)
		if err != nil {
			return nil, fmt.Errorf("item stamps of %s: %w", feed, err)
		}
		for rows.Next() {
			var key, stamp string
			if err := rows.Scan(&key, &stamp); err != nil {
				rows.Close()
				return nil, fmt.Errorf("item stamps of %s: %w", feed, err)
			}
			stamps[key] = stamp
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("item stamps of %s: %w", feed, err)
		}
	}
	return stamps, nil
}

// SaveItemStamps remembers the stamps of feed's items by the URL keys of
// their links, in one transaction, replacing those remembered before.
func (s *DB) SaveItemStamps(ctx context.Context, feed string, stamps map[string]string) error {
	if len(stamps) == 0 {
		return nil
	}
	tx, err := s.sql.BeginTx(ctx, s.dialect.Write)
	if err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	defer tx.Rollback() // a no-op once committed
	st, err := tx.PrepareContext(ctx, s.q(`INSERT INTO feed_items (feed, url_key, stamp) VALUES (?, ?, ?)
		ON CONFLICT (feed, url_key) DO UPDATE SET stamp = excluded.stamp`))
	if err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	defer st.Close()
	// In key order, so that two writers of one feed's rows (a lease run
	// out) cannot deadlock.
	for _, key := range slices.Sorted(maps.Keys(stamps)) {
		if _, err := st.ExecContext(ctx, feed, key, stamps[key]); err != nil {
			return fmt.Errorf("save item stamp %s of %s: %w", key, feed, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save item stamps of %s: %w", feed, err)
	}
	return nil
}
