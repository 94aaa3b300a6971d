package main

import (
	"context"
	"flag"
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
	if strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://") {
		return postgres.Open(ctx, where)
	}
	return sqlite.Open(ctx, where)
}

// dbFlag is the --db flag of the commands that use the store.
func dbFlag(fs *flag.FlagSet, env *environment, p *string) {
	fs.StringVar(p, "db", envOr(env, "CORROBORATE_DB", defaultDB), "SQLite file, or postgres://… to share one store between processes")
}
