package extract

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden extracts every page in testdata and compares the result with
// the page's .html-result file.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*.html", *update, func(t *testing.T, path string, data []byte) any {
		page, err := HTML(data, Options{URL: "https://example.com/" + filepath.Base(path)})
		if err != nil {
			t.Fatalf("HTML: %v", err)
		}
		return page
	})
}

func TestHTMLErrors(t *testing.T) {
	article := "<html><body><article><p>" + strings.Repeat("The council met on Tuesday to debate the budget. ", 20) + "</p></article></body></html>"
	tests := []struct {
		name string
		data []byte
		opts Options
		want error
	}{
		{"empty", []byte("  \n"), Options{}, news.ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, news.ErrBinary},
		{"plain text", []byte("Just some words, with no markup at all."), Options{}, news.ErrFormat},
		{"too large", []byte(article), Options{MaxBytes: 100}, news.ErrTooLarge},
		{"no article", []byte("<html><head><title>x</title></head><body></body></html>"), Options{}, news.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(tt.data, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("HTML() error = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestTruncated checks that a page cut off mid-tag still gives the text
// before the cut.
func TestTruncated(t *testing.T) {
	data, err := os.ReadFile("testdata/jsonld-article.html")
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(data, []byte("Cyclists will"))
	page, err := HTML(data[:cut+3], Options{})
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	if !strings.Contains(page.Text, "About 24,000 vehicles") {
		t.Errorf("text lost before the cut: %q", page.Text)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, contentType string
		data              []byte
		want, charset     string
	}{
		{"utf-8 undeclared", "", []byte("<p>Café</p>"), "<p>Café</p>", "utf-8"},
		{"latin-1 undeclared", "", []byte("<p>Caf\xe9 cr\xe8me</p>"), "<p>Café crème</p>", ""},
		{"declared latin-1 but utf-8", "", []byte(`<meta charset="iso-8859-1"><p>Café</p>`), `<meta charset="iso-8859-1"><p>Café</p>`, "utf-8"},
		{"declared utf-8 but windows-1252", "", []byte("<meta charset=utf-8><p>\x93Quote\x94 and caf\xe9</p>"), "<meta charset=utf-8><p>“Quote” and café</p>", "windows-1252"},
		{"header wins", "text/html; charset=windows-1251", []byte("<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"), "<p>Привет</p>", "windows-1251"},
		{"utf-8 bom", "", []byte("\xef\xbb\xbf<p>x</p>"), "<p>x</p>", "utf-8"},
		{"utf-16 bom", "", []byte("\xff\xfe<\x00p\x00>\x00"), "<p>", "utf-16le"},
		{"late meta", "", append(bytes.Repeat([]byte(" "), 4000), []byte("<meta charset=windows-1252><p>\x93x\x94</p>")...), strings.Repeat(" ", 4000) + "<meta charset=windows-1252><p>“x”</p>", "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, charset := decode(tt.data, tt.contentType)
			if string(got) != tt.want {
				t.Errorf("decode() = %q, want %q", got, tt.want)
			}
			if tt.charset != "" && charset != tt.charset {
				t.Errorf("charset = %q, want %q", charset, tt.charset)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-03-05T07:30:00+01:00", "2025-03-05T07:30:00+01:00"},
		{"2025-03-05T07:30:00.000Z", "2025-03-05T07:30:00Z"},
		{"2017-11-03 03:01:00.000000", "2017-11-03T03:01:00Z"},
		{"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
		{"2024-06-25", "2024-06-25"},
		{"Tue, 04 Mar 2025 18:00:00 GMT", "2025-03-04T18:00:00Z"},
		{"March 5, 2025", "2025-03-05"},
		{"0001-01-01T00:00:00Z", ""},
		{"yesterday", ""},
	}
	for _, tt := range tests {
		got, _ := parseDate(tt.in)
		if got.String() != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func TestDateInURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/news/2025/03/05/bridge", "2025-03-05"},
		{"https://example.com/2025-03-05-bridge.html", "2025-03-05"},
		{"https://example.com/article/20211103/bridge", "2021-11-03"},
		{"https://example.com/2025/02/30/bad-day", ""},
		{"https://example.com/id/12345678901", ""},
		{"https://2025-03-05.example.com/", ""},
	}
	for _, tt := range tests {
		if got := dateInURL(tt.in).String(); got != tt.want {
			t.Errorf("dateInURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTagTitle(t *testing.T) {
	tests := []struct {
		title string
		h1    []string
		want  string
	}{
		{"Harbour bridge reopens after repairs | The Ledger", nil, "Harbour bridge reopens after repairs"},
		{"The Ledger - Harbour bridge reopens after repairs", nil, "Harbour bridge reopens after repairs"},
		{"Home | News", nil, "Home | News"},
		{"Ledger", []string{"Harbour bridge reopens after repairs"}, "Harbour bridge reopens after repairs"},
		{"A plain headline without a site name", nil, "A plain headline without a site name"},
	}
	for _, tt := range tests {
		s := &signals{title: tt.title, h1: tt.h1}
		if got := s.tagTitle(); got != tt.want {
			t.Errorf("tagTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestOutletFromHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.bbc.co.uk/news/world-123", "bbc.co.uk"},
		{"https://edition.cnn.com/2025/03/05/x", "cnn.com"},
		{"http://localhost:8080/x", "localhost"},
		{"not a url", ""},
	}
	for _, tt := range tests {
		if got := OutletFromHost(tt.in); got != tt.want {
			t.Errorf("OutletFromHost(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, path := range []string{"testdata/jsonld-article.html", "testdata/windows-1252.html"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<html><p>x"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[[{"@type":["NewsArticle"],"author":[{"name":1}]}]]}</script><p>a b c</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		page, err := HTML(data, Options{URL: "https://example.com/2025/01/02/x"})
		if err == nil && strings.TrimSpace(page.Text) == "" {
			t.Errorf("no error and no text")
		}
	})
}

func TestCoverage(t *testing.T) {
	lead := "The harbour bridge reopened on Wednesday after eight months of repairs"
	tests := []struct {
		text string
		want float64
	}{
		{"The harbour bridge reopened to traffic on Wednesday morning after eight months of repairs.", 1},
		{"Sign in to comment. Your e-mail address or password is wrong.", 0},
		{"Anything at all", 1}, // with no usable lead, nothing is suspect
	}
	for i, tt := range tests {
		l := lead
		if i == 2 {
			l = "Short lead"
		}
		if got := coverage(tt.text, l, 1); got != tt.want {
			t.Errorf("coverage(%q) = %.2f, want %.2f", tt.text, got, tt.want)
		}
	}
}

func TestTextDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Posted on 2024-05-04 by Jane", "2024-05-04"},
		{"Veröffentlicht am 04.05.2024, 10:32 Uhr", "2024-05-04"},
		{"4. Mai 2024", "2024-05-04"},
		{"4 de mayo de 2024", "2024-05-04"},
		{"le 4 août 2024", "2024-08-04"},
		{"May 4th, 2024 at 9:00", "2024-05-04"},
		{"By Jane Doe | Sept. 30, 2023", "2023-09-30"},
		{"4 maja 2024", "2024-05-04"},
		{"31.02.2024", ""},
		{"Seite 4 von 2024", ""},
	}
	for _, tt := range tests {
		got, _ := textDate(tt.in)
		if got.String() != tt.want {
			t.Errorf("textDate(%q) = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func TestShortYearDate(t *testing.T) {
	for in, want := range map[string]string{"11.10.21 | 14:05": "2021-10-11", "Stand: 1.2.22": "2022-02-01", "30.02.21": "", "v1.2": ""} {
		if got, _ := shortYearDate(in); got.String() != want {
			t.Errorf("shortYearDate(%q) = %q, want %q", in, got.String(), want)
		}
	}
}

func TestDatelineDate(t *testing.T) {
	story := "The council met on 5 March 2024 to debate the budget, which it passed by 31 votes to 20 after a long session."
	tests := []struct {
		paras []string
		want  string
	}{
		{[]string{"12.03.2024", story}, "2024-03-12"},
		{[]string{"Veröffentlicht am 12. März 2024 um 10:00 Uhr von der Redaktion Stadt und Land", story}, "2024-03-12"},
		{[]string{story}, ""}, // a date in the story is an event, not the story's date
	}
	for _, tt := range tests {
		got, _ := datelineDate(tt.paras)
		if got.String() != tt.want {
			t.Errorf("datelineDate(%q) = %q, want %q", tt.paras[0], got.String(), tt.want)
		}
	}
}

func TestCollapse(t *testing.T) {
	// collapse must agree with strings.Fields on every kind of white space.
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\n\nb ", "\u00a0a\u2003b\u3000", "x\u0085y", "bad\xff byte", "  spaced   out  text  ", "é à"} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestMarked(t *testing.T) {
	tests := []struct {
		tag          string
		author, date bool
	}{
		{`<span class="Byline">`, true, false},
		{`<div class="pb-byline">`, true, false},
		{`<a rel="author">`, true, false},
		{`<span itemprop="Author">`, true, false},
		{`<div class="author-box-wrapper">`, false, false},
		{`<time class="PublishDate">`, false, true},
		{`<span id="post-timestamp">`, false, true},
		{`<span itemprop="datePublished">`, false, true},
		{`<span class="date updated">`, false, false},
		{`<div class="comment-date">`, false, false},
		{`<p class="lead">`, false, false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<body>" + tt.tag + "x"))
		if err != nil {
			t.Fatal(err)
		}
		n := doc.LastChild.LastChild.FirstChild // html > body > the element
		if author, date := marked(n); author != tt.author || date != tt.date {
			t.Errorf("marked(%s) = %v, %v; want %v, %v", tt.tag, author, date, tt.author, tt.date)
		}
	}
}
