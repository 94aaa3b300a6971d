package service

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// BenchmarkIngest stores real articles into a fresh SQLite store in
// batches, as POST /api/v1/articles does, with the analysis worker off so
// that the figure is ingest alone (bench serve measures both together).
func BenchmarkIngest(b *testing.B) {
	pool, err := eval.Pool(filepath.Join("..", "..", "..", "shared", "data"))
	if err != nil || len(pool) == 0 {
		b.Skip("public data sets not found under ../shared/data")
	}
	pool = pool[:min(len(pool), 4000)]
	const batch = 250
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := openDB(b, filepath.Join(b.TempDir(), "c.db"))
		s, err := Open(ctx, db, Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(pool); i += batch {
			if _, err := s.Ingest(ctx, pool[i:min(i+batch, len(pool))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(pool)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
