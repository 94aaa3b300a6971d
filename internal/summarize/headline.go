package summarize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

const (
	// maxHeadlineWords bounds a headline; a "title" longer than this is a
	// caption or a first paragraph the cleaner took for one.
	maxHeadlineWords = 16
	minHeadlineWords = 4
	// sameTitle is the share of content words two titles must share to say
	// the same thing (Jaccard).
	sameTitle = 0.5
	// leadSentences is how much of each article, after its title, counts as
	// saying what the story is about when headline words are checked.
	leadSentences = 3
)

// Headline names a story. When the outlets' titles agree, or one voice
// alone has titled it, it is the title closest to the story as a whole.
// When titles disagree, no outlet's headline is copied: the headline is the
// run of title words the other voices bear out (their titles and leads),
// without the framing only one outlet uses. A headline never states a
// figure the sources dispute or an outlet has revised; without titles it
// is the main clause of the first summary sentence that states none. A
// story with any text always has a headline: see anyHeadline.
func Headline(res *compare.Result, summary []news.Sentence) string {
	return headline(res, weigh(res.Index), summary)
}

func headline(res *compare.Result, cs *concepts, summary []news.Sentence) string {
	ix := res.Index
	disputed := disputedFigures(res)
	support := leadStems(ix)
	titles := titlesByVoice(ix, cs, support)
	if t := centralTitle(ix, cs, titles); t != "" && agree(cs, titles) && !states(t, disputed) {
		return t
	}
	if h := supportedSpan(cs, titles, support, disputed); h != "" {
		return h
	}
	for _, s := range summary {
		if h := headlineFrom(s.Text); !states(h, disputed) && !opensQuote(h) {
			return h
		}
	}
	if len(summary) > 0 {
		return headlineFrom(summary[0].Text)
	}
	if t := centralTitle(ix, cs, titles); t != "" {
		return t
	}
	return anyHeadline(ix)
}

// anyHeadline names a story that offered nothing better: no sentence fit
// for the summary and no title fit for a headline, as with a short
// fragment, or a title too long or not borne out by the text. An outlet's
// title, cut to headline length, comes first, then the first sentence;
// only a story without a word of text is left without a name.
func anyHeadline(ix *compare.Index) string {
	for _, s := range ix.Sources {
		if h := headlineFrom(s.Article.Title); text.Words(h) > 0 {
			return h
		}
	}
	for _, s := range ix.Sources {
		for _, sent := range s.Doc.Sentences {
			if h := headlineFrom(sent.Text); text.Words(h) > 0 {
				return h
			}
		}
	}
	return ""
}

// titlesByVoice returns the usable titles of each independent voice: of
// headline length, and about what the articles say, so that a share bar or
// a caption the cleaner took for a title is not one. Each voice's title
// stems join its support set.
func titlesByVoice(ix *compare.Index, cs *concepts, support map[string]map[string]bool) map[string][]string {
	out := make(map[string][]string)
	for _, s := range ix.Sources {
		t := strings.TrimSpace(s.Article.Title)
		if t == "" || text.Words(t) > maxHeadlineWords || contains(out[s.Voice], t) || !aboutStory(cs.tokens(t), support) {
			continue
		}
		out[s.Voice] = append(out[s.Voice], t)
	}
	for v, ts := range out {
		for _, t := range ts {
			addContentStems(support[v], cs.tokens(t))
		}
	}
	return out
}

// aboutStory reports whether at least half of a title's content words
// appear in the leads of the story's articles.
func aboutStory(title []text.Token, leads map[string]map[string]bool) bool {
	stems := contentStems(title)
	found := 0
	for w := range stems {
		for _, set := range leads {
			if set[w] {
				found++
				break
			}
		}
	}
	return len(stems) > 0 && 2*found >= len(stems)
}

// agree reports whether all titles say the same thing in nearly the same
// words.
func agree(cs *concepts, titles map[string][]string) bool {
	var all []string
	for _, ts := range titles {
		all = append(all, ts...)
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if !sameWords(cs.tokens(all[i]), cs.tokens(all[j])) {
				return false
			}
		}
	}
	return true
}

// centralTitle returns the title that says most of what the story's voices
// say, for its length; ties go to the first in story order.
func centralTitle(ix *compare.Index, cs *concepts, titles map[string][]string) string {
	best, bestScore := "", -1.0
	for _, s := range ix.Sources {
		t := strings.TrimSpace(s.Article.Title)
		if !contains(titles[s.Voice], t) {
			continue
		}
		if score := cs.textWeight(cs.tokens(t)) / math.Pow(float64(text.Words(t)), lengthPenalty); score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// opensQuote reports whether a headline starts with someone's words, as
// the main clause of `"We will rebuild," the mayor said.` does: a
// headline says what happened, not what one person said of it. A title in
// quotation marks ("Gone with the Wind" turns 75) is not someone's words.
func opensQuote(h string) bool {
	first, size := utf8.DecodeRuneInString(h)
	closing, ok := quotePairs[first]
	if !ok {
		return false
	}
	inner := h[size:]
	if end := strings.IndexRune(inner, closing); end >= 0 {
		inner = inner[:end]
	}
	return !titleCased(inner)
}

// titleCased reports whether every word of s but the small joining ones
// opens with a capital letter or a digit, as titles are written.
func titleCased(s string) bool {
	words := 0
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !smallWords[w] {
			return false
		}
		words++
	}
	return words > 0
}

// smallWords stay in lower case inside a title.
var smallWords = setOf(`a an the and or but of in on at to for with by from as nor vs`)

// disputedFigures are the written forms of figures in conflict, and of
// those an outlet has since revised (an earlier version's title may still
// give the old toll).
func disputedFigures(res *compare.Result) []string {
	var out []string
	for _, f := range res.Facts {
		for _, v := range f.Values {
			if f.Conflict || len(v.SupersededBy) > 0 {
				out = append(out, v.Text)
			}
		}
	}
	return out
}

// states reports whether s states any of figures whole (statesFigure).
func states(s string, figures []string) bool {
	for _, f := range figures {
		if statesFigure(s, f) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sameWords reports whether two titles share most of their content words
// and all of their numbers.
func sameWords(a, b []text.Token) bool {
	sa, sb := contentStems(a), contentStems(b)
	shared := 0
	for w := range sa {
		if sb[w] {
			shared++
		} else if isNumber(w) {
			return false
		}
	}
	for w := range sb {
		if !sa[w] && isNumber(w) {
			return false
		}
	}
	union := len(sa) + len(sb) - shared
	return union > 0 && float64(shared)/float64(union) >= sameTitle
}

func contentStems(toks []text.Token) map[string]bool {
	return addContentStems(make(map[string]bool), toks)
}

// addContentStems adds the stems of toks' content words to set and
// returns it.
func addContentStems(set map[string]bool, toks []text.Token) map[string]bool {
	for j := range toks {
		t := &toks[j]
		if t.Content() {
			set[t.Stem] = true
		}
	}
	return set
}

func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
