package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// summaries.csv holds two fictional stories in the Multi-News layout.
var summariesCSV = filepath.Join("testdata", "summaries.csv")

func TestEvalSummaries(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "eval", "summaries", "--words", "40", summariesCSV)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"multinews: 2 stories, budget 40 words", "corroborate", "lead baseline", "PRIMERA (published)", "faithful: "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}

	code, stdout, stderr = runCLI(t, "", "eval", "summaries", "--json", summariesCSV)
	if code != 0 {
		t.Fatalf("--json: exit %d: %s", code, stderr)
	}
	var s summaryScores
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if s.Stories != 2 || s.Words != 250 || s.Sentences == 0 || len(s.Unsupported) != 0 {
		t.Errorf("--json: %+v", s)
	}
	// Both summaries share words with the human ones; a run that scored
	// nothing would mean the summaries or the references went missing.
	if s.Summary.R1 <= 0 || s.Summary.R2 <= 0 || s.Summary.R1 > 100 {
		t.Errorf("ROUGE %+v out of range", s.Summary)
	}
}

func TestEvalSummariesUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"eval", "summaries"}, 2},
		{[]string{"eval", "summaries", "--dataset", "nosuchset", summariesCSV}, 1},
		{[]string{"eval", "summaries", filepath.Join("testdata", "missing.csv")}, 1},
		{[]string{"eval"}, 2},
	}
	for _, tt := range tests {
		if code, _, stderr := runCLI(t, "", tt.args...); code != tt.code {
			t.Errorf("%v: exit %d, want %d: %s", tt.args, code, tt.code, stderr)
		}
	}
}
