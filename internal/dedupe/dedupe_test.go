package dedupe

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

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
		text string
		item Item
		kind Kind
		of   int
	}{
		{"first article", base, Item{Outlet: "Gazette", URL: "https://gazette.example/ferry"}, Original, -1},
		{"unrelated", other, Item{Outlet: "Gazette"}, Original, -1},
		{"same outlet updated", edited, Item{Outlet: "Gazette"}, Version, 0},
		{"other outlet, same text", base, Item{Outlet: "Courier"}, Copy, 0},
		{"other outlet, trimmed copy", trimmed, Item{Outlet: "Post"}, Copy, 0},
		{"same URL, new text", other, Item{Outlet: "Gazette", URL: "https://www.gazette.example/ferry/?utm_source=x&fbclid=y"}, Version, 0},
		{"unknown outlet, same text", base, Item{}, Copy, 0},
	}
	ix := NewIndex()
	for _, tt := range tests {
		tt.item.Signature, tt.item.Shingles = sketch(tt.text)
		m := ix.Add(tt.item)
		if m.Kind != tt.kind || m.Of != tt.of {
			t.Errorf("%s: Add = %+v, want kind %d of %d", tt.name, m, tt.kind, tt.of)
		}
	}
	if ix.Len() != len(tests) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(tests))
	}
}

// TestVersionOfCopy: an outlet that ran another's text as a copy, and
// then updated it, made a version of its copy: found by the copy's URL,
// by its text, or among the story's articles, the update names the copy,
// not the other outlet's original, whose versions are its own.
func TestVersionOfCopy(t *testing.T) {
	updated := base + "\nThe terminal will close for good at the end of next month, officials confirmed on Wednesday."
	sentences := strings.Split(base, "\n")
	rewrite := strings.Join(append(sentences[:2:2], strings.Split(other, "\n")...), "\n")
	var ix *Index
	add := func(text, outlet, url string) Match {
		sig, n := sketch(text)
		return ix.Add(Item{Outlet: outlet, URL: url, Signature: sig, Shingles: n})
	}
	// The wire's story, 0, and the Courier's copy of it, 1.
	start := func() {
		ix = NewIndex()
		add(base, "Wire", "https://wire.example/ferry")
		if m := add(base, "Courier", "https://courier.example/ferry"); m.Kind != Copy || m.Of != 0 {
			t.Fatalf("the Courier's copy: %+v", m)
		}
	}
	start()
	steps := []struct {
		name              string
		text, outlet, url string
		kind              Kind
		of                int
	}{
		{"the Courier's update at its URL", other, "Courier", "https://courier.example/ferry", Version, 1},
		{"the Courier's update by its text", updated, "Courier", "", Version, 1},
		{"the wire's own update", updated, "Wire", "https://wire.example/ferry", Version, 0},
		{"the Post copies the Courier's update", other, "Post", "", Copy, 0},
	}
	for _, st := range steps {
		if m := add(st.text, st.outlet, st.url); m.Kind != st.kind || m.Of != st.of {
			t.Errorf("%s: %+v, want kind %d of %d", st.name, m, st.kind, st.of)
		}
	}
	start()
	if m := add(rewrite, "Courier", ""); m.Kind != Original {
		t.Fatalf("the rewrite matched on its own: %+v", m)
	}
	if m := ix.Version(2, []int{0, 1}); m.Kind != Version || m.Of != 1 {
		t.Errorf("the Courier's rewrite among the story's articles: %+v, want a version of 1", m)
	}
	// A replay adopts it as it was found, and its versions follow.
	start()
	add(rewrite, "Courier", "")
	ix.Adopt(2, 1)
	if m := add(rewrite+"\nA footbridge opened on Friday.", "Courier", ""); m.Kind != Version || m.Of != 1 {
		t.Errorf("a version of the adopted rewrite: %+v, want a version of 1", m)
	}
}

func TestVersionAmong(t *testing.T) {
	// A heavy rewrite shares too little wording for the LSH bands, but is
	// found among the members of the story it joined.
	sentences := strings.Split(base, "\n")
	rewrite := strings.Join(append(sentences[:2:2], strings.Split(other, "\n")...), "\n")
	ix := NewIndex()
	add := func(text, outlet string) Match {
		sig, n := sketch(text)
		return ix.Add(Item{Outlet: outlet, Signature: sig, Shingles: n})
	}
	add(base, "Gazette")
	add(base, "Courier")
	if m := add(rewrite, "Gazette"); m.Kind != Original {
		t.Fatalf("rewrite matched on its own: %+v", m)
	}
	if m := ix.Version(2, []int{0, 1}); m.Kind != Version || m.Of != 0 {
		t.Errorf("Version = %+v, want a version of 0", m)
	}
	if m := ix.Version(1, []int{0}); m.Kind != Original {
		t.Errorf("a copy under another outlet became a version: %+v", m)
	}
}

func TestBandTable(t *testing.T) {
	// Keys lose their lowest bit (it marks a used slot), so the test keys
	// differ above it, as real band hashes do.
	var bt bandTable
	for i := range 5000 {
		bt.add(uint32(i%1000)<<1, int32(i))
	}
	var got []int32
	bt.each(7<<1, func(v int32) { got = append(got, v) })
	if len(got) != 5 || got[0]%1000 != 7 {
		t.Errorf("each(7) = %v, want the five values added under 7", got)
	}
	bt.each(123456<<1, func(v int32) { t.Errorf("unknown key gave %d", v) })
}

func TestBandTableRemove(t *testing.T) {
	// Few keys over a small table make long probe runs that wrap around,
	// where a removal must shift back the right entries and only those.
	rng := rand.New(rand.NewPCG(1, 2))
	var bt bandTable
	want := map[uint32][]int32{}
	for step := range 20000 {
		key := uint32(rng.IntN(300)) << 1
		if vals := want[key]; len(vals) > 0 && rng.IntN(2) == 0 {
			v := vals[rng.IntN(len(vals))]
			bt.remove(key, v)
			want[key] = slices.DeleteFunc(vals, func(x int32) bool { return x == v })
		} else {
			bt.add(key, int32(step))
			want[key] = append(want[key], int32(step))
		}
		if step%997 != 0 {
			continue
		}
		total := 0
		for k, vals := range want {
			var got []int32
			bt.each(k, func(v int32) { got = append(got, v) })
			slices.Sort(got)
			if !slices.Equal(got, vals) {
				t.Fatalf("step %d, key %d: each = %v, want %v", step, k, got, vals)
			}
			total += len(vals)
		}
		if bt.used != total {
			t.Fatalf("step %d: %d slots used, %d entries", step, bt.used, total)
		}
	}
	bt.remove(99999<<1, 1) // absent: nothing happens
}

func TestRetention(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	sig, n := sketch(base)
	otherSig, otherN := sketch(other)
	type add struct {
		outlet, url string
		text        bool // base, else other
		at          time.Time
		kind        Kind
	}
	tests := []struct {
		name    string
		keepAll bool
		adds    []add
	}{
		{"a copy within the month", false, []add{
			{"Gazette", "", true, day(0), Original},
			{"Courier", "", true, day(29), Copy},
		}},
		{"a copy after it", false, []add{
			{"Gazette", "", true, day(0), Original},
			{"Courier", "", false, day(31), Original},
			{"Post", "", true, day(31), Original},
		}},
		{"the clock is the latest date, not the article's", false, []add{
			{"Gazette", "", true, day(0), Original},
			{"Courier", "", false, day(40), Original},
			{"Post", "", true, day(5), Original},
		}},
		{"the same URL, however old", false, []add{
			{"Gazette", "https://gazette.example/ferry", true, day(0), Original},
			{"Courier", "", false, day(400), Original},
			{"Gazette", "https://gazette.example/ferry", false, day(400), Version},
		}},
		{"undated articles are kept while no date comes", false, []add{
			{"Gazette", "", true, time.Time{}, Original},
			{"Courier", "", false, time.Time{}, Original},
			{"Post", "", true, time.Time{}, Copy},
		}},
		{"undated articles count from the first date", false, []add{
			{"Gazette", "", true, time.Time{}, Original},
			{"Courier", "", false, day(100), Original},
			{"Post", "", true, day(129), Copy},
			{"Herald", "", true, day(131), Copy}, // a copy of Post's, still kept
		}},
		{"undated articles count from the first date, and go", false, []add{
			{"Gazette", "", true, time.Time{}, Original},
			{"Courier", "", false, day(100), Original},
			{"Post", "", true, day(131), Original},
		}},
		{"a batch keeps every signature", true, []add{
			{"Gazette", "", true, day(0), Original},
			{"Courier", "", false, day(400), Original},
			{"Post", "", true, day(0), Copy},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex()
			if !tt.keepAll {
				ix.Retain(Retention)
			}
			for i, a := range tt.adds {
				it := Item{Outlet: a.outlet, URL: a.url, Signature: otherSig, Shingles: otherN, Time: a.at}
				if a.text {
					it.Signature, it.Shingles = sig, n
				}
				if m := ix.Add(it); m.Kind != a.kind {
					t.Errorf("article %d: %+v, want kind %d", i, m, a.kind)
				}
			}
		})
	}
}

func TestRetentionFrees(t *testing.T) {
	// A year of articles, one an hour: the index keeps the signatures and
	// bands of the last month only.
	ix := NewIndex()
	ix.Retain(Retention)
	rng := rand.New(rand.NewPCG(3, 4))
	var sig Signature
	const n = 100
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	const articles = 365 * 24
	for i := range articles {
		for j := range sig {
			sig[j] = uint16(rng.Uint32()) // every article its own text
		}
		ix.Add(Item{Outlet: "Gazette", Signature: sig, Shingles: n, Time: start.Add(time.Duration(i) * time.Hour)})
	}
	kept := articles - ix.forgotten
	if want := 30*24 + 1; kept != want {
		t.Errorf("%d articles kept, want the last 30 days' %d", kept, want)
	}
	if ix.bands.used != kept*bands {
		t.Errorf("%d band entries for %d articles kept", ix.bands.used, kept)
	}
	if live := len(ix.sigs.blocks) - ix.sigs.freed; live*sigBlock > kept+2*sigBlock {
		t.Errorf("%d signature blocks live for %d articles kept", live, kept)
	}
	if ix.sig(0) != nil || ix.sig(articles-1) == nil {
		t.Error("sig: the first article is still there, or the last is gone")
	}
	if m := ix.Version(articles-1, []int{0, articles - 2}); m.Kind != Original {
		t.Errorf("Version found a forgotten article: %+v", m)
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

// TestChangesOfFiguresAndNegations: a light edit that changes a figure or
// turns a statement round is a change; one that rewords is not.
func TestChangesOfFiguresAndNegations(t *testing.T) {
	tests := []struct {
		older, newer string
		changed      bool
	}{
		{"At least 12 people died when the dam above the town failed on Sunday.", "At least 15 people died when the dam above the town failed on Sunday.", true},
		{"The repairs will cost about 12 million dollars, the city council said.", "The repairs will cost about 12 billion dollars, the city council said.", true},
		{"The minister said on Monday that she would resign before the vote.", "The minister said on Monday that she would not resign before the vote.", true},
		{"The minister said she would resign before the vote on the budget.", "The minister said she wouldn't resign before the vote on the budget.", true},
		{"Le ministre a dit lundi qu'il démissionnerait avant le vote du budget.", "Le ministre a dit lundi qu'il ne démissionnerait pas avant le vote du budget.", true},
		{"At least 12 people died when the dam above the town failed on Sunday.", "At least 12 people died on Sunday when the dam above the town failed.", false},
		{"Rescuers searched the flooded streets of the town through the night.", "Rescuers searched the town's flooded streets through the night.", false},
	}
	for _, tt := range tests {
		added, removed := Changes(text.Analyze(tt.older).Sentences, text.Analyze(tt.newer).Sentences)
		if changed := len(added) == 1 && len(removed) == 1; changed != tt.changed || (!changed && len(added)+len(removed) != 0) {
			t.Errorf("%q → %q: added %q, removed %q; want changed %v", tt.older, tt.newer, added, removed, tt.changed)
		}
	}
}
