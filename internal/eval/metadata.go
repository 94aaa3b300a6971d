package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MetadataCase is one page of Mozilla Readability's test suite with the
// metadata Readability.js finds in it. Empty fields have no expectation.
type MetadataCase struct {
	Name      string
	File      string // source.html.gz
	Title     string
	Byline    string
	SiteName  string
	Published string // as written: "2018-04-05T06:00", "2024-06-25"
	Language  string
}

// LoadMetadataCases reads every test page folder under dir
// (readability-test-pages), sorted by name.
func LoadMetadataCases(dir string) ([]MetadataCase, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load metadata cases: %w", err)
	}
	var cases []MetadataCase
	for _, e := range entries {
		meta := filepath.Join(dir, e.Name(), "expected-metadata.json")
		data, err := os.ReadFile(meta)
		if err != nil {
			continue // not a test page (LICENSE.md, SOURCE_COMMIT)
		}
		var m struct {
			Title         *string `json:"title"`
			Byline        *string `json:"byline"`
			SiteName      *string `json:"siteName"`
			PublishedTime *string `json:"publishedTime"`
			Lang          *string `json:"lang"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("load metadata case %s: %w", meta, err)
		}
		cases = append(cases, MetadataCase{
			Name: e.Name(), File: filepath.Join(dir, e.Name(), "source.html.gz"),
			Title: deref(m.Title), Byline: deref(m.Byline), SiteName: deref(m.SiteName),
			Published: deref(m.PublishedTime), Language: deref(m.Lang),
		})
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

// Metadata is what an extractor found on a page, for scoring.
type Metadata struct {
	Title, Byline, SiteName string
	Published               string // YYYY-MM-DD…, in the page's own time zone
}

// Field counts matches of one metadata field over the pages that have an
// expected value.
type Field struct {
	Name           string
	Matched, Total int
}

// Accuracy is the share of pages with an expected value where it matched.
func (f Field) Accuracy() float64 { return ratio(f.Matched, f.Total) }

// MetadataScore holds the per-field counts of a run.
type MetadataScore struct {
	// TitleExact compares titles whole; Title also accepts a title that
	// differs only by a site name joined with a separator ("… | eHow"),
	// which Readability.js keeps on some pages and drops on others.
	TitleExact, Title, Byline, SiteName, Published Field
	// BylineStart also accepts a byline where one of the two opens the
	// other: Readability.js keeps what follows the name on some pages
	// ("By Jane Doe March 25, 2015", "Jane Doe, MA WebMD Health News").
	BylineStart Field
}

// NewMetadataScore returns an empty score with named fields.
func NewMetadataScore() MetadataScore {
	return MetadataScore{
		TitleExact: Field{Name: "title (exact)"}, Title: Field{Name: "title"},
		Byline: Field{Name: "byline (exact)"}, BylineStart: Field{Name: "byline"}, SiteName: Field{Name: "site name"}, Published: Field{Name: "date"},
	}
}

// Add scores one page.
func (s *MetadataScore) Add(c MetadataCase, got Metadata) {
	if c.Title != "" {
		s.TitleExact.count(sameText(c.Title, got.Title))
		s.Title.count(sameTitle(c.Title, got.Title))
	}
	if c.Byline != "" {
		want, have := foldText(strings.TrimPrefix(foldText(c.Byline), "by ")), foldText(strings.TrimPrefix(foldText(got.Byline), "by "))
		s.Byline.count(want != "" && want == have)
		s.BylineStart.count(have != "" && (strings.HasPrefix(want, have) || strings.HasPrefix(have, want)))
	}
	if c.SiteName != "" {
		s.SiteName.count(sameText(c.SiteName, got.SiteName))
	}
	if c.Published != "" {
		s.Published.count(len(c.Published) >= 10 && strings.HasPrefix(got.Published, c.Published[:10]))
	}
}

// Fields lists the fields in report order.
func (s MetadataScore) Fields() []Field {
	return []Field{s.TitleExact, s.Title, s.Byline, s.BylineStart, s.SiteName, s.Published}
}

func (f *Field) count(ok bool) {
	f.Total++
	if ok {
		f.Matched++
	}
}

// sameText compares after Unicode normalisation, case folding, and folding
// quotes, dashes and white space, which differ between renderings of the
// same title.
func sameText(a, b string) bool {
	return foldText(a) != "" && foldText(a) == foldText(b)
}

func sameTitle(want, got string) bool {
	w, g := foldText(want), foldText(got)
	if w == "" || g == "" {
		return false
	}
	if w == g {
		return true
	}
	long, short := w, g
	if len(short) > len(long) {
		long, short = short, long
	}
	for _, sep := range []string{" | ", " - ", " : ", " :: ", " / ", " · ", " • ", " _"} {
		if strings.HasPrefix(long, short+sep) || strings.HasSuffix(long, sep+short) {
			return true
		}
	}
	return false
}

func foldText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case strings.ContainsRune("‘’‛′`´", r):
			r = '\''
		case strings.ContainsRune("“”„″«»", r):
			r = '"'
		case strings.ContainsRune("‐‑‒–—―", r):
			r = '-'
		case unicode.IsSpace(r):
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
