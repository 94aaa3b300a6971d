package service

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/store"
)

// staleBatch is how many stale stories one round of the worker takes.
const staleBatch = 64

// analyze keeps stories' analyses up to date until ctx ends: woken by
// ingests in this process, and on a timer for those of other processes.
func (s *Service) analyze(ctx context.Context) {
	tick := time.NewTicker(s.opts.Poll)
	defer tick.Stop()
	for {
		for ctx.Err() == nil {
			now := time.Now()
			n, err := s.analyzeDue(ctx, now.Add(-s.opts.Quiet), now.Add(-s.opts.MaxLag), pipeline.AnalysisVersion)
			if err != nil && ctx.Err() == nil {
				s.log.Error("analyse stories", "error", err)
				break
			}
			if n == 0 {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-tick.C:
		}
	}
}

// AnalyzeStale analyses one batch of stories whose analysis is behind
// their articles, due or not, and returns how many it analysed. Stories
// an older version of the analysis analysed are left to the background
// worker: a command that waits for the stories it changed would otherwise
// wait, after an upgrade, for the whole store.
func (s *Service) AnalyzeStale(ctx context.Context) (int, error) {
	now := time.Now().Add(time.Second)
	return s.analyzeDue(ctx, now, now, 0)
}

// analyzeDue analyses one batch of the stale stories store.Stale finds due
// with quietBefore and lagBefore, and those an analysis older than version
// made.
func (s *Service) analyzeDue(ctx context.Context, quietBefore, lagBefore time.Time, version int) (int, error) {
	stale, err := s.db.Stale(ctx, staleBatch, quietBefore, lagBefore, version)
	if err != nil {
		return 0, err
	}
	work := make(chan store.Stale)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range min(s.opts.Analyzers, len(stale)) {
		wg.Go(func() {
			for st := range work {
				if err := s.analyzeStory(ctx, st); err != nil {
					s.log.Warn("analyse story", "story", st.ID, "error", err)
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		})
	}
	for _, st := range stale {
		work <- st
	}
	close(work)
	wg.Wait()
	return len(stale), firstErr
}

// analyzeStory analyses one story as it stands now.
func (s *Service) analyzeStory(ctx context.Context, st store.Stale) error {
	// The analysis is of the revision read before the articles: what
	// changes in between is read too, and analysed again later.
	revision, err := s.db.Revision(ctx, st.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil // a merge retired it
	}
	if err != nil {
		return err
	}
	rows, err := s.db.StoryArticles(ctx, st.ID)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil // a merge emptied it since
	}
	articles := make([]*news.Article, len(rows))
	for i := range rows {
		articles[i] = &rows[i].Article
	}
	report, err := pipeline.Compare(st.ID, articles, s.opts.Pipeline)
	if err != nil {
		// Store what can be shown, so the story is not retried forever.
		report = &news.Story{ID: st.ID, Articles: ids(articles)}
		s.log.Error("compare story", "story", st.ID, "error", err)
	}
	if err := s.db.SaveReport(ctx, revision, pipeline.AnalysisVersion, report); err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	return nil
}

func ids(articles []*news.Article) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = a.ID
	}
	return out
}

// Settle analyses stale stories until none is left or ctx ends: for a
// command that ingests and then reports, and for tests.
func (s *Service) Settle(ctx context.Context) error {
	for {
		n, err := s.AnalyzeStale(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}
