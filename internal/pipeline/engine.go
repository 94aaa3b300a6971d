package pipeline

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/corroborate/corroborate/internal/clean"
	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// Prepared is an article cleaned and analysed, ready for Engine.Add.
type Prepared struct {
	article  *news.Article
	doc      *text.Doc
	terms    map[uint64]float64
	title    []uint64
	sketch   dedupe.Signature
	shingles int
	received time.Time
}

// Prepare cleans and analyses one article. It is a pure function of the
// article, safe to call from many goroutines. An article with no text left
// after cleaning is refused with news.ErrNoText.
func Prepare(a news.Article) (*Prepared, error) {
	return analyse(clean.Article(a))
}

// analyse prepares an article whose text is clean.
func analyse(c news.Article) (*Prepared, error) {
	doc := analyseText(c.Text, c.Language)
	if c.Language == "" && doc.LanguageShown {
		// Readers filter and sort by it; the text shows what the input
		// did not say.
		c.Language = doc.Language.Code()
	}
	if len(doc.Sentences) == 0 {
		return nil, fmt.Errorf("prepare %s: no article text left after cleaning: %w", c.ID, news.ErrNoText)
	}
	p := &Prepared{article: &c, doc: doc, terms: fitted(cluster.Features(c.Title, doc)), title: cluster.TitleTerms(c.Title, doc)}
	p.sketch, p.shingles = dedupe.Sketch(doc.Sentences)
	return p, nil
}

// fitted copies terms into a map of their own size. Features makes room
// for as many terms as the article has tokens, up to 256, and finds far
// fewer distinct ones (63 an article in the benchmark stream); a batch
// holds every article's terms until it is clustered, and they were most of
// its memory then: 60,000 stream articles' take 105 MB fitted, 217 MB not.
func fitted(terms map[uint64]float64) map[uint64]float64 {
	out := make(map[uint64]float64, len(terms))
	for t, w := range terms {
		out[t] = w
	}
	return out
}

// analyseText is the text analysis every prepared article is read with;
// a test counts the analyses a batch keeps alive through it.
var analyseText = text.AnalyzeIn

// analysis is the article's text analysis: the one Prepare made, when it
// was kept, else the same made again from the cleaned text. Prepare read
// the text in the language the article now says whenever the text did not
// show its own, so reading it again gives what Prepare had.
func (p *Prepared) analysis() *text.Doc {
	if p.doc != nil {
		return p.doc
	}
	return analyseText(p.article.Text, p.article.Language)
}

// Article is the cleaned article; Engine.Add does not change it.
func (p *Prepared) Article() *news.Article { return p.article }

// Received records when a service received the article, which bounds the
// time the engine files it under (Clock).
func (p *Prepared) Received(at time.Time) { p.received = at }

func (p *Prepared) clusterDoc() cluster.Doc {
	return cluster.Doc{ID: p.article.ID, Time: Clock(p.article.Published.Time, p.received), Terms: p.terms, Title: p.title}
}

// Clock is the time the engine files an article under: its publication
// date, but never after it was received (when that is known). A date
// ahead of its arrival is wrong — a time zone mislabelled, a year
// mistyped — and both the clusterer and the dedupe index keep time by the
// latest date they have seen: one article dated years ahead would close
// every story and forget every text.
func Clock(published, received time.Time) time.Time {
	if !received.IsZero() && published.After(received) {
		return received
	}
	return published
}

// Relation says how an article relates to one seen before it.
type Relation string

const (
	Original Relation = "original"
	Version  Relation = "version" // the same outlet's article, updated
	Copy     Relation = "copy"    // the same text under another outlet
)

// Placement is what Engine.Add decided for one article.
type Placement struct {
	Article string
	// Story is the ID of the article's story. Story IDs derive from a
	// story's first article and stay as it grows; when two stories merge,
	// the larger keeps its ID.
	Story string
	// New is set when the article started its story.
	New bool
	// Joined is the story the article joined, before the merges its
	// arrival set off.
	Joined string
	// Merged lists the merges this arrival set off, each story absorbed
	// and the one it went into, in the order made; the absorbed IDs now
	// resolve to Story (Engine.Resolve). Replay to Joined, then Merge of
	// each pair in turn, brings another engine to the same stories.
	Merged []cluster.Absorbed
	// Relation and Of: a version or copy names the first article of its
	// group. A copy counts as coverage, never as an independent voice.
	Relation Relation
	Of       string
	// Repeat is set for an article ID added before: nothing changed.
	Repeat bool
}

// recentMembers is how many of a story's latest articles an article is
// compared with to find an update its outlet rewrote heavily.
const recentMembers = 64

// Engine links and clusters articles one at a time, as a long-running
// service receives them. It keeps no text: per article a 256-byte MinHash
// signature with its LSH bands and a few indexes, per live story a bounded
// centroid. Snapshot and RestoreEngine save and load it; a service can
// also rebuild it by adding its stored articles again. It is not safe for
// concurrent use: prepare articles on many goroutines, add them on one.
type Engine struct {
	dedupe  *dedupe.Index
	cluster *cluster.Clusterer
}

// NewEngine returns an empty engine.
func NewEngine(opts cluster.Options) *Engine {
	return &Engine{dedupe: dedupe.NewIndex(), cluster: cluster.New(opts)}
}

// Retain makes the engine forget articles' text signatures older than d
// on the clock of their dates (dedupe.Index.Retain), so that a
// long-running engine's dedupe index stays the size of that span of news.
// Call it before the first article.
func (e *Engine) Retain(d time.Duration) { e.dedupe.Retain(d) }

// Prime counts an article's terms before it is added, so that a batch
// known in advance is weighed with the statistics of the whole batch.
func (e *Engine) Prime(p *Prepared) { e.cluster.Prime(p.clusterDoc()) }

// Add links an article to the versions and copies seen before it and
// places it in a story. An article ID seen before is not added again: its
// current story comes back with Repeat set.
func (e *Engine) Add(p *Prepared) Placement {
	a := p.article
	if story, ok := e.cluster.StoryOf(a.ID); ok {
		return Placement{Article: a.ID, Story: story, Repeat: true}
	}
	self := e.dedupe.Len()
	d := p.clusterDoc()
	m := e.dedupe.Add(dedupe.Item{Outlet: a.Outlet, URL: a.URL, Signature: p.sketch, Shingles: p.shingles, Time: d.Time})
	if m.Kind != dedupe.Original {
		d.Join, d.Repeats = e.cluster.Article(m.Of), true
	}
	c := e.cluster.Add(d)
	if m.Kind == dedupe.Original {
		m = e.dedupe.Version(self, e.cluster.Recent(c.Story, recentMembers))
	}
	out := Placement{Article: a.ID, Story: c.Story, Joined: c.Joined, New: c.New, Merged: c.Merged, Relation: relation(m.Kind)}
	if m.Kind != dedupe.Original {
		out.Of = e.cluster.Article(m.Of)
	}
	return out
}

// Stored is an article a store already placed, as it keeps it: its
// features, not its text.
type Stored struct {
	ID, Outlet, URL string
	Time            time.Time
	Terms           map[uint64]float64
	Title           []uint64
	Sketch          dedupe.Signature
	Shingles        int
	Story           string
	// Repeats marks a version or copy of an earlier article, which a split
	// leaves out of the parts' centroids.
	Repeats bool
	// VersionOf is the article it was found a version of, if any.
	VersionOf string
}

// Replay adds an article where the store says it is, without deciding
// again: how a service rebuilds its engine from its log, and takes in what
// other processes stored. An article ID seen before is left as it is.
func (e *Engine) Replay(s Stored) {
	if _, ok := e.cluster.StoryOf(s.ID); ok {
		return
	}
	self := e.dedupe.Len()
	m := e.dedupe.Add(dedupe.Item{Outlet: s.Outlet, URL: s.URL, Signature: s.Sketch, Shingles: s.Shingles, Time: s.Time})
	// The index answers as it did when the article arrived, so the article
	// enters its story's centroid, or not, as it did then.
	d := s.clusterDoc()
	d.Repeats = m.Kind != dedupe.Original
	e.cluster.Assign(d, s.Story)
	// A version that only Index.Version found, after the article was
	// placed, joins its group as it did then, so that its own later
	// versions name the same first article.
	if m.Kind == dedupe.Original && s.VersionOf != "" {
		if of, ok := e.cluster.IndexOf(s.VersionOf); ok {
			e.dedupe.Adopt(self, of)
		}
	}
}

func (s Stored) clusterDoc() cluster.Doc {
	return cluster.Doc{ID: s.ID, Time: s.Time, Terms: s.Terms, Title: s.Title, Repeats: s.Repeats}
}

func relation(k dedupe.Kind) Relation {
	switch k {
	case dedupe.Version:
		return Version
	case dedupe.Copy:
		return Copy
	}
	return Original
}

// StoryOf returns the story an article is in now.
func (e *Engine) StoryOf(article string) (string, bool) { return e.cluster.StoryOf(article) }

// Resolve returns what a story ID stands for now: itself, or the story it
// was merged into.
func (e *Engine) Resolve(story string) (string, bool) { return e.cluster.Resolve(story) }

// Stories returns every story with its articles, in order of creation.
func (e *Engine) Stories() []cluster.Story { return e.cluster.Stories() }

// Settle looks again at every open story of one article and merges it into
// the story it would join if it arrived now: stories grow after their first
// article found no match. A batch settles at its end. A service that
// settled would have to log the merges it returns as edits, as it does
// Add's (Placement.Merged), or a replay would not make them; nor would a
// replay, which sweeps only as the next article enters, close quiet
// stories before them, as Settle does when a sweep is due.
func (e *Engine) Settle() []cluster.Absorbed { return e.cluster.Settle() }

// Merge makes two stories one, as an editor would; the larger keeps its
// ID, the older of two the same size.
func (e *Engine) Merge(a, b string) (string, error) { return e.cluster.Merge(a, b) }

// Nearest returns up to n stories most like a story, most alike first:
// what an editor might merge it with. It changes no story.
func (e *Engine) Nearest(story string, n int) ([]cluster.Neighbour, error) {
	return e.cluster.Nearest(story, n)
}

// Split moves the articles in move out of their story into a new one, as
// an editor would; stay is the rest of the story. Only the story's own
// articles are weighed again, from their features as a store keeps them,
// not their text. It returns the new story's ID.
func (e *Engine) Split(story string, stay, move []Stored) (string, error) {
	docs := func(ss []Stored) []cluster.Doc {
		out := make([]cluster.Doc, len(ss))
		for i, s := range ss {
			out[i] = s.clusterDoc()
		}
		return out
	}
	return e.cluster.Split(story, docs(stay), docs(move))
}

// Members returns the IDs of a story's articles in order of arrival; none
// for an unknown story.
func (e *Engine) Members(story string) []string {
	recent := e.cluster.Recent(story, e.cluster.Len())
	out := make([]string, len(recent))
	for i, at := range recent {
		out[len(recent)-1-i] = e.cluster.Article(at)
	}
	return out
}

// snapshotMagic starts every engine snapshot, so that a wrong file is
// refused up front.
const snapshotMagic = "corroborate engine 1\n"

type engineState struct {
	Dedupe, Cluster []byte
}

// Snapshot writes the engine's state to w.
func (e *Engine) Snapshot(w io.Writer) error {
	var st engineState
	var err error
	if st.Dedupe, err = e.dedupe.MarshalBinary(); err != nil {
		return fmt.Errorf("snapshot engine: %w", err)
	}
	if st.Cluster, err = e.cluster.MarshalBinary(); err != nil {
		return fmt.Errorf("snapshot engine: %w", err)
	}
	bw := bufio.NewWriter(w)
	if _, err := io.WriteString(bw, snapshotMagic); err != nil {
		return fmt.Errorf("snapshot engine: %w", err)
	}
	if err := gob.NewEncoder(bw).Encode(&st); err != nil {
		return fmt.Errorf("snapshot engine: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("snapshot engine: %w", err)
	}
	return nil
}

// ErrSnapshot is returned for input that is not an engine snapshot.
var ErrSnapshot = errors.New("not an engine snapshot")

// RestoreEngine reads an engine Snapshot wrote.
func RestoreEngine(r io.Reader) (*Engine, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(snapshotMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != snapshotMagic {
		return nil, fmt.Errorf("restore engine: %w", ErrSnapshot)
	}
	var st engineState
	if err := gob.NewDecoder(br).Decode(&st); err != nil {
		return nil, fmt.Errorf("restore engine: %w", err)
	}
	e := &Engine{dedupe: dedupe.NewIndex(), cluster: cluster.New(cluster.Options{})}
	if err := e.dedupe.UnmarshalBinary(st.Dedupe); err != nil {
		return nil, fmt.Errorf("restore engine: %w", err)
	}
	if err := e.cluster.UnmarshalBinary(st.Cluster); err != nil {
		return nil, fmt.Errorf("restore engine: %w", err)
	}
	if e.dedupe.Len() != e.cluster.Len() {
		return nil, fmt.Errorf("restore engine: %d articles in the index, %d in stories: %w", e.dedupe.Len(), e.cluster.Len(), ErrSnapshot)
	}
	return e, nil
}
