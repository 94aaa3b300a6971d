package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
)

// storyPool loads WikiRef220, whose large topics are many full articles on
// one event: the stuff long stories are made of.
func storyPool(b *testing.B) map[string][]*news.Article {
	b.Helper()
	articles, err := eval.Load("wikiref", filepath.Join(sharedData, "wikiref220"))
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("public data sets not found: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	byTopic := map[string][]*news.Article{}
	for _, a := range articles {
		byTopic[a.Story] = append(byTopic[a.Story], a)
	}
	return byTopic
}

// prepareStory cleans and analyses articles as the pipeline does before
// comparing them.
func prepareStory(b *testing.B, articles []*news.Article) storyOf {
	b.Helper()
	items, _ := prepare(context.Background(), copyArticles(articles), Options{}, true)
	link(items, relate(items), true)
	return storyOf{id: "bench", items: items}
}

// benchmarkStories times compare + summarize on each story, and reports the
// median and worst time per story, and the median CPU time, which other
// work on a shared machine does not inflate.
func benchmarkStories(b *testing.B, stories []storyOf) {
	opts := DefaultOptions()
	var times, cpu []time.Duration
	// Preparing the stories leaves garbage the analyses should not pay
	// to collect.
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		for _, st := range stories {
			start, startCPU := time.Now(), cpuTime()
			compareStory(st, opts)
			times = append(times, time.Since(start))
			cpu = append(cpu, cpuTime()-startCPU)
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "p50-cpu-ms")
}

// BenchmarkStory10 analyses ten-article stories: every window of ten
// articles on one WikiRef topic.
func BenchmarkStory10(b *testing.B) {
	var stories []storyOf
	for _, topic := range storyPool(b) {
		for i := 0; i+10 <= len(topic); i += 10 {
			stories = append(stories, prepareStory(b, topic[i:i+10]))
		}
	}
	if len(stories) == 0 {
		b.Skip("no topic has ten articles")
	}
	benchmarkStories(b, stories)
}

// BenchmarkStory200 analyses one story of 200 articles: the five large
// WikiRef topics and as many others as it takes, far more than any real
// story, so the cost of the largest stories shows.
func BenchmarkStory200(b *testing.B) {
	var all []*news.Article
	topics := storyPool(b)
	names := make([]string, 0, len(topics))
	for name := range topics {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return len(topics[names[i]]) > len(topics[names[j]]) })
	for _, name := range names {
		all = append(all, topics[name]...)
	}
	if len(all) < 200 {
		b.Skipf("only %d articles", len(all))
	}
	benchmarkStories(b, []storyOf{prepareStory(b, all[:200])})
}
