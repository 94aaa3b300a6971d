package feed

import "github.com/corroborate/corroborate/internal/news"

// parseDate reads a feed's date: RFC 822 as RSS writes it, RFC 3339 as
// Atom and JSON Feed do, or a bare date.
func parseDate(s string) (news.Timestamp, bool) {
	t, err := news.ParseTimestamp(s)
	return t, err == nil && !t.IsZero()
}

// firstDate is the first of dates that reads as one, or the zero
// Timestamp.
func firstDate(dates ...string) news.Timestamp {
	for _, d := range dates {
		if t, ok := parseDate(d); ok {
			return t
		}
	}
	return news.Timestamp{}
}
