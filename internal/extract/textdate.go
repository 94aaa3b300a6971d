package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// Dates as pages show them to readers, when no markup gives one: in an
// element marked as the date, or a dateline at the top of the text.

// monthNames maps month names and their usual abbreviations, in the
// languages news is most written in, to month numbers. Polish months are
// given in the genitive, as dates use them.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for i, names := range [12]string{
		"january jan januar jänner janvier janv enero janeiro gennaio januari stycznia styczeń",
		"february feb februar février févr fevrier febrero fevereiro febbraio februari lutego luty",
		"march mar märz mär maerz mars marzo março maart marca marzec",
		"april apr avril avr abril aprile kwietnia kwiecień",
		"may mai mayo maio maggio mei maja maj",
		"june jun juni juin junio junho giugno czerwca czerwiec",
		"july jul juli juillet juil julio julho luglio lipca lipiec",
		"august aug août aout agosto augustus sierpnia sierpień",
		"september sep sept septembre septiembre setiembre setembro settembre września wrzesień",
		"october oct okt oktober octobre octubre outubro ottobre października październik",
		"november nov novembre noviembre novembro listopada listopad",
		"december dec dez dezember décembre déc decembre diciembre dezembro dicembre grudnia grudzień",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = i + 1
		}
	}
	return m
}()

var (
	isoDate    = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	dottedDate = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b`)
	dayMonth   = regexp.MustCompile(`\b(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	monthDay   = regexp.MustCompile(`\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
)

// textDate finds the first date written out in s: "2024-05-04",
// "04.05.2024", "4 May 2024", "4. Mai 2024", "4 de mayo de 2024",
// "May 4, 2024".
func textDate(s string) (news.Timestamp, bool) {
	type found struct {
		at      int
		y, m, d int
	}
	var best *found
	consider := func(at, y, m, d int) {
		if best == nil || at < best.at {
			best = &found{at, y, m, d}
		}
	}
	if loc := isoDate.FindStringSubmatchIndex(s); loc != nil {
		consider(loc[0], atoi(s, loc, 1), atoi(s, loc, 2), atoi(s, loc, 3))
	}
	if loc := dottedDate.FindStringSubmatchIndex(s); loc != nil {
		consider(loc[0], atoi(s, loc, 3), atoi(s, loc, 2), atoi(s, loc, 1))
	}
	for _, loc := range dayMonth.FindAllStringSubmatchIndex(s, 3) {
		if m, ok := monthNames[strings.ToLower(s[loc[4]:loc[5]])]; ok {
			consider(loc[0], atoi(s, loc, 3), m, atoi(s, loc, 1))
			break
		}
	}
	for _, loc := range monthDay.FindAllStringSubmatchIndex(s, 3) {
		if m, ok := monthNames[strings.ToLower(s[loc[2]:loc[3]])]; ok {
			consider(loc[0], atoi(s, loc, 3), m, atoi(s, loc, 2))
			break
		}
	}
	if best == nil || best.m < 1 || best.m > 12 || best.d < 1 || best.d > 31 {
		return news.Timestamp{}, false
	}
	t := news.Day(best.y, time.Month(best.m), best.d)
	if t.Day() != best.d || !plausible(t.Time) {
		return news.Timestamp{}, false
	}
	return t, true
}

// shortYear is "11.10.21": day, month, two-digit year. Only an element
// marked as the date is read this way; in running text the pattern is as
// likely a score or a version.
var shortYear = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b`)

func shortYearDate(s string) (news.Timestamp, bool) {
	loc := shortYear.FindStringSubmatchIndex(s)
	if loc == nil {
		return news.Timestamp{}, false
	}
	y, m, d := 2000+atoi(s, loc, 3), atoi(s, loc, 2), atoi(s, loc, 1)
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return news.Timestamp{}, false
	}
	t := news.Day(y, time.Month(m), d)
	if t.Day() != d || !plausible(t.Time) {
		return news.Timestamp{}, false
	}
	return t, true
}

func atoi(s string, loc []int, group int) int {
	n, _ := strconv.Atoi(s[loc[2*group]:loc[2*group+1]])
	return n
}

// publishedLabel opens a line that gives the publication date.
var publishedLabel = regexp.MustCompile(`(?i)^(published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|opublikowano|gepubliceerd|datum|date|fecha|data)\b`)

// datelineDate looks for the publication date at the top of the text: a
// short line that is a date, or a labelled one ("Veröffentlicht am …").
// Dates inside the story's sentences are events, not its date.
func datelineDate(paras []string) (news.Timestamp, bool) {
	for _, p := range paras[:min(len(paras), 3)] {
		if wordCount(p) <= 8 || publishedLabel.MatchString(p) {
			if t, ok := textDate(p[:min(len(p), 200)]); ok {
				return t, true
			}
		}
	}
	return news.Timestamp{}, false
}

// shownDate is the date the page shows its readers: in an element marked
// as the date or the byline, else a dateline at the top of the text.
func (s *signals) shownDate(paras []string) news.Timestamp {
	for _, t := range s.dateTexts {
		if d, ok := textDate(t); ok {
			return d
		}
		if d, ok := shortYearDate(t); ok {
			return d
		}
	}
	d, _ := datelineDate(paras)
	return d
}
