package compare

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// facts reads every figure of the story and groups them by what they count.
func facts(ix *Index) []news.Fact {
	ix.editions, ix.revised = editionsOf(ix.Sources), map[Ref]bool{}
	byKey := map[string][]figure{}
	var order []string
	var found []figure // one sentence's figures, reused
	for p, src := range ix.Sources {
		var prev nounPhrase
		carried := &carrier{ix: ix, source: p}
		lastPara := -1
		for i, s := range src.Doc.Sentences {
			if s.Para != lastPara {
				prev, lastPara = nounPhrase{}, s.Para
			}
			r := Ref{p, i}
			found = ix.appendFigures(found[:0], r, &prev, carried)
			for _, f := range found {
				if _, ok := byKey[f.key]; !ok {
					order = append(order, f.key)
				}
				byKey[f.key] = append(byKey[f.key], f)
			}
		}
	}
	type ranked struct {
		fact    news.Fact
		sources int // how many articles give it
	}
	facts := make([]ranked, len(order))
	for i, key := range order {
		f := ix.factOf(byKey[key])
		facts[i] = ranked{f, len(factSources(f))}
	}
	sort.SliceStable(facts, func(i, j int) bool {
		if facts[i].fact.Conflict != facts[j].fact.Conflict {
			return facts[i].fact.Conflict
		}
		return facts[i].sources > facts[j].sources
	})
	out := make([]news.Fact, len(facts))
	for i, f := range facts {
		out[i] = f.fact
	}
	return out
}

// carrier knows the last party an article attributed something to before
// a sentence, for "They added that …". It is read only when a figure's
// attribution is a pronoun, so most sentences are never parsed for it.
type carrier struct {
	ix     *Index
	source int
	upTo   int    // sentences before upTo have been accounted for
	name   string // the last party named before upTo
}

// before returns the last party named before sentence i: the nearest
// sentence back to upTo that names one, else what was known at upTo.
func (c *carrier) before(i int) string {
	for k := i - 1; k >= c.upTo; k-- {
		r := Ref{c.source, k}
		if a, pronoun := c.ix.attributorOf(r, len(c.ix.sentence(r).Tokens)); a != "" && !pronoun {
			c.name = a
			break
		}
	}
	c.upTo = max(c.upTo, i)
	return c.name
}

// factOf builds one fact from the figures given for its subject. Values are
// kept apart by range, by whom they are attributed to, and by whether an
// outlet has since revised them: a revised figure is that outlet's
// history, listed after the values that stand and never in conflict.
func (ix *Index) factOf(figs []figure) news.Fact {
	fact := news.Fact{Subject: factSubject(figs)}
	type slot struct {
		value   news.FactValue
		sources []int // positions, in story order
		rank    int   // of a revised value: the rank of its first version
		current []int // of a revised value: the versions giving the subject now
	}
	var slots []*slot
	type slotKey struct {
		value, low, high float64
		unit, attributed string
		revised          bool
	}
	byKey := map[slotKey]*slot{}
	revised := ix.revisions(figs)
	standing := figs
	if revised != nil {
		standing = make([]figure, 0, len(figs))
	}
	for i, f := range figs {
		var current []int
		if revised != nil {
			if current = revised[i]; current == nil {
				standing = append(standing, f)
			} else {
				ix.revised[f.ref] = true
			}
		}
		key := slotKey{f.value, f.low, f.high, f.unit, f.attributed, current != nil}
		sl, ok := byKey[key]
		if !ok {
			v := news.FactValue{Value: f.value, Low: f.low, Range: f.ends, Unit: f.unit, Qualifier: f.qualifier, Text: f.phrase, Sentence: ix.sentence(f.ref).Text, AttributedTo: f.attributed}
			if !math.IsInf(f.high, 1) {
				high := f.high
				v.High = &high
			}
			sl = &slot{value: v, rank: ix.editions[f.ref.Source].rank}
			byKey[key] = sl
			slots = append(slots, sl)
		}
		sl.sources = addSource(sl.sources, f.ref.Source) // figures come in story order
		for _, p := range current {
			if !slices.Contains(sl.current, p) {
				sl.current = append(sl.current, p)
			}
		}
	}
	// Values that stand first, in story order; revisions after, oldest first.
	sort.SliceStable(slots, func(i, j int) bool {
		ri, rj := slots[i].current != nil, slots[j].current != nil
		if ri != rj {
			return rj
		}
		return ri && slots[i].rank < slots[j].rank
	})
	fact.Values = make([]news.FactValue, 0, len(slots))
	for _, sl := range slots {
		sl.value.Sources = ix.idsAt(sl.sources)
		sl.value.Outlets = ix.outletsOf(sl.value.Sources)
		if sl.current != nil {
			slices.Sort(sl.current)
			sl.value.SupersededBy = ix.idsAt(sl.current)
		}
		fact.Values = append(fact.Values, sl.value)
	}
	for i, v := range fact.Values {
		for _, r := range fact.Revisions(v) {
			if !slices.Contains(v.UpdatedFrom, r.Text) {
				fact.Values[i].UpdatedFrom = append(fact.Values[i].UpdatedFrom, r.Text)
			}
		}
	}
	fact.Conflict = ix.conflicting(standing)
	var all []int
	for _, f := range figs {
		all = addSource(all, f.ref.Source)
	}
	fact.Voices = ix.voicesAt(all)
	return fact
}

// factSubject names what figures of one subject measure: the first one's
// subject, and when they are given in several units, all of them ("winds
// in mph or km/h").
func factSubject(figs []figure) string {
	var units []string
	for _, f := range figs {
		if f.unit != "" && !slices.Contains(units, f.unit) {
			units = append(units, f.unit)
		}
	}
	if len(units) < 2 {
		return figs[0].subject
	}
	np := figs[0].np
	if np.head == np.unit {
		np.head = strings.Join(units, " or ")
	}
	np.unit = strings.Join(units, " or ")
	return np.display(figs[0].kind)
}

// How similar two figures' sentences must be before their values can
// conflict. The same words ("students", "% of increase") count different
// things in different sentences — a goal and a result, January and the
// year so far — and a false conflict costs a reader's trust more than a
// missed one. A toll (the dead, the injured, the arrested) or a person's
// age names one thing, so it needs less; a distance or an area describes
// something else, so it needs more.
const (
	sameTollContext    = 0.15
	sameContext        = 0.35
	sameMeasureContext = 0.5
)

// conflicting reports whether two independent voices give figures whose
// ranges cannot both hold, about the same thing at the same time. A subject
// for which one article itself gives two different figures is ambiguous
// (the words count two different things), so it never makes a conflict;
// nor do vague amounts ("thousands"), figures that refer back to a count
// ("the two journalists"), parts of a breakdown, forecasts, or figures
// dated differently.
func (ix *Index) conflicting(figs []figure) bool {
	found := false
	for i := range figs {
		for j := i + 1; j < len(figs); j++ {
			a, b := figs[i], figs[j]
			if a.ref.Source == b.ref.Source {
				if !sameValue(a, b) {
					return false
				}
				continue
			}
			if found || overlaps(a, b) || !a.reported() || !b.reported() {
				continue
			}
			if ix.Sources[a.ref.Source].Voice == ix.Sources[b.ref.Source].Voice || ix.datedApart(a.ref, b.ref) {
				continue
			}
			need := sameContext
			switch {
			case a.measure || b.measure:
				need = sameMeasureContext
			case a.toll || a.age:
				need = sameTollContext
			}
			found = ix.Similarity(a.ref, b.ref) >= need
		}
	}
	return found
}

// reported reports whether a figure states a count as fact, one that
// another figure can contradict.
func (f figure) reported() bool {
	return !f.vague && !f.anaphoric && !f.part && !f.forecast
}

// datedApart reports whether two sentences are each dated, and on
// different days: figures for different times are not in conflict. A
// sentence without a date tells of its article's time, as far as the year
// goes: one dated only to years before the year the other article came out
// ("In 1998, … killing more than 200 people") is of an earlier event.
func (ix *Index) datedApart(a, b Ref) bool {
	da, db := ix.datesOf(a), ix.datesOf(b)
	if len(da) == 0 && len(db) == 0 {
		return false
	}
	if len(da) == 0 {
		return ix.before(db, a.Source)
	}
	if len(db) == 0 {
		return ix.before(da, b.Source)
	}
	for d := range da {
		if db[d] {
			return false
		}
	}
	return true
}

// before reports whether every date of dates (as datesOf writes them,
// the year first) falls in a year before source's article came out; false
// when the article is undated. The year is the one a month before the
// article: an undated sentence of January 2 may tell of December 30 (the
// year's last days are read in the new year's first reports).
func (ix *Index) before(dates map[string]bool, source int) bool {
	published := ix.Sources[source].Article.Published.Time
	if published.IsZero() {
		return false
	}
	current := published.AddDate(0, -1, 0).Year()
	for d := range dates {
		year, err := strconv.Atoi(d[:min(len(d), 4)])
		if err != nil || year >= current {
			return false
		}
	}
	return true
}

// datesOf resolves the dates a sentence mentions.
func (ix *Index) datesOf(r Ref) map[string]bool {
	out := map[string]bool{}
	for _, m := range ix.marksOf(r).dates {
		if d, ok := m.Resolve(ix.reference(r.Source)); ok && d.Year != 0 {
			out[d.String()] = true
		}
	}
	return out
}

func overlaps(a, b figure) bool {
	if a.unit != b.unit {
		return overlapsAcrossUnits(a, b)
	}
	const eps = 1e-9
	return a.low <= b.high+eps && b.low <= a.high+eps
}

func factSources(f news.Fact) map[string]bool {
	set := map[string]bool{}
	for _, v := range f.Values {
		for _, s := range v.Sources {
			set[s] = true
		}
	}
	return set
}

// attributorOf finds who a sentence attributes what comes at token i to:
// the subject of the last attribution verb before it ("Israeli officials
// say about 24 …"), "according to X" anywhere, or a closing ", X said". It
// reports whether that subject is a pronoun, left for the caller to resolve.
func (ix *Index) attributorOf(r Ref, i int) (string, bool) {
	if !ix.marksOf(r).cites {
		return "", false // no "according to", no reporting verb
	}
	s := ix.sentence(r)
	tokens := s.Tokens
	phrase := func(start, end int) (string, bool) {
		for start < end && determiners.has(tokens[start].Lower) {
			start++
		}
		if start >= end {
			return "", false
		}
		if groupPronouns.has(tokens[start].Lower) || personPronouns.has(tokens[start].Lower) {
			if personPronouns.has(tokens[start].Lower) {
				if m, ok := ix.people[r.Source].lastBefore(r.Sentence, start); ok {
					return m.name, false
				}
			}
			return "", true
		}
		if m, ok := ix.people[r.Source].subject(tokens, r.Sentence, start, end); ok {
			return m.name, false
		}
		if !hasNoun(tokens[start:end]) {
			return "", false
		}
		return s.Slice(text.Span{Start: start, End: end}), false
	}
	for k := 0; k+1 < len(tokens); k++ {
		if tokens[k].Lower == "according" && tokens[k+1].Lower == "to" {
			return phrase(k+2, phraseEnd(tokens, k+2))
		}
	}
	for k := min(i, len(tokens)) - 1; k > 0; k-- {
		if isVerb(tokens, k, reportingVerbs) && tokens[k].Lower != "according" && !passive(tokens, k) {
			if start, end, ok := subjectBefore(tokens, k); ok {
				return phrase(start, end)
			}
		}
	}
	// "…, officials said" after the figure.
	for k := i + 1; k < len(tokens); k++ {
		if isVerb(tokens, k, reportingVerbs) && tokens[k].Lower != "according" && !passive(tokens, k) {
			if start, end, ok := subjectBefore(tokens, k); ok && start > i && start > 0 && tokens[start-1].Text == "," {
				return phrase(start, end)
			}
		}
	}
	return "", false
}
