// Package golden compares test output with golden files kept beside the
// test's input in testdata, and rewrites them when a test runs with
// -update.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// Run calls produce on each file matching pattern (other than -result
// files), in a subtest named after the file, and compares the JSON of what
// it returns with the file's -result file.
func Run(t *testing.T, pattern string, update bool, produce func(t *testing.T, path string, data []byte) any) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files match %s: %v", pattern, err)
	}
	for _, path := range files {
		if strings.HasSuffix(path, "-result") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			Compare(t, path+"-result", JSON(t, produce(t, path, data)), update)
		})
	}
}
