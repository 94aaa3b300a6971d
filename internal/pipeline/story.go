package pipeline

import (
	"context"

	"github.com/corroborate/corroborate/internal/news"
)

// AnalyzeStory runs the pipeline over articles known to tell one story,
// without clustering: the report holds the cleaned articles and one story.
// Summary evaluation uses it to score each gold story alone.
func AnalyzeStory(ctx context.Context, articles []*news.Article, opts Options) *news.Report {
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
