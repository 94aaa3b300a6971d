package sqlite

import (
	"context"
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
