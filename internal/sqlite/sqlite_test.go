package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
