package eval

import (
	"math"
	"testing"
)

func TestSnippetScore(t *testing.T) {
	c := SnippetCase{With: []string{"bridge  reopened", "41 million"}, Without: []string{"Home", "Also read"}}
	var s SnippetScore
	s.Add(c, "The bridge\nreopened on Wednesday. Also read: more.")
	s.Add(c, "") // an empty result misses everything and finds no boilerplate
	want := SnippetScore{TP: 1, FN: 3, FP: 1, TN: 3}
	if s != want {
		t.Fatalf("score = %+v, want %+v", s, want)
	}
	for name, got := range map[string][2]float64{
		"precision": {s.Precision(), 0.5}, "recall": {s.Recall(), 0.25},
		"F1": {s.F1(), 2.0 / 6}, "accuracy": {s.Accuracy(), 0.5},
	} {
		if math.Abs(got[0]-got[1]) > 1e-9 {
			t.Errorf("%s = %.3f, want %.3f", name, got[0], got[1])
		}
	}
}

func TestMetadataScore(t *testing.T) {
	c := MetadataCase{Title: "How to Build a Terrarium | eHow", Byline: "By Lucy Akins", SiteName: "eHow", Published: "2015-07-10T09:53:00-04:00"}
	s := NewMetadataScore()
	s.Add(c, Metadata{Title: "How to build a terrarium", Byline: "Lucy Akins", SiteName: "eHow", Published: "2015-07-10"})
	s.Add(c, Metadata{Title: "Terrarium", Byline: "eHow staff", SiteName: "", Published: "2015-07-11"})
	s.Add(MetadataCase{}, Metadata{Title: "anything"}) // no expectations: not counted
	want := map[string][2]int{"title (exact)": {0, 2}, "title": {1, 2}, "byline (exact)": {1, 2}, "byline": {1, 2}, "site name": {1, 2}, "date": {1, 2}}
	for _, f := range s.Fields() {
		if got := [2]int{f.Matched, f.Total}; got != want[f.Name] {
			t.Errorf("%s = %v, want %v", f.Name, got, want[f.Name])
		}
	}
}
