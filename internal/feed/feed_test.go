package feed

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden parses every feed in testdata and compares it with the
// feed's -result file.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*", *update, func(t *testing.T, _ string, data []byte) any {
		f, err := Parse(data)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		return f
	})
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"empty", " \n", news.ErrEmpty},
		{"plain text", "This is not a feed.", news.ErrFormat},
		{"html page", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", news.ErrFormat},
		{"other json", `{"name": "not a feed"}`, news.ErrFormat},
		{"truncated xml", `<rss version="2.0"><channel><title>x</title><item><title>y`, nil},
		{"broken json", `{"version": "https://jsonfeed.org/version/1", "items": [`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Parse() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Wed, 5 Mar 2025 07:30:00 +0100", "2025-03-05T07:30:00+01:00"},
		{"Thu, 06 Mar 2025 18:00:00 GMT", "2025-03-06T18:00:00Z"},
		{"Thu, 06 Mar 2025 18:00 +0000", "2025-03-06T18:00:00Z"},
		{"2025-03-05T06:00:00.123+01:00", "2025-03-05T06:00:00+01:00"},
		{"2025-03-05", "2025-03-05"},
		{"last Tuesday", ""},
	}
	for _, tt := range tests {
		got, _ := parseDate(tt.in)
		if got.String() != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err == nil && feed == nil {
			t.Error("no error and no feed")
		}
	})
}

// TestStamp: an item's stamp moves with what an outlet's update changes
// in its feed, and stays put for what it does not.
func TestStamp(t *testing.T) {
	base := Item{
		ID: "ledger-1", Title: "Bridge reopens", Link: "https://ledger.example/bridge", Author: "Mara Lindqvist",
		Published: news.Day(2025, 3, 5), Updated: news.Day(2025, 3, 5),
		Summary: "The bridge reopened.", Content: "<p>The bridge reopened on Wednesday.</p>",
	}
	tests := []struct {
		name   string
		change func(*Item)
		moves  bool
	}{
		{"updated time", func(it *Item) { it.Updated = news.Day(2025, 3, 6) }, true},
		{"updated time dropped", func(it *Item) { it.Updated = news.Timestamp{} }, true},
		{"title", func(it *Item) { it.Title = "Bridge reopens after repairs" }, true},
		{"content text", func(it *Item) { it.Content = "<p>The bridge reopened on Thursday.</p>" }, true},
		{"summary text", func(it *Item) { it.Summary = "The bridge reopened at last." }, true},
		{"text moved from summary to content", func(it *Item) { it.Content, it.Summary = it.Summary, "" }, true},
		{"published date", func(it *Item) { it.Published = news.Day(2025, 3, 7) }, false},
		{"author", func(it *Item) { it.Author = "Tomas Berg" }, false},
		{"markup and spacing", func(it *Item) {
			it.Content = "<div class=\"x\"><p>The bridge\n reopened on Wednesday.</p><img src=\"https://t.example/p.gif?r=8\"></div>"
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := base
			tt.change(&it)
			if moved := it.Stamp() != base.Stamp(); moved != tt.moves {
				t.Errorf("stamp moved = %v, want %v", moved, tt.moves)
			}
		})
	}
	if again := base; again.Stamp() != base.Stamp() || len(base.Stamp()) != 32 {
		t.Errorf("stamp %q is not a stable 32-digit hash", base.Stamp())
	}
}

// TestMislabelledCharset: a feed whose bytes are not the UTF-8 it declares
// (or, declaring nothing, XML's default) is read as Windows-1252 when most
// of its non-ASCII bytes are no UTF-8, and with a stray bad byte replaced
// when they are; the parser refused either whole ("invalid UTF-8").
func TestMislabelledCharset(t *testing.T) {
	tests := []struct {
		name, data, title string
	}{
		{"declared utf-8, written latin-1", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Caf\xe9 ferm\xe9</title><description>Le caf\xe9 a \xe9t\xe9 ferm\xe9 mardi.</description></item></channel></rss>", "Café fermé"},
		{"undeclared, written latin-1", "<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Caf\xe9 ferm\xe9</title><description>Le caf\xe9 a \xe9t\xe9 ferm\xe9.</description></item></channel></rss>", "Café fermé"},
		{"utf-8 with a stray byte", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Café</title><item><title>Café fermé à Zürich</title><description>Le café a été fermé mardi \x96 selon la mairie, après une inspection. Les élèves du lycée déjeunaient là ; le propriétaire a déclaré qu’il était « très déçu ».</description></item></channel></rss>", "Café fermé à Zürich"},
		{"declared latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Caf\xe9 ferm\xe9</title><description>Le caf\xe9.</description></item></channel></rss>", "Café fermé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 || f.Items[0].Title != tt.title || !utf8.ValidString(f.Items[0].Summary) {
				t.Errorf("items = %+v, want one titled %q", f.Items, tt.title)
			}
		})
	}
}
