package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/extract"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// extractor is one way of reading a page for the evaluation: the main
// text and the metadata it finds.
type extractor struct {
	name string
	run  func(page []byte, pageURL string) (text string, meta eval.Metadata)
}

// extractAnchor is a figure published for an extractor on the trafilatura
// benchmark, quoted beside ours; zero means not published.
type extractAnchor struct {
	name          string
	precision, f1 float64
	recall        float64
	source        string
}

var publishedAnchors = []extractAnchor{
	{"trafilatura 2.2.0 (Python, standard)", 0.906, 0.924, 0.943, "trafilatura docs, 990 pages"},
	{"go-trafilatura + fallback", 0, 0.906, 0, "shared/data README"},
	{"go-trafilatura", 0, 0.896, 0, "shared/data README"},
	{"go-readability", 0, 0.876, 0, "shared/data README"},
	{"go-domdistiller", 0, 0.868, 0, "shared/data README, 976 pages"},
}

type snippetResult struct {
	Name      string  `json:"name"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	F1        float64 `json:"f1"`
	Pages     int     `json:"pages"`
	Seconds   float64 `json:"seconds"`
	PagesPerS float64 `json:"pages_per_second"`
}

type metadataResult struct {
	Name   string           `json:"name"`
	Fields map[string]field `json:"fields"`
}

type field struct {
	Matched  int     `json:"matched"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

func runEvalExtract(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("eval extract", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	data := fs.String("data", envOr(env, "CORROBORATE_DATA", filepath.Join("..", "shared", "data")), "folder of the public data sets")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	var workers int
	intAtLeastVar(fs, &workers, "workers", 0, 0, "worker `goroutines` (0: one per CPU)")
	others := fs.Bool("others", true, "also run go-trafilatura and go-readability in the same harness")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval extract [flags]\n\nScores main-text extraction on trafilatura-eval (snippet precision, recall, F1)\nand metadata on readability-test-pages (title, byline, site name, date),\nbeside the published figures and, with --others, the Go extractors run here.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	extractors := []extractor{{"corroborate", extractOurs}}
	if *others {
		extractors = append(extractors,
			extractor{"go-trafilatura " + moduleVersion("github.com/markusmobius/go-trafilatura") + " + fallback", extractTrafilatura},
			extractor{"go-readability (readeck) " + moduleVersion("codeberg.org/readeck/go-readability/v2"), extractReadability})
	}
	snippetDir, metadataDir := filepath.Join(*data, "trafilatura-eval"), filepath.Join(*data, "readability-test-pages")
	if !isDir(snippetDir) && !isDir(metadataDir) {
		fmt.Fprintf(env.stderr, "corroborate eval extract: neither %s nor %s found (set --data)\n", snippetDir, metadataDir)
		return 1
	}
	snippets, metadata, snippetMeta := []snippetResult{}, []metadataResult{}, []metadataResult{}
	var err error
	if isDir(snippetDir) {
		if snippets, snippetMeta, err = scoreSnippets(ctx, snippetDir, extractors, workers); err != nil {
			fmt.Fprintln(env.stderr, "corroborate eval extract:", err)
			return 1
		}
	}
	if isDir(metadataDir) {
		if metadata, err = scoreMetadata(ctx, metadataDir, extractors, workers); err != nil {
			fmt.Fprintln(env.stderr, "corroborate eval extract:", err)
			return 1
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return exitOn(enc.Encode(map[string]any{"snippets": snippets, "metadata": metadata, "snippet_metadata": snippetMeta}), env)
	}
	if len(snippets) > 0 {
		printSnippets(env, snippets)
	}
	if len(metadata) > 0 {
		printMetadata(env, "Metadata: readability-test-pages (share of pages with an expected value that match;\nthe expected values are Readability.js's own output, so go-readability scores near 100% by construction)", metadata)
	}
	if len(snippetMeta) > 0 {
		printMetadata(env, "Metadata: trafilatura-eval (title, author and date as its annotators recorded them)", snippetMeta)
	}
	return 0
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func extractOurs(page []byte, pageURL string) (string, eval.Metadata) {
	p, err := extract.HTML(page, extract.Options{URL: pageURL})
	if err != nil {
		return "", eval.Metadata{}
	}
	return p.Text, eval.Metadata{Title: p.Title, Byline: p.Author, SiteName: p.Outlet, Published: p.Published.String()}
}

// extractTrafilatura runs go-trafilatura as its README recommends for
// best quality: raw bytes in (its own charset detection), fallback on.
func extractTrafilatura(page []byte, pageURL string) (string, eval.Metadata) {
	u, _ := url.ParseRequestURI(pageURL) // nil is fine: no URL
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{
		OriginalURL: u, EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Fast,
	})
	if err != nil {
		return "", eval.Metadata{}
	}
	m := eval.Metadata{Title: res.Metadata.Title, Byline: res.Metadata.Author, SiteName: res.Metadata.Sitename}
	if !res.Metadata.Date.IsZero() {
		m.Published = res.Metadata.Date.Format(time.RFC3339)
	}
	return res.ContentText, m
}

func extractReadability(page []byte, pageURL string) (string, eval.Metadata) {
	u, _ := url.ParseRequestURI(pageURL)
	art, err := readability.FromReader(bytes.NewReader(page), u)
	if err != nil {
		return "", eval.Metadata{}
	}
	m := eval.Metadata{Title: art.Title(), Byline: art.Byline(), SiteName: art.SiteName()}
	if t, err := art.PublishedTime(); err == nil {
		m.Published = t.Format(time.RFC3339)
	}
	var text strings.Builder
	if art.Node != nil {
		_ = art.RenderText(&text) // only fails on a nil node
	}
	return text.String(), m
}

// scoreSnippets scores main text, and the metadata the benchmark's
// annotators recorded, for each extractor.
func scoreSnippets(ctx context.Context, dir string, extractors []extractor, workers int) ([]snippetResult, []metadataResult, error) {
	cases, err := eval.LoadSnippetCases(dir)
	if err != nil {
		return nil, nil, err
	}
	pages := make([][]byte, len(cases))
	for i, c := range cases {
		if pages[i], err = readPage(c.File); err != nil {
			return nil, nil, err
		}
	}
	var out []snippetResult
	var metas []metadataResult
	for _, ex := range extractors {
		var mu sync.Mutex
		var score eval.SnippetScore
		meta := eval.NewMetadataScore()
		start := time.Now()
		pipeline.Each(ctx, len(cases), workers, func(i int) {
			text, got := ex.run(pages[i], cases[i].URL)
			mu.Lock()
			defer mu.Unlock()
			score.Add(cases[i], text)
			meta.Add(cases[i].Expected, got)
		})
		elapsed := time.Since(start)
		out = append(out, snippetResult{
			Name: ex.name, Precision: score.Precision(), Recall: score.Recall(), Accuracy: score.Accuracy(), F1: score.F1(),
			Pages: len(cases), Seconds: elapsed.Seconds(), PagesPerS: float64(len(cases)) / elapsed.Seconds(),
		})
		metas = append(metas, metadataFields(ex.name, meta))
	}
	return out, metas, ctx.Err()
}

func metadataFields(name string, score eval.MetadataScore) metadataResult {
	res := metadataResult{Name: name, Fields: map[string]field{}}
	for _, f := range score.Fields() {
		res.Fields[f.Name] = field{Matched: f.Matched, Total: f.Total, Accuracy: f.Accuracy()}
	}
	return res
}

// metadataURL is the address Readability's test suite gives every page.
const metadataURL = "http://fakehost/test/page.html"

func scoreMetadata(ctx context.Context, dir string, extractors []extractor, workers int) ([]metadataResult, error) {
	cases, err := eval.LoadMetadataCases(dir)
	if err != nil {
		return nil, err
	}
	var out []metadataResult
	for _, ex := range extractors {
		var mu sync.Mutex
		score := eval.NewMetadataScore()
		var readErr error
		pipeline.Each(ctx, len(cases), workers, func(i int) {
			page, err := readPage(cases[i].File)
			var got eval.Metadata
			if err == nil {
				_, got = ex.run(page, metadataURL)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				readErr = err
				return
			}
			score.Add(cases[i], got)
		})
		if readErr != nil {
			return nil, readErr
		}
		out = append(out, metadataFields(ex.name, score))
	}
	return out, ctx.Err()
}

func printSnippets(env *environment, results []snippetResult) {
	w := env.stdout
	fmt.Fprintf(w, "Main text: trafilatura-eval, %d pages (snippet precision, recall, F1)\n\n", firstPages(results))
	fmt.Fprintf(w, "  %-44s %9s %7s %7s %7s %9s\n", "extractor", "precision", "recall", "acc.", "F1", "pages/s")
	for _, a := range publishedAnchors {
		fmt.Fprintf(w, "  %-44s %9s %7s %7s %7s %9s  published (%s)\n", a.name, num(a.precision), num(a.recall), "", num(a.f1), "", a.source)
	}
	for _, r := range results {
		fmt.Fprintf(w, "  %-44s %9.3f %7.3f %7.3f %7.3f %9.0f  run here\n", r.Name, r.Precision, r.Recall, r.Accuracy, r.F1, r.PagesPerS)
	}
	fmt.Fprintln(w)
}

func printMetadata(env *environment, heading string, results []metadataResult) {
	w := env.stdout
	fmt.Fprintln(w, heading)
	fmt.Fprintln(w)
	names := []string{"title", "title (exact)", "byline", "byline (exact)", "site name", "date"}
	fmt.Fprintf(w, "  %-44s", "extractor")
	for _, n := range names {
		fmt.Fprintf(w, " %14s", n)
	}
	fmt.Fprintln(w)
	for _, r := range results {
		fmt.Fprintf(w, "  %-44s", r.Name)
		for _, n := range names {
			f := r.Fields[n]
			fmt.Fprintf(w, " %6.1f%% %3d/%-3d", 100*f.Accuracy, f.Matched, f.Total)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

func firstPages(results []snippetResult) int {
	if len(results) == 0 {
		return 0
	}
	return results[0].Pages
}

func num(v float64) string {
	if v == 0 {
		return "—"
	}
	return fmt.Sprintf("%.3f", v)
}

// readPage reads a page, unpacking it when gzipped.
func readPage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// moduleVersion is the version of a dependency built into the binary.
func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == path {
				return m.Version
			}
		}
	}
	return ""
}
