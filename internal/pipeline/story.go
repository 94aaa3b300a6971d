package pipeline

import (
	"context"

	"github.com/corroborate/corroborate/internal/news"
)

// Story analyses articles known to tell one story, skipping clustering:
// for evaluation against labelled stories, and for callers that grouped the
// articles themselves. Versions and copies are still linked; the report
// holds the cleaned articles and one story, named after the first article.
func Story(ctx context.Context, articles []*news.Article, opts Options) *news.Report {
	report := &news.Report{Version: news.ReportVersion}
	uniqueIDs(articles)
	items, errs := prepare(ctx, articles, opts)
	report.Errors = append(report.Errors, errs...)
	if len(items) == 0 {
		return report
	}
	link(items)
	for _, it := range items {
		report.Articles = append(report.Articles, it.article)
	}
	stories, storyErrs := compareAll(ctx, []storyOf{{id: items[0].article.ID, items: items}}, opts)
	report.Stories = stories
	report.Errors = append(report.Errors, storyErrs...)
	return report
}
