package compare

import (
	"math"
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
// sources with their weighted content terms.
type Index struct {
	Sources   []Source
	Refs      []Ref
	terms     [][]weighted // per ref, sorted by key
	idf       map[uint64]float64
	outletOf  map[string]string
	storyDate time.Time
	people    []*people // per source
	offset    []int     // per source: position of its first sentence in Refs
	// centroidWeight is the story's centroid: the sum of its unit
	// sentence vectors, normalised, by term.
	centroidWeight map[uint64]float64
	postings       map[uint64][]int           // heaviest term → positions in Refs
	heaviest       [][]weighted               // per ref: the terms it is posted under
	byTerm         map[uint64][]int           // every term → positions in Refs, for rare terms
	marks          []marks                    // per ref: what the text package found in it
	groupOf        []int                      // per ref: its group, once sentences are grouped
	roles          map[string]string          // person → fullest role in the story
	titles         map[string]map[string]bool // person → title words the story gives them
	rarity         [][]float64                // per ref: idf of each term, beside terms

	// shared and touched are scratch space for toldElsewhere, kept between
	// calls: an Index is used by one goroutine at a time.
	shared  []float64
	touched []int
}

// marks are the dates, quantities and names of one sentence, found once
// and read by facts, claims and the timeline.
type marks struct {
	dates      []text.DateMention
	quantities []text.Quantity
	names      []text.Span
}

// weighted is a term, hashed, and its weight.
type weighted struct {
	key    uint64
	weight float64
}

func newIndex(sources []Source) *Index {
	ix := &Index{Sources: sources, outletOf: make(map[string]string), idf: make(map[uint64]float64)}
	df := make(map[uint64]int)
	var bags []map[uint64]float64
	ix.offset = make([]int, len(sources))
	for p, s := range sources {
		ix.offset[p] = len(ix.Refs)
		ix.outletOf[s.Article.ID] = s.Article.Outlet
		for i, sent := range s.Doc.Sentences {
			ix.marks = append(ix.marks, marks{dates: text.Dates(sent.Tokens), quantities: text.Quantities(sent.Tokens), names: s.Doc.Names(i)})
			bag := contentBag(sent)
			for k := range bag {
				df[k]++
			}
			bags = append(bags, bag)
			ix.Refs = append(ix.Refs, Ref{p, i})
		}
	}
	n := float64(len(bags))
	for k, d := range df {
		ix.idf[k] = math.Log((n+1)/float64(d+1)) + 1
	}
	ix.terms = make([][]weighted, len(bags))
	ix.rarity = make([][]float64, len(bags))
	for r, bag := range bags {
		ix.terms[r] = ix.weigh(bag)
		ix.rarity[r] = make([]float64, len(ix.terms[r]))
		for k, t := range ix.terms[r] {
			ix.rarity[r][k] = ix.idfOf(t.key)
		}
	}
	ix.centroidWeight = centroidOf(ix.terms)
	ix.postings, ix.heaviest = buildPostings(ix.terms)
	ix.byTerm = termIndex(ix.terms)
	ix.storyDate = typicalDate(sources)
	ix.people = make([]*people, len(sources))
	for p := range sources {
		ix.people[p] = findPeople(sources[p].Doc, func(i int) []text.Span { return ix.marksOf(Ref{p, i}).names })
	}
	linkSurnames(ix.people)
	ix.roles, ix.titles = storyRoles(ix.people)
	return ix
}

// contentBag counts a sentence's content stems; numbers count as terms.
func contentBag(s text.Sentence) map[uint64]float64 {
	bag := make(map[uint64]float64, len(s.Tokens))
	for _, t := range s.Tokens {
		if t.Content() {
			bag[text.Hash(t.Stem)]++
		}
	}
	return bag
}

// weigh turns a bag into a unit TF-IDF vector sorted by key.
func (ix *Index) weigh(bag map[uint64]float64) []weighted {
	v := make([]weighted, 0, len(bag))
	var norm float64
	for k, f := range bag {
		w := (1 + math.Log(f)) * ix.idfOf(k)
		v = append(v, weighted{k, w})
		norm += w * w
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for i := range v {
			v[i].weight /= norm
		}
	}
	sort.Slice(v, func(i, j int) bool { return v[i].key < v[j].key })
	return v
}

func (ix *Index) idfOf(k uint64) float64 {
	if w, ok := ix.idf[k]; ok {
		return w
	}
	return math.Log(float64(len(ix.Refs)+1)) + 1
}

// cosine of two sorted unit vectors.
func cosine(a, b []weighted) float64 {
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key == b[j].key:
			dot += a[i].weight * b[j].weight
			i++
			j++
		case a[i].key < b[j].key:
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
func termIndex(terms [][]weighted) map[uint64][]int {
	index := make(map[uint64][]int)
	for i, v := range terms {
		for _, t := range v {
			index[t.key] = append(index[t.key], i)
		}
	}
	limit := max(int(commonShare*float64(len(terms))), maxPostings)
	for k, list := range index {
		if len(list) > limit {
			delete(index, k)
		}
	}
	return index
}
