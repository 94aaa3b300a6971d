package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

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

// BenchmarkHTML times extraction of the trafilatura evaluation pages on
// all cores (GOMAXPROCS) and reports pages/s. "extractor" is what the
// libraries cost alone (parse, go-trafilatura, go-readability); "full" adds
// our charset handling, metadata, rendering and tidying.
//
//	go test -run X -bench HTML -benchtime 2x -cpu 2 ./internal/extract
func BenchmarkHTML(b *testing.B) {
	pages := benchPages(b)
	run := func(b *testing.B, one func(page []byte)) {
		var next atomic.Int64
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				one(pages[int(next.Add(1)-1)%len(pages)])
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	}
	pageURL, _ := url.Parse("https://example.com/news/story")
	b.Run("extractor", func(b *testing.B) {
		run(b, func(page []byte) {
			doc, err := html.Parse(bytes.NewReader(page))
			if err == nil {
				mainContent(doc, pageURL, "")
			}
		})
	})
	b.Run("full", func(b *testing.B) {
		run(b, func(page []byte) {
			_, _ = HTML(page, Options{URL: pageURL.String()}) // errors are part of the workload
		})
	})
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
