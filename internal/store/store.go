// Package store keeps articles and stories in a SQL database: the log of
// articles in arrival order, the stories they form, their analyses, and the
// state of polled feeds. One implementation serves SQLite and PostgreSQL;
// what differs between them is a Dialect, supplied by the sqlite and
// postgres packages.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Dialect is what one database does its own way.
type Dialect struct {
	Name string
	// Migrations holds numbered .sql files ("001_init.sql"), applied in order.
	Migrations fs.FS
	// Rebind turns the ? placeholders of a query into the dialect's own.
	Rebind func(query string) string
	// Lock, when set, is run first in every transaction that writes
	// articles, so that writers on several machines take turns.
	Lock string
	// Search selects (seq, rank) of articles matching a text query, best
	// first; its one placeholder is the query, as SearchTerms writes it.
	Search string
	// SearchTerms turns what a user typed into the dialect's query syntax.
	SearchTerms func(q string) string
	// Index, when set, is run at the end of every write transaction with
	// the seq of its first new article, to index the new articles for
	// search in one statement: SQLite's FTS5 flushes its index at each
	// statement that writes to it, so a trigger per row was the larger part
	// of an ingest's cost.
	Index string
	// Write opens transactions that will write: SQLite takes its write lock
	// up front, so readers never have to upgrade.
	Write *sql.TxOptions
}

// ErrNotFound is returned for an unknown story or article.
var ErrNotFound = errors.New("not found")

// ValidText reports whether both stores take s as text, in a row or a
// query: PostgreSQL refuses a NUL byte and bytes that are not UTF-8, which
// SQLite would keep.
func ValidText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// DB is a corroborate store.
type DB struct {
	sql     *sql.DB
	dialect Dialect
}

// Open wraps an open database, applying any migrations it lacks.
func Open(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{sql: db, dialect: d}
	if err := s.migrate(ctx); err != nil {
		return nil, fmt.Errorf("migrate %s store: %w", d.Name, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error { return s.sql.Close() }

// SQL returns the underlying database, for tests and tools.
func (s *DB) SQL() *sql.DB { return s.sql }

func (s *DB) q(query string) string { return s.dialect.Rebind(query) }

// migrate applies the numbered migrations not yet recorded, each in its own
// transaction, under the dialect's lock so that processes starting together
// do not race.
func (s *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(s.dialect.Migrations, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	if _, err := s.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	seen := make(map[int]string, len(names))
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", name)
		}
		// Two files of one number (branches that each added the next one)
		// would have the second taken as applied and silently skipped.
		if other, ok := seen[version]; ok {
			return fmt.Errorf("migrations %s and %s share the number %d", other, name, version)
		}
		seen[version] = name
		if err := s.apply(ctx, name, version); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) apply(ctx context.Context, name string, version int) error {
	body, err := fs.ReadFile(s.dialect.Migrations, name)
	if err != nil {
		return err
	}
	tx, err := s.sql.BeginTx(ctx, s.dialect.Write)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op once committed
	if s.dialect.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.Lock); err != nil {
			return err
		}
	}
	var done int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&done); err != nil {
		return err
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), version); err != nil {
		return err
	}
	return tx.Commit()
}
