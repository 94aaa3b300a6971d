package text

import (
	"strings"
	"time"
)

// DateMention is a date expression found in a sentence, spanning tokens
// [Start, End). Absolute dates fill Date (Year zero when the text left it
// out); relative ones fill Weekday or Offset and Unit; Future marks a
// sentence about what is to come, so relative dates resolve forwards.
type DateMention struct {
	Start, End int
	Date       Date
	Weekday    time.Weekday
	HasWeekday bool
	Offset     int  // in Units: -1 with Unit 'm' is "last month"
	Unit       byte // 'd', 'w', 'm', 'y'; 0 when not relative
	Future     bool
}

// Relative reports whether the mention needs a reference date to resolve.
func (m DateMention) Relative() bool {
	return m.HasWeekday || m.Unit != 0 || m.Date.Year == 0
}

// Resolve turns the mention into a date, using ref (the article's date) for
// relative expressions. It reports false when the mention needs a reference
// and ref is zero.
func (m DateMention) Resolve(ref time.Time) (Date, bool) {
	if !m.Relative() {
		return m.Date, true
	}
	if ref.IsZero() {
		return Date{}, false
	}
	switch {
	case m.HasWeekday:
		diff := int(m.Weekday) - int(ref.Weekday())
		if m.Future && diff <= 0 {
			diff += 7
		} else if !m.Future && diff > 0 {
			diff -= 7
		}
		return dayOf(ref.AddDate(0, 0, diff)), true
	case m.Unit == 'd':
		return dayOf(ref.AddDate(0, 0, m.Offset)), true
	case m.Unit == 'w':
		return weekOf(ref.AddDate(0, 0, 7*m.Offset)), true
	case m.Unit == 'm':
		t := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, m.Offset, 0)
		return Date{Year: t.Year(), Month: int(t.Month())}, true
	case m.Unit == 'y':
		return Date{Year: ref.Year() + m.Offset}, true
	}
	// A day or month without a year: the nearest one before the reference,
	// or after it when the sentence looks ahead.
	d := m.Date
	d.Year = ref.Year()
	at := d.Start()
	refDay := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	if d.Day == 0 {
		refDay = time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	if !m.Future && at.After(refDay) {
		d.Year--
	} else if m.Future && at.Before(refDay) {
		d.Year++
	}
	return d, d.Valid()
}

// futureWords mark a sentence about what is to come; "expected" and the
// like count only in the present tense ("is expected to"), not in "was
// expected to".
var futureWords = setOf(`will shall upcoming tomorrow`)

var futureAfterBe = setOf(`expected scheduled set due planning going poised`)

// intentVerbs in the present tense look ahead when an infinitive follows:
// "officials expect the fire to grow", "the union plans to strike".
var intentVerbs = setOf(`expect expects plan plans intend intends aim aims hope hopes`)

// pastIntentVerbs are intentVerbs in the past, which look ahead of the
// article too when their subject did the expecting ("she expected talks
// to resume on Friday"), not in the passive or the pluperfect ("talks
// were expected to end on Friday", "he had planned to travel on Friday"),
// which tell of a past that may not have come.
var pastIntentVerbs = setOf(`expected planned intended`)

// pastSpeech are the past tenses of the verbs that report what was said:
// "the company said on Monday it will cut jobs" dates the saying, not
// what is to come.
var pastSpeech = setOf(`said told announced confirmed added stated declared reported wrote warned explained
noted insisted claimed argued agreed revealed promised vowed pledged`)

// aheadFrom returns the index of the first token that makes a sentence
// look ahead, or -1.
func aheadFrom(tokens []Token) int {
	for i := range tokens {
		if aheadAt(tokens, i) {
			return i
		}
	}
	return -1
}

// aheadAt reports whether token i makes a sentence look ahead: "will",
// "'ll", "could resume", "is expected to", "would" (what was said of the
// future: "she said she would request aid on Tuesday") or a present intent
// with an infinitive.
func aheadAt(tokens []Token, i int) bool {
	t := &tokens[i]
	if _, ok := futureWords[t.Lower]; ok || strings.HasSuffix(t.Lower, "'ll") || strings.HasSuffix(t.Lower, "’ll") {
		return true
	}
	switch t.Lower {
	case "could", "may", "might", "would":
		// "talks could resume on Friday"; "May" is the month
		return i+1 < len(tokens) && tokens[i+1].Lower != "have" && t.Text != "May"
	}
	if _, ok := futureAfterBe[t.Lower]; ok && i > 0 && i+1 < len(tokens) && tokens[i+1].Lower == "to" {
		switch tokens[skipAdverbs(tokens, i-1)].Lower {
		case "is", "are", "am", "'s", "’s":
			return true
		}
	}
	_, intent := intentVerbs[t.Lower]
	if _, past := pastIntentVerbs[t.Lower]; past && i > 0 {
		intent = !pastAuxiliary(tokens[skipAdverbs(tokens, i-1)].Lower)
	}
	if intent && i > 0 && !isDeterminer(tokens[i-1].Lower) {
		for j := i + 1; j < len(tokens) && j <= i+5; j++ {
			if tokens[j].Lower == "to" {
				return true
			}
			if tokens[j].Kind == Punct {
				break
			}
		}
	}
	return false
}

// markFuture marks the mentions that speak of what is to come: those
// after the word that looks ahead, and those before it only when the
// sentence has told nothing past before it ("on Friday, talks will
// resume"). A date before "would" is when something was said or done
// ("the House on Tuesday passed a bill, which would fund …"), and one
// before a past verb is too ("the company said on Monday it will cut
// jobs", "the strike, which began on Monday, will go on").
func markFuture(tokens []Token, mentions []DateMention) {
	ahead := aheadFrom(tokens)
	if ahead < 0 {
		return
	}
	before := tokens[ahead].Lower != "would" && mentions[len(mentions)-1].Start < ahead
	for i := 0; before && i < ahead; i++ {
		before = !pastVerb(tokens, i)
	}
	for i := range mentions {
		if before || mentions[i].Start > ahead && !toldAt(tokens, ahead, mentions[i].Start) {
			mentions[i].Future = true
		}
	}
}

// toldAt reports whether a date at token m, after the word at ahead that
// looks ahead, says when the future was told: a past verb of speech comes
// between, with no other word looking ahead after it ("the plant will
// close, the company said on Monday"; not "it said it would close on
// Friday").
func toldAt(tokens []Token, ahead, m int) bool {
	for k := m - 1; k > ahead; k-- {
		if aheadAt(tokens, k) {
			return false
		}
		if _, ok := pastSpeech[tokens[k].Lower]; ok {
			return true
		}
	}
	return false
}

// pastVerb reports whether token i reads as a verb in the past tense: a
// past of speech or of a common irregular verb, or a word in -ed that no
// determiner makes an adjective ("the expected vote").
func pastVerb(tokens []Token, i int) bool {
	w := tokens[i].Lower
	if _, ok := futureAfterBe[w]; ok || w == "planned" {
		return false // "the decision, expected on Friday, could …" looks ahead
	}
	if _, ok := pastSpeech[w]; ok {
		return true
	}
	if IrregularPast(w) {
		return true
	}
	if len(w) <= 4 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") || tokens[i].Kind != Word {
		return false
	}
	if i > 0 {
		if isDeterminer(tokens[i-1].Lower) {
			return false
		}
	}
	return true
}

// irregularPast are the past forms of common English verbs that do not
// end in -ed, which a word's ending cannot tell: a date before one is of
// what was done, and a counted noun ends at one ("12 people fell ill").
var irregularPast = setOf(`was were had did began met went came took made left held won lost gave got saw
ran fell rose led kept spent sent thought found struck broke fled flew drove wore chose sold bought
built caught fought brought taught paid told grew became threw wrote spoke stood shot hurt hit put
taken given seen`)

// IrregularPast reports whether a lower-case word is the past of a common
// irregular verb: "fell", "took", "taken".
func IrregularPast(w string) bool {
	_, ok := irregularPast[w]
	return ok
}

// skipAdverbs returns the first token at or before k that is no adverb
// standing between an auxiliary and its verb ("were widely expected",
// "had long planned", "was not expected", "is now expected"), or 0.
func skipAdverbs(tokens []Token, k int) int {
	for k > 0 && (inSet(verbAdverbs, tokens[k].Lower) || tokens[k].Kind == Word && tokens[k].Text == tokens[k].Lower && strings.HasSuffix(tokens[k].Lower, "ly")) {
		k--
	}
	return k
}

var verbAdverbs = setOf(`not never also still long once already always now`)

// pastAuxiliary reports whether w makes the participle after it passive
// or pluperfect: "was expected", "had planned".
func pastAuxiliary(w string) bool {
	switch w {
	case "was", "were", "been", "had", "'d", "’d", "wasn't", "weren't", "hadn't", "wasn’t", "weren’t", "hadn’t":
		return true
	}
	return false
}

var determinerWords = setOf(`a an the this that these those its their his her our your my`)

// isDeterminer reports whether w opens a noun phrase: "a plan to", "the
// expected vote".
func isDeterminer(w string) bool {
	_, ok := determinerWords[w]
	return ok
}

// Dates finds the date expressions in a sentence's tokens.
func Dates(tokens []Token) []DateMention {
	var out []DateMention
	for i := 0; i < len(tokens); {
		m, ok := readDate(tokens, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	if len(out) > 0 {
		markFuture(tokens, out)
	}
	return out
}

var dateReaders = []func([]Token, int) (DateMention, bool){readISODate, readDayMonth, readMonthDay, readYear, readWeekday, readRelative}

// dateOpeners are the words a date expression can start with, besides
// numbers, months and weekdays; any other token is skipped at once.
var dateOpeners = setOf(`yesterday today tonight tomorrow earlier later last this next past in over a one
two three four five six seven eight nine ten eleven twelve`)

// dateStarts filters the words that can start a date: openers, months and
// weekdays.
var dateStarts = func() *WordFilter {
	f := filterOf(dateOpeners)
	for w := range monthNames {
		f.Add(w)
	}
	for w := range weekdays {
		f.Add(w)
	}
	return f
}()

func readDate(tokens []Token, i int) (DateMention, bool) {
	t := &tokens[i]
	if t.Kind != Number {
		if t.Kind != Word {
			return DateMention{}, false
		}
		if !dateStarts.MayHave(t.Lower) {
			return DateMention{}, false
		}
		_, opener := dateOpeners[t.Lower]
		capitalized := t.Capitalized()
		if !opener && !(capitalized && IsDateWord(t.Lower)) {
			return DateMention{}, false
		}
		if !capitalized {
			// A lower-case word opens no date but a relative one ("last
			// Friday", "in recent days"): the other readers want a
			// number, a month or a weekday first.
			if m, ok := readWeekday(tokens, i); ok {
				return m, true
			}
			return readRelative(tokens, i)
		}
	}
	for _, read := range dateReaders {
		if m, ok := read(tokens, i); ok {
			return m, true
		}
	}
	return DateMention{}, false
}

// readISODate reads "2023-10-07".
func readISODate(tokens []Token, i int) (DateMention, bool) {
	if i+2 >= len(tokens) || !tokens[i+1].Hyphen || !tokens[i+2].Hyphen || len(tokens[i].Text) != 4 {
		return DateMention{}, false
	}
	y, ok1 := smallInt(tokens[i], 1000, 2999)
	mo, ok2 := smallInt(tokens[i+1], 1, 12)
	d, ok3 := smallInt(tokens[i+2], 1, 31)
	date := Date{Year: y, Month: mo, Day: d}
	if !ok1 || !ok2 || !ok3 || !date.Valid() {
		return DateMention{}, false
	}
	return DateMention{Start: i, End: i + 3, Date: date}, true
}

// month reads a month name at i, with the period of an abbreviation, and
// returns the index after it. May and March must be capitalised, since they
// are also common words.
func month(tokens []Token, i int) (int, int, bool) {
	if i >= len(tokens) || tokens[i].Kind != Word {
		return 0, i, false
	}
	m, ok := monthNames[tokens[i].Lower]
	if !ok || !tokens[i].Capitalized() {
		return 0, i, false
	}
	next := i + 1
	if len(tokens[i].Lower) <= 4 && next < len(tokens) && tokens[next].Text == "." {
		next++
	}
	return m, next, true
}

// year reads an optional ", 2023" or "2023" at i.
func year(tokens []Token, i int) (int, int) {
	j := i
	if j < len(tokens) && tokens[j].Text == "," {
		j++
	}
	if j < len(tokens) && len(tokens[j].Text) == 4 {
		if y, ok := smallInt(tokens[j], 1000, 2999); ok {
			return y, j + 1
		}
	}
	return 0, i
}

// readDayMonth reads "7 October", "7 October 2023".
func readDayMonth(tokens []Token, i int) (DateMention, bool) {
	d, ok := smallInt(tokens[i], 1, 31)
	if !ok || tokens[i].Hyphen {
		return DateMention{}, false
	}
	j := i + 1
	if j < len(tokens) && tokens[j].Lower == "of" {
		j++
	}
	m, end, ok := month(tokens, j)
	if !ok {
		return DateMention{}, false
	}
	y, end := year(tokens, end)
	date := Date{Year: y, Month: m, Day: d}
	if y != 0 && !date.Valid() {
		return DateMention{}, false
	}
	return DateMention{Start: i, End: end, Date: date}, true
}

// readMonthDay reads "October 7", "Oct. 7, 2023", "October 2023", and a bare
// month after a preposition ("in January").
func readMonthDay(tokens []Token, i int) (DateMention, bool) {
	m, end, ok := month(tokens, i)
	if !ok {
		return DateMention{}, false
	}
	date := Date{Month: m}
	if d, ok := smallInt(safe(tokens, end), 1, 31); ok && !safe(tokens, end+1).Hyphen {
		date.Day = d
		end++
	}
	y, afterYear := year(tokens, end)
	if y != 0 {
		date.Year, end = y, afterYear
	}
	if date.Day == 0 && date.Year == 0 && (i == 0 || !isPreposition(tokens[i-1].Lower)) {
		return DateMention{}, false
	}
	if date.Year != 0 && !date.Valid() {
		return DateMention{}, false
	}
	return DateMention{Start: i, End: end, Date: date}, true
}

// readYear reads a year after a preposition: "in 1997", "since 2014".
func readYear(tokens []Token, i int) (DateMention, bool) {
	if i == 0 || !isPreposition(tokens[i-1].Lower) || len(tokens[i].Text) != 4 {
		return DateMention{}, false
	}
	y, ok := smallInt(tokens[i], 1800, 2100)
	if !ok || (i+1 < len(tokens) && tokens[i+1].Kind == Word && !IsStop(tokens[i+1].Lower)) {
		return DateMention{}, false
	}
	return DateMention{Start: i, End: i + 1, Date: Date{Year: y}}, true
}

func isPreposition(lower string) bool {
	_, ok := yearPrepositions[lower]
	return ok || lower == "on" || lower == "late" || lower == "early" || lower == "last" || lower == "this"
}

func safe(tokens []Token, i int) Token {
	if i < len(tokens) {
		return tokens[i]
	}
	return Token{}
}
