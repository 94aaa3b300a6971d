package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// FuzzReadJSONL: any input yields articles with text or errors naming a
// line, and never panics.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","published":"2025-03-05"}` + "\n" + `{"text":`))
	f.Add([]byte(`{"id":7,"story":[1],"text":"\u00e9"}`))
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte(`{"maintext":"x","authors":["A",7],"date_publish":"2017-07-17 17:03:00","source_domain":"a.example"}`))
	f.Add([]byte(`{"content":"x [+12 chars]","source":{"id":null,"name":"N"},"publishedAt":"2024-01-15T10:00:00Z","cluster":3}` + "\n" + `{"outlet":"","source":"s","body":{}}`))
	f.Add([]byte("\xef\xbb\xbf[{\"id\":\"a\",\"text\":\"x\"},\n 7, {\"text\":"))
	f.Add([]byte("{\n \"text\": \"x\"\n}\n{\n \"text\": 1\n}"))
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

// FuzzReadCSV: any table yields articles with text or errors naming the
// file or a line, and never panics.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("ID,TITLE,PUBLISHER,STORY,TIMESTAMP\n1,\"A, b\",P,s,1394470370698\n"))
	f.Add([]byte("\xef\xbb\xbftitle,text\nOne,\"multi\nline \"\"quoted\"\"\"\n,,\nx"))
	f.Add([]byte("text\n\"unclosed"))
	f.Add([]byte("symbol,price\nA,1\n"))
	f.Add([]byte("title\ttext\n\"Quote,\" he said\tHe said \"no\".\\nMore \\\\ \\N\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, comma := range []rune{',', '\t'} {
			ReadCSV(context.Background(), "fuzz", bytes.NewReader(data), comma, Options{MaxBytes: 4096}, func(a *news.Article, e *news.ItemError) {
				switch {
				case a != nil && a.Text == "":
					t.Fatalf("article without text from %q", data)
				case e != nil && !strings.HasPrefix(e.Source, "fuzz"):
					t.Fatalf("error not naming the input from %q: %+v", data, e)
				}
			})
		}
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
	f.Add("h.csv", []byte("title,text\nOne,First.\n"))
	f.Add("i.tsv", []byte("title\ttext\nOne\tFirst.\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		Read(context.Background(), name, data, Options{MaxBytes: 1 << 16}, func(a *news.Article, e *news.ItemError) {
			if a == nil && e == nil {
				t.Fatal("emit called with nothing")
			}
		})
	})
}

// FuzzLoose: a string read by loose's shortcut is what encoding/json reads.
func FuzzLoose(f *testing.F) {
	f.Add([]byte("2017-07-17 17:03:00"))
	f.Add([]byte(`Caf\u00e9 \"quoted\"\nline`))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, inner []byte) {
		data := append(append([]byte{'"'}, inner...), '"')
		var want string
		if json.Unmarshal(data, &want) != nil {
			return // not a JSON string: the decoder never hands loose one
		}
		var got loose
		if err := got.UnmarshalJSON(data); err != nil || string(got) != want {
			t.Fatalf("loose read %q as %q, %v; encoding/json reads %q", data, got, err, want)
		}
	})
}
