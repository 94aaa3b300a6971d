package summarize

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/clean"
	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// benchStory cleans and analyses the first n articles of a public set as
// one story, or skips when the set is absent. WikiRef220 is used because
// its topics are large (35–39 full articles each) and its files are sorted
// by topic, so the first articles are mostly one story.
func benchStory(b *testing.B, n int) []compare.Source {
	b.Helper()
	articles, err := eval.Load("wikiref", filepath.Join("..", "..", "..", "shared", "data", "wikiref220"))
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("public data sets not found: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	sort.SliceStable(articles, func(i, j int) bool { return articles[i].Story < articles[j].Story })
	if len(articles) < n {
		b.Skipf("want %d articles, have %d", n, len(articles))
	}
	sources := make([]compare.Source, n)
	for i, a := range articles[:n] {
		c := clean.Article(*a)
		sources[i] = compare.Source{Article: &c, Doc: text.Analyze(c.Text), Voice: news.Voices([]*news.Article{&c})[c.ID]}
	}
	return sources
}

// BenchmarkStory times what the summary costs a story: comparing its
// sources (which the summary builds on), the summary and the headline. It
// reports the median run as p50-ms beside the mean, and the story's size.
func BenchmarkStory(b *testing.B) {
	for _, n := range []int{10, 200} {
		b.Run(filepath.Join("articles", itoa(n)), func(b *testing.B) {
			sources := benchStory(b, n)
			runs := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				res := compare.Analyze(sources)
				Write(res, Options{})
				runs = append(runs, time.Since(start))
			}
			sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })
			b.ReportMetric(float64(runs[len(runs)/2].Microseconds())/1000, "p50-ms")
			words := 0
			for _, s := range sources {
				words += text.Words(s.Article.Text)
			}
			b.ReportMetric(float64(words), "words")
		})
	}
}

// BenchmarkSummary times the summary and headline alone, on a compared
// story.
func BenchmarkSummary(b *testing.B) {
	for _, n := range []int{10, 200} {
		b.Run(filepath.Join("articles", itoa(n)), func(b *testing.B) {
			res := compare.Analyze(benchStory(b, n))
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				Write(res, Options{})
			}
		})
	}
}

func itoa(n int) string {
	return string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}
