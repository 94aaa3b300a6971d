// Package clean turns a scraped article into readable paragraphs: it drops
// appeals, teasers, share bars, credits and section headers, normalises
// quotes and white space, and takes the title, date, author and outlet from
// the text where the text gives them.
package clean

import (
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// leadLines is how far into an article metadata lines (dates, bylines) are
// looked for.
const leadLines = 6

// Article cleans a's text and fills the metadata the text reveals, keeping
// any the input already had.
func Article(a news.Article) news.Article {
	lines := Lines(Normalize(a.Text))
	lines, meta := readLead(lines)
	body, noise := dropNoise(lines)

	if a.Title == "" && len(body) > 1 && titleLike(body[0]) {
		a.Title = body[0]
		body = body[1:]
	}
	a.Title = strings.Join(strings.Fields(Normalize(a.Title)), " ") // one line, whatever breaks it held
	body = dropHeaders(body, a.Title, len(noise) > 0)
	body, agency := stripFirstDateline(body)
	if meta.outlet == "" {
		meta.outlet = agency
	}

	if a.Published.IsZero() {
		a.Published = meta.published
	}
	if a.Author == "" {
		a.Author = meta.author
	}
	if a.Outlet == "" {
		a.Outlet = outletFromNoise(noise)
	}
	if a.Outlet == "" {
		a.Outlet = meta.outlet
	}
	a.Text = strings.Join(body, "\n\n")
	a.Words = text.Words(a.Text)
	return a
}

type leadMeta struct {
	published news.Timestamp
	author    string
	outlet    string
}

// readLead takes dates and bylines from the first lines, where sites put
// them, and removes them.
func readLead(lines []string) ([]string, leadMeta) {
	var meta leadMeta
	out := make([]string, 0, len(lines))
	for i, line := range lines {
		if i < leadLines {
			if d, rest, ok := leadDate(line); ok {
				if meta.published.IsZero() {
					meta.published = d
				}
				if rest == "" {
					continue
				}
				line = rest
			}
			if author, outlet, ok := readByline(line); ok {
				meta.author, meta.outlet = author, outlet
				continue
			}
		}
		out = append(out, line)
	}
	return out, meta
}

// dropNoise removes noise lines and sentences. It returns the body and the
// noise, in which sites often name themselves.
func dropNoise(lines []string) (body, noise []string) {
	seen := make(map[string]bool, len(lines))
	for _, line := range lines {
		if lead := labelledLead(line); lead != "" {
			line = lead // "Breaking: The dam failed …": the lead, without its label
		}
		if lineNoise(line) {
			noise = append(noise, line)
			continue
		}
		line = stripCredits(line)
		kept, dropped := splitNoise(line)
		if dropped != "" {
			noise = append(noise, dropped)
		}
		key := text.Fingerprint(kept)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		body = append(body, kept)
	}
	return body, noise
}

// splitNoise drops appeal and interface sentences from a paragraph; when
// they make up much of it, the whole paragraph is an appeal and goes.
func splitNoise(para string) (kept, dropped string) {
	sentences := text.SplitSentences(para)
	var keep, drop []string
	for _, s := range sentences {
		if sentenceNoise(s) {
			drop = append(drop, s)
		} else {
			keep = append(keep, s)
		}
	}
	switch {
	case len(drop) == 0:
		return para, ""
	case len(drop)*2 >= len(sentences) || (len(drop) >= 2 && len(drop)*3 >= len(sentences)):
		return "", para
	}
	return strings.Join(keep, " "), strings.Join(drop, " ")
}

// dropHeaders removes section headers and labels, and any line that repeats
// the title.
// When every line looks like a header and nothing else was cut, the text
// has no prose to tell them from (a headline-only item, pre-processed text)
// and all of it is kept; after noise was cut, what is left is more noise.
func dropHeaders(body []string, title string, hadNoise bool) []string {
	titleKey := text.Fingerprint(title)
	var out []string
	for _, line := range body {
		if header(line) || (titleKey != "" && text.Fingerprint(line) == titleKey) {
			continue
		}
		out = append(out, line)
	}
	if len(out) == 0 && !hadNoise {
		return body
	}
	return out
}

// datelineLines is how many opening paragraphs may carry the dateline: a
// standfirst often comes before it.
const datelineLines = 3

// stripFirstDateline removes the first wire dateline among the opening
// paragraphs and returns the agency it names, if any.
func stripFirstDateline(body []string) ([]string, string) {
	for i := 0; i < len(body) && i < datelineLines; i++ {
		rest, agency := stripDateline(body[i])
		if rest != body[i] && strings.TrimSpace(rest) != "" {
			body[i] = rest
			return body, agency
		}
	}
	return body, ""
}
