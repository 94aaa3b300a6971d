// Package pipeline runs the stages in order — clean, analyse, dedupe,
// cluster, compare, summarize — over a batch of articles held in memory. It
// is the one place that starts workers; every stage it calls is a pure
// function of its input.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/summarize"
)

// Options tune a run.
type Options struct {
	// Workers is how many goroutines clean and compare; zero means one per CPU.
	Workers      int
	Cluster      cluster.Options
	SummaryWords int
	// Progress, when set, hears how far each stage has come.
	Progress func(stage string, done, total int)
}

// DefaultOptions returns the options analyze uses.
func DefaultOptions() Options {
	return Options{Cluster: cluster.DefaultOptions(), SummaryWords: summarize.DefaultWords}
}

// Analyze runs the whole pipeline over articles and returns the report. It
// stops early, with what it has, when ctx is cancelled.
func Analyze(ctx context.Context, articles []*news.Article, opts Options) *news.Report {
	report := &news.Report{Version: news.ReportVersion}
	uniqueIDs(articles)
	// Each article's text analysis is most of its memory, and only its
	// story's comparison reads it: it is made again then, so that a batch
	// holds the analyses of the stories being compared, not of every
	// article.
	items, errs := prepare(ctx, articles, opts, false)
	report.Errors = append(report.Errors, errs...)
	stories := group(items, opts, true)
	for _, it := range items {
		report.Articles = append(report.Articles, it.article)
		it.terms, it.title = nil, nil // clustering is done: free them for comparing
	}
	var storyErrs []news.ItemError
	report.Stories, storyErrs = compareAll(ctx, stories, opts)
	report.Errors = append(report.Errors, storyErrs...)
	return report
}

// uniqueIDs renames repeated IDs ("a", "a~2") so that every article can be
// cited unambiguously.
func uniqueIDs(articles []*news.Article) {
	seen := make(map[string]int, len(articles))
	for _, a := range articles {
		seen[a.ID]++
		if n := seen[a.ID]; n > 1 {
			a.ID = fmt.Sprintf("%s~%d", a.ID, n)
			seen[a.ID]++
		}
	}
}

// prepare cleans and analyses every article in parallel, keeping input
// order. Articles left with no text are reported, not kept. keepDocs keeps
// each article's text analysis (text.Doc), which comparing stories reads
// and clustering does not: it is most of a prepared article's memory, so a
// run of many stories drops it as soon as the features are taken (and
// Analyze makes it again when the article's story is compared).
func prepare(ctx context.Context, articles []*news.Article, opts Options, keepDocs bool) ([]*Prepared, []news.ItemError) {
	out := make([]*Prepared, len(articles))
	var done atomic.Int64
	failed := make([]error, len(articles))
	noText := make([]bool, len(articles))
	parallel(ctx, len(articles), opts.Workers, func(i int) {
		defer progress(opts, "clean", int(done.Add(1)), len(articles))
		// A bug tripped by one strange article must not cost the batch.
		defer recoverInto(&failed[i])
		p, err := Prepare(*articles[i])
		if p != nil && !keepDocs {
			p.doc = nil
		}
		out[i], noText[i] = p, errors.Is(err, news.ErrNoText)
	})
	var kept []*Prepared
	var errs []news.ItemError
	for i, p := range out {
		switch {
		case failed[i] != nil:
			errs = append(errs, news.ItemError{Source: articles[i].Source, Error: failed[i].Error()})
		case noText[i]:
			errs = append(errs, news.ItemError{Source: articles[i].Source, Error: "no article text left after cleaning: " + news.ErrNoText.Error()})
		case p == nil:
			errs = append(errs, news.ItemError{Source: articles[i].Source, Error: "not analysed: " + context.Cause(ctx).Error()})
		default:
			kept = append(kept, p)
		}
	}
	return kept, errs
}

// parallel calls fn(i) for i in [0, n) on a pool of workers.
func parallel(ctx context.Context, n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

func progress(opts Options, stage string, done, total int) {
	if opts.Progress != nil {
		opts.Progress(stage, done, total)
	}
}

// storyOf is a story's ID and its prepared articles.
type storyOf struct {
	id    string
	items []*Prepared
}

// group links and clusters the articles in input order, then marks
// versions and copies across the batch. The batch's term statistics are
// known up front, so they weigh every article alike. changes records what
// each version changed.
func group(items []*Prepared, opts Options, changes bool) []storyOf {
	e := NewEngine(opts.Cluster)
	for _, it := range items {
		e.Prime(it)
	}
	placed := make([]Placement, len(items))
	for n, i := range chronological(items) {
		placed[i] = e.Add(items[i])
		progress(opts, "cluster", n+1, len(items))
	}
	e.Settle()
	link(items, placed, changes)
	byID := make(map[string]*Prepared, len(items))
	for _, it := range items {
		byID[it.article.ID] = it
	}
	var out []storyOf
	for _, s := range e.Stories() {
		st := storyOf{id: s.ID}
		for _, id := range s.Members {
			st.items = append(st.items, byID[id])
		}
		out = append(out, st)
	}
	return out
}

// chronological is the order a batch's articles are added in: the dated
// ones by date, each into a place a dated one held, the undated ones where
// they are. Files come in any order — by name, by story, shuffled — but
// the engine keeps time as a stream does, by the latest date it has seen:
// an article dated weeks later, added first, closes the stories that the
// earlier articles after it should still join.
func chronological(items []*Prepared) []int {
	order := make([]int, len(items))
	times := make([]time.Time, len(items))
	var dated []int
	for i, it := range items {
		order[i] = i
		if times[i] = it.clusterDoc().Time; !times[i].IsZero() {
			dated = append(dated, i)
		}
	}
	byDate := slices.Clone(dated)
	slices.SortStableFunc(byDate, func(a, b int) int { return times[a].Compare(times[b]) })
	for k, slot := range dated {
		order[slot] = byDate[k]
	}
	return order
}

// compareAll compares and summarises every story in parallel, then orders
// them: most independent voices first.
func compareAll(ctx context.Context, stories []storyOf, opts Options) ([]*news.Story, []news.ItemError) {
	out := make([]*news.Story, len(stories))
	failed := make([]error, len(stories))
	var done atomic.Int64
	parallel(ctx, len(stories), opts.Workers, func(i int) {
		defer progress(opts, "compare", int(done.Add(1)), len(stories))
		defer recoverInto(&failed[i])
		out[i] = compareStory(stories[i], opts)
		// Analyses kept from Prepare (Story keeps its one story's) are
		// read by nothing once the story is compared.
		for _, it := range stories[i].items {
			it.doc = nil
		}
	})
	var errs []news.ItemError
	for i, err := range failed {
		if err != nil {
			out[i] = bareStory(stories[i])
			errs = append(errs, news.ItemError{Source: "story " + stories[i].id, Error: "comparing its sources failed: " + err.Error()})
		}
	}
	kept := out[:0]
	for _, s := range out {
		if s != nil {
			kept = append(kept, s)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Voices != kept[j].Voices {
			return kept[i].Voices > kept[j].Voices
		}
		return len(kept[i].Articles) > len(kept[j].Articles)
	})
	return kept, errs
}

// recoverInto turns a panic into an error, for code that must go on with
// the rest of a batch. The stack goes with it, since it is a bug to fix.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
	}
}

// bareStory lists a story's articles when comparing them failed, so no
// article goes missing from the report.
func bareStory(st storyOf) *news.Story {
	s := &news.Story{ID: st.id}
	for _, it := range st.items {
		s.Articles = append(s.Articles, it.article.ID)
		if it.article.Title != "" && s.Headline == "" {
			s.Headline = it.article.Title
		}
	}
	return s
}

func compareStory(st storyOf, opts Options) *news.Story {
	articles := make([]*news.Article, len(st.items))
	for i, it := range st.items {
		articles[i] = it.article
	}
	voices := news.Voices(articles)
	sources := make([]compare.Source, len(st.items))
	story := &news.Story{ID: st.id, Outlets: []string{}}
	seenOutlet := map[string]bool{}
	for i, it := range st.items {
		sources[i] = compare.Source{Article: it.article, Doc: it.analysis(), Voice: voices[it.article.ID]}
		story.Articles = append(story.Articles, it.article.ID)
		if o := it.article.Outlet; o != "" && !seenOutlet[o] {
			seenOutlet[o] = true
			story.Outlets = append(story.Outlets, o)
		}
	}
	story.Voices = news.CountVoices(voices, story.Articles)
	res := compare.Analyze(sources)
	story.Headline, story.Summary = summarize.Write(res, summarize.Options{Words: opts.SummaryWords})
	story.Facts, story.Quotes, story.Attributions = res.Facts, res.Quotes, res.Attributions
	story.Claims, story.Timeline = res.Claims, res.Timeline
	return story
}
