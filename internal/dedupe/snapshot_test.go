package dedupe

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
)

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
	data, err := half.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var restored Index
	if err := restored.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
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
