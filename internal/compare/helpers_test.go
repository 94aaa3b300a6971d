package compare

import (
	"testing"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// art is a test article: outlet "" counts as a voice of its own.
type art struct {
	id, outlet, date, text string
	versionOf, copyOf      string
}

func analyze(t *testing.T, arts ...art) *Result {
	t.Helper()
	articles := make([]*news.Article, len(arts))
	for i, a := range arts {
		published, err := news.ParseTimestamp(a.date)
		if err != nil {
			t.Fatal(err)
		}
		articles[i] = &news.Article{ID: a.id, Outlet: a.outlet, Published: published, Text: a.text}
		if a.versionOf != "" {
			of := a.versionOf
			articles[i].VersionOf = &of
		}
		if a.copyOf != "" {
			of := a.copyOf
			articles[i].DuplicateOf = &of
		}
	}
	voices := news.Voices(articles)
	sources := make([]Source, len(arts))
	for i, a := range articles {
		sources[i] = Source{Article: a, Doc: text.Analyze(a.Text), Voice: voices[a.ID]}
	}
	return Analyze(sources)
}
