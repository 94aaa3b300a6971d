package news

import (
	"encoding/json"
	"fmt"
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

// ParseTimestamp reads a date ("2025-03-05") or an RFC 3339 time.
func ParseTimestamp(s string) (Timestamp, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Timestamp{}, nil
	}
	if t, err := time.Parse(dayLayout, s); err == nil {
		return Timestamp{Time: t}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Timestamp{Time: t, Clock: true}, nil
		}
	}
	return Timestamp{}, fmt.Errorf("date %q: want YYYY-MM-DD or RFC 3339", s)
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
