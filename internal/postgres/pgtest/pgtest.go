// Package pgtest gives tests a PostgreSQL schema of their own, in the
// database CORROBORATE_TEST_POSTGRES names.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// DSN returns the address of a fresh schema, dropped when the test ends,
// so that tests never see each other's rows. Without
// CORROBORATE_TEST_POSTGRES the test skips, or fails under CI=true, which
// must test PostgreSQL.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("CORROBORATE_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CORROBORATE_TEST_POSTGRES is not set, and CI must test PostgreSQL")
		}
		t.Skip("no PostgreSQL: set CORROBORATE_TEST_POSTGRES=postgres://… to run these tests")
	}
	schema := fmt.Sprintf("t%d_%s", time.Now().UnixNano(), strings.ToLower(strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())))
	schema = schema[:min(len(schema), 60)]
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}
