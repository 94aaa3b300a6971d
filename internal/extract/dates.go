package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// publishedKeys are the meta tags sites use for the publication date, most
// specific first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "published_time",
	"datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date",
	"dc.date.created", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
	"sailthru.date", "parsely-pub-date", "article.published", "date", "displaydate", "dateline",
}

// published finds when the page was published: JSON-LD, then meta tags,
// then <time> elements, then a date in the URL.
func (s *signals) published(pageURL string) news.Timestamp {
	candidates := []string{s.ldArticle("datePublished")}
	for _, k := range publishedKeys {
		candidates = append(candidates, s.meta[k])
	}
	candidates = append(candidates, s.ldArticle("dateCreated"))
	candidates = append(candidates, s.times...)
	var found []news.Timestamp
	for _, c := range candidates {
		if t, ok := parseDate(c); ok {
			found = append(found, t)
		}
	}
	if len(found) == 0 {
		return dateInURL(pageURL)
	}
	return localTime(found)
}

// localTime returns the first date found, but in the publisher's own time
// zone when another source gives the same instant with its offset: the
// day a story ran is the day where it ran, not in UTC.
func localTime(found []news.Timestamp) news.Timestamp {
	first := found[0]
	if !first.Clock {
		return first
	}
	if _, offset := first.Zone(); offset != 0 {
		return first
	}
	for _, t := range found[1:] {
		if _, offset := t.Zone(); t.Clock && offset != 0 && t.Equal(first.Time) {
			return t
		}
	}
	return first
}

// dateLayouts are the machine-readable date formats found in page markup.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05", "2006-01-02 15:04", time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
}

var dayLayouts = []string{"2006-01-02", "2006/01/02", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006"}

// fraction is the sub-second part of a time, which layouts cannot all
// spell: "03:01:00.000000".
var fraction = regexp.MustCompile(`(\d{2}:\d{2}:\d{2})\.\d+`)

// parseDate reads a date as pages write it for machines. A time keeps the
// page's own offset, so the day is the one the publisher meant.
func parseDate(s string) (news.Timestamp, bool) {
	s = fraction.ReplaceAllString(strings.TrimSpace(s), "$1")
	if s == "" || len(s) > 64 {
		return news.Timestamp{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausible(t) {
			return news.Timestamp{Time: t, Clock: true}, true
		}
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausible(t) {
			return news.Day(t.Year(), t.Month(), t.Day()), true
		}
	}
	return news.Timestamp{}, false
}

// plausible rejects dates before the web and placeholders far in the
// future.
func plausible(t time.Time) bool {
	return t.Year() >= 1990 && t.Before(time.Now().AddDate(1, 0, 0))
}

// urlDate finds /2024/05/04/ or 2024-05-04 in a URL path.
var urlDate = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:$|[/_.-])`)

func dateInURL(rawURL string) news.Timestamp {
	path := rawURL
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
	}
	if i := strings.IndexByte(path, '/'); i >= 0 {
		path = path[i:]
	} else {
		return news.Timestamp{}
	}
	m := urlDate.FindStringSubmatch(path)
	if m == nil {
		return news.Timestamp{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := news.Day(y, time.Month(mo), d)
	if !plausible(t.Time) || t.Day() != d {
		return news.Timestamp{}
	}
	return t
}
