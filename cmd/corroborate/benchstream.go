package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// benchStream feeds n articles built from the public sets to the online
// engine, the way a service receives them, and prints what each stage
// costs and what the engine keeps in memory.
func benchStream(ctx context.Context, data string, n int, seed uint64, opts pipeline.Options, env *environment) int {
	src, err := eval.LoadStreamSource(data)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate bench:", err)
		return 1
	}
	articles := src.Stream(n, seed)
	instances := map[string]bool{}
	words, real := 0, 0
	counted := func(yield func(*news.Article) bool) {
		for a := range articles {
			instances[a.Story] = true
			if a.Source != a.ID { // made articles have no source of their own
				real++
			}
			words += len(strings.Fields(a.Text))
			if !yield(a) {
				return
			}
		}
	}
	before := heapAfterGC()
	e := pipeline.NewEngine(opts.Cluster)
	e.Retain(dedupe.Retention) // as a service runs
	stats := pipeline.Feed(ctx, e, counted, pipeline.FeedOptions{Workers: opts.Workers})
	held := heapAfterGC() - before
	runtime.KeepAlive(e)

	fmt.Fprintf(env.stdout, "stream: %d articles (%d real, the rest made of their sentences), %d words each on average, %d story instances; %d CPUs\n",
		stats.Articles, real, words/max(1, stats.Articles), len(instances), runtime.GOMAXPROCS(0))
	rate := func(d float64) float64 { return float64(stats.Articles) / d }
	fmt.Fprintf(env.stdout, "prepare (clean, analyse; %d workers): %.1fs, %.0f articles/s\n", workers(opts), stats.Prepare.Seconds(), rate(stats.Prepare.Seconds()))
	fmt.Fprintf(env.stdout, "engine (dedupe + clustering, one goroutine): %.1fs, %.0f articles/s\n", stats.Add.Seconds(), rate(stats.Add.Seconds()))
	fmt.Fprintf(env.stdout, "engine memory: %.1f MiB, %.0f bytes an article (heap held after the run, beyond the articles)\n",
		float64(held)/(1<<20), float64(held)/float64(max(1, stats.Articles)))
	fmt.Fprintf(env.stdout, "found: %d stories, %d merges; %d versions, %d copies; %d errors\n",
		len(e.Stories()), stats.Merges, stats.Relations[pipeline.Version], stats.Relations[pipeline.Copy], len(stats.Errors))
	return 0
}

func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func workers(opts pipeline.Options) int {
	if opts.Workers > 0 {
		return opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}
