package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
)

// sharedData is where the public data sets live beside a development
// checkout; benchmarks that need them skip when it is absent.
var sharedData = filepath.Join("..", "..", "..", "shared", "data")

// benchPool loads the public sets of full articles (eval.Pool), or skips.
func benchPool(b *testing.B) []*news.Article {
	b.Helper()
	pool, err := eval.Pool(sharedData)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("public data sets not found: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	return pool
}

// copyArticles gives each run fresh articles, since the pipeline renames
// and annotates them.
func copyArticles(pool []*news.Article) []*news.Article {
	out := make([]*news.Article, len(pool))
	for i, a := range pool {
		c := *a
		out[i] = &c
	}
	return out
}

// BenchmarkAnalyze runs the whole in-memory pipeline over the pool and
// reports articles per second.
func BenchmarkAnalyze(b *testing.B) {
	pool := benchPool(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Analyze(context.Background(), copyArticles(pool), DefaultOptions())
	}
	b.ReportMetric(float64(len(pool)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkStories runs clean, dedupe and clustering only.
func BenchmarkStories(b *testing.B) {
	pool := benchPool(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Stories(context.Background(), copyArticles(pool), DefaultOptions())
	}
	b.ReportMetric(float64(len(pool)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// googleNewsTS loads the googlenews TS titles and snippets, or skips b
// when the public sets are absent.
func googleNewsTS(b *testing.B) []*news.Article {
	articles, err := eval.Load("googlenews-ts", filepath.Join(sharedData, "googlenews-gsdmm"))
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("public data sets not found: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	return articles
}

// BenchmarkPrepare cleans and analyses articles on one goroutine, the
// per-article cost under every grouping: short items (Google News titles
// and snippets), where fixed costs show, and the pool of full articles.
func BenchmarkPrepare(b *testing.B) {
	short := googleNewsTS(b)
	for _, set := range []struct {
		name     string
		articles func(b *testing.B) []*news.Article
	}{
		{"short", func(*testing.B) []*news.Article { return short }},
		{"full", benchPool},
	} {
		b.Run(set.name, func(b *testing.B) {
			articles := set.articles(b)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				for _, a := range articles {
					// An article left with no text is an answer too.
					_, _ = Prepare(*a)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(len(articles)*b.N), "µs/article")
		})
	}
}

// BenchmarkGroup times the serial step alone: dedupe, clustering and
// settling of the googlenews TS titles and snippets, prepared beforehand.
func BenchmarkGroup(b *testing.B) {
	articles := googleNewsTS(b)
	uniqueIDs(articles)
	items, _ := prepare(context.Background(), articles, DefaultOptions(), false)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		group(items, DefaultOptions(), false)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(len(items)*b.N), "µs/article")
}
