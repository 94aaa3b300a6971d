// Package postgres opens corroborate's shared store: a PostgreSQL database
// that several processes on several machines can write to, taking turns
// under an advisory lock.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/corroborate/corroborate/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// lockKey names corroborate's advisory lock; any constant would do, as long
// as every process uses the same one.
const lockKey = 7263_0001

// Open connects to the database at dsn ("postgres://…").
func Open(ctx context.Context, dsn string) (*store.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, db, store.Dialect{
		Name:        "postgres",
		Migrations:  sub,
		Rebind:      rebind,
		Lock:        "SELECT pg_advisory_xact_lock(" + strconv.Itoa(lockKey) + ")",
		Search:      `SELECT seq, ts_rank(search, query) AS rank FROM articles, websearch_to_tsquery('english', ?) query WHERE search @@ query`,
		SearchTerms: strings.TrimSpace,
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// rebind numbers ? placeholders as $1, $2 …; the queries hold no literal
// question marks.
func rebind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
