package web

import (
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden renders the template name with data and compares it with
// testdata/file; -update rewrites the file, for a person to review the diff.
func checkGolden(t *testing.T, file, name string, data any) {
	t.Helper()
	pages := template.Must(template.New("").Funcs(funcs).ParseFS(assets, "templates/*.html"))
	var b strings.Builder
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/web -run %s -update to write it)", err, t.Name())
	}
	if b.String() != string(want) {
		t.Errorf("%s differs from %s; run with -update and review the diff:\n%s", name, path, b.String())
	}
}
