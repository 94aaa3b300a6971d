package extract

import "time"

// libraryClock, when set, is told how long each call into the HTML parser
// and the extraction libraries took. Only the benchmark sets it, to report
// what our own work adds to theirs; it must be safe for concurrent use.
var libraryClock func(time.Duration)

// timeLibrary reports the time since start to libraryClock, if set.
func timeLibrary(start time.Time) {
	if libraryClock != nil {
		libraryClock(time.Since(start))
	}
}
