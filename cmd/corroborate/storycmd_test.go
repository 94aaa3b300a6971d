package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/sqlite"
)

// storyOfArticle reads an article's story from the store at path.
func storyOfArticle(t *testing.T, path, article string) string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, err := db.Article(context.Background(), article)
	if err != nil {
		t.Fatal(err)
	}
	return a.StoryID
}

func TestStoryCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if code, stdout, stderr := runCLI(t, "", "ingest", "--db", db, examples); code != 0 {
		t.Fatalf("ingest: %d %s %s", code, stdout, stderr)
	}
	flood, rail := storyOfArticle(t, db, "courier-flood-1"), storyOfArticle(t, db, "ledger-rail-1")

	code, stdout, stderr := runCLI(t, "", "story", "merge", "--db", db, rail, flood)
	if want := "merged " + rail + " into " + flood + ", which holds 7 articles"; code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("story merge: %d %q %q; want %q", code, stdout, stderr, want)
	}
	if got := storyOfArticle(t, db, "post-rail-1"); got != flood {
		t.Errorf("after story merge post-rail-1 is in %s, want %s", got, flood)
	}

	code, stdout, stderr = runCLI(t, "", "story", "split", "--db", db, "--format", "json", flood, "ledger-rail-1", "post-rail-1")
	var split struct {
		Story    string
		NewStory string `json:"new_story"`
		Articles []string
	}
	if err := json.Unmarshal([]byte(stdout), &split); code != 0 || err != nil || split.Story != flood || split.NewStory != rail || len(split.Articles) != 2 {
		t.Fatalf("story split: %d %q %q (%v)", code, stdout, stderr, err)
	}
	if got := storyOfArticle(t, db, "post-rail-1"); got != rail {
		t.Errorf("after story split post-rail-1 is in %s, want %s", got, rail)
	}

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"story"}, 2, "Usage: corroborate story merge"},
		{[]string{"story", "rename"}, 2, "Usage: corroborate story merge"},
		{[]string{"story", "merge", "--db", db, flood}, 2, "Usage"},
		{[]string{"story", "split", "--db", db, flood}, 2, "Usage"},
		{[]string{"story", "merge", "--db", db, "--format", "xml", flood, rail}, 2, "Usage"},
		{[]string{"story", "merge", "--db", db, flood, flood}, 1, "cannot be merged with itself"},
		{[]string{"story", "merge", "--db", db, flood, "nope"}, 1, "story nope: not found"},
		{[]string{"story", "split", "--db", db, rail, "courier-flood-1"}, 1, "courier-flood-1 is in story " + flood},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, %q; want %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
		}
	}
}
