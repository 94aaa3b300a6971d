package compare

import (
	"math"
	"slices"
	"sort"
	"time"

	"github.com/corroborate/corroborate/internal/text"
)

// Ref points at one sentence of the story: source position and sentence
// index.
type Ref struct {
	Source, Sentence int
}

// Index holds what every part of the comparison reads: the sentences of all
// sources with their weighted content terms. Terms are numbered densely, in
// the order of their hashes, so per-term data sits in slices.
type Index struct {
	Sources   []Source
	Refs      []Ref
	terms     [][]weighted // per ref, sorted by term
	idf       []float64    // per term
	termOf    map[uint64]int32
	outletOf  map[string]string
	storyDate time.Time
	people    []*people // per source
	offset    []int     // per source: position of its first sentence in Refs
	// centroidWeight is the story's centroid: the sum of its unit
	// sentence vectors, normalised, by term.
	centroidWeight []float64
	postings       [][]int32                  // per term: positions in Refs of sentences posted under it
	heaviest       [][]weighted               // per ref: the terms it is posted under
	byTerm         [][]int32                  // per term: positions in Refs, nil for common terms
	marks          []marks                    // per ref: what the text package found in it
	repeatOf       []int                      // per ref: the first ref with the same text
	groupOf        []int                      // per ref: its group, once sentences are grouped
	roles          map[string]string          // person → fullest role in the story
	titles         map[string]map[string]bool // person → title words the story gives them

	// shared and touched are scratch space for toldElsewhere, kept between
	// calls: an Index is used by one goroutine at a time.
	shared  []float64
	touched []int32
}

// marks are the dates, quantities and names of one sentence, found once
// and read by facts, claims and the timeline.
type marks struct {
	dates      []text.DateMention
	quantities []text.Quantity
	names      []text.Span
}

// weighted is a term and its weight.
type weighted struct {
	term   int32
	weight float64
}

// termCount is a hashed content stem and how often a sentence has it.
type termCount struct {
	key   uint64
	count float64
}

func newIndex(sources []Source) *Index {
	ix := &Index{Sources: sources, outletOf: make(map[string]string)}
	ix.offset = make([]int, len(sources))
	// Syndicated copies and versions repeat sentences word for word: each
	// distinct sentence is read once, and its repeats share what was found.
	firstOf := make(map[string]int)
	var bags [][]termCount
	var scratch []uint64
	for p, s := range sources {
		ix.offset[p] = len(ix.Refs)
		ix.outletOf[s.Article.ID] = s.Article.Outlet
		for i, sent := range s.Doc.Sentences {
			pos := len(ix.Refs)
			ix.Refs = append(ix.Refs, Ref{p, i})
			// Names depend on the whole document (what it capitalises), so
			// they are found per article.
			names := s.Doc.Names(i)
			if first, ok := firstOf[sent.Text]; ok {
				ix.repeatOf = append(ix.repeatOf, first)
				m := ix.marks[first]
				ix.marks = append(ix.marks, marks{dates: m.dates, quantities: m.quantities, names: names})
				bags = append(bags, bags[first])
				continue
			}
			firstOf[sent.Text] = pos
			ix.repeatOf = append(ix.repeatOf, pos)
			ix.marks = append(ix.marks, marks{dates: text.Dates(sent.Tokens), quantities: text.Quantities(sent.Tokens), names: names})
			var bag []termCount
			bag, scratch = contentBag(sent, scratch)
			bags = append(bags, bag)
		}
	}
	ix.vocabulary(bags)
	ix.terms = make([][]weighted, len(bags))
	for r, bag := range bags {
		if first := ix.repeatOf[r]; first < r {
			ix.terms[r] = ix.terms[first]
			continue
		}
		ix.terms[r] = ix.weigh(bag)
	}
	ix.centroidWeight = centroidOf(ix.terms, len(ix.idf))
	ix.postings, ix.heaviest = buildPostings(ix.terms, len(ix.idf))
	ix.byTerm = termIndex(ix.terms, len(ix.idf))
	ix.storyDate = typicalDate(sources)
	ix.people = make([]*people, len(sources))
	for p := range sources {
		ix.people[p] = findPeople(sources[p].Doc, func(i int) []text.Span { return ix.marksOf(Ref{p, i}).names })
	}
	linkSurnames(ix.people)
	ix.roles, ix.titles = storyRoles(ix.people)
	return ix
}

// vocabulary numbers the story's terms in the order of their hashes and
// gives each its inverse document frequency over the sentences.
func (ix *Index) vocabulary(bags [][]termCount) {
	df := make(map[uint64]int32)
	for _, bag := range bags {
		for _, t := range bag {
			df[t.key]++
		}
	}
	keys := make([]uint64, 0, len(df))
	for k := range df {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n := float64(len(bags))
	ix.termOf = make(map[uint64]int32, len(keys))
	ix.idf = make([]float64, len(keys))
	for id, k := range keys {
		ix.termOf[k] = int32(id)
		ix.idf[id] = math.Log((n+1)/float64(df[k]+1)) + 1
	}
}

// contentBag counts a sentence's content stems, sorted by hash; numbers
// count as terms. scratch is reused between calls and returned.
func contentBag(s text.Sentence, scratch []uint64) ([]termCount, []uint64) {
	keys := scratch[:0]
	for _, t := range s.Tokens {
		if t.Content() {
			keys = append(keys, text.Hash(t.Stem))
		}
	}
	slices.Sort(keys)
	var bag []termCount
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			bag[len(bag)-1].count++
			continue
		}
		bag = append(bag, termCount{k, 1})
	}
	return bag, keys
}

// weigh turns a bag into a unit TF-IDF vector sorted by term. Terms the
// story does not have (in a title, say) are numbered -1: they count in the
// norm and match nothing.
func (ix *Index) weigh(bag []termCount) []weighted {
	v := make([]weighted, len(bag))
	var norm float64
	for i, t := range bag {
		id, ok := ix.termOf[t.key]
		idf := math.Log(float64(len(ix.Refs)+1)) + 1
		if !ok {
			id = -1
		} else {
			idf = ix.idf[id]
		}
		w := (1 + math.Log(t.count)) * idf
		v[i] = weighted{id, w}
		norm += w * w
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for i := range v {
			v[i].weight /= norm
		}
	}
	return v
}

// cosine of two sorted unit vectors.
func cosine(a, b []weighted) float64 {
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term == b[j].term:
			dot += a[i].weight * b[j].weight
			i++
			j++
		case a[i].term < b[j].term:
			i++
		default:
			j++
		}
	}
	return dot
}

// sentence returns the sentence a ref points at.
func (ix *Index) sentence(r Ref) *text.Sentence {
	return &ix.Sources[r.Source].Doc.Sentences[r.Sentence]
}

// typicalDate is the median publication date of the dated sources.
func typicalDate(sources []Source) time.Time {
	var dates []time.Time
	for _, s := range sources {
		if t := s.Article.Published.Time; !t.IsZero() {
			dates = append(dates, t)
		}
	}
	if len(dates) == 0 {
		return time.Time{}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	return dates[len(dates)/2]
}

// marksOf returns the dates, quantities and names of a sentence.
func (ix *Index) marksOf(r Ref) *marks {
	return &ix.marks[ix.position(r)]
}

// commonShare is the share of sentences above which a term is too common to
// index: it says nothing about which sentences match.
const commonShare = 0.2

// termIndex maps each term to the sentences holding it, leaving out terms
// in more than commonShare of them in a long story.
func termIndex(terms [][]weighted, vocabulary int) [][]int32 {
	index := make([][]int32, vocabulary)
	for i, v := range terms {
		for _, t := range v {
			index[t.term] = append(index[t.term], int32(i))
		}
	}
	limit := max(int(commonShare*float64(len(terms))), maxPostings)
	for t, list := range index {
		if len(list) > limit {
			index[t] = nil
		}
	}
	return index
}
