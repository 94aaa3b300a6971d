package service

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// BenchmarkServiceClusters scores the stories a service makes of a public
// set sent a hundred articles at a time, as a poller or an API client
// sends them, against the set's labels: what serve gives, where `eval
// clusters` scores a batch analysed whole (term statistics of the whole
// batch first, and a settling pass at its end). It reports B-cubed F1 (bcubed-f1) and
// stories found; it skips without ../shared.
//
//	go test -run X -bench ServiceClusters -benchtime 1x ./internal/service
func BenchmarkServiceClusters(b *testing.B) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		b.Skip("no public sets at ../shared/data")
	}
	sets := []struct{ name, path string }{
		{"wikiref", "wikiref220"},
		{"multinews", "multinews-validation"},
		{"allsides", "neus-allsides-dev"},
		{"googlenews-tweets", "googlenews-gsdmm"},
	}
	for _, set := range sets {
		articles, err := eval.Load(set.name, filepath.Join(data, set.path))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(set.name, func(b *testing.B) {
			var scores eval.Scores
			for range b.N {
				scores = serviceScores(b, articles, 100)
			}
			b.ReportMetric(scores.BCubedF1, "bcubed-f1")
			b.ReportMetric(float64(scores.Stories), "stories")
		})
	}
}

// serviceScores sends articles to a fresh service batch by batch and
// scores the stories it placed them in. An article it refused is a story
// of its own.
func serviceScores(b *testing.B, articles []*news.Article, batch int) eval.Scores {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, openDB(b, filepath.Join(b.TempDir(), "c.db")), Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	gold, pred := make([]string, len(articles)), make([]string, len(articles))
	for from := 0; from < len(articles); from += batch {
		var chunk []*news.Article
		for i := from; i < min(from+batch, len(articles)); i++ {
			a := *articles[i]
			a.Source = strconv.Itoa(i) // to find each status's article by
			chunk = append(chunk, &a)
			gold[i], pred[i] = a.Story, "refused "+a.Source
		}
		res, err := s.Ingest(ctx, chunk)
		if err != nil {
			b.Fatal(err)
		}
		for _, st := range res.Articles {
			i, _ := strconv.Atoi(st.Source)
			pred[i] = st.Story
		}
	}
	// A later batch may have merged an article's story away: score the
	// stories as the service holds them at the end.
	for i := range pred {
		if root, ok := s.engine.Resolve(pred[i]); ok {
			pred[i] = root
		}
	}
	return eval.Score(gold, pred)
}
