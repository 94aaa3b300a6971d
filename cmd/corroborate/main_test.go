package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var examples = filepath.Join("..", "..", "examples", "fictional")

// runCLI runs the command line as main would, with the given stdin.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return ""
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage: corroborate"},
		{[]string{"help"}, 0, "analyze"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"analyze"}, 2, "Usage: corroborate analyze"},
		{[]string{"analyze", "--format", "yaml", examples}, 2, "unknown format yaml"},
		{[]string{"eval"}, 2, "Usage: corroborate eval"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("corroborate %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// sampleJSONL is the fictional sample corpus as JSON Lines, read through
// analyze's readers so it matches what a file-based run sees.
func sampleJSONL(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	articles, errs := readAll(context.Background(), []string{examples}, &environment{stdin: strings.NewReader(""), stderr: io.Discard, getenv: func(string) string { return "" }}, defaultReadOptions(), nil)
	if len(errs) > 0 {
		t.Fatalf("%+v", errs)
	}
	for _, a := range articles {
		line, _ := json.Marshal(map[string]any{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "url": a.URL, "published": a.Published, "text": a.Text})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}
