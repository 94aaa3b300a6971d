package pipeline

import (
	"context"
	"fmt"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// The stages, one at a time, for a service that keeps its own dedupe and
// clustering state and stores articles between stages.

// Prepared is an article cleaned and analysed, with what dedupe and
// clustering read of it.
type Prepared struct {
	Article  *news.Article
	Doc      *text.Doc
	Terms    map[uint64]float64
	Sketch   dedupe.Signature
	Shingles int
}

// Prepare cleans and analyses articles in parallel, in input order;
// articles that cannot be analysed come back as errors naming them.
func Prepare(ctx context.Context, articles []*news.Article, opts Options) ([]Prepared, []news.ItemError) {
	items, errs := prepare(ctx, articles, opts)
	out := make([]Prepared, len(items))
	for i, it := range items {
		out[i] = Prepared{Article: it.article, Doc: it.doc, Terms: it.terms, Sketch: it.sketch, Shingles: it.shingles}
	}
	return out, errs
}

// Compare analyses one story of articles that were cleaned before (as a
// store keeps them): their sources compared, a summary and a headline. A
// bug tripped by the story becomes an error naming it.
func Compare(id string, articles []*news.Article, opts Options) (story *news.Story, err error) {
	defer recoverInto(&err)
	st := storyOf{id: id}
	for _, a := range articles {
		st.items = append(st.items, &prepared{article: a, doc: text.Analyze(a.Text)})
	}
	story = compareStory(st, opts)
	if story == nil {
		return nil, fmt.Errorf("story %s: nothing to compare", id)
	}
	return story, nil
}
