// Package report writes an analysis for people: as plain text for a
// terminal or as Markdown. Both read the same JSON-contract values and lay
// out each story the same way: headline, sources, summary with [n]
// citations, conflicts before agreements, quotes, citations, claims and the
// timeline.
package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
)

// style is how a report marks up its parts.
type style interface {
	title(w io.Writer, n int, headline string)
	section(w io.Writer, name string)
	line(w io.Writer, depth int, s string)
	quote(s string) string
	end(w io.Writer)
}

// Text writes the report for a terminal.
func Text(w io.Writer, r *news.Report) error { return write(w, r, plain{}) }

// Markdown writes the report as Markdown.
func Markdown(w io.Writer, r *news.Report) error { return write(w, r, markdown{}) }

func write(w io.Writer, r *news.Report, st style) error {
	ew := &errWriter{w: w}
	byID := make(map[string]*news.Article, len(r.Articles))
	for _, a := range r.Articles {
		byID[a.ID] = a
	}
	for i, s := range r.Stories {
		writeStory(ew, st, i+1, s, byID)
	}
	if len(r.Stories) == 0 {
		st.line(ew, 0, "No stories: no article could be read.")
	}
	return ew.err
}

// errWriter keeps the first write error so the layout code stays readable.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, nil
}

// citations numbers a story's articles [1], [2] … in story order.
type citations map[string]int

func (c citations) of(ids []string) string {
	nums := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := c[id]; ok {
			nums = append(nums, strconv.Itoa(n))
		}
	}
	return "[" + strings.Join(nums, ",") + "]"
}

func writeStory(w io.Writer, st style, n int, s *news.Story, byID map[string]*news.Article) {
	cite := citations{}
	for i, id := range s.Articles {
		cite[id] = i + 1
	}
	st.title(w, n, s.Headline)
	st.line(w, 0, storyLine(s, byID))
	writeSources(w, st, s, byID, cite)
	if len(s.Summary) > 0 {
		st.section(w, "Summary")
		for _, sent := range s.Summary {
			st.line(w, 1, sent.Text+" "+cite.of(sent.Sources))
		}
	}
	writeFacts(w, st, s, cite)
	writeQuotes(w, st, s, cite)
	writeAttributions(w, st, s, cite)
	writeClaims(w, st, s, cite)
	if len(s.Timeline) > 0 {
		st.section(w, "Timeline")
		for _, e := range s.Timeline {
			st.line(w, 1, fmt.Sprintf("%-10s  %s %s", e.Date, e.Text, cite.of(e.Sources)))
		}
	}
	st.end(w)
}

func storyLine(s *news.Story, byID map[string]*news.Article) string {
	first, last := "", ""
	for _, id := range s.Articles {
		if d := byID[id].Published.String(); d != "" {
			d = d[:min(len(d), 10)]
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
	}
	parts := []string{plural(len(s.Articles), "article"), plural(s.Voices, "independent source")}
	switch {
	case first != "" && first != last:
		parts = append(parts, first+" to "+last)
	case first != "":
		parts = append(parts, first)
	}
	return strings.Join(parts, " · ") + " · story " + s.ID
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func writeSources(w io.Writer, st style, s *news.Story, byID map[string]*news.Article, cite citations) {
	st.section(w, "Sources")
	for _, id := range s.Articles {
		a := byID[id]
		parts := []string{}
		if a.Outlet != "" {
			parts = append(parts, a.Outlet)
		} else {
			parts = append(parts, "outlet unknown")
		}
		if a.Title != "" {
			parts = append(parts, st.quote(a.Title))
		}
		if d := a.Published.String(); d != "" {
			parts = append(parts, d)
		}
		if a.VersionOf != nil {
			note := "update of " + cite.of([]string{*a.VersionOf})
			if a.Latest {
				note += ", latest"
			}
			parts = append(parts, note)
		}
		if a.DuplicateOf != nil {
			parts = append(parts, "copy of "+cite.of([]string{*a.DuplicateOf}))
		}
		parts = append(parts, a.Source)
		st.line(w, 1, cite.of([]string{id})+" "+strings.Join(parts, " · "))
	}
}
