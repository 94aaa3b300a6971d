package service

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/store"
)

// features are what dedupe and clustering need of an article, stored with
// it so that any process can replay the log without re-reading texts.
type features struct {
	terms    map[uint64]float64
	sketch   dedupe.Signature
	shingles int
	// title lists the terms of the title alone, which automatic merges
	// and settling read (cluster.Doc.Title): without them a replayed
	// engine would merge where the one that stored the articles did not.
	title []uint64
}

// featuresOf are the features of a prepared article, as stored.
func featuresOf(p *pipeline.Prepared) features {
	sketch, shingles := p.Sketch()
	return features{terms: p.Terms(), sketch: sketch, shingles: shingles, title: p.TitleTerms()}
}

// encode writes the features compactly: the shingle count and term count
// as varints, the signature, each term's hash and weight, then the title's
// term count as a varint and its terms.
func (f features) encode() []byte {
	buf := make([]byte, 0, 3*binary.MaxVarintLen64+2*dedupe.Bins+12*len(f.terms)+8*len(f.title))
	buf = binary.AppendUvarint(buf, uint64(f.shingles))
	buf = binary.AppendUvarint(buf, uint64(len(f.terms)))
	for _, v := range f.sketch {
		buf = binary.LittleEndian.AppendUint16(buf, v)
	}
	for k, w := range f.terms {
		buf = binary.LittleEndian.AppendUint64(buf, k)
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(float32(w)))
	}
	buf = binary.AppendUvarint(buf, uint64(len(f.title)))
	for _, k := range f.title {
		buf = binary.LittleEndian.AppendUint64(buf, k)
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
	// Counts are compared by division: a damaged one's bytes, multiplied
	// out, could wrap around to the length there is.
	if n <= 0 || uint64(len(b[n:])) < 2*dedupe.Bins || count > (uint64(len(b[n:]))-2*dedupe.Bins)/12 {
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
	// Features an older version stored end here: they have no title, and
	// are prepared again at the next start (refeature).
	if b = b[12*count:]; len(b) == 0 {
		return f, nil
	}
	titled, n := binary.Uvarint(b)
	if n <= 0 || uint64(len(b[n:]))%8 != 0 || titled != uint64(len(b[n:]))/8 {
		return f, errFeatures
	}
	b = b[n:]
	f.title = make([]uint64, titled)
	for i := range f.title {
		f.title[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return f, nil
}

// refeatureBatch is how many stored articles are prepared again in one
// transaction.
const refeatureBatch = 256

// refeature prepares again, from their stored text, the articles whose
// features an older version of the text analysis made (after an upgrade
// that changed them), so that the engine replays every article with the
// features a new one gets: kept as they were, the stories stored before
// would match new coverage of themselves by the old rules. Each batch is
// committed on its own, so an upgrade that is cut short goes on where it
// stopped the next time a service opens the store, and processes opening
// together only repeat each other's work.
func (s *Service) refeature(ctx context.Context) error {
	total, err := s.db.CountOutdatedFeatures(ctx, pipeline.FeaturesVersion)
	if err != nil {
		return fmt.Errorf("count articles to prepare again: %w", err)
	}
	if total == 0 {
		return nil
	}
	s.log.Info("preparing again the articles an older version stored", "articles", total, "features_version", pipeline.FeaturesVersion)
	var after int64
	done := 0
	for {
		batch, err := s.db.OutdatedFeatures(ctx, pipeline.FeaturesVersion, after, refeatureBatch)
		if err != nil {
			return fmt.Errorf("read articles to prepare again: %w", err)
		}
		if len(batch) == 0 {
			break
		}
		after = batch[len(batch)-1].Seq
		encoded := make([][]byte, len(batch))
		pipeline.Each(ctx, len(batch), s.opts.Pipeline.Workers, func(i int) {
			p, err := pipeline.Reprepare(batch[i].Article)
			if err != nil {
				// Today's analysis finds no text where an older one did: the
				// features it had still serve, and asking again at every
				// start would not change the answer.
				s.log.Warn("keeping the stored features of an article that cannot be prepared again", "article", batch[i].ID, "err", err)
				encoded[i] = batch[i].Features
				return
			}
			encoded[i] = featuresOf(p).encode()
		})
		if err := ctx.Err(); err != nil {
			return err
		}
		err = s.db.Write(ctx, func(tx *store.Tx) error {
			for i, a := range batch {
				if err := tx.SetFeatures(a.Seq, encoded[i], pipeline.FeaturesVersion); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("store articles prepared again: %w", err)
		}
		done += len(batch)
		if s.opts.Progress != nil {
			s.opts.Progress("upgrade", done, total)
		}
	}
	s.log.Info("prepared again", "articles", done)
	return nil
}
