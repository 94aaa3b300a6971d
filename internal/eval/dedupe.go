package eval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/clean"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// A link set tests what dedupe finds: the real articles of the public sets,
// each under an outlet of its own, and, made from some of them, copies
// under other outlets and updates under their own outlet, each changed to
// a set degree, with the truth of every link. The sets label stories, not
// copies, so the copies and updates are made; their text is the real
// articles' own sentences.

// Link is what an article is, in truth or as found: an original (Of
// empty), or a copy or version of the article Of.
type Link struct {
	Kind string // "original", "copy" or "version", as pipeline.Relation
	Of   string
}

// Derivation is one way a copy or update is made from an original.
type Derivation struct {
	Name string
	Kind string // "copy" or "version"
	// SameURL keeps the original's URL, as an outlet updating a page does.
	SameURL bool
	make    func(d *deriving) string
}

// deriving is an original being turned into another article.
type deriving struct {
	paras [][]string // the original's paragraphs, as sentences
	story []string   // sentences of the other articles of its story
	rng   *rand.Rand
}

// Derivations are the copies and updates a link set holds, in the order
// reports list them: from what every dedupe must find to what only a
// lenient one does.
var Derivations = []Derivation{
	{Name: "verbatim", Kind: "copy", make: func(d *deriving) string { return d.join(d.paras) }},
	{Name: "last third cut", Kind: "copy", make: func(d *deriving) string { return d.join(d.cut(d.paras)) }},
	{Name: "1 in 5 sentences edited", Kind: "copy", make: func(d *deriving) string { return d.join(d.edit(d.paras, 5)) }},
	{Name: "1 in 2 edited, last third cut", Kind: "copy", make: func(d *deriving) string { return d.join(d.cut(d.edit(d.paras, 2))) }},
	{Name: "same URL, 2 sentences added", Kind: "version", SameURL: true, make: func(d *deriving) string {
		return d.join(append(d.paras, d.fresh(2)))
	}},
	{Name: "new URL, a fifth added, 1 in 5 edited", Kind: "version", make: func(d *deriving) string {
		return d.join(append(d.edit(d.paras, 5), d.fresh(max(1, d.sentences()/5))))
	}},
	{Name: "new URL, half rewritten", Kind: "version", make: func(d *deriving) string {
		return d.join(d.rewrite(2))
	}},
}

// LinkSet is a link set: its articles in the order they arrive, and what
// each is.
type LinkSet struct {
	Articles []*news.Article
	Truth    map[string]Link
	// Derived names each made article's derivation.
	Derived map[string]string
}

// minDerivedWords keeps originals too short to tell a copy from its story's
// other coverage (a title and a lead of a few words) out of the made ones.
const minDerivedWords = 60

// BuildLinkSet makes a link set of every real article under src and, from
// up to originals of them (those of stories with other articles to take new
// sentences from), one article per derivation. The same seed gives the
// same set. The real articles come first, then the made ones in random
// order, as copies and updates come after what they copy.
func BuildLinkSet(src *StreamSource, originals int, seed uint64) *LinkSet {
	rng := rand.New(rand.NewPCG(seed, 0x11ce))
	set := &LinkSet{Truth: map[string]Link{}, Derived: map[string]string{}}
	type origin struct{ story, member int }
	var eligible []origin
	for si, st := range src.stories {
		for mi, a := range st.articles {
			id := fmt.Sprintf("real-%d-%d", si, mi)
			set.Articles = append(set.Articles, &news.Article{
				ID: id, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language, Published: a.Published,
				Outlet: fmt.Sprintf("Outlet %d-%d", si, mi), URL: fmt.Sprintf("https://real-%d-%d.example/story", si, mi),
			})
			set.Truth[id] = Link{Kind: "original"}
			if len(st.articles) > 1 {
				eligible = append(eligible, origin{si, mi})
			}
		}
	}
	rng.Shuffle(len(set.Articles), func(i, j int) { set.Articles[i], set.Articles[j] = set.Articles[j], set.Articles[i] })
	rng.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	byID := map[string]*news.Article{}
	for _, a := range set.Articles {
		byID[a.ID] = a
	}
	var made []*news.Article
	n := 0
	for _, o := range eligible {
		if n == originals {
			break
		}
		st := &src.stories[o.story]
		orig := byID[fmt.Sprintf("real-%d-%d", o.story, o.member)]
		// A copy or update carries the article, not the page noise its
		// scrape came with: made from the cleaned text, it is an article
		// whose own cleaning finds nothing to cut.
		body := clean.Article(*orig).Text
		if text.Words(body) < minDerivedWords {
			continue
		}
		var others []string
		for mi, a := range st.articles {
			if mi != o.member {
				others = append(others, sentences(a.Text)...)
			}
		}
		for k, dv := range Derivations {
			d := &deriving{paras: paragraphs(body), story: others, rng: rng}
			a := &news.Article{
				ID: fmt.Sprintf("made-%d-%d", n, k), Title: orig.Title, Language: orig.Language, Published: orig.Published,
				Text: dv.make(d),
			}
			switch {
			case dv.Kind == "version" && dv.SameURL:
				a.Outlet, a.URL = orig.Outlet, orig.URL
			case dv.Kind == "version":
				a.Outlet, a.URL = orig.Outlet, orig.URL+fmt.Sprintf("-update-%d", k)
			default:
				// Each copy under an outlet of its own: one outlet's second
				// copy of a text, or of a text close to it (the archive
				// placeholders, an agency's story), is its update.
				a.Outlet, a.URL = fmt.Sprintf("Syndicator %d-%d", n, k), fmt.Sprintf("https://made-%d-%d.example/", n, k)
			}
			a.Source = a.ID
			made = append(made, a)
			set.Truth[a.ID] = Link{Kind: dv.Kind, Of: orig.ID}
			set.Derived[a.ID] = dv.Name
		}
		n++
	}
	rng.Shuffle(len(made), func(i, j int) { made[i], made[j] = made[j], made[i] })
	set.Articles = append(set.Articles, made...)
	return set
}

// paragraphs splits a text into its paragraphs' sentences.
func paragraphs(t string) [][]string {
	var out [][]string
	for _, p := range text.Paragraphs(t) {
		out = append(out, text.SplitSentences(p))
	}
	return out
}

// sentences is a text's sentences, in order.
func sentences(t string) []string { return slices.Concat(paragraphs(t)...) }

func (d *deriving) join(paras [][]string) string {
	parts := make([]string, 0, len(paras))
	for _, p := range paras {
		if len(p) > 0 {
			parts = append(parts, strings.Join(p, " "))
		}
	}
	return strings.Join(parts, "\n\n")
}

func (d *deriving) sentences() int {
	n := 0
	for _, p := range d.paras {
		n += len(p)
	}
	return n
}

// cut drops the last third of the text's sentences, as a syndicator fitting
// a copy to its space does.
func (d *deriving) cut(paras [][]string) [][]string {
	keep := d.sentences() - d.sentences()/3
	var out [][]string
	for _, p := range paras {
		if keep <= 0 {
			break
		}
		p = p[:min(len(p), keep)]
		keep -= len(p)
		out = append(out, p)
	}
	return out
}

// edit changes one in every sentences of the text: a word replaced by one
// of its story's, a word dropped, or two swapped, as copy-editing does.
func (d *deriving) edit(paras [][]string, every int) [][]string {
	out := make([][]string, len(paras))
	for i, p := range paras {
		out[i] = make([]string, len(p))
		for j, s := range p {
			out[i][j] = s
			if d.rng.IntN(every) != 0 {
				continue
			}
			words := strings.Fields(s)
			if len(words) < 4 {
				continue
			}
			w := 1 + d.rng.IntN(len(words)-2) // not the first or last word
			switch d.rng.IntN(3) {
			case 0:
				words[w] = d.word()
			case 1:
				words = append(words[:w], words[w+1:]...)
			default:
				words[w], words[w+1] = words[w+1], words[w]
			}
			out[i][j] = strings.Join(words, " ")
		}
	}
	return out
}

// word is a word of the story's other coverage.
func (d *deriving) word() string {
	if len(d.story) == 0 {
		return "also"
	}
	words := strings.Fields(d.story[d.rng.IntN(len(d.story))])
	if len(words) == 0 {
		return "also"
	}
	return words[d.rng.IntN(len(words))]
}

// fresh is a paragraph of n sentences from the story's other coverage:
// what an update adds.
func (d *deriving) fresh(n int) []string {
	out := make([]string, 0, n)
	for range n {
		if len(d.story) == 0 {
			break
		}
		out = append(out, d.story[d.rng.IntN(len(d.story))])
	}
	return out
}

// rewrite keeps one in every sentences of the text, in order, and puts a
// sentence of the story's other coverage in each other's place, as an
// outlet rewriting a developing story does. Sentences are counted across
// paragraphs: news often runs one sentence a paragraph, and counting
// within each would keep them all.
func (d *deriving) rewrite(every int) [][]string {
	out := make([][]string, len(d.paras))
	n := 0
	for i, p := range d.paras {
		for _, s := range p {
			if n%every == 0 || len(d.story) == 0 {
				out[i] = append(out[i], s)
			} else {
				out[i] = append(out[i], d.fresh(1)...)
			}
			n++
		}
	}
	return out
}

// LinkScores counts, per derivation, what dedupe made of the made
// articles, and the links it found between real articles.
type LinkScores struct {
	Rows []LinkRow
	// RealLinks are real articles found to be a copy or version of another;
	// the sets hold some true ones (the same placeholder page under several
	// stories, an agency's text run by two outlets).
	RealLinks []RealLink
	// Reals are the real articles read; Unread, the articles of the set,
	// real or made, that the pipeline could not read (no text left after
	// cleaning), which no row counts: not found is not the same as
	// taken for an original.
	Reals, Unread int
}

// LinkRow is one derivation's count: found as made, found as the other
// kind or of another article, or taken for an original, with the made
// articles that were not found as made.
type LinkRow struct {
	Derivation, Kind        string
	Articles, Found, Wrong  int
	Missed                  int
	FoundShare, MissedShare float64
	NotFound                []RealLink // the made article and what was found
}

// RealLink is a link found between two real articles.
type RealLink struct {
	Article string
	Link
}

// ScoreLinks compares the links found (by article ID) with the set's
// truth. A link is found when it is of the right kind and names the
// original or the article the original was itself found a copy or version
// of (dedupe names a group by its first article). An article absent from
// found is one the pipeline could not read, counted in Unread alone.
func ScoreLinks(set *LinkSet, found map[string]Link) LinkScores {
	var scores LinkScores
	rows := map[string]*LinkRow{}
	for _, dv := range Derivations {
		scores.Rows = append(scores.Rows, LinkRow{Derivation: dv.Name, Kind: dv.Kind})
	}
	for i := range scores.Rows {
		rows[scores.Rows[i].Derivation] = &scores.Rows[i]
	}
	for _, a := range set.Articles {
		truth := set.Truth[a.ID]
		got, read := found[a.ID]
		if !read {
			scores.Unread++
			continue
		}
		if truth.Kind == "original" {
			scores.Reals++
			if got.Kind == "copy" || got.Kind == "version" {
				scores.RealLinks = append(scores.RealLinks, RealLink{Article: a.ID, Link: got})
			}
			continue
		}
		row := rows[set.Derived[a.ID]]
		row.Articles++
		group := truth.Of
		if of := found[truth.Of]; of.Kind == "copy" || of.Kind == "version" {
			group = of.Of
		}
		switch {
		case got.Kind == truth.Kind && (got.Of == truth.Of || got.Of == group):
			row.Found++
		case got.Kind == "copy" || got.Kind == "version":
			row.Wrong++
			row.NotFound = append(row.NotFound, RealLink{Article: a.ID, Link: got})
		default:
			row.Missed++
			row.NotFound = append(row.NotFound, RealLink{Article: a.ID, Link: got})
		}
	}
	for i := range scores.Rows {
		r := &scores.Rows[i]
		if r.Articles > 0 {
			r.FoundShare = float64(r.Found) / float64(r.Articles)
			r.MissedShare = float64(r.Missed) / float64(r.Articles)
		}
	}
	return scores
}
