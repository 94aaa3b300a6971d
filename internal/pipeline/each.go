package pipeline

import "context"

// Each calls fn(i) for every i in [0, n) on a pool of workers (0: one per
// CPU) and returns when all are done or ctx is cancelled. Front ends use it
// for per-item work outside the stages, such as scoring an extractor page
// by page, so that workers are still started in one place.
func Each(ctx context.Context, n, workers int, fn func(i int)) {
	parallel(ctx, n, workers, fn)
}

// EachOn is Each bound to a number of workers, for readers at the edges
// that take a runner as an option, such as ingest fetching a feed's pages.
func EachOn(workers int) func(ctx context.Context, n int, fn func(i int)) {
	return func(ctx context.Context, n int, fn func(i int)) {
		parallel(ctx, n, workers, fn)
	}
}
