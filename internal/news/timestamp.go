package news

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Timestamp is when an article was published: a calendar day, with a clock
// time when the source gave one. The zero value means unknown.
type Timestamp struct {
	time.Time
	Clock bool
}

const dayLayout = "2006-01-02"

// Day returns a Timestamp for a calendar day without a clock time.
func Day(year int, month time.Month, day int) Timestamp {
	return Timestamp{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// clockLayouts are the times ParseTimestamp reads: RFC 3339 and its
// common looser forms, and RFC 822/1123 as feeds, mail and many scrapers
// write it (with or without the weekday, seconds or a numeric zone).
var clockLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 MST", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 06 15:04:05 -0700", "Mon, 02 Jan 2006 15:04:05 Z", "Mon, 2 January 2006 15:04:05 -0700",
}

// ParseTimestamp reads a date ("2025-03-05"), a time in RFC 3339 or
// RFC 1123 ("Wed, 05 Mar 2025 07:30:00 GMT"), or Unix time in seconds or
// milliseconds. Runs of spaces count as one.
func ParseTimestamp(s string) (Timestamp, error) {
	// The store reads every row's date through here: fold runs of space
	// only where there are some, without allocating for the rest.
	s = strings.TrimSpace(s)
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	if s == "" {
		return Timestamp{}, nil
	}
	if t, err := time.Parse(dayLayout, s); err == nil {
		return Timestamp{Time: t}, nil
	}
	if t, ok := unixTime(s); ok {
		return Timestamp{Time: t, Clock: true}, nil
	}
	for _, layout := range clockLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Timestamp{Time: t, Clock: true}, nil
		}
	}
	return Timestamp{}, fmt.Errorf("date %q: want YYYY-MM-DD, RFC 3339, RFC 1123 or Unix time", s)
}

// unixTime reads Unix time as data sets and APIs write it: seconds (ten
// digits, or nine before 2001) or milliseconds (thirteen, or twelve). Other
// runs of digits (a year, a date without dashes, a date and time without
// separators) are not read as one.
func unixTime(s string) (time.Time, bool) {
	if strings.Trim(s, "0123456789") != "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	switch len(s) {
	case 9, 10:
		return time.Unix(n, 0).UTC(), true
	case 12:
		if compactTime(s) {
			return time.Time{}, false
		}
		return time.UnixMilli(n).UTC(), true
	case 13:
		return time.UnixMilli(n).UTC(), true
	}
	return time.Time{}, false
}

// compactTime reports whether twelve digits are a date and time of this
// century or the last written without separators (202503051030): read as
// milliseconds they would fall in 1976, a reading no news data set needs.
func compactTime(s string) bool {
	if !strings.HasPrefix(s, "19") && !strings.HasPrefix(s, "20") {
		return false
	}
	_, err := time.Parse("200601021504", s)
	return err == nil
}

// String formats the timestamp as the JSON contract writes it.
func (t Timestamp) String() string {
	switch {
	case t.IsZero():
		return ""
	case t.Clock:
		return t.Format(time.RFC3339)
	default:
		return t.Format(dayLayout)
	}
}

// MarshalJSON writes null for an unknown date.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.String())
}

// UnmarshalJSON accepts null, a date or an RFC 3339 time.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Timestamp{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: want a string, got %s", b)
	}
	parsed, err := ParseTimestamp(s)
	if err != nil {
		return err
	}
	*t = parsed
	return nil
}
