// Package sqlite opens corroborate's embedded store: one SQLite file in WAL
// mode, through the pure-Go modernc.org/sqlite driver, so the binary builds
// anywhere without cgo.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/corroborate/corroborate/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating if need be) the store in the SQLite file at path.
// An empty path is refused: SQLite would open a temporary database that
// vanishes on close, losing every write it acknowledged.
func Open(ctx context.Context, path string) (*store.DB, error) {
	if path == "" {
		return nil, errors.New("open sqlite: no file named")
	}
	// WAL lets readers work while one writer writes; synchronous=FULL makes
	// every acknowledged commit survive a crash of the machine, not only of
	// the process; busy_timeout makes a second writer wait its turn.
	params := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(10000)", "foreign_keys(ON)"} {
		params.Add("_pragma", p)
	}
	params.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", fileURI(path)+"?"+params.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, db, store.Dialect{
		Name:        "sqlite",
		Migrations:  sub,
		Rebind:      func(q string) string { return q },
		Search:      `SELECT rowid AS seq, -rank AS rank FROM articles_fts WHERE articles_fts MATCH ?`,
		Index:       `INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq >= ?`,
		SearchTerms: searchTerms,
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// fileURI is path as an SQLite URI. The characters a URI reads ("%",
// "?", "#") are escaped: unescaped, "news#2.db" would open "news" with the
// pragmas above cut off as a fragment, WAL and synchronous=FULL among them.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// searchTerms quotes each word of a user's query for FTS5, so that no
// character of it is read as query syntax; the words must all match.
func searchTerms(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}
