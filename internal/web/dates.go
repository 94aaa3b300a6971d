package web

import (
	"strconv"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// when is a date as the pages show it: read by people, with the machine
// form beside it for <time datetime>. Machine is "" for a date the pages
// cannot read, which is shown as given.
type when struct {
	Machine, Human string
	start          time.Time // the first instant the date covers, for charts
}

// Page dates are written one way everywhere: "5 Mar 2025", with
// ", 09:30 UTC" when the time is known (in UTC, so that two stories'
// times compare at a glance), "March 2025", "1997" or "week of 3 Mar 2025"
// for the partial dates of a timeline.
const (
	humanDay   = "2 Jan 2006"
	humanClock = "2 Jan 2006, 15:04 UTC"
	humanMonth = "January 2006"
)

// dateOf reads a date as the store and the JSON contract write it (a day,
// RFC 3339) or as a timeline gives it ("1997", "2025-01", "2025-W10").
func dateOf(s string) when {
	if s == "" {
		return when{}
	}
	if ts, err := news.ParseTimestamp(s); err == nil && !ts.IsZero() {
		return dateOfTimestamp(ts)
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return when{Machine: s, Human: t.Format(humanMonth), start: t}
	}
	if t, err := time.Parse("2006", s); err == nil {
		return when{Machine: s, Human: s, start: t}
	}
	if len(s) == 8 && s[4:6] == "-W" {
		y, err1 := strconv.Atoi(s[:4])
		w, err2 := strconv.Atoi(s[6:])
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			monday := text.Date{Year: y, Week: w}.Start()
			return when{Machine: s, Human: "week of " + monday.Format(humanDay), start: monday}
		}
	}
	return when{Human: s}
}

func dateOfTimestamp(ts news.Timestamp) when {
	if !ts.Clock {
		return when{Machine: ts.Format("2006-01-02"), Human: ts.Format(humanDay), start: ts.Time}
	}
	utc := ts.UTC()
	return when{Machine: utc.Format(time.RFC3339), Human: utc.Format(humanClock), start: utc}
}
