package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"utf-8", []byte("café"), "café", nil},
		{"utf-8 with BOM", []byte("\xef\xbb\xbfcafé"), "café", nil},
		{"windows-1252", []byte("caf\xe9 \x93quoted\x94"), "café “quoted”", nil},
		{"utf-16le", []byte{0xff, 0xfe, 'h', 0, 'i', 0}, "hi", nil},
		{"empty", []byte("  \n "), "", news.ErrEmpty},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "", news.ErrBinary},
		// Page breaks and Word's line breaks are text, however many there are.
		{"pages", []byte("p.1\fp.2\fp.3\f"), "p.1\fp.2\fp.3\f", nil},
		{"word line breaks", []byte("Harbour Road\vPort Ellen\vIslay\v"), "Harbour Road\vPort Ellen\vIslay\v", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Errorf("Decode = %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.jsonl", "", FormatJSONL},
		{"a.ndjson.gz", "", FormatJSONL},
		{"a.html", "", FormatHTML},
		{"a.txt", "plain", FormatText},
		{"noext", `{"text": "x"}`, FormatJSONL},
		{"noext", "<!DOCTYPE html><html>", FormatHTML},
		{"noext", "<?xml version='1.0'?><rss>", FormatFeed},
		{"noext", "Headline\n\nBody.", FormatText},
	}
	for _, tt := range tests {
		if got := Sniff(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

// collect runs a reader and gathers what it emits.
type collected struct {
	articles []*news.Article
	errs     []news.ItemError
}

func (c *collected) emit(a *news.Article, e *news.ItemError) {
	if a != nil {
		c.articles = append(c.articles, a)
	} else {
		c.errs = append(c.errs, *e)
	}
}

// wantErrors checks that the errors emitted are exactly want: by source, a
// piece of each one's message.
func (c *collected) wantErrors(t *testing.T, want map[string]string) {
	t.Helper()
	missing := maps.Clone(want)
	for _, e := range c.errs {
		if w, ok := missing[e.Source]; ok && strings.Contains(e.Error, w) {
			delete(missing, e.Source)
		} else {
			t.Errorf("unexpected error %s: %s", e.Source, e.Error)
		}
	}
	if len(missing) > 0 {
		t.Errorf("missing errors: %v", missing)
	}
}

func TestReadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a1", "url": "https://x.example/a", "outlet": "X", "title": "T", "published": "2025-03-05", "text": "Body one.", "story": 7, "extra": true}`,
		`{"text": "No id here.", "published": "2025-03-05T10:00:00Z"}`,
		`not json`,
		`{"id": "a3", "text": ""}`,
		`{"id": "a4", "text": "Bad date.", "published": "yesterday"}`,
		``,
		`{"id": 5, "text": "Numeric id."}`,
	}, "\n")
	var c collected
	ReadJSONL(context.Background(), "in.jsonl", strings.NewReader(in), Options{}, c.emit)
	if len(c.articles) != 3 {
		t.Fatalf("read %d articles, want 3: %+v", len(c.articles), c.errs)
	}
	a := c.articles[0]
	if a.ID != "a1" || a.Outlet != "X" || a.Published.String() != "2025-03-05" || a.Story != "7" || a.Source != "in.jsonl:1" {
		t.Errorf("first article = %+v", a)
	}
	if b := c.articles[1]; b.ID == "" || !b.Published.Clock {
		t.Errorf("second article: id %q, published %v", b.ID, b.Published)
	}
	if c.articles[2].ID != "5" {
		t.Errorf("numeric id read as %q", c.articles[2].ID)
	}
	wantErrs := []string{"in.jsonl:3", "in.jsonl:4", "in.jsonl:5"}
	if len(c.errs) != len(wantErrs) {
		t.Fatalf("errors = %+v, want sources %v", c.errs, wantErrs)
	}
	for i, e := range c.errs {
		if e.Source != wantErrs[i] || e.Error == "" {
			t.Errorf("error %d = %+v, want source %s", i, e, wantErrs[i])
		}
	}
}

// TestReadJSONLayouts: files exported from data sets and APIs hold an
// array of articles, or articles spread over several lines; each is read
// and named by its place, and a bad one costs only itself, unless the JSON
// itself breaks.
func TestReadJSONLayouts(t *testing.T) {
	tests := []struct {
		name, in string
		ids      []string
		errs     []string // sources of the errors
	}{
		{"array on one line", `[{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]`, []string{"a", "b"}, nil},
		{"array spread over lines", "[\n  {\n    \"id\": \"a\",\n    \"text\": \"One.\"\n  },\n  {\"id\": \"b\", \"text\": \"Two.\"}\n]\n", []string{"a", "b"}, nil},
		{"one object spread over lines", "{\n  \"id\": \"a\",\n  \"text\": \"One.\"\n}\n", []string{"a"}, nil},
		{"objects spread over lines, one after another", "{\n \"id\": \"a\", \"text\": \"One.\"\n}\n{\n \"id\": \"b\", \"text\": \"Two.\"\n}", []string{"a", "b"}, nil},
		{"an element that is no article", `[{"id": "a", "text": "One."}, 7, {"id": "c", "text": ""}, {"id": "d", "text": "Four."}]`, []string{"a", "d"}, []string{"in.json[1]", "in.json[2]"}},
		{"JSON broken inside the array", `[{"id": "a", "text": "One."}, {"id": "b", "text": }, {"id": "c", "text": "Three."}]`, []string{"a"}, []string{"in.json[1]"}},
		{"an array cut short", `[1, {"id": "b", "text": "Two."}`, []string{"b"}, []string{"in.json[0]", "in.json"}},
		{"a byte-order mark before an array", "\xef\xbb\xbf" + `[{"id": "a", "text": "One."}]`, []string{"a"}, nil},
		{"a byte-order mark before lines", "\xef\xbb\xbf" + `{"id": "a", "text": "One."}` + "\n" + `{"id": "b", "text": "Two."}`, []string{"a", "b"}, nil},
		{"a broken first line costs only itself", "{\"id\": \"a\", \"text\": \"cut\n{\"id\": \"b\", \"text\": \"Two.\"}\n{\"id\": \"c\", \"text\": \"Three.\"}", []string{"b", "c"}, []string{"in.json:1"}},
		{"a first line cut short costs only itself", "{\"id\": \"a\", \"text\": \"One.\"\n{\"id\": \"b\", \"text\": \"Two.\"}", []string{"b"}, []string{"in.json:1"}},
		{"one object a line stays line by line", "{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"c\", \"text\": \"Three.\"}", []string{"a", "c"}, []string{"in.json:2"}},
		// An API's answer saved as it came.
		{"NewsAPI's answer", `{"status": "ok", "totalResults": 2, "articles": [{"id": "a", "url": "https://a.example/1", "title": "T", "content": "One. [+12 chars]"}, {"id": "b", "description": "Two."}, {"id": "c"}]}`,
			[]string{"a", "b"}, []string{"in.json:1.articles[2]"}},
		{"an answer spread over lines", "{\n \"status\": \"ok\",\n \"results\": [\n  {\"id\": \"a\", \"text\": \"One.\"}\n ]\n}\n", []string{"a"}, nil},
		{"an answer one object down", `{"response": {"status": "ok", "results": [{"id": "a", "body": "One."}]}}`, []string{"a"}, nil},
		{"an object with no text and no array of articles", `{"status": "ok", "articles": [], "data": [1, 2]}`, nil, []string{"in.json:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collected
			ReadJSONL(context.Background(), "in.json", strings.NewReader(tt.in), Options{}, c.emit)
			var ids, errs []string
			for _, a := range c.articles {
				ids = append(ids, a.ID)
			}
			for _, e := range c.errs {
				errs = append(errs, e.Source)
			}
			if !slices.Equal(ids, tt.ids) || !slices.Equal(errs, tt.errs) {
				t.Errorf("read %v with errors at %v (%+v), want %v and errors at %v", ids, errs, c.errs, tt.ids, tt.errs)
			}
		})
	}
}

// endlessText is an article whose text never ends, counting what is read.
type endlessText struct{ read int64 }

func (e *endlessText) Read(p []byte) (int, error) {
	if e.read > 64<<20 {
		return 0, io.EOF // far past any limit: the test has failed
	}
	for i := range p {
		p[i] = 'x'
	}
	e.read += int64(len(p))
	return len(p), nil
}

// TestReadJSONValueOverLimit: a value of an array larger than the limit
// is refused while it is read, not after it has filled memory.
func TestReadJSONValueOverLimit(t *testing.T) {
	endless := &endlessText{}
	var c collected
	ReadJSONL(context.Background(), "big.json", io.MultiReader(strings.NewReader(`[{"id": "a", "text": "`), endless), Options{MaxBytes: 1 << 20}, c.emit)
	if len(c.errs) != 1 || c.errs[0].Source != "big.json[0]" || !strings.Contains(c.errs[0].Error, "limit") {
		t.Errorf("errors = %+v, want one for big.json[0] over the limit", c.errs)
	}
	if endless.read > 4<<20 {
		t.Errorf("read %d bytes of a value over a 1 MiB limit", endless.read)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 5000) + `"}`
	in := long + "\n" + `{"id": "ok", "text": "Fine."}` + "\n"
	var c collected
	ReadJSONL(context.Background(), "big.jsonl", strings.NewReader(in), Options{MaxBytes: 1000}, c.emit)
	if len(c.articles) != 1 || c.articles[0].ID != "ok" {
		t.Errorf("articles = %+v, want only the short one", c.articles)
	}
	if len(c.errs) != 1 || c.errs[0].Source != "big.jsonl:1" || !strings.Contains(c.errs[0].Error, "limit") {
		t.Errorf("errors = %+v, want one for line 1 over the limit", c.errs)
	}
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("a.txt", []byte("Headline here\n\nBody text."))
	write("sub/b.txt", []byte("caf\xe9 in Latin-1."))
	write(".hidden/c.txt", []byte("never read"))
	write("empty.txt", nil)
	write("binary.bin", []byte{0, 1, 2, 3})
	write("big.txt", bytes.Repeat([]byte("word "), 400))
	write("lines.jsonl", []byte(`{"id":"j1","text":"One."}`+"\n"+`{"id":"j2","text":"Two."}`+"\n"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Zipped article body."))
	zw.Close()
	write("zipped.txt.gz", gz.Bytes())

	var c collected
	stdin := strings.NewReader("From standard input.")
	Paths(context.Background(), []string{dir, filepath.Join(dir, "missing.txt"), "-"}, stdin, Options{MaxBytes: 1000}, c.emit)

	ids := map[string]bool{}
	for _, a := range c.articles {
		ids[a.ID] = true
	}
	for _, want := range []string{"a", "b", "j1", "j2", "zipped", "stdin-1"} {
		if !ids[want] {
			t.Errorf("article %q not read; got %v", want, ids)
		}
	}
	if ids["c"] {
		t.Error("a file in a hidden folder was read")
	}
	for _, a := range c.articles {
		if a.ID == "b" && !strings.Contains(a.Text, "café") {
			t.Errorf("Latin-1 file decoded as %q", a.Text)
		}
	}
	failed := map[string]bool{}
	for _, e := range c.errs {
		failed[filepath.Base(e.Source)] = true
	}
	for _, want := range []string{"empty.txt", "binary.bin", "big.txt", "missing.txt"} {
		if !failed[want] {
			t.Errorf("no error for %s; errors: %+v", want, c.errs)
		}
	}
}

func TestStdinJSONL(t *testing.T) {
	var c collected
	Paths(context.Background(), []string{"-"}, strings.NewReader(`{"text":"a"}`+"\n"+`{"text":"b"}`), Options{}, c.emit)
	if len(c.articles) != 2 || c.articles[1].Source != "stdin:2" {
		t.Errorf("stdin JSONL: %+v", c.articles)
	}
}
