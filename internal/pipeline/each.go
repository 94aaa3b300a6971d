package pipeline

import "context"

// Each calls fn(i) for every i in [0, n) on a pool of workers (0: one per
// CPU) and returns when all are done or ctx is cancelled. Front ends use it
// for per-item work outside the stages, such as scoring an extractor page
// by page, so that workers are still started in one place.
func Each(ctx context.Context, n, workers int, fn func(i int)) {
	parallel(ctx, n, workers, fn)
}
