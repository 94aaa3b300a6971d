package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagRanges: a flag outside what it can mean is a usage error naming
// it (exit 2), before any input is read; --threshold -1 panicked in the
// clusterer, and --threshold 7, --summary-words -5 or --progress bogus
// were taken without a word.
func TestFlagRanges(t *testing.T) {
	// serve, were its flag taken, fails at once on this address rather
	// than serving.
	noServe := []string{"--addr", "no-port", "--db", filepath.Join(t.TempDir(), "c.db")}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "--threshold", "-1", "x"}, "-threshold: want a number from 0 to 1"},
		{[]string{"analyze", "--threshold", "7", "x"}, "-threshold: want a number from 0 to 1"},
		{[]string{"analyze", "--threshold", "NaN", "x"}, "-threshold: want a number from 0 to 1"},
		{[]string{"analyze", "--summary-words", "-5", "x"}, "-summary-words: want a whole number of at least 1"},
		{[]string{"analyze", "--workers", "-3", "x"}, "-workers: want a whole number of at least 0"},
		{[]string{"analyze", "--story-gap", "-5h", "x"}, "-story-gap: want a duration of at least 0"},
		{[]string{"analyze", "--max-bytes", "0", "x"}, "-max-bytes: want a whole number of at least 1"},
		{[]string{"analyze", "--progress", "bogus", "x"}, "-progress: want auto, always or never"},
		{[]string{"ingest", "--progress", "bogus", "x"}, "-progress: want auto, always or never"},
		{[]string{"extract", "--max-bytes", "-1", "x"}, "-max-bytes: want a whole number of at least 1"},
		{[]string{"eval", "clusters", "--merge-threshold", "2", "x"}, "-merge-threshold: want a number from 0 to 1"},
		{[]string{"eval", "clusters", "--clear-threshold", "-0.5", "x"}, "-clear-threshold: want a number from 0 to 1"},
		{[]string{"bench", "--workers", "-1"}, "-workers: want a whole number of at least 0"},
		// The fetching flags every command shares, and serve's: each
		// value below was taken as the default without a word.
		{[]string{"analyze", "--per-host", "0", "x"}, "-per-host: want a whole number of at least 1"},
		{[]string{"analyze", "--timeout", "0", "x"}, "-timeout: want a duration above 0"},
		{[]string{"ingest", "--timeout", "-5s", "x"}, "-timeout: want a duration above 0"},
		{[]string{"extract", "--format", "yaml", "x"}, "-format: want text or json"},
		{append([]string{"serve", "--analyzers", "0"}, noServe...), "-analyzers: want a whole number of at least 1"},
		{append([]string{"serve", "--max-body", "0"}, noServe...), "-max-body: want a whole number of at least 1"},
		{append([]string{"serve", "--poll-every", "-1m"}, noServe...), "-poll-every: want a duration above 0"},
		{append([]string{"serve", "--per-host", "-2"}, noServe...), "-per-host: want a whole number of at least 1"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %.300q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	// The defaults, and the edges of each range, are taken.
	code, _, errOut := runCLI(t, `{"id": "a", "text": "The bridge closed on Tuesday after inspectors found a crack."}`,
		"analyze", "--threshold", "1", "--summary-words", "1", "--workers", "0", "--story-gap", "0s", "--progress", "never", "-")
	if code != 0 {
		t.Errorf("edge values refused: exit %d, %s", code, errOut)
	}
}

// TestUnknownSubcommand: a mistyped subcommand is named, as a mistyped
// command is, before the usage; "eval bogus" printed only the usage. And
// bench given no readable path fails (it timed 0 articles, exit 0).
func TestUnknownSubcommand(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"eval", "bogus"}, `corroborate eval: unknown command "bogus"`},
		{[]string{"story", "bogus"}, `corroborate story: unknown command "bogus"`},
		{[]string{"bench", "bogus"}, `corroborate bench: no article could be read from bogus`},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != 2 && code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %.200q; want %q", tt.args, code, errOut, tt.want)
		}
	}
	for _, help := range [][]string{{"eval"}, {"eval", "-h"}, {"story", "--help"}} {
		if code, _, errOut := runCLI(t, "", help...); code != 2 || strings.Contains(errOut, "unknown command") {
			t.Errorf("%v: exit %d, stderr %.200q; want the usage alone", help, code, errOut)
		}
	}
}
