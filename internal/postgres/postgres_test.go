package postgres

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/store"
	"github.com/corroborate/corroborate/internal/store/storetest"
)

// testDSN names a PostgreSQL database the tests may fill and empty. CI
// starts one; elsewhere the tests skip unless it is set.
func testDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("CORROBORATE_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CORROBORATE_TEST_POSTGRES is not set, and CI must test PostgreSQL")
		}
		t.Skip("no PostgreSQL: set CORROBORATE_TEST_POSTGRES=postgres://… to run these tests")
	}
	return dsn
}

// fresh gives each test its own schema, so tests never see each other's rows.
func fresh(t *testing.T) *store.DB {
	dsn := testDSN(t)
	schema := fmt.Sprintf("t%d_%s", time.Now().UnixNano(), strings.ToLower(strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())))
	schema = schema[:min(len(schema), 60)]
	ctx := context.Background()
	admin, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.SQL().ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.SQL().ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := Open(ctx, dsn+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, fresh)
}

func TestRebind(t *testing.T) {
	if got := rebind("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Errorf("rebind = %q", got)
	}
}
