package pipeline

import (
	"context"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
)

// Story analyses articles known to tell one story, skipping clustering:
// for evaluation against labelled stories, and for callers that grouped the
// articles themselves. Versions and copies are still linked; the report
// holds the cleaned articles and one story, named after the first article.
func Story(ctx context.Context, articles []*news.Article, opts Options) *news.Report {
	report := &news.Report{Version: news.ReportVersion}
	uniqueIDs(articles)
	items, errs := prepare(ctx, articles, opts, true)
	report.Errors = append(report.Errors, errs...)
	if len(items) == 0 {
		return report
	}
	link(items, relate(items), true)
	for _, it := range items {
		report.Articles = append(report.Articles, it.article)
	}
	stories, storyErrs := compareAll(ctx, []storyOf{{id: items[0].article.ID, items: items}}, opts)
	report.Stories = stories
	report.Errors = append(report.Errors, storyErrs...)
	return report
}

// relate finds the versions and copies among articles known to tell one
// story, as Engine.Add does when they join the same story.
func relate(items []*Prepared) []Placement {
	ix := dedupe.NewIndex()
	placed := make([]Placement, len(items))
	for i, it := range items {
		a := it.article
		m := ix.Add(dedupe.Item{Outlet: a.Outlet, URL: a.URL, Signature: it.sketch, Shingles: it.shingles})
		if m.Kind == dedupe.Original {
			recent := make([]int, 0, recentMembers)
			for j := i - 1; j >= 0 && len(recent) < recentMembers; j-- {
				recent = append(recent, j)
			}
			m = ix.Version(i, recent)
		}
		placed[i] = Placement{Article: a.ID, Relation: relation(m.Kind)}
		if m.Kind != dedupe.Original {
			placed[i].Of = items[m.Of].article.ID
		}
	}
	return placed
}
