package eval

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	gold := []string{"a", "a", "a", "b", "b", "c"}
	tests := []struct {
		name         string
		pred         []string
		p, r, f, acc float64
		nmi, ari     float64
	}{
		{"perfect", []string{"x", "x", "x", "y", "y", "z"}, 1, 1, 1, 1, 1, 1},
		{"all in one", []string{"x", "x", "x", "x", "x", "x"}, (9 + 4 + 1) / 36.0, 1, 0, 0.5, 0, 0},
		{"all apart", []string{"1", "2", "3", "4", "5", "6"}, 1, (3*(1/3.0) + 2*(1/2.0) + 1) / 6, 0, 0.5, 0, 0},
	}
	for _, tt := range tests {
		s := Score(gold, tt.pred)
		tt.f = harmonic(tt.p, tt.r)
		if !near(s.BCubedP, tt.p) || !near(s.BCubedR, tt.r) || !near(s.BCubedF1, tt.f) || !near(s.Accuracy, tt.acc) {
			t.Errorf("%s: P %v R %v F %v acc %v; want %v %v %v %v", tt.name, s.BCubedP, s.BCubedR, s.BCubedF1, s.Accuracy, tt.p, tt.r, tt.f, tt.acc)
		}
		if tt.name == "perfect" && (!near(s.NMI, 1) || !near(s.ARI, 1)) {
			t.Errorf("perfect: NMI %v ARI %v, want 1", s.NMI, s.ARI)
		}
		if tt.name == "all in one" && (!near(s.NMI, 0) || !near(s.ARI, 0)) {
			t.Errorf("all in one: NMI %v ARI %v, want 0", s.NMI, s.ARI)
		}
	}
}

func TestHungarian(t *testing.T) {
	// Two predicted clusters both overlap gold "a" most; the best one-to-one
	// matching must give the second to "b".
	gold := []string{"a", "a", "a", "a", "b", "b"}
	pred := []string{"x", "x", "x", "y", "y", "y"}
	if s := Score(gold, pred); !near(s.Accuracy, 5/6.0) {
		t.Errorf("accuracy %v, want 5/6", s.Accuracy)
	}
}

func TestParsePyStrings(t *testing.T) {
	in := `['It\'s one \n two', "say \"hi\"", 'caf\xe9 \u2014 done']`
	want := []string{"It's one \n two", `say "hi"`, "café — done"}
	got, err := parsePyStrings(in)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parsePyStrings = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{`['open`, `[1, 2]`, `not a list`} {
		if _, err := parsePyStrings(bad); err == nil {
			t.Errorf("parsePyStrings(%q) accepted bad input", bad)
		}
	}
}

func TestWikiRefLabel(t *testing.T) {
	for name, want := range map[string]string{"michelle.obama.98.txt": "michelle.obama", "ParisAttacks2015 (9).txt": "ParisAttacks2015", "U2.txt": "U2"} {
		if got := wikiRefLabel.FindStringSubmatch(name)[1]; got != want {
			t.Errorf("label of %q = %q, want %q", name, got, want)
		}
	}
}

// TestDatasets loads each public set where it is present beside the
// checkout, and checks its size against its README.
func TestDatasets(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("public data sets not found at %s", data)
	}
	tests := []struct {
		name, path     string
		articles, gold int
	}{
		{"multinews", "multinews-validation", 690, 250},
		{"allsides", "neus-allsides-dev", 921, 307},
		{"wikiref", "wikiref220", 220, 16},
		{"googlenews-ts", "googlenews-gsdmm", 11109, 152},
	}
	for _, tt := range tests {
		articles, err := Load(tt.name, filepath.Join(data, tt.path))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		stories := map[string]bool{}
		for _, a := range articles {
			stories[a.Story] = true
		}
		if len(articles) != tt.articles || len(stories) != tt.gold {
			t.Errorf("%s: %d articles in %d stories, want %d in %d", tt.name, len(articles), len(stories), tt.articles, tt.gold)
		}
	}
}

func TestStream(t *testing.T) {
	src, err := LoadStreamSource(filepath.Join("..", "..", "..", "shared", "data"))
	if err != nil {
		t.Skipf("public data sets not found: %v", err)
	}
	// A base story never mixes NeuS splits: train and val both number
	// their stories from 1.
	for _, st := range src.stories {
		var split string
		for _, a := range st.articles {
			f := filepath.Base(a.Source)
			if !strings.Contains(f, ".source:") && !strings.Contains(f, ".target:") {
				continue
			}
			f, _, _ = strings.Cut(f, ".")
			if split != "" && f != split {
				t.Fatalf("story %s mixes %s and %s", st.label, split, a.Source)
			}
			split = f
		}
	}
	const n = 3000
	var first, again []*news.Article
	for a := range src.Stream(n, 7) {
		first = append(first, a)
	}
	for a := range src.Stream(n, 7) {
		again = append(again, a)
	}
	if len(first) != n {
		t.Fatalf("%d articles, want %d", len(first), n)
	}
	texts := map[string]int{}
	for i, a := range first {
		if i > 0 && a.Published.Before(first[i-1].Published.Time) {
			t.Fatalf("article %d comes before the one ahead of it", i)
		}
		if a.Text != again[i].Text || a.Story != again[i].Story {
			t.Fatalf("article %d differs between two streams of the same seed", i)
		}
		if a.Story == "" || a.Text == "" || a.Outlet == "" {
			t.Fatalf("article %d lacks a story, text or outlet: %+v", i, a)
		}
		texts[a.Text]++
	}
	// Only real articles that are themselves repeated (archive notices in
	// Multi-News) may come twice.
	if len(texts) < n*99/100 {
		t.Errorf("%d distinct texts in %d articles", len(texts), n)
	}
}

// TestWebPages reads pages in the trafilatura benchmark's layout, each
// its own story named by its URL.
func TestWebPages(t *testing.T) {
	articles, err := Load("web-pages", filepath.Join("testdata", "web-pages"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"https://example.org/fr/pont": "Le viaduc de Gênes s'effondre",
		"https://example.org/de/wahl": "Die Wahl in Hamburg",
	}
	if len(articles) != len(want) {
		t.Fatalf("%d articles, want %d", len(articles), len(want))
	}
	for _, a := range articles {
		if title, ok := want[a.Story]; !ok || a.Title != title || a.URL != a.Story || a.Text == "" {
			t.Errorf("article %+v: want story and URL one of %v, its title, and text", a, want)
		}
	}
}

// denseMatching is the best matching over one square table of all
// stories, as bestMatching solved it before it split the table: the
// reference its parts must add up to.
func denseMatching(joint map[[2]int]int, gk, pk int) int {
	size := max(gk, pk)
	cost, overlap := make([][]int, size), make([][]int, size)
	for i := range cost {
		cost[i], overlap[i] = make([]int, size), make([]int, size)
	}
	for cell, c := range joint {
		overlap[cell[0]][cell[1]] = c
	}
	for i := range cost {
		for j := range cost[i] {
			cost[i][j] = -overlap[i][j]
		}
	}
	total := 0
	for i, j := range hungarian(cost) {
		total += overlap[i][j]
	}
	return total
}

func TestBestMatchingByParts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	for range 500 {
		gk, pk := 1+r.IntN(12), 1+r.IntN(12)
		joint := map[[2]int]int{}
		for range r.IntN(60) + 1 {
			joint[[2]int{r.IntN(gk), r.IntN(pk)}]++
		}
		if got, want := bestMatching(joint, gk, pk), denseMatching(joint, gk, pk); got != want {
			t.Fatalf("table %v (%d gold, %d predicted): matched %d, want %d", joint, gk, pk, got, want)
		}
	}
}
