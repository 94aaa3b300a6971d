package dedupe

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/text"
)

const base = `The city council voted on Tuesday to close the old ferry terminal after eighty years of service.
The vote passed seven to two after a debate that lasted more than three hours in the town hall.
Residents who use the ferry every day said they would now face a long drive around the bay to reach work.
The mayor said the savings would pay for new buses and a repaired harbour wall before the winter storms.
A petition to keep the terminal open gathered more than four thousand signatures in two weeks last month.`

const other = `The national football team lost its opening match of the tournament on Saturday evening in the capital.
The coach blamed the wet pitch and a late injury to the captain for the defeat in front of sixty thousand fans.
Supporters gathered outside the stadium after the final whistle to sing the anthem despite the loss.`

func sketch(s string) (Signature, int) { return Sketch(text.Analyze(s).Sentences) }

func TestSimilarity(t *testing.T) {
	a, _ := sketch(base)
	b, _ := sketch(base)
	c, _ := sketch(other)
	if got := Similarity(&a, &b); got != 1 {
		t.Errorf("identical texts: similarity %v, want 1", got)
	}
	if got := Similarity(&a, &c); got > 0.1 {
		t.Errorf("unrelated texts: similarity %v, want near 0", got)
	}
}

func TestIndex(t *testing.T) {
	edited := strings.Replace(base, "more than three hours", "nearly four hours", 1) +
		"\nThe terminal will close for good at the end of next month, officials confirmed on Wednesday."
	trimmed := base[:strings.LastIndex(base, "\n")]
	tests := []struct {
		name string
		item Item
		kind Kind
		of   string
	}{
		{"first article", Item{ID: "a", Outlet: "Gazette", URL: "https://gazette.example/ferry"}, Original, ""},
		{"unrelated", Item{ID: "b", Outlet: "Gazette"}, Original, ""},
		{"same outlet updated", Item{ID: "c", Outlet: "Gazette"}, Version, "a"},
		{"other outlet, same text", Item{ID: "d", Outlet: "Courier"}, Copy, "a"},
		{"other outlet, trimmed copy", Item{ID: "e", Outlet: "Post"}, Copy, "a"},
		{"same URL, new text", Item{ID: "f", Outlet: "Gazette", URL: "https://www.gazette.example/ferry/?utm=x"}, Version, "a"},
	}
	texts := map[string]string{"a": base, "b": other, "c": edited, "d": base, "e": trimmed, "f": other}
	ix := NewIndex()
	for _, tt := range tests {
		tt.item.Signature, tt.item.Shingles = sketch(texts[tt.item.ID])
		m := ix.Add(tt.item)
		if m.Kind != tt.kind || m.Of != tt.of {
			t.Errorf("%s: Add = %+v, want kind %d of %q", tt.name, m, tt.kind, tt.of)
		}
	}
}

func TestShortTextsAreNotCopies(t *testing.T) {
	ix := NewIndex()
	for _, id := range []string{"a", "b"} {
		sig, n := sketch("Markets fell on Monday.")
		if m := ix.Add(Item{ID: id, Signature: sig, Shingles: n}); m.Kind != Original {
			t.Errorf("%s: a one-line text matched as %+v", id, m)
		}
	}
}

func TestChanges(t *testing.T) {
	older := text.Analyze("The dam failed on Sunday. Twelve people died. Rescuers are searching.").Sentences
	newer := text.Analyze("The dam failed on Sunday morning. Fourteen people died, officials said. Rescuers are searching. An inquiry was promised.").Sentences
	added, removed := Changes(older, newer)
	if len(added) != 2 || added[1] != "An inquiry was promised." {
		t.Errorf("added = %q", added)
	}
	if len(removed) != 1 || removed[0] != "Twelve people died." {
		t.Errorf("removed = %q", removed)
	}
}
