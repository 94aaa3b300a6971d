package text

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date as precise as the text allows: Month and Day are
// zero when unknown, and Week is set (with Day zero) for an ISO week.
type Date struct {
	Year, Month, Day, Week int
}

// String formats the date in ISO 8601: "1997", "2025-01", "2025-W09",
// "2023-10-07".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Week != 0:
		return fmt.Sprintf("%04d-W%02d", d.Year, d.Week)
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
}

// Start returns the first day the date covers, for ordering.
func (d Date) Start() time.Time {
	if d.Week != 0 {
		jan4 := time.Date(d.Year, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(d.Week-1))
	}
	month, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// Valid reports whether the date names a real day, month or year.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return false
	}
	if d.Day > 0 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		return d.Month != 0 && t.Day() == d.Day
	}
	return true
}

func dayOf(t time.Time) Date { return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()} }

func weekOf(t time.Time) Date {
	y, w := t.ISOWeek()
	return Date{Year: y, Week: w}
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// MonthNumber returns 1–12 for an English month name or abbreviation.
func MonthNumber(lower string) (int, bool) {
	m, ok := monthNames[lower]
	return m, ok
}

func smallInt(t Token, lo, hi int) (int, bool) {
	if t.Kind != Number {
		return 0, false
	}
	v, err := strconv.Atoi(t.Text)
	if err != nil || v < lo || v > hi {
		return 0, false
	}
	return v, true
}

// IsDateWord reports whether a lower-case word names a month or a weekday.
func IsDateWord(lower string) bool {
	_, month := monthNames[lower]
	_, day := weekdays[lower]
	return month || day
}
