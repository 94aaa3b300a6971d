package eval

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// smallSource is two stories of three long articles each, of 12 numbered
// sentences in paragraphs of perParagraph, so that every article's words
// are its own.
func smallSource(perParagraph int) *StreamSource {
	src := &StreamSource{}
	for s := range 2 {
		st := baseStory{label: fmt.Sprintf("story%d", s)}
		for m := range 3 {
			var paras []string
			for p := range 12 / perParagraph {
				var sents []string
				for i := range perParagraph {
					sents = append(sents, fmt.Sprintf("Sentence %d of paragraph %d tells the reader about story %d as article %d saw it.", i, p, s, m))
				}
				paras = append(paras, strings.Join(sents, " "))
			}
			st.articles = append(st.articles, &news.Article{Title: fmt.Sprintf("Story %d, article %d", s, m), Text: strings.Join(paras, "\n\n")})
		}
		src.stories = append(src.stories, st)
	}
	return src
}

func TestBuildLinkSet(t *testing.T) {
	set := BuildLinkSet(smallSource(4), 4, 7)
	byID := map[string]*news.Article{}
	for _, a := range set.Articles {
		byID[a.ID] = a
	}
	reals, made := 0, map[string]int{}
	for i, a := range set.Articles {
		truth := set.Truth[a.ID]
		if truth.Kind == "original" {
			if reals != i {
				t.Fatalf("real article %s after a made one", a.ID)
			}
			reals++
			continue
		}
		orig := byID[truth.Of]
		made[set.Derived[a.ID]]++
		sameOutlet, sameURL := a.Outlet == orig.Outlet, a.URL == orig.URL
		if sameOutlet != (truth.Kind == "version") {
			t.Errorf("%s, a %s of %s, is under %q, the original under %q", a.ID, truth.Kind, truth.Of, a.Outlet, orig.Outlet)
		}
		if sameURL && set.Derived[a.ID] != "same URL, 2 sentences added" {
			t.Errorf("%s (%s) keeps the original's URL", a.ID, set.Derived[a.ID])
		}
		if a.Text == "" || a.Title != orig.Title {
			t.Errorf("%s: text %q, title %q", a.ID, a.Text, a.Title)
		}
	}
	if reals != 6 {
		t.Errorf("%d real articles, want 6", reals)
	}
	for _, dv := range Derivations {
		if made[dv.Name] != 4 {
			t.Errorf("%d articles made as %q, want one for each of 4 originals", made[dv.Name], dv.Name)
		}
	}
	// Each copy under an outlet no other article has: one outlet's two
	// copies of one text, or of two close texts, would be its update.
	outlets := map[string]int{}
	for _, a := range set.Articles {
		outlets[a.Outlet]++
	}
	for _, a := range set.Articles {
		if set.Truth[a.ID].Kind == "copy" && outlets[a.Outlet] != 1 {
			t.Errorf("copy %s is under %s, as %d other articles are", a.ID, a.Outlet, outlets[a.Outlet]-1)
		}
	}
	if again := BuildLinkSet(smallSource(4), 4, 7); !reflect.DeepEqual(again, set) {
		t.Error("two link sets of one seed differ")
	}
}

// TestDerivationsChange: each derivation changes what it says it does,
// in paragraphs of several sentences and of one.
func TestDerivationsChange(t *testing.T) {
	for _, perParagraph := range []int{4, 1} {
		t.Run(fmt.Sprintf("%d a paragraph", perParagraph), func(t *testing.T) {
			testDerivationsChange(t, smallSource(perParagraph))
		})
	}
}

func testDerivationsChange(t *testing.T, src *StreamSource) {
	set := BuildLinkSet(src, 1, 3)
	var orig *news.Article
	for _, a := range set.Articles {
		if truth := set.Truth[a.ID]; truth.Kind != "original" {
			for _, b := range set.Articles {
				if b.ID == truth.Of {
					orig = b
				}
			}
			break
		}
	}
	sentences := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, p := range paragraphs(s) {
			for _, x := range p {
				out[x] = true
			}
		}
		return out
	}
	origSents := sentences(orig.Text)
	for _, a := range set.Articles {
		name := set.Derived[a.ID]
		if name == "" {
			continue
		}
		got := sentences(a.Text)
		kept, fresh := 0, 0
		for s := range got {
			if origSents[s] {
				kept++
			} else {
				fresh++
			}
		}
		switch name {
		case "verbatim":
			if a.Text != orig.Text {
				t.Errorf("verbatim copy differs:\n%s\n%s", a.Text, orig.Text)
			}
		case "last third cut":
			if kept != 8 || fresh != 0 {
				t.Errorf("%s: %d of 12 sentences kept, %d new; want 8 and none", name, kept, fresh)
			}
		case "same URL, 2 sentences added":
			if kept != 12 || fresh != 2 {
				t.Errorf("%s: %d kept, %d new; want 12 and 2", name, kept, fresh)
			}
		case "new URL, half rewritten":
			if kept != 6 || fresh == 0 {
				t.Errorf("%s: %d kept, %d new; want 6 and some", name, kept, fresh)
			}
		default:
			if fresh == 0 {
				t.Errorf("%s: nothing changed", name)
			}
		}
	}
}

func TestScoreLinks(t *testing.T) {
	set := &LinkSet{
		Articles: []*news.Article{{ID: "r1"}, {ID: "r2"}, {ID: "r3"}, {ID: "r4"}, {ID: "c1"}, {ID: "c2"}, {ID: "c3"}, {ID: "c4"}, {ID: "v1"}, {ID: "v2"}},
		Truth: map[string]Link{
			"r1": {Kind: "original"}, "r2": {Kind: "original"}, "r3": {Kind: "original"}, "r4": {Kind: "original"},
			"c1": {Kind: "copy", Of: "r1"}, "c2": {Kind: "copy", Of: "r2"}, "c3": {Kind: "copy", Of: "r1"}, "c4": {Kind: "copy", Of: "r3"},
			"v1": {Kind: "version", Of: "r1"}, "v2": {Kind: "version", Of: "r3"},
		},
		Derived: map[string]string{"c1": "verbatim", "c2": "verbatim", "c3": "verbatim", "c4": "verbatim", "v1": "new URL, half rewritten", "v2": "new URL, half rewritten"},
	}
	// r4 and c4 could not be read: neither is counted.
	found := map[string]Link{
		"r1": {Kind: "original"},
		"r2": {Kind: "copy", Of: "r1"}, // a real article linked: r2's copies name r1's group
		"r3": {Kind: "original"},
		"c1": {Kind: "copy", Of: "r1"},
		"c2": {Kind: "copy", Of: "r1"},    // the group of its original
		"c3": {Kind: "version", Of: "r1"}, // the other kind
		"v1": {Kind: "original"},
		"v2": {Kind: "version", Of: "r3"},
	}
	scores := ScoreLinks(set, found)
	if scores.Reals != 3 || scores.Unread != 2 || len(scores.RealLinks) != 1 || scores.RealLinks[0].Article != "r2" {
		t.Errorf("reals %d, unread %d, real links %+v; want 3, 2 and r2's", scores.Reals, scores.Unread, scores.RealLinks)
	}
	rows := map[string]LinkRow{}
	for _, r := range scores.Rows {
		rows[r.Derivation] = r
	}
	if r := rows["verbatim"]; r.Articles != 3 || r.Found != 2 || r.Wrong != 1 || r.Missed != 0 || len(r.NotFound) != 1 || r.NotFound[0].Article != "c3" {
		t.Errorf("verbatim row %+v; want 3 articles, 2 found, c3 the other kind", r)
	}
	if r := rows["new URL, half rewritten"]; r.Articles != 2 || r.Found != 1 || r.Missed != 1 || r.FoundShare != 0.5 {
		t.Errorf("rewritten row %+v; want 2 articles, 1 found, 1 missed", r)
	}
}
