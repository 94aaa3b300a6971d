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
	titledBy       map[string]string          // title words → the one person holding them all, or ""

	// shared and touched are scratch space for toldElsewhere, kept between
	// calls: an Index is used by one goroutine at a time.
	shared   []float64
	touched  []int32
	voiceOf  []int32   // per ref: its voice, numbered
	weightOf []float64 // per ref: the rarity of its indexed words
}

// marks are the dates, quantities and names of one sentence, found once
// and read by facts, claims and the timeline.
type marks struct {
	dates      []text.DateMention
	quantities []text.Quantity
	names      []text.Span
	// words counts the sentence's words and numbers; cites says whether it
	// has a word that can cite someone. Both are found in the pass that
	// reads the sentence's terms, so that later stages need not walk its
	// tokens again to learn it.
	words int32
	cites bool
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
	bags := ix.readSentences()
	ix.vocabulary(bags)
	ix.weighAll(bags)
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

// bagChunk is how many terms of sentence bags are allocated at once.
const bagChunk = 4096

// readSentences lists the sentences of every source with their marks, and
// returns each one's bag of content terms. Syndicated copies and versions
// repeat sentences word for word: each distinct sentence is read once, and
// its repeats share what was found.
func (ix *Index) readSentences() [][]termCount {
	sentences := 0
	for _, s := range ix.Sources {
		sentences += len(s.Doc.Sentences)
	}
	ix.offset = make([]int, len(ix.Sources))
	ix.Refs = make([]Ref, 0, sentences)
	ix.marks = make([]marks, 0, sentences)
	ix.repeatOf = make([]int, 0, sentences)
	bags := make([][]termCount, 0, sentences)
	var arena []termCount                      // bags back to back, a chunk at a time
	firstOf := make(map[uint64]int, sentences) // hash of a sentence's text → its first ref
	var scratch []uint64
	for p, s := range ix.Sources {
		ix.offset[p] = len(ix.Refs)
		ix.outletOf[s.Article.ID] = s.Article.Outlet
		for i, sent := range s.Doc.Sentences {
			pos := len(ix.Refs)
			ix.Refs = append(ix.Refs, Ref{p, i})
			// Names depend on the whole document (what it capitalises), so
			// they are the article's own.
			names := s.Doc.Names(i)
			key := text.Hash(sent.Text)
			first, seen := firstOf[key]
			if seen && ix.sentence(ix.Refs[first]).Text == sent.Text {
				ix.repeatOf = append(ix.repeatOf, first)
				m := ix.marks[first]
				m.names = names
				ix.marks = append(ix.marks, m)
				bags = append(bags, bags[first])
				continue
			}
			if !seen { // a hash taken by another text leaves this one unshared
				firstOf[key] = pos
			}
			ix.repeatOf = append(ix.repeatOf, pos)
			m := marks{dates: text.Dates(sent.Tokens), quantities: text.Quantities(sent.Tokens), names: names}
			if cap(arena)-len(arena) < len(sent.Tokens) {
				arena = make([]termCount, 0, max(bagChunk, len(sent.Tokens)))
			}
			start := len(arena)
			arena, scratch = appendBag(arena, sent, scratch)
			m.words, m.cites = wordsAndCues(sent.Tokens)
			ix.marks = append(ix.marks, m)
			bags = append(bags, arena[start:len(arena):len(arena)])
		}
	}
	return bags
}

// weighAll gives every sentence its unit TF-IDF vector; repeats share
// their first copy's.
func (ix *Index) weighAll(bags [][]termCount) {
	total := 0
	for r, bag := range bags {
		if ix.repeatOf[r] == r {
			total += len(bag)
		}
	}
	arena := make([]weighted, total)
	ix.terms = make([][]weighted, len(bags))
	for r, bag := range bags {
		if first := ix.repeatOf[r]; first < r {
			ix.terms[r] = ix.terms[first]
			continue
		}
		ix.terms[r] = ix.weighInto(arena[:len(bag):len(bag)], bag)
		arena = arena[len(bag):]
	}
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

// appendBag appends a sentence's content stems to bags, counted and sorted
// by hash; numbers count as terms. scratch is reused between calls and
// returned.
func appendBag(bags []termCount, s text.Sentence, scratch []uint64) ([]termCount, []uint64) {
	keys := scratch[:0]
	for _, t := range s.Tokens {
		if t.Content() {
			keys = append(keys, text.Hash(t.Stem))
		}
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			bags[len(bags)-1].count++
			continue
		}
		bags = append(bags, termCount{k, 1})
	}
	return bags, keys
}

// wordsAndCues counts a sentence's words and numbers, and says whether
// one of its words can cite someone (see citationsIn).
func wordsAndCues(tokens []text.Token) (words int32, cites bool) {
	for i := range tokens {
		t := &tokens[i]
		switch t.Kind {
		case text.Number:
			words++
		case text.Word:
			words++
			cites = cites || citationCues.has(t.Lower)
		}
	}
	return words, cites
}

// weighInto writes a bag's unit TF-IDF vector, sorted by term, into v
// (as long as the bag) and returns it. Terms the story does not have (in
// a title, say) are numbered -1: they count in the norm and match nothing.
func (ix *Index) weighInto(v []weighted, bag []termCount) []weighted {
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
	limit := max(int(commonShare*float64(len(terms))), maxPostings)
	return invert(terms, vocabulary, limit)
}

// invert lists, per term, the sentences holding it, in one allocation;
// terms in more than limit sentences get none.
func invert(terms [][]weighted, vocabulary int, limit int) [][]int32 {
	count := make([]int32, vocabulary)
	total := 0
	for _, v := range terms {
		for _, t := range v {
			count[t.term]++
			total++
		}
	}
	arena := make([]int32, 0, total)
	index := make([][]int32, vocabulary)
	for t, n := range count {
		if int(n) <= limit && n > 0 {
			index[t] = arena[len(arena) : len(arena) : len(arena)+int(n)]
			arena = arena[:len(arena)+int(n)]
		}
	}
	for i, v := range terms {
		for _, t := range v {
			if index[t.term] != nil {
				index[t.term] = append(index[t.term], int32(i))
			}
		}
	}
	return index
}
