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
				if len(v.SupersededBy) == 0 {
					st.line(w, 2, valueLine(f, v, cite))
				}
			}
		}
	}
	if len(agreed) > 0 {
		st.section(w, "Figures reported by several sources")
		for _, f := range agreed[:min(len(agreed), maxListed)] {
			var vals []string
			for _, v := range f.Values {
				if len(v.SupersededBy) == 0 {
					vals = append(vals, valueLine(f, v, cite))
				}
			}
			st.line(w, 1, f.Subject+": "+strings.Join(vals, "; "))
		}
	}
}

// valueLine prints a value that stands, with the figures its outlet's
// earlier versions gave instead: "17 people [3] (updated from 12 people [1])".
func valueLine(f news.Fact, v news.FactValue, cite citations) string {
	s := v.Text
	if v.AttributedTo != "" {
		s += ", per " + v.AttributedTo
	}
	s += " " + cite.of(v.Sources)
	for _, r := range f.Revisions(v) {
		s += " (updated from " + r.Text + " " + cite.of(r.Sources) + ")"
	}
	return s
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
		for i, v := range q.Variants {
			text := st.quote(v.Text)
			if i > 0 && reworded(v.Diff) {
				// Later wordings show how they differ from the first:
				// {+words added+} and [-words left out-].
				text = st.quote(diffText(v.Diff))
			}
			st.line(w, 2, text+" "+cite.of(v.Sources))
		}
	}
}

// reworded reports whether a variant changes the first wording rather
// than only cutting its start or end, as a partial quote does.
func reworded(parts []news.DiffPart) bool {
	for i, p := range parts {
		if p.Op == "+" || p.Op == "-" && i > 0 && i < len(parts)-1 {
			return true
		}
	}
	return false
}

// diffText marks a variant's differences from the first wording.
func diffText(parts []news.DiffPart) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch p.Op {
		case "+":
			b.WriteString("{+" + p.Text + "+}")
		case "-":
			b.WriteString("[-" + p.Text + "-]")
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
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

func writeClaims(w io.Writer, st style, s *news.Story, cite citations) {
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
		var voices []string
		byVoice := map[string][]news.Claim{}
		for _, c := range exclusive {
			voice := c.Voice
			if voice == "" {
				voice = "source " + cite.of(c.Sources[:1])
			} else if strings.HasPrefix(voice, "article ") {
				voice = "source " + cite.of(c.Sources[:1])
			}
			if _, ok := byVoice[voice]; !ok {
				voices = append(voices, voice)
			}
			byVoice[voice] = append(byVoice[voice], c)
		}
		listed := 0
		for _, v := range voices {
			st.line(w, 1, v)
			for _, c := range byVoice[v] {
				if listed == 2*maxListed {
					break
				}
				st.line(w, 2, c.Text+" "+cite.of(c.Sources))
				listed++
			}
		}
	}
}
