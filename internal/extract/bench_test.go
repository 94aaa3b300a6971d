package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// benchPages reads the trafilatura evaluation pages beside the checkout.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "trafilatura-eval", "html", "*.gz"))
	if len(files) == 0 {
		b.Skip("../shared/data/trafilatura-eval not found")
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// BenchmarkHTML extracts the trafilatura evaluation pages on all cores
// (GOMAXPROCS, so -cpu 2 is two workers) and reports pages/s and where the
// time goes: "lib-ms/page" in the HTML parser, go-trafilatura and
// go-readability, "own-ms/page" in what we add (charset, metadata, the
// choice between the extractors, rendering, tidying, dates), and "own-%"
// our time as a share of the libraries'. Both are timed in the same run,
// page by page, so a busy machine slows them alike and the share holds.
//
//	go test -run X -bench HTML -benchtime 990x -cpu 2 ./internal/extract
func BenchmarkHTML(b *testing.B) {
	pages := benchPages(b)
	const pageURL = "https://example.com/news/story"
	var next, total, library atomic.Int64
	libraryClock = func(d time.Duration) { library.Add(int64(d)) }
	defer func() { libraryClock = nil }()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			page := pages[int(next.Add(1)-1)%len(pages)]
			start := time.Now()
			_, _ = HTML(page, Options{URL: pageURL}) // pages without an article are part of the workload
			total.Add(int64(time.Since(start)))
		}
	})
	b.StopTimer()
	lib, own := float64(library.Load()), float64(total.Load()-library.Load())
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(lib/1e6/float64(b.N), "lib-ms/page")
	b.ReportMetric(own/1e6/float64(b.N), "own-ms/page")
	b.ReportMetric(100*own/lib, "own-%")
}

// BenchmarkTidy times our work on an extracted page alone.
func BenchmarkTidy(b *testing.B) {
	pages := benchPages(b)
	doc, err := html.Parse(strings.NewReader(string(pages[0])))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		tidy(paragraphs(doc))
	}
}
