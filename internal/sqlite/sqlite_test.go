package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/corroborate/corroborate/internal/store"
	"github.com/corroborate/corroborate/internal/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.DB {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "corroborate.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// TestReopen checks that migrations run once and data outlives the process's
// handle on the file.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corroborate.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddFeeds(ctx, []string{"https://a.example/feed"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 {
		t.Errorf("after reopening: %+v, %v", feeds, err)
	}
}

func TestSearchTerms(t *testing.T) {
	for in, want := range map[string]string{"flooded valley": `"flooded" "valley"`, `a"b OR*`: `"a" "b" "OR"`, "  ": ""} {
		if got := searchTerms(in); got != want {
			t.Errorf("searchTerms(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenPath checks that the file opened is the one named, whatever
// characters its name holds, with the pragmas that make writes durable,
// and that no name opens a throwaway database.
func TestOpenPath(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"corroborate.db", "news#2.db", "what?.db", "100%.db", "a%20b.db", "with space.db"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(ctx, filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var mode string
			var sync int
			if err := s.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if err := s.SQL().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
				t.Fatal(err)
			}
			if mode != "wal" || sync != 2 {
				t.Errorf("journal_mode %s, synchronous %d; want wal, 2 (FULL)", mode, sync)
			}
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("no file under the name given: %v", err)
			}
		})
	}
	if s, err := Open(ctx, ""); err == nil {
		s.Close()
		t.Error(`Open("") opened a temporary database`)
	}
}

// TestMigrationNumbersUnique: two migrations of one number are refused by
// name, where the second would have been taken as applied and skipped.
func TestMigrationNumbersUnique(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files := fstest.MapFS{
		"001_init.sql":  {Data: []byte("CREATE TABLE a (x INTEGER);")},
		"002_one.sql":   {Data: []byte("CREATE TABLE b (x INTEGER);")},
		"002_other.sql": {Data: []byte("CREATE TABLE c (x INTEGER);")},
	}
	_, err = store.Open(context.Background(), db, store.Dialect{Name: "sqlite", Migrations: files, Rebind: func(q string) string { return q }})
	if err == nil || !strings.Contains(err.Error(), "002_one.sql and 002_other.sql share the number 2") {
		t.Errorf("Open with two migrations numbered 2: %v", err)
	}
}

// TestUpgradeKeepsEdits opens a store that the migrations before 008 made
// and an editor's merge is in: after the upgrade the merge reads as an
// editor's (not automatic), and Retired finds it.
func TestUpgradeKeepsEdits(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	before := fstest.MapFS{}
	names, err := fs.Glob(sub, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name < "008" {
			data, err := fs.ReadFile(sub, name)
			if err != nil {
				t.Fatal(err)
			}
			before[name] = &fstest.MapFile{Data: data}
		}
	}
	raw, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	old, err := store.Open(ctx, raw, store.Dialect{Name: "sqlite", Migrations: before, Rebind: func(q string) string { return q }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO edits (after_seq, kind, story, other, articles, result, created_at)
		VALUES (0, 'merge', 's1', 's2', 'null', 's1', '2026-11-24T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if e, err := s.Retired(ctx, "s2"); err != nil || e.Automatic || e.Result != "s1" {
		t.Errorf("Retired(s2) after the upgrade = %+v, %v; want the editor's merge into s1", e, err)
	}
}
