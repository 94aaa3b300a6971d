package load

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/web"
)

// TestLoad writes the sample corpus many times over from several clients
// while others read: every answer is 2xx, every article is acknowledged,
// and the store holds each article once.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	var sample []*news.Article
	ingest.Paths(ctx, []string{filepath.Join("..", "..", "examples", "fictional")}, nil, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
		if e != nil {
			t.Fatalf("%+v", e)
		}
		sample = append(sample, a)
	})
	var articles []*news.Article
	for range 25 {
		articles = append(articles, sample...)
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions(), Quiet: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	srv := httptest.NewServer(web.New(db, svc, web.Config{Token: "secret"}))
	defer srv.Close()

	rep, err := Run(ctx, srv.URL, articles, Options{Duration: time.Minute, Writers: 3, Readers: 2, Batch: 4, Token: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) > 0 {
		t.Errorf("failures %v, first of each: %v", rep.Failures, rep.First)
	}
	if rep.Articles != len(articles) || rep.Sent != len(articles) {
		t.Errorf("%d of %d articles acknowledged, want all %d", rep.Articles, rep.Sent, len(articles))
	}
	if n := rep.Requests["POST /api/v1/articles"].Count(); n != (len(articles)+3)/4 {
		t.Errorf("%d posts timed, want %d", n, (len(articles)+3)/4)
	}
	counts, err := db.Counts(ctx)
	if err != nil || counts.Articles != int64(len(sample)) {
		t.Errorf("store holds %d articles (%v), want each of the %d once", counts.Articles, err, len(sample))
	}
}

func TestPercentile(t *testing.T) {
	l := &Latencies{}
	for i := 10; i >= 1; i-- {
		l.add(time.Duration(i) * time.Millisecond)
	}
	tests := []struct {
		p    float64
		want time.Duration
	}{{0, time.Millisecond}, {50, 5 * time.Millisecond}, {90, 9 * time.Millisecond}, {99, 10 * time.Millisecond}, {100, 10 * time.Millisecond}}
	for _, tt := range tests {
		if got := l.Percentile(tt.p); got != tt.want {
			t.Errorf("Percentile(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if (&Latencies{}).Percentile(50) != 0 {
		t.Error("empty latencies have a percentile")
	}
}
