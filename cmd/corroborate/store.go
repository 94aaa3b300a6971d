package main

import (
	"context"
	"errors"
	"flag"
	"net/url"
	"strings"

	"github.com/corroborate/corroborate/internal/postgres"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/store"
)

// defaultDB is the embedded store's file, in the working folder.
const defaultDB = "corroborate.db"

// openStore opens PostgreSQL for a postgres:// address, else the SQLite
// file at the path.
func openStore(ctx context.Context, where string) (*store.DB, error) {
	if isPostgres(where) {
		return postgres.Open(ctx, where)
	}
	if where == "" {
		return nil, errors.New("--db is empty: name an SQLite file or a postgres:// address")
	}
	return sqlite.Open(ctx, where)
}

func isPostgres(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// storeName is where the store is, to print: a PostgreSQL address without
// its password, which a log is no place for.
func storeName(where string) string {
	if !isPostgres(where) {
		return where
	}
	u, err := url.Parse(where)
	if err != nil {
		return "postgres://…" // unparsable: pgx will say why, without it
	}
	if pw, ok := u.Query()["password"]; ok && len(pw) > 0 {
		q := u.Query()
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// dbFlag is the --db flag of the commands that use the store.
func dbFlag(fs *flag.FlagSet, env *environment, p *string) {
	fs.StringVar(p, "db", envOr(env, "CORROBORATE_DB", defaultDB), "SQLite file, or postgres://… to share one store between processes")
}
