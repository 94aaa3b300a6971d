//go:build race

package pipeline

// raceEnabled is set under -race, where tests over whole data sets take a
// sample: the race detector is after shared state, not more stories.
const raceEnabled = true
