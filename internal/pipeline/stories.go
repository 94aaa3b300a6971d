package pipeline

import (
	"context"

	"github.com/corroborate/corroborate/internal/news"
)

// Assignment is the cleaned articles of a batch and the story each joined.
type Assignment struct {
	Articles []*news.Article
	StoryOf  map[string]string // article ID → story ID
	Errors   []news.ItemError
}

// Stories cleans, links and clusters articles without comparing their
// sources: the part of Analyze that story evaluation measures. It keeps no
// text analysis, so its versions come without Changes.
func Stories(ctx context.Context, articles []*news.Article, opts Options) Assignment {
	uniqueIDs(articles)
	items, errs := prepare(ctx, articles, opts, false)
	out := Assignment{StoryOf: make(map[string]string, len(items)), Errors: errs}
	for _, st := range group(items, opts, false) {
		for _, it := range st.items {
			out.StoryOf[it.article.ID] = st.id
		}
	}
	for _, it := range items {
		out.Articles = append(out.Articles, it.article)
	}
	return out
}
