package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

func defaultReadOptions() ingest.Options { return ingest.Options{} }

func runBench(ctx context.Context, args []string, env *environment) int {
	if len(args) > 0 && args[0] == "serve" {
		return runBenchServe(ctx, args[1:], env)
	}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	data := fs.String("data", envOr(env, "CORROBORATE_DATA", filepath.Join("..", "shared", "data")), "folder of the public data sets")
	limit := fs.Int("articles", 0, "use at most this many articles (0: all)")
	stream := fs.Int("stream", 0, "instead, feed the online engine this many articles built from the public sets (see docs/performance.md)")
	seed := fs.Uint64("seed", 1, "seed of the --stream articles")
	opts := pipeline.DefaultOptions()
	intAtLeastVar(fs, &opts.Workers, "workers", 0, 0, "worker `goroutines` (0: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate bench [flags] [PATH...]\n       corroborate bench serve [flags] [PATH...]\n\nTimes the whole in-memory pipeline on real articles: the given paths,\nor else the public sets under --data. Prints articles/s and peak memory.\nWith --stream N, feeds N articles one at a time to the online engine and\nprints the cost of each stage and the engine's memory. bench serve\nload-tests the server instead (bench serve -h).\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *stream > 0 {
		return benchStream(ctx, *data, *stream, *seed, opts, env)
	}
	articles, err := benchArticles(ctx, fs.Args(), *data, *limit, env)
	if err == nil && len(articles) == 0 {
		err = fmt.Errorf("no article could be read from %s", strings.Join(fs.Args(), " "))
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate bench:", err)
		return 1
	}
	words := 0
	for _, a := range articles {
		words += len(strings.Fields(a.Text))
	}
	fmt.Fprintf(env.stdout, "pool: %d articles, %d words; %d CPUs\n", len(articles), words, runtime.GOMAXPROCS(0))

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak, stop := watchHeap()
	start := time.Now()
	rep := pipeline.Analyze(ctx, articles, opts)
	elapsed := time.Since(start)
	stop()
	fmt.Fprintf(env.stdout, "analyze: %d stories in %.2fs: %.0f articles/s\n", len(rep.Stories), elapsed.Seconds(), float64(len(articles))/elapsed.Seconds())
	fmt.Fprintf(env.stdout, "memory: peak heap %.0f MiB (%.0f MiB before the run), peak RSS %s\n",
		float64(peak.Load())/(1<<20), float64(before.HeapAlloc)/(1<<20), peakRSS())
	return 0
}

// benchArticles reads the articles a benchmark runs on: the given paths,
// or else the public sets' pool under data; at most limit (0: all).
func benchArticles(ctx context.Context, paths []string, data string, limit int, env *environment) ([]*news.Article, error) {
	var articles []*news.Article
	if len(paths) == 0 {
		var err error
		if articles, err = eval.Pool(data); err != nil {
			return nil, err
		}
	} else {
		var errs []news.ItemError
		articles, errs = readAll(ctx, paths, env, defaultReadOptions(), nil)
		printErrors(env.stderr, errs)
	}
	if limit > 0 && len(articles) > limit {
		articles = articles[:limit]
	}
	return articles, nil
}

// watchHeap samples the heap every few milliseconds and keeps the largest
// value seen, until stop is called. It reads runtime/metrics, which unlike
// runtime.ReadMemStats does not stop the world, so watching does not slow
// what is watched.
func watchHeap() (*atomic.Uint64, func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return &peak, func() { close(done); <-finished }
}

// peakRSS reads the process's peak resident memory where the system tells.
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "unknown"
}
