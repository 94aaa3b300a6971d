package cluster

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"slices"
	"time"
)

// snapshotVersion changes when the encoding does; an old snapshot is then
// refused and the state rebuilt from stored articles.
const snapshotVersion = 4

// state is the clusterer as it is encoded: what cannot be derived. The
// maps from IDs and the inverted index are rebuilt on load.
type state struct {
	Version                   int
	Threshold, ClearThreshold float64
	MergeThreshold            float64
	MaxGap, HalfLife          time.Duration
	TermHashes                []uint64
	DF                        []int32
	Docs                      int
	IDs                       []string
	StoryOf                   []int32
	Stories                   []storyState
	Apart                     [][2]int32
	Now                       int64
	Swept                     int
	PrimedIDs                 []string
	Live                      []int32
}

type storyState struct {
	ID      string
	Terms   []uint32
	Weights []float32
	// TitleTerms and TitleWeights are its titles (story.titles), which
	// automatic merges read.
	TitleTerms                []uint32
	TitleWeights              []float32
	Size                      int32
	Mass, MassSq              float64
	Members                   []int32
	Parent                    int32
	Earliest, Latest, Decayed int64
	Closed                    bool
}

// MarshalBinary encodes the clusterer's state, so that a service can stop
// and start again where it was.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	st := state{
		Version: snapshotVersion, Threshold: c.opts.Threshold, ClearThreshold: c.opts.ClearThreshold,
		MergeThreshold: c.opts.MergeThreshold,
		MaxGap:         c.opts.MaxGap, HalfLife: c.opts.HalfLife,
		TermHashes: c.vocab.hash, DF: c.vocab.df, Docs: c.vocab.docs,
		IDs: c.ids, StoryOf: c.storyOf, Now: c.now, Swept: c.swept, Live: c.live,
	}
	for id := range c.primed {
		st.PrimedIDs = append(st.PrimedIDs, id)
	}
	for p := range c.apart {
		st.Apart = append(st.Apart, p)
	}
	st.Stories = make([]storyState, len(c.stories))
	for i, s := range c.stories {
		ss := storyState{ID: s.id, Size: s.size, Mass: s.mass, MassSq: s.massSq, Members: s.members, Parent: s.parent,
			Earliest: s.earliest, Latest: s.latest, Decayed: s.decayed, Closed: s.closed}
		ss.Terms, ss.Weights = make([]uint32, len(s.centroid)), make([]float32, len(s.centroid))
		for k, t := range s.centroid {
			ss.Terms[k], ss.Weights[k] = t.id, t.w
		}
		ss.TitleTerms, ss.TitleWeights = make([]uint32, len(s.titles)), make([]float32, len(s.titles))
		for k, t := range s.titles {
			ss.TitleTerms[k], ss.TitleWeights[k] = t.id, t.w
		}
		st.Stories[i] = ss
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
		return nil, fmt.Errorf("encode clusterer: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary restores a state MarshalBinary encoded.
func (c *Clusterer) UnmarshalBinary(data []byte) error {
	var st state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
		return fmt.Errorf("decode clusterer: %w", err)
	}
	if st.Version != snapshotVersion {
		return fmt.Errorf("decode clusterer: snapshot version %d, want %d", st.Version, snapshotVersion)
	}
	if len(st.DF) != len(st.TermHashes) || len(st.StoryOf) != len(st.IDs) {
		return fmt.Errorf("decode clusterer: inconsistent snapshot")
	}
	*c = *New(Options{Threshold: st.Threshold, ClearThreshold: st.ClearThreshold, MergeThreshold: st.MergeThreshold,
		MaxGap: st.MaxGap, HalfLife: st.HalfLife})
	c.vocab.hash, c.vocab.df, c.vocab.docs = st.TermHashes, st.DF, st.Docs
	for id, h := range st.TermHashes {
		c.vocab.ids[h] = uint32(id)
	}
	c.ids, c.storyOf, c.now, c.swept, c.live = st.IDs, st.StoryOf, st.Now, st.Swept, st.Live
	for i, id := range st.IDs {
		c.index[id] = int32(i)
	}
	for _, id := range st.PrimedIDs {
		c.primed[id] = true
	}
	for _, p := range st.Apart {
		c.apart[p] = true
	}
	c.stories = make([]story, len(st.Stories))
	for i, ss := range st.Stories {
		if len(ss.Terms) != len(ss.Weights) || len(ss.TitleTerms) != len(ss.TitleWeights) || ss.Parent < 0 || int(ss.Parent) >= len(st.Stories) {
			return fmt.Errorf("decode clusterer: inconsistent story %s", ss.ID)
		}
		s := story{id: ss.ID, size: ss.Size, mass: ss.Mass, massSq: ss.MassSq, members: ss.Members, parent: ss.Parent,
			earliest: ss.Earliest, latest: ss.Latest, decayed: ss.Decayed, closed: ss.Closed}
		centroid := make(vector, len(ss.Terms))
		for k := range ss.Terms {
			centroid[k] = term{ss.Terms[k], ss.Weights[k]}
		}
		s.set(centroid, &c.work)
		for k := range ss.TitleTerms {
			s.titles = append(s.titles, term{ss.TitleTerms[k], ss.TitleWeights[k]})
		}
		c.stories[i] = s
		c.byID[s.id] = int32(i)
	}
	if err := st.check(); err != nil {
		return err
	}
	c.partial = make([]float32, len(c.stories))
	c.seen = make([]int32, len(c.stories))
	for _, s := range c.live {
		st := &c.stories[s]
		if st.parent != s || st.closed {
			continue
		}
		var terms []uint32
		for _, t := range heaviest(st.centroid, indexTerms) {
			terms = append(terms, t.id)
		}
		c.index_(s, terms)
	}
	return nil
}

// check refuses a snapshot whose indexes point outside it, so a damaged
// file is an error and not a panic later.
func (st *state) check() error {
	n, articles := int32(len(st.Stories)), int32(len(st.IDs))
	inStories := func(s int32) bool { return s >= 0 && s < n }
	for _, s := range st.StoryOf {
		if !inStories(s) {
			return fmt.Errorf("decode clusterer: article in story %d of %d", s, n)
		}
	}
	for _, s := range st.Live {
		if !inStories(s) {
			return fmt.Errorf("decode clusterer: live story %d of %d", s, n)
		}
	}
	for _, p := range st.Apart {
		if !inStories(p[0]) || !inStories(p[1]) {
			return fmt.Errorf("decode clusterer: split pair %v of %d stories", p, n)
		}
	}
	for i := range st.Stories {
		// Merges point a story at the one that absorbed it; a chain
		// longer than the stories is a cycle, on which root would spin.
		s := int32(i)
		for steps := int32(0); st.Stories[s].Parent != s; steps++ {
			if steps > n {
				return fmt.Errorf("decode clusterer: story %s is merged into itself", st.Stories[i].ID)
			}
			s = st.Stories[s].Parent
		}
	}
	for _, ss := range st.Stories {
		for _, m := range ss.Members {
			if m < 0 || m >= articles {
				return fmt.Errorf("decode clusterer: story %s has article %d of %d", ss.ID, m, articles)
			}
		}
		for _, t := range slices.Concat(ss.Terms, ss.TitleTerms) {
			if int(t) >= len(st.TermHashes) {
				return fmt.Errorf("decode clusterer: story %s has term %d of %d", ss.ID, t, len(st.TermHashes))
			}
		}
	}
	return nil
}
