package service

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/corroborate/corroborate/internal/dedupe"
)

// features are what dedupe and clustering need of an article, stored with
// it so that any process can replay the log without re-reading texts.
type features struct {
	terms    map[uint64]float64
	sketch   dedupe.Signature
	shingles int
}

// encode writes the features compactly: the shingle count and term count
// as varints, the signature, then each term's hash and weight.
func (f features) encode() []byte {
	buf := make([]byte, 0, 2*binary.MaxVarintLen64+2*dedupe.Bins+12*len(f.terms))
	buf = binary.AppendUvarint(buf, uint64(f.shingles))
	buf = binary.AppendUvarint(buf, uint64(len(f.terms)))
	for _, v := range f.sketch {
		buf = binary.LittleEndian.AppendUint16(buf, v)
	}
	for k, w := range f.terms {
		buf = binary.LittleEndian.AppendUint64(buf, k)
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(float32(w)))
	}
	return buf
}

var errFeatures = errors.New("stored features are damaged")

func decodeFeatures(b []byte) (features, error) {
	var f features
	shingles, n := binary.Uvarint(b)
	if n <= 0 {
		return f, errFeatures
	}
	b = b[n:]
	count, n := binary.Uvarint(b)
	if n <= 0 || uint64(len(b[n:])) != 2*dedupe.Bins+12*count {
		return f, errFeatures
	}
	b = b[n:]
	f.shingles = int(shingles)
	for i := range f.sketch {
		f.sketch[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	b = b[2*dedupe.Bins:]
	f.terms = make(map[uint64]float64, count)
	for i := uint64(0); i < count; i++ {
		k := binary.LittleEndian.Uint64(b[12*i:])
		f.terms[k] = float64(math.Float32frombits(binary.LittleEndian.Uint32(b[12*i+8:])))
	}
	return f, nil
}
