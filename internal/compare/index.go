package compare

import (
	"cmp"
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
	keys      []uint64     // per term: its hash, ascending
	outletOf  map[string]string
	storyDate time.Time
	people    []*people // per source
	// surnames maps a surname to the person of the story it names;
	// sharedSurnames are those several full names end in.
	surnames       map[string]string
	sharedSurnames map[string]bool
	offset         []int // per source: position of its first sentence in Refs
	// centroidWeight is the story's centroid: the sum of its unit
	// sentence vectors, normalised, by term.
	centroidWeight []float64
	postings       postingLists               // per term: positions in Refs of sentences posted under it
	heaviest       [][]weighted               // per ref: the terms it is posted under
	byTerm         postingLists               // per term: positions in Refs, none for common terms
	marks          []marks                    // per ref: what the text package found in it
	repeatOf       []int                      // per ref: the first ref with the same text
	groupOf        []int                      // per ref: its group, once sentences are grouped
	roles          map[string]string          // person → fullest role in the story
	titles         map[string]map[string]bool // person → title words the story gives them
	titledBy       map[string]string          // title words → the one person holding them all, or ""
	editions       []edition                  // per source: its place among its article's versions
	revised        map[Ref]bool               // sentences giving a figure their outlet has since revised
	cases          map[string]wordCase        // how the story writes each word, once caseOf is asked
	loneKinds      map[string]string          // lone cited word → person or organization, once loneKind is asked
	capitals       map[string][]tokenRef      // lower-case word → where it is written with a capital, once asked
	firstNames     map[string]string          // first word of a person's full name → a surname it opens, once asked
	sourceWords    map[string]bool            // words the story capitalises where a cited party stands, once asked
	outletWords    map[string]bool            // words the story writes as an outlet's name, read with sourceWords
	quoted         [][]span                   // per source: its quotations, once asked

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

// bagTerm is a term of the story, numbered in the order the story first
// uses it, and how often a sentence has it.
type bagTerm struct {
	term, count int32
}

// bagReader numbers the terms of the story's sentences as it reads them
// and counts the sentences holding each (its document frequency).
type bagReader struct {
	number  map[uint64]int32 // hash → term number
	keys    []uint64         // per term number: its hash
	df      []int32          // per term number
	scratch []uint64
}

func newIndex(sources []Source) *Index {
	ix := &Index{Sources: sources, outletOf: make(map[string]string)}
	bags, br := ix.readSentences()
	final := ix.vocabulary(br, len(bags))
	ix.weighAll(bags, final)
	ix.centroidWeight = centroidOf(ix.terms, len(ix.idf))
	ix.postings, ix.heaviest = buildPostings(ix.terms, len(ix.idf))
	ix.byTerm = termIndex(ix.terms, len(ix.idf))
	ix.storyDate = typicalDate(sources)
	ix.people = make([]*people, len(sources))
	for p := range sources {
		ix.people[p] = findPeople(sources[p].Doc, func(i int) []text.Span { return ix.marksOf(Ref{p, i}).names })
	}
	ix.surnames, ix.sharedSurnames = linkSurnames(ix.people)
	ix.roles, ix.titles = storyRoles(ix.people)
	return ix
}

// bagChunk is how many terms of sentence bags are allocated at once.
const bagChunk = 4096

// readSentences lists the sentences of every source with their marks, and
// returns each one's bag of content terms, numbered by the returned
// reader. Syndicated copies and versions repeat sentences word for word:
// each distinct sentence is read once, and its repeats share what was
// found.
func (ix *Index) readSentences() ([][]bagTerm, *bagReader) {
	sentences := 0
	for _, s := range ix.Sources {
		sentences += len(s.Doc.Sentences)
	}
	ix.offset = make([]int, len(ix.Sources))
	ix.Refs = make([]Ref, 0, sentences)
	ix.marks = make([]marks, 0, sentences)
	ix.repeatOf = make([]int, 0, sentences)
	bags := make([][]bagTerm, 0, sentences)
	br := &bagReader{number: make(map[uint64]int32)}
	var arena []bagTerm                        // bags back to back, a chunk at a time
	firstOf := make(map[uint64]int, sentences) // hash of a sentence's text → its first ref
	for p, s := range ix.Sources {
		ix.offset[p] = len(ix.Refs)
		ix.outletOf[s.Article.ID] = s.Article.Outlet
		for i, sent := range s.Doc.Sentences {
			pos := len(ix.Refs)
			ix.Refs = append(ix.Refs, Ref{p, i})
			// Names depend on the whole document (what it capitalises), so
			// they are the article's own.
			names := joinInitials(sent.Tokens, s.Doc.Names(i))
			key := text.Hash(sent.Text)
			first, seen := firstOf[key]
			if seen && ix.sentence(ix.Refs[first]).Text == sent.Text {
				ix.repeatOf = append(ix.repeatOf, first)
				m := ix.marks[first]
				m.names = names
				ix.marks = append(ix.marks, m)
				bags = append(bags, bags[first])
				for _, t := range bags[first] {
					br.df[t.term]++
				}
				continue
			}
			if !seen { // a hash taken by another text leaves this one unshared
				firstOf[key] = pos
			}
			ix.repeatOf = append(ix.repeatOf, pos)
			m := marks{dates: text.Dates(sent.Tokens), quantities: text.Quantities(sent.Tokens), names: names}
			if cap(arena)-len(arena) < len(sent.Tokens) {
				arena = make([]bagTerm, 0, max(bagChunk, len(sent.Tokens)))
			}
			start := len(arena)
			arena = br.appendBag(arena, sent)
			m.words, m.cites = wordsAndCues(sent.Tokens)
			ix.marks = append(ix.marks, m)
			bags = append(bags, arena[start:len(arena):len(arena)])
		}
	}
	return bags, br
}

// appendBag appends a sentence's content terms to bags, counted and
// sorted by hash, numbering the terms the story had not used yet.
func (br *bagReader) appendBag(bags []bagTerm, s text.Sentence) []bagTerm {
	br.scratch = contentKeys(s, br.scratch)
	for i, k := range br.scratch {
		if i > 0 && k == br.scratch[i-1] {
			bags[len(bags)-1].count++
			continue
		}
		id, ok := br.number[k]
		if !ok {
			id = int32(len(br.keys))
			br.number[k] = id
			br.keys = append(br.keys, k)
			br.df = append(br.df, 0)
		}
		br.df[id]++
		bags = append(bags, bagTerm{id, 1})
	}
	return bags
}

// vocabulary numbers the story's terms in the order of their hashes and
// gives each its inverse document frequency over the story's sentences.
// It returns, per term number of the reader, the index's number.
func (ix *Index) vocabulary(br *bagReader, sentences int) []int32 {
	order := make([]int32, len(br.keys)) // the index's numbers → the reader's
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(br.keys[a], br.keys[b]) })
	n := float64(sentences)
	final := make([]int32, len(order))
	ix.keys = make([]uint64, len(order))
	ix.idf = make([]float64, len(order))
	for id, t := range order {
		final[t] = int32(id)
		ix.keys[id] = br.keys[t]
		ix.idf[id] = math.Log((n+1)/float64(br.df[t]+1)) + 1
	}
	return final
}

// weighAll gives every sentence its unit TF-IDF vector; repeats share
// their first copy's. final maps the bags' term numbers to the index's.
func (ix *Index) weighAll(bags [][]bagTerm, final []int32) {
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
		v := arena[:len(bag):len(bag)]
		arena = arena[len(bag):]
		var norm float64
		for i, t := range bag {
			id := final[t.term]
			w := (1 + math.Log(float64(t.count))) * ix.idf[id]
			v[i] = weighted{id, w}
			norm += w * w
		}
		ix.terms[r] = normalise(v, norm)
	}
}

// contentKeys returns the hashes of a sentence's content stems, sorted;
// numbers count as terms. It reuses keys' storage.
func contentKeys(s text.Sentence, keys []uint64) []uint64 {
	keys = keys[:0]
	for i := range s.Tokens {
		if t := &s.Tokens[i]; t.Content() {
			keys = append(keys, text.Hash(t.Stem))
		}
	}
	slices.Sort(keys)
	return keys
}

// textBag counts the content terms of any text, by hash.
func textBag(s text.Sentence) []termCount {
	var bag []termCount
	for i, k := range contentKeys(s, nil) {
		if i > 0 && k == bag[len(bag)-1].key {
			bag[len(bag)-1].count++
			continue
		}
		bag = append(bag, termCount{k, 1})
	}
	return bag
}

// wordsAndCues counts a sentence's words and numbers, and says whether
// one of its words can cite someone (see citationsIn and attributorOf).
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

// weighText returns the unit TF-IDF vector of a bag of any text, sorted
// by term. Terms the story does not have (in a title, say) are numbered
// -1: they count in the norm and match nothing.
func (ix *Index) weighText(bag []termCount) []weighted {
	v := make([]weighted, len(bag))
	var norm float64
	for i, t := range bag {
		id, ok := slices.BinarySearch(ix.keys, t.key)
		idf := math.Log(float64(len(ix.Refs)+1)) + 1
		if !ok {
			id = -1
		} else {
			idf = ix.idf[id]
		}
		w := (1 + math.Log(t.count)) * idf
		v[i] = weighted{int32(id), w}
		norm += w * w
	}
	return normalise(v, norm)
}

// normalise divides v's weights by the square root of norm, their sum of
// squares, and returns v.
func normalise(v []weighted, norm float64) []weighted {
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
func termIndex(terms [][]weighted, vocabulary int) postingLists {
	limit := max(int(commonShare*float64(len(terms))), maxPostings)
	return invert(terms, vocabulary, limit)
}

// postingLists holds a list of sentence positions per term, back to back:
// two slices without pointers, where a slice per term would give the
// collector tens of thousands to follow.
type postingLists struct {
	start []int32 // per term, and one more: where its list starts in at
	at    []int32
}

// of returns the list of term t.
func (l *postingLists) of(t int32) []int32 {
	return l.at[l.start[t]:l.start[t+1]]
}

// invert lists, per term, the sentences holding it, in story order; terms
// in more than limit sentences get an empty list.
func invert(terms [][]weighted, vocabulary int, limit int) postingLists {
	next := make([]int32, vocabulary) // per term: how many sentences hold it, then where its next goes
	for _, v := range terms {
		for _, t := range v {
			next[t.term]++
		}
	}
	l := postingLists{start: make([]int32, vocabulary+1)}
	for t, n := range next {
		l.start[t+1] = l.start[t]
		if int(n) <= limit {
			l.start[t+1] += n
		}
		next[t] = l.start[t]
	}
	l.at = make([]int32, l.start[vocabulary])
	for i, v := range terms {
		for _, t := range v {
			if next[t.term] < l.start[t.term+1] {
				l.at[next[t.term]] = int32(i)
				next[t.term]++
			}
		}
	}
	return l
}
