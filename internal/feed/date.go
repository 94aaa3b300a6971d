package feed

import (
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// dateLayouts are RFC 822 as feeds write it (with and without the weekday,
// seconds or a numeric zone) and RFC 3339.
var dateLayouts = []string{
	time.RFC3339Nano, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 MST", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 06 15:04:05 -0700", "Mon, 02 Jan 2006 15:04:05 Z", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z0700", "Mon, 2 January 2006 15:04:05 -0700",
}

func parseDate(s string) (news.Timestamp, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return news.Timestamp{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return news.Timestamp{Time: t, Clock: true}, true
		}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return news.Timestamp{Time: t}, true
	}
	return news.Timestamp{}, false
}
