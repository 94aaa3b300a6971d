package pipeline

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/news"
)

func prepareAll(t *testing.T, articles []*news.Article) []*Prepared {
	t.Helper()
	out := make([]*Prepared, len(articles))
	for i, a := range articles {
		p, err := Prepare(*a)
		if err != nil {
			t.Fatalf("prepare %s: %v", a.ID, err)
		}
		out[i] = p
	}
	return out
}

// stories lists an engine's stories as sorted member lists, for comparing
// two runs whatever the story IDs.
func stories(e *Engine) [][]string {
	var out [][]string
	for _, s := range e.Stories() {
		out = append(out, slices.Sorted(slices.Values(s.Members)))
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func TestEngineOneAtATime(t *testing.T) {
	e := NewEngine(cluster.DefaultOptions())
	placed := map[string]Placement{}
	for _, p := range prepareAll(t, readExamples(t)) {
		pl := e.Add(p)
		placed[pl.Article] = pl
		if got, _ := e.StoryOf(pl.Article); got != pl.Story {
			t.Errorf("%s: StoryOf = %s, Add said %s", pl.Article, got, pl.Story)
		}
	}
	if v := placed["courier-flood-2"]; v.Relation != Version || v.Of != "courier-flood-1" {
		t.Errorf("courier-flood-2: %+v, want a version of courier-flood-1", v)
	}
	// The copy read first counts as the original online; the batch report
	// later credits the wire (TestAnalyzeExamples).
	if c := placed["northwind-wire"]; c.Relation != Copy || c.Of != "harbor-daily-wire-copy" || c.Story != placed[c.Of].Story {
		t.Errorf("northwind-wire: %+v, want a copy of harbor-daily-wire-copy in its story", c)
	}
	if n := len(e.Stories()); n != 3 {
		t.Errorf("%d stories, want 3 (flood, rail strike, chess)", n)
	}
	again := e.Add(prepareAll(t, readExamples(t)[:1])[0])
	if !again.Repeat || again.Story != placed[again.Article].Story {
		t.Errorf("adding an article twice: %+v", again)
	}
}

func TestEngineSnapshot(t *testing.T) {
	prepared := prepareAll(t, readExamples(t))
	straight := NewEngine(cluster.DefaultOptions())
	for _, p := range prepared {
		straight.Add(p)
	}
	half := NewEngine(cluster.DefaultOptions())
	for _, p := range prepared[:len(prepared)/2] {
		half.Add(p)
	}
	var buf bytes.Buffer
	if err := half.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	restored, err := RestoreEngine(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prepared[len(prepared)/2:] {
		restored.Add(p)
	}
	if got, want := stories(restored), stories(straight); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("after a snapshot and restore: %v, want %v", got, want)
	}
	for _, bad := range []string{"", "not a snapshot", snapshotMagic + "garbage"} {
		if _, err := RestoreEngine(strings.NewReader(bad)); err == nil {
			t.Errorf("RestoreEngine(%q) accepted it", bad)
		}
	}
	if _, err := RestoreEngine(strings.NewReader("nope")); !errors.Is(err, ErrSnapshot) {
		t.Errorf("a wrong file: %v, want ErrSnapshot", err)
	}
}

func TestEngineSplitAndMerge(t *testing.T) {
	prepared := prepareAll(t, readExamples(t))
	e := NewEngine(cluster.DefaultOptions())
	byID := map[string]*Prepared{}
	for _, p := range prepared {
		e.Add(p)
		byID[p.Article().ID] = p
	}
	flood, _ := e.StoryOf("courier-flood-1")
	var stay, move []*Prepared
	for _, s := range e.Stories() {
		if s.ID != flood {
			continue
		}
		for _, id := range s.Members {
			if id == "eastgate-post-flood" {
				move = append(move, byID[id])
			} else {
				stay = append(stay, byID[id])
			}
		}
	}
	split, err := e.Split(flood, stay, move)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.StoryOf("eastgate-post-flood"); got != split || split == flood {
		t.Errorf("after Split the moved article is in %s, want the new story %s", got, split)
	}
	if got, _ := e.StoryOf("courier-flood-1"); got != flood {
		t.Errorf("the story's first article moved to %s", got)
	}
	if _, err := e.Split(flood, stay, nil); err == nil {
		t.Error("a split with nothing to move was accepted")
	}
	merged, err := e.Merge(split, flood)
	if err != nil || merged != flood {
		t.Errorf("Merge = %s, %v; want the older story %s", merged, err, flood)
	}
	if got, _ := e.Resolve(split); got != flood {
		t.Errorf("Resolve(%s) = %s after the merge, want %s", split, got, flood)
	}
}
