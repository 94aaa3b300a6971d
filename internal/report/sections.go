package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
)

// maxListed bounds the agreements, claims and citations printed per story;
// the JSON output has them all.
const maxListed = 12

func writeFacts(w io.Writer, st style, s *news.Story, cite citations) {
	var conflicts, agreed []news.Fact
	for _, f := range s.Facts {
		switch {
		case f.Conflict:
			conflicts = append(conflicts, f)
		case f.Voices >= 2:
			agreed = append(agreed, f)
		}
	}
	if len(conflicts) > 0 {
		st.section(w, "Conflicts")
		for _, f := range conflicts {
			st.line(w, 1, f.Subject)
			for _, v := range f.Values {
				st.line(w, 2, valueLine(v, cite))
			}
		}
	}
	if len(agreed) > 0 {
		st.section(w, "Figures reported by several sources")
		for _, f := range agreed[:min(len(agreed), maxListed)] {
			var vals []string
			for _, v := range f.Values {
				vals = append(vals, valueLine(v, cite))
			}
			st.line(w, 1, f.Subject+": "+strings.Join(vals, "; "))
		}
	}
}

func valueLine(v news.FactValue, cite citations) string {
	s := v.Text
	if v.AttributedTo != "" {
		s += ", per " + v.AttributedTo
	}
	return s + " " + cite.of(v.Sources)
}

func writeQuotes(w io.Writer, st style, s *news.Story, cite citations) {
	if len(s.Quotes) == 0 {
		return
	}
	st.section(w, "Quotes")
	for _, q := range s.Quotes[:min(len(s.Quotes), maxListed)] {
		who := q.Speaker
		if who == "" {
			who = "unattributed"
		}
		if q.Role != "" {
			who += " (" + q.Role + ")"
		}
		st.line(w, 1, who)
		for _, v := range q.Variants {
			st.line(w, 2, st.quote(v.Text)+" "+cite.of(v.Sources))
		}
	}
}

func writeAttributions(w io.Writer, st style, s *news.Story, cite citations) {
	if len(s.Attributions) == 0 {
		return
	}
	st.section(w, "Who is cited")
	for _, a := range s.Attributions[:min(len(s.Attributions), maxListed)] {
		kind := a.Kind
		if a.FirstReported {
			kind += ", first reported"
		}
		st.line(w, 1, fmt.Sprintf("%s (%s) %s", a.Cited, kind, cite.of(a.Sources)))
	}
}

func writeClaims(w io.Writer, st style, s *news.Story, cite citations, byID map[string]*news.Article) {
	var consensus, exclusive []news.Claim
	for _, c := range s.Claims {
		if c.Exclusive {
			exclusive = append(exclusive, c)
		} else {
			consensus = append(consensus, c)
		}
	}
	if len(consensus) > 0 {
		st.section(w, "What several sources say")
		for _, c := range consensus[:min(len(consensus), maxListed)] {
			st.line(w, 1, c.Text+" "+cite.of(c.Sources)+" ("+strconv.Itoa(c.Voices)+" sources)")
		}
	}
	if len(exclusive) > 0 {
		st.section(w, "Reported by one source only")
		for _, c := range exclusive[:min(len(exclusive), maxListed)] {
			who := byID[c.Sources[0]].Outlet
			if who == "" {
				who = "source " + cite.of(c.Sources[:1])
			}
			st.line(w, 1, who+": "+c.Text+" "+cite.of(c.Sources))
		}
	}
}
