package pipeline

import (
	"context"
	"iter"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// FeedOptions tune Feed.
type FeedOptions struct {
	// Workers prepare articles in parallel; zero means one per CPU.
	Workers int
	// Chunk is how many articles are prepared at once (default 4,096): the
	// only articles held in memory.
	Chunk int
	// Placed, when set, hears every placement, in order.
	Placed func(Placement)
}

// FeedStats says what Feed did and where its time went.
type FeedStats struct {
	Articles int
	Errors   []news.ItemError
	// Prepare is the wall time spent cleaning and analysing, on Workers
	// goroutines; Add the time the engine spent linking and clustering.
	Prepare, Add time.Duration
	Relations    map[Relation]int
	Merges       int
}

// Feed adds a stream of articles to an engine: chunk by chunk, prepared in
// parallel, added in order. A service uses it to rebuild an engine from
// its stored articles; the benchmarks, to time each stage. It stops, with
// what it has done, when ctx is cancelled.
func Feed(ctx context.Context, e *Engine, articles iter.Seq[*news.Article], opts FeedOptions) FeedStats {
	if opts.Chunk <= 0 {
		opts.Chunk = 4096
	}
	stats := FeedStats{Relations: map[Relation]int{}}
	chunk := make([]*news.Article, 0, opts.Chunk)
	flush := func() {
		start := time.Now()
		items, errs := prepare(ctx, chunk, Options{Workers: opts.Workers}, false)
		stats.Prepare += time.Since(start)
		stats.Errors = append(stats.Errors, errs...)
		start = time.Now()
		for _, it := range items {
			p := e.Add(it)
			stats.Relations[p.Relation]++
			stats.Merges += len(p.Merged)
			if opts.Placed != nil {
				opts.Placed(p)
			}
		}
		stats.Add += time.Since(start)
		stats.Articles += len(chunk)
		chunk = chunk[:0]
	}
	for a := range articles {
		if ctx.Err() != nil {
			break
		}
		chunk = append(chunk, a)
		if len(chunk) == opts.Chunk {
			flush()
		}
	}
	if len(chunk) > 0 && ctx.Err() == nil {
		flush()
	}
	return stats
}
