package ingest

import (
	"bytes"
	"context"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// FuzzReadJSONL: any input yields articles with text or errors naming a
// line, and never panics.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","published":"2025-03-05"}` + "\n" + `{"text":`))
	f.Add([]byte(`{"id":7,"story":[1],"text":"\u00e9"}`))
	f.Add([]byte("\n\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadJSONL(context.Background(), "fuzz", bytes.NewReader(data), Options{MaxBytes: 4096}, func(a *news.Article, e *news.ItemError) {
			switch {
			case a != nil && a.Text == "":
				t.Fatalf("article without text from %q", data)
			case e != nil && e.Source == "":
				t.Fatalf("error without a source from %q", data)
			}
		})
	})
}

// FuzzRead: any bytes given as a text or gzip file are read or rejected
// with an error, never a panic.
func FuzzRead(f *testing.F) {
	f.Add("a.txt", []byte("date 2025-03-05 Headline\n\nBody."))
	f.Add("b.txt", []byte{0x1f, 0x8b, 0x08, 0x00})
	f.Add("c", []byte("caf\xe9"))
	f.Add("d.json", []byte(`{"text":"x"}`))
	f.Add("e.html", []byte(`<html><head><title>T</title></head><body><p>One two three.</p></body></html>`))
	f.Add("f.rss", []byte(`<rss><channel><title>F</title><item><title>I</title><description>D</description></item></channel></rss>`))
	f.Add("g.json", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,"content_text":"x"}]}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		Read(context.Background(), name, data, Options{MaxBytes: 1 << 16}, func(a *news.Article, e *news.ItemError) {
			if a == nil && e == nil {
				t.Fatal("emit called with nothing")
			}
		})
	})
}
