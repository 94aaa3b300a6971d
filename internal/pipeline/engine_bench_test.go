package pipeline

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
)

var streamSizes = flag.String("stream", "10000,100000", "comma-separated stream sizes for BenchmarkEngine (1000000 takes minutes)")

// BenchmarkEngine feeds streams of articles built from the public sets
// (eval.Stream) to the online engine: articles are prepared beforehand,
// outside the timer, so the figure is dedupe and clustering alone. It
// reports articles/s and the heap the engine holds per article.
func BenchmarkEngine(b *testing.B) {
	src, err := eval.LoadStreamSource(sharedData)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("public data sets not found: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	for _, field := range strings.Split(*streamSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			b.Fatalf("-stream %q: %v", *streamSizes, err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchEngine(b, src, n) })
	}
}

func benchEngine(b *testing.B, src *eval.StreamSource, n int) {
	for range b.N {
		b.StopTimer()
		before := heapInUse()
		e := NewEngine(cluster.DefaultOptions())
		e.Retain(dedupe.Retention) // as a service runs
		added := 0
		// Prepared articles are held a chunk at a time, as Feed does, so
		// that a million fit in memory.
		chunk := make([]*news.Article, 0, 8192)
		add := func() {
			items, _ := prepare(context.Background(), chunk, Options{}, false)
			b.StartTimer()
			for _, it := range items {
				e.Add(it)
			}
			b.StopTimer()
			added += len(items)
			clear(chunk) // so that the heap measured holds no article text
			chunk = chunk[:0]
		}
		for a := range src.Stream(n, 1) {
			if chunk = append(chunk, a); len(chunk) == cap(chunk) {
				add()
			}
		}
		add()
		held := heapInUse() - before
		runtime.KeepAlive(e)
		b.ReportMetric(float64(held)/float64(added), "bytes/article")
		b.ReportMetric(float64(len(e.Stories())), "stories")
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
