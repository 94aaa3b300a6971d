// Package golden compares test output with golden files kept beside the
// test's input in testdata, and rewrites them when a test runs with
// -update.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// JSON encodes v as indented JSON, HTML left unescaped, the way golden
// files store results.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Compare fails t when got differs from the file at path; with update it
// writes got there instead.
func Compare(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("result differs from %s (run with -update and review the diff):\n got: %s\nwant: %s", path, got, want)
	}
}
