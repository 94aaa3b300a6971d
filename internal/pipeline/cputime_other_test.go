//go:build !unix

package pipeline

import "time"

// cpuTime is not measured here; benchmarks report zero CPU time.
func cpuTime() time.Duration { return 0 }
