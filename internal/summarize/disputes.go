package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
)

// counterparts links each unit that states a disputed figure to the units
// stating a figure for the same thing that it cannot be reconciled with,
// best-scored first. The summary prints such a unit only with one of its
// counterparts, so that it never tells one side of a dispute as the story.
func counterparts(res *compare.Result, units []*unit) map[*unit][]*unit {
	out := make(map[*unit][]*unit)
	var byArticle map[string][]*unit
	for _, f := range res.Facts {
		if !f.Conflict {
			continue
		}
		if byArticle == nil {
			byArticle = unitsByArticle(res.Index, units)
		}
		stating := make([][]*unit, len(f.Values))
		for i, v := range f.Values {
			stating[i] = unitsStating(byArticle, v)
		}
		for i, a := range f.Values {
			for j, b := range f.Values {
				// A revised figure is history, disputed by nobody.
				if i == j || compare.ValuesOverlap(a, b) || len(a.SupersededBy) > 0 || len(b.SupersededBy) > 0 {
					continue
				}
				for _, u := range stating[i] {
					for _, c := range stating[j] {
						if c != u && !containsUnit(out[u], c) {
							out[u] = append(out[u], c)
						}
					}
				}
			}
		}
	}
	return out
}

// unitsByArticle lists the units each article carries.
func unitsByArticle(ix *compare.Index, units []*unit) map[string][]*unit {
	out := make(map[string][]*unit)
	for _, u := range units {
		for _, m := range u.group.Members {
			id := ix.Sources[m.Source].Article.ID
			out[id] = append(out[id], u)
		}
	}
	return out
}

// unitsStating returns the units whose text gives value v and that come
// from an article v was read from.
func unitsStating(byArticle map[string][]*unit, v news.FactValue) []*unit {
	var out []*unit
	if v.Text == "" {
		return nil
	}
	for _, id := range v.Sources {
		for _, u := range byArticle[id] {
			if statesFigure(u.clause.text, v.Text) && !containsUnit(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// statesFigure reports whether text holds figure as written, whole: "12"
// is not in "120", "2012", "1.12" or "12,000", which would tie a sentence
// to a figure it does not give.
func statesFigure(text, figure string) bool {
	first, _ := utf8.DecodeRuneInString(figure)
	last, _ := utf8.DecodeLastRuneInString(figure)
	for from := 0; ; {
		at := strings.Index(text[from:], figure)
		if at < 0 || figure == "" {
			return false
		}
		start, end := from+at, from+at+len(figure)
		before, size := utf8.DecodeLastRuneInString(text[:start])
		beyondBefore, _ := utf8.DecodeLastRuneInString(text[:start-size])
		after, size := utf8.DecodeRuneInString(text[end:])
		beyondAfter, _ := utf8.DecodeRuneInString(text[end+size:])
		if !(alnum(first) && goesOn(before, beyondBefore)) && !(alnum(last) && goesOn(after, beyondAfter)) {
			return true
		}
		from = start + 1
	}
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// goesOn reports whether r, beside a figure, makes it part of a longer
// word or number: a letter or digit, or a decimal or thousands separator
// with a digit beyond it.
func goesOn(r, beyond rune) bool {
	return alnum(r) || (r == '.' || r == ',') && unicode.IsDigit(beyond)
}

func containsUnit(list []*unit, u *unit) bool {
	for _, x := range list {
		if x == u {
			return true
		}
	}
	return false
}
