package compare

import (
	"sort"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// sameEvent is the similarity two dated sentences need to be one event.
const sameEvent = 0.3

type dated struct {
	date text.Date
	ref  Ref
}

// timeline lists the dated events of the story, oldest first, merging the
// same event told by several articles. Relative dates ("on Wednesday",
// "last month") resolve against the article's date; a day without a year
// takes the year another article gives the same day.
func timeline(ix *Index) []news.Event {
	var found []dated
	fullDays := map[[2]int]int{} // month, day → year, from dates written in full
	for _, r := range ix.Refs {
		for _, m := range ix.marksOf(r).dates {
			if d := m.Date; !m.Relative() && d.Day != 0 {
				fullDays[[2]int{d.Month, d.Day}] = d.Year
			}
		}
	}
	for _, r := range ix.Refs {
		for _, m := range ix.marksOf(r).dates {
			d, ok := ix.resolveDate(r, m, fullDays)
			if ok {
				found = append(found, dated{d, r})
			}
		}
	}
	type event struct {
		date    text.Date
		refs    []Ref
		sources map[int]bool
	}
	var events []*event
	for _, f := range found {
		var into *event
		for _, e := range events {
			if e.date == f.date && cosine(ix.termsOf(e.refs[0]), ix.termsOf(f.ref)) >= sameEvent {
				into = e
				break
			}
		}
		if into == nil {
			into = &event{date: f.date, sources: map[int]bool{}}
			events = append(events, into)
		}
		if n := len(into.refs); n == 0 || into.refs[n-1] != f.ref {
			into.refs = append(into.refs, f.ref)
		}
		into.sources[f.ref.Source] = true
	}
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i].date.Start(), events[j].date.Start()
		if !a.Equal(b) {
			return a.Before(b)
		}
		return events[i].date.String() < events[j].date.String()
	})
	out := make([]news.Event, 0, len(events))
	for _, e := range events {
		out = append(out, news.Event{Date: e.date.String(), Text: ix.sentence(ix.central(e.refs)).Text, Sources: ix.ids(e.sources)})
	}
	return out
}

func (ix *Index) resolveDate(r Ref, m text.DateMention, fullDays map[[2]int]int) (text.Date, bool) {
	if !m.HasWeekday && m.Unit == 0 && m.Date.Year == 0 && m.Date.Day != 0 {
		if year, ok := fullDays[[2]int{m.Date.Month, m.Date.Day}]; ok {
			d := m.Date
			d.Year = year
			return d, true
		}
	}
	d, ok := m.Resolve(ix.reference(r.Source))
	return d, ok && d.Year != 0
}
