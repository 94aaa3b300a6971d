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
	idf       map[string]float64
	outletOf  map[string]string
	storyDate time.Time
	people    []*people // per source
	offset    []int     // per source: position of its first sentence in Refs
	centroid  []weighted
	postings  map[string][]int // heaviest term → positions in Refs
}

type weighted struct {
	key    string
	weight float64
}

func newIndex(sources []Source) *Index {
	ix := &Index{Sources: sources, outletOf: make(map[string]string), idf: make(map[string]float64)}
	df := make(map[string]int)
	var bags []map[string]float64
	ix.offset = make([]int, len(sources))
	for p, s := range sources {
		ix.offset[p] = len(ix.Refs)
		ix.outletOf[s.Article.ID] = s.Article.Outlet
		for i, sent := range s.Doc.Sentences {
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
	for r, bag := range bags {
		ix.terms[r] = ix.weigh(bag)
	}
	ix.centroid = centroidOf(ix.terms)
	ix.postings = buildPostings(ix.terms)
	ix.storyDate = typicalDate(sources)
	ix.people = make([]*people, len(sources))
	for p := range sources {
		ix.people[p] = findPeople(sources[p].Doc)
	}
	linkSurnames(ix.people)
	return ix
}

// contentBag counts a sentence's content stems; numbers count as terms.
func contentBag(s text.Sentence) map[string]float64 {
	bag := make(map[string]float64, len(s.Tokens))
	for _, t := range s.Tokens {
		if t.Content() {
			bag[t.Stem]++
		}
	}
	return bag
}

// weigh turns a bag into a unit TF-IDF vector sorted by key.
func (ix *Index) weigh(bag map[string]float64) []weighted {
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

func (ix *Index) idfOf(k string) float64 {
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
