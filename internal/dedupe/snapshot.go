package dedupe

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

const snapshotVersion = 2

// state is the index as it is encoded; the LSH bands are rebuilt from the
// signatures on load, which costs less than storing them. Sigs and Clocks
// cover the articles from Forgotten on.
type state struct {
	Version   int
	Roots     []int32
	Outlets   []uint32
	Shingles  []int32
	Sigs      []Signature
	URLs      map[uint64]int32
	Names     map[string]uint32
	Forgotten int
	Clocks    []int64
	Now       int64
	Retention int64
}

// MarshalBinary encodes the index, so that a service can stop and start
// again where it was.
func (x *Index) MarshalBinary() ([]byte, error) {
	st := state{Version: snapshotVersion, URLs: x.byURL, Names: x.outlets,
		Forgotten: x.forgotten, Clocks: x.clocks, Now: x.now, Retention: x.retention}
	for i, e := range x.entries {
		st.Roots = append(st.Roots, e.root)
		st.Outlets = append(st.Outlets, e.outlet)
		st.Shingles = append(st.Shingles, e.shingles)
		if i >= x.forgotten {
			st.Sigs = append(st.Sigs, *x.sig(i))
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
		return nil, fmt.Errorf("encode dedupe index: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary restores an index MarshalBinary encoded.
func (x *Index) UnmarshalBinary(data []byte) error {
	var st state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
		return fmt.Errorf("decode dedupe index: %w", err)
	}
	if st.Version != snapshotVersion {
		return fmt.Errorf("decode dedupe index: snapshot version %d, want %d", st.Version, snapshotVersion)
	}
	n := len(st.Roots)
	if len(st.Outlets) != n || len(st.Shingles) != n || st.Forgotten < 0 || st.Forgotten > n ||
		len(st.Sigs) != n-st.Forgotten || len(st.Clocks) != n-st.Forgotten {
		return fmt.Errorf("decode dedupe index: inconsistent snapshot")
	}
	*x = *NewIndex()
	x.retention, x.now, x.forgotten = st.Retention, st.Now, st.Forgotten
	x.clocks = st.Clocks
	if st.URLs != nil {
		x.byURL = st.URLs
	}
	if st.Names != nil {
		x.outlets = st.Names
	}
	x.sigs.skip(x.forgotten)
	for i := range n {
		if st.Roots[i] < 0 || int(st.Roots[i]) > i {
			return fmt.Errorf("decode dedupe index: article %d has root %d", i, st.Roots[i])
		}
		x.entries = append(x.entries, entry{root: st.Roots[i], outlet: st.Outlets[i], shingles: st.Shingles[i]})
		if i < x.forgotten {
			continue
		}
		x.sigs.add(st.Sigs[i-x.forgotten])
		if st.Shingles[i] >= minShingles {
			for _, k := range bandKeys(x.sig(i)) {
				x.bands.add(k, int32(i))
			}
		}
	}
	x.sigs.forget(x.forgotten)
	for _, at := range x.byURL {
		if at < 0 || int(at) >= n {
			return fmt.Errorf("decode dedupe index: URL of article %d of %d", at, n)
		}
	}
	return nil
}
