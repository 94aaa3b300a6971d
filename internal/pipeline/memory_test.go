package pipeline

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"weak"

	"github.com/corroborate/corroborate/internal/text"
)

// A batch's text analyses are most of its memory: Analyze must hold those
// of the story being compared, not of every article. The garbage collector
// says which are still reachable, whoever holds them.
func TestAnalyzeKeepsOneStoryOfAnalyses(t *testing.T) {
	var mu sync.Mutex
	var made []weak.Pointer[text.Doc]
	peak, peakAt := 0, ""
	sample := func(at string) {
		runtime.GC()
		live := 0
		for _, w := range made {
			if w.Value() != nil {
				live++
			}
		}
		if live > peak {
			peak, peakAt = live, at
		}
	}
	analyseText = func(cleaned, language string) *text.Doc {
		doc := text.AnalyzeIn(cleaned, language)
		mu.Lock()
		defer mu.Unlock()
		made = append(made, weak.Make(doc))
		sample("an analysis made")
		return doc
	}
	t.Cleanup(func() { analyseText = text.AnalyzeIn })

	opts := DefaultOptions()
	opts.Workers = 1 // one story compared at a time
	opts.Progress = func(stage string, _, _ int) {
		mu.Lock()
		defer mu.Unlock()
		sample(stage)
	}
	articles := readExamples(t)
	rep := Analyze(context.Background(), articles, opts)

	largest := 0
	for _, s := range rep.Stories {
		largest = max(largest, len(s.Articles))
	}
	if largest == len(articles) {
		t.Fatalf("the examples make one story of %d articles: nothing to tell apart", largest)
	}
	if peak > largest {
		t.Errorf("%d analyses alive at once (%s), more than the largest story's %d articles (%d in the batch)", peak, peakAt, largest, len(articles))
	}
	if peak < largest {
		t.Errorf("%d analyses alive at most, fewer than the largest story's %d articles: is the count blind?", peak, largest)
	}
}
