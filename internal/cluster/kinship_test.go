package cluster

import (
	"math"
	"slices"
	"testing"
)

// unit builds a unit vector with equal weight on the given terms.
func unit(keys ...uint32) vector {
	v := make(vector, len(keys))
	for i, k := range keys {
		v[i] = term{k, 1}
	}
	normalize(v)
	return v
}

// cosine of two vectors sorted by term ID.
func cosine(a, b vector) float64 { return dot(a, b) / (norm(a) * norm(b)) }

// event is an article of one event on a shared topic: the topic's terms,
// the event's, and one of its own.
func event(topic, ev, own uint32) vector {
	return unit(topic, topic+1, topic+2, topic+3, ev, ev+1, ev+2, ev+3, ev+4, ev+5, own, own+1)
}

const hour = 3600

func TestCohesionReadsTheMembers(t *testing.T) {
	tests := []struct {
		name string
		arts []vector
		at   []int64 // arrival times, Unix seconds
	}{
		{"two alike", []vector{unit(1, 2, 3), unit(1, 2, 4)}, []int64{hour, hour}},
		{"three of one event", []vector{event(1, 10, 100), event(1, 10, 200), event(1, 10, 300)}, []int64{hour, 2 * hour, 3 * hour}},
		{"older articles fade", []vector{unit(1, 2), unit(1, 3), unit(2, 3, 4), unit(1, 2, 3)}, []int64{hour, 20 * hour, 40 * hour, 70 * hour}},
		{"nothing shared", []vector{unit(1, 2), unit(3, 4)}, []int64{hour, hour}},
	}
	halfLife := 24.0 * hour
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s story
			var work, made []term
			for i, v := range tt.arts {
				s.add(v, tt.at[i], halfLife, &work, &made)
			}
			// The weighted mean cosine over pairs, each article weighing
			// what ageing left of it by the latest time.
			latest := tt.at[len(tt.at)-1]
			var sum, weights float64
			for i := range tt.arts {
				for j := i + 1; j < len(tt.arts); j++ {
					w := math.Exp2(-float64(2*latest-tt.at[i]-tt.at[j]) / halfLife)
					sum += w * cosine(tt.arts[i], tt.arts[j])
					weights += w
				}
			}
			if got, ok := s.cohesion(); !ok || math.Abs(got-sum/weights) > 1e-5 {
				want := sum / weights
				t.Errorf("cohesion = %.6f (%v), want %.6f", got, ok, want)
			}
		})
	}
}

// TestCohesionOfAFadedPair checks that a story whose older article has all
// but faded from the centroid reads as a story of one text: the pairs'
// weight is then below the float32 centroid's rounding, and the cohesion
// read off it is noise, above 1 or below -1.
func TestCohesionOfAFadedPair(t *testing.T) {
	halfLife := 24.0 * hour
	for _, tt := range []struct {
		halfLives int64
		ok        bool
	}{{10, true}, {16, true}, {18, false}, {24, false}, {26, false}} {
		var s story
		var work, sum []term
		s.add(event(1, 10, 100), hour, halfLife, &work, &sum)
		s.add(event(1, 10, 200), hour+tt.halfLives*int64(halfLife), halfLife, &work, &sum)
		got, ok := s.cohesion()
		if ok != tt.ok || ok && math.Abs(got-cosine(event(1, 10, 100), event(1, 10, 200))) > 1e-3 {
			t.Errorf("after %d half-lives: cohesion = %.4f (%v), want a reading: %v", tt.halfLives, got, ok, tt.ok)
		}
	}
}

func TestAkin(t *testing.T) {
	var work, sum []term
	build := func(at int64, arts ...vector) *story {
		s := &story{}
		for _, v := range arts {
			s.add(v, at, 0, &work, &sum)
		}
		return s
	}
	// Two events on one topic: each story tight, the two alike only in
	// the topic's terms. Their centroid cosine is above the merge
	// threshold all the same.
	quake := func(at int64) *story { return build(at, event(1, 10, 100), event(1, 10, 200), event(1, 10, 300)) }
	flood := func(at int64) *story { return build(at, event(1, 20, 400), event(1, 20, 500), event(1, 20, 600)) }
	quakeLater := func(at int64) *story { return build(at, event(1, 10, 700), event(1, 10, 800)) }
	tests := []struct {
		name string
		a, b *story
		want bool
	}{
		{"two dated events on one topic", quake(hour), flood(hour), false},
		{"two dated halves of one event", quake(hour), quakeLater(hour), true},
		{"undated: order says nothing", quake(0), flood(0), true},
		{"one of them undated", quake(hour), flood(0), true},
		{"one dated article of another event", quake(hour), build(hour, event(1, 20, 400)), false},
		{"one dated article of the same event", quake(hour), build(hour, event(1, 10, 400)), true},
		{"one undated article of another event", quake(0), build(0, event(1, 20, 400)), true},
		{"two stories of one article", build(hour, event(1, 10, 100)), build(hour, event(1, 20, 400)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dot := dot(tt.a.centroid, tt.b.centroid)
			if got := akin(tt.a, tt.b, dot); got != tt.want {
				k, _ := kinship(tt.a, tt.b, dot)
				t.Errorf("akin = %v (kinship %.2f), want %v", got, k, tt.want)
			}
		})
	}
	if cos := cosine(quake(hour).centroid, flood(hour).centroid); cos < DefaultOptions().MergeThreshold {
		t.Errorf("the two events' centroid cosine %.2f is below the merge threshold: the test shows nothing", cos)
	}
}

func TestAkinTo(t *testing.T) {
	var work, sum []term
	build := func(arts ...vector) story {
		var s story
		for _, v := range arts {
			s.add(v, 0, 0, &work, &sum)
		}
		return s
	}
	quake := build(event(1, 10, 100), event(1, 10, 200), event(1, 10, 300))
	topic := build(event(1, 10, 100), event(1, 20, 200), event(1, 30, 300))
	tests := []struct {
		name    string
		story   story
		article vector
		want    bool
	}{
		{"a tight event turns away another event of its topic", quake, event(1, 40, 400), false},
		{"a tight event takes in its own", quake, event(1, 10, 400), true},
		{"a loose topic takes in its topic", topic, event(1, 40, 400), true},
		{"a story of one article takes in what clears the threshold", build(event(1, 10, 100)), event(1, 40, 400), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultOptions())
			c.stories = []story{tt.story}
			sim := dot(tt.article, tt.story.centroid) / tt.story.norm
			if sim < c.opts.Threshold {
				t.Fatalf("similarity %.2f is below the threshold: the test shows nothing", sim)
			}
			if got := c.akinTo(0, sim, 0); got != tt.want {
				t.Errorf("akinTo = %v at similarity %.2f, want %v", got, sim, tt.want)
			}
		})
	}
}

func TestRepeatsStayOutOfTheCentroid(t *testing.T) {
	// A wire report, three copies of it, then another outlet's report of
	// the same event in its own words. Counted in the centroid, the copies
	// make the story seem so alike within that the other report is turned
	// away.
	wire := terms(append(span(1, 8), span(100, 111)...)...)
	own := terms(append(span(1, 8), span(200, 211)...)...)
	run := func(repeats bool) bool {
		opts := DefaultOptions()
		opts.ClearThreshold, opts.MergeThreshold = 0, 0
		c := New(opts)
		c.Add(Doc{ID: "wire", Terms: wire})
		for _, id := range []string{"copy1", "copy2", "copy3"} {
			c.Add(Doc{ID: id, Terms: wire, Join: "wire", Repeats: repeats})
		}
		if s := c.stories[0]; s.size != 4 {
			t.Fatalf("the story holds %d articles, want 4", s.size)
		}
		return c.Add(Doc{ID: "own", Terms: own}).Story == storyID("wire")
	}
	if !run(true) {
		t.Error("copies kept out of the centroid still turned away the other outlet's report")
	}
	if run(false) {
		t.Error("counted in the centroid, the copies did not turn it away: the test shows nothing")
	}
}

// TestSplitLeavesRepeatsOutOfTheCentroid checks that a split weighs a
// part's versions and copies as Add did, out of its centroid, unless the
// part holds nothing else.
func TestSplitLeavesRepeatsOutOfTheCentroid(t *testing.T) {
	wire := terms(append(span(1, 8), span(100, 111)...)...)
	own := terms(append(span(1, 8), span(200, 211)...)...)
	docs := []Doc{
		{ID: "wire", Terms: wire},
		{ID: "copy1", Terms: wire, Join: "wire", Repeats: true},
		{ID: "copy2", Terms: wire, Join: "wire", Repeats: true},
		{ID: "own", Terms: own, Join: "wire"},
	}
	tests := []struct {
		name          string
		move          []string
		stayed, moved float64 // the parts' masses
	}{
		{"the original keeps its copies", []string{"own"}, 1, 1},
		{"copies moved alone enter their centroid", []string{"copy1", "copy2"}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultOptions())
			for _, d := range docs {
				c.Add(d)
			}
			if s := c.stories[0]; s.size != 4 || s.mass != 2 {
				t.Fatalf("before the split: %d articles, mass %g; want 4 and 2", s.size, s.mass)
			}
			var stay, move []Doc
			for _, d := range docs {
				if slices.Contains(tt.move, d.ID) {
					move = append(move, d)
				} else {
					stay = append(stay, d)
				}
			}
			id, err := c.Split(storyID("wire"), stay, move)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.stories[c.byID[storyID("wire")]].mass; got != tt.stayed {
				t.Errorf("the part that stayed has mass %g, want %g", got, tt.stayed)
			}
			if got := c.stories[c.byID[id]].mass; got != tt.moved {
				t.Errorf("the part moved has mass %g, want %g", got, tt.moved)
			}
		})
	}
}
