package main

import (
	"context"
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
