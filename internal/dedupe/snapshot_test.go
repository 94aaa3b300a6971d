package dedupe

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// roundTrip encodes an index and decodes it into a new one.
func roundTrip(t *testing.T, x *Index) (*Index, []byte) {
	t.Helper()
	data, err := x.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var restored Index
	if err := restored.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	return &restored, data
}

func TestIndexSnapshot(t *testing.T) {
	edited := base + "\nThe terminal will close for good at the end of next month, officials confirmed."
	item := func(text, outlet, url string) Item {
		sig, n := sketch(text)
		return Item{Outlet: outlet, URL: url, Signature: sig, Shingles: n}
	}
	before := []Item{item(base, "Gazette", "https://gazette.example/ferry"), item(other, "Courier", "")}
	after := []Item{
		item(edited, "Gazette", ""),                             // a version, found through the bands
		item(base, "Post", ""),                                  // a copy
		item(other, "Gazette", "https://gazette.example/ferry"), // the same URL
	}
	straight, half := NewIndex(), NewIndex()
	for _, it := range before {
		straight.Add(it)
		half.Add(it)
	}
	restored, data := roundTrip(t, half)
	for i, it := range after {
		if got, want := restored.Add(it), straight.Add(it); got != want {
			t.Errorf("item %d: %+v after restore, %+v without", i, got, want)
		}
	}

	damage := []struct {
		name string
		edit func(*state)
	}{
		{"another version", func(s *state) { s.Version = 99 }},
		{"a root after its article", func(s *state) { s.Roots[0] = 1 }},
		{"a negative root", func(s *state) { s.Roots[1] = -1 }},
		{"fewer outlets than articles", func(s *state) { s.Outlets = s.Outlets[:1] }},
		{"a URL of no article", func(s *state) {
			for k := range s.URLs {
				s.URLs[k] = 7
			}
		}},
	}
	for _, tt := range damage {
		var st state
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
			t.Fatal(err)
		}
		tt.edit(&st)
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
			t.Fatal(err)
		}
		var x Index
		if err := x.UnmarshalBinary(buf.Bytes()); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	var x Index
	if err := x.UnmarshalBinary([]byte(strings.Repeat("x", 40))); err == nil {
		t.Error("garbage was accepted")
	}
}

// TestSnapshotAfterForgetting restores an index that has forgotten most
// of its articles: it must keep forgetting on the same clock and answer
// as the index that never stopped.
func TestSnapshotAfterForgetting(t *testing.T) {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(5, 6))
	baseSig, baseN := sketch(base)
	item := func(i int) Item {
		it := Item{Outlet: fmt.Sprint("Outlet ", i%7), Shingles: 100, Time: start.Add(time.Duration(i) * 2 * time.Hour)}
		if i%50 == 0 { // the same text now and then: copies while it is kept
			it.Outlet, it.Signature, it.Shingles = fmt.Sprint("Wire ", i), baseSig, baseN
			return it
		}
		for j := range it.Signature {
			it.Signature[j] = uint16(rng.Uint32())
		}
		if i%9 == 0 {
			it.URL = fmt.Sprintf("https://outlet.example/%d", i%40)
		}
		return it
	}
	straight, half := NewIndex(), NewIndex()
	straight.Retain(Retention)
	half.Retain(Retention)
	const before, after = 3000, 1500 // 250 days, then 125 more
	items := make([]Item, before+after)
	for i := range items {
		items[i] = item(i)
	}
	for _, it := range items[:before] {
		straight.Add(it)
		half.Add(it)
	}
	if half.forgotten < before/2 {
		t.Fatalf("only %d of %d articles forgotten", half.forgotten, before)
	}
	restored, data := roundTrip(t, half)
	kinds := map[Kind]int{}
	for i, it := range items[before:] {
		got, want := restored.Add(it), straight.Add(it)
		if got != want {
			t.Fatalf("item %d: %+v after restore, %+v without", before+i, got, want)
		}
		kinds[want.Kind]++
	}
	if kinds[Copy] == 0 || kinds[Version] == 0 || kinds[Original] == 0 {
		t.Errorf("the test stream made %v: want originals, versions and copies", kinds)
	}
	if restored.forgotten != straight.forgotten || restored.bands.used != straight.bands.used {
		t.Errorf("restored forgot %d (%d band entries), straight %d (%d)", restored.forgotten, restored.bands.used, straight.forgotten, straight.bands.used)
	}

	var st state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
		t.Fatal(err)
	}
	st.Forgotten++ // one signature too many for what it says it forgot
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
		t.Fatal(err)
	}
	var x Index
	if err := x.UnmarshalBinary(buf.Bytes()); err == nil {
		t.Error("a snapshot whose signatures do not match what it forgot was accepted")
	}
}
