package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/report"
)

// analyzeConfig is what analyze can be told, with its defaults.
type analyzeConfig struct {
	format   string
	pipeline pipeline.Options
	read     ingest.Options
	web      *fetch.Options
	progress string
}

func analyzeFlags(fs *flag.FlagSet, env *environment) *analyzeConfig {
	cfg := &analyzeConfig{pipeline: pipeline.DefaultOptions()}
	fs.StringVar(&cfg.format, "format", envOr(env, "CORROBORATE_FORMAT", "text"), "output format: text, markdown or json")
	intAtLeastVar(fs, &cfg.pipeline.SummaryWords, "summary-words", cfg.pipeline.SummaryWords, 1, "summary length budget in `words`")
	unitVar(fs, &cfg.pipeline.Cluster.Threshold, "threshold", cfg.pipeline.Cluster.Threshold, "`similarity` an article needs to join a story (0–1)")
	durationVar(fs, &cfg.pipeline.Cluster.MaxGap, "story-gap", cfg.pipeline.Cluster.MaxGap, "how long a story stays open after its latest article, a `duration` (0: forever)")
	intAtLeastVar(fs, &cfg.pipeline.Workers, "workers", 0, 0, "worker `goroutines` (0: one per CPU)")
	int64AtLeastVar(fs, &cfg.read.MaxBytes, "max-bytes", ingest.DefaultMaxBytes, 1, "largest article accepted, in `bytes`")
	choiceVar(fs, &cfg.progress, "progress", "auto", progressModes, "`when` to show progress on stderr: auto (when it is a terminal), always or never")
	cfg.web = webFlags(fs, env)
	return cfg
}

func runAnalyze(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate analyze [flags] PATH|URL...\n\nPATH is a file, a folder (read recursively) or - for stdin: plain-text\narticles, JSON Lines, HTML pages, or RSS, Atom and JSON feeds (gzipped or not).\nURL is an http(s) page, or a feed whose items are read (and fetched when\nthe feed carries only teasers).\n\nFlags:")
		fs.PrintDefaults()
	}
	cfg := analyzeFlags(fs, env)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	write, err := writerFor(cfg.format)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate analyze:", err)
		return 2
	}
	cfg.web.MaxBytes = cfg.read.MaxBytes
	cfg.read.Fetcher = fetch.New(*cfg.web)
	cfg.read.Parallel = pipeline.EachOn(ingest.FetchWorkers)
	cfg.read.TeaserWhenUnread = true // one answer: an item's teaser beats no item
	bar := newProgress(env.stderr, cfg.progress)
	articles, errs := readAll(ctx, fs.Args(), env, cfg.read, bar)
	if len(articles) == 0 {
		bar.done()
		fmt.Fprintf(env.stderr, "corroborate analyze: no article could be read from %s\n", strings.Join(fs.Args(), " "))
		printErrors(env.stderr, errs)
		return 1
	}
	cfg.pipeline.Progress = bar.update
	rep := pipeline.Analyze(ctx, articles, cfg.pipeline)
	bar.done()
	rep.Errors = append(errs, rep.Errors...)
	if cfg.format != "json" {
		printErrors(env.stderr, rep.Errors)
	}
	if err := write(env.stdout, rep); err != nil {
		fmt.Fprintln(env.stderr, "corroborate analyze: write:", err)
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintln(env.stderr, "corroborate analyze: interrupted; the report is partial")
		return 130
	}
	return 0
}

// readAll reads every path; unreadable inputs become errors.
func readAll(ctx context.Context, paths []string, env *environment, opts ingest.Options, bar *progress) ([]*news.Article, []news.ItemError) {
	var articles []*news.Article
	errs := []news.ItemError{}
	ingest.Paths(ctx, paths, env.stdin, opts, func(a *news.Article, e *news.ItemError) {
		if a != nil {
			articles = append(articles, a)
		} else {
			errs = append(errs, *e)
		}
		bar.update("read", len(articles)+len(errs), 0)
	})
	return articles, errs
}

func writerFor(format string) (func(io.Writer, *news.Report) error, error) {
	switch format {
	case "text":
		return report.Text, nil
	case "markdown", "md":
		return report.Markdown, nil
	case "json":
		return writeJSON, nil
	}
	return nil, errors.New("unknown format " + format + ": want text, markdown or json")
}

// writeJSON writes the report as json.Encoder would, indented, one article
// or story at a time: the Encoder holds the whole document twice (compact,
// then indented) before it writes, which for a large batch is more memory
// than the report itself. TestWriteJSONAsEncoder holds it to the Encoder's
// bytes.
func writeJSON(w io.Writer, r *news.Report) error {
	if r.Articles == nil {
		r.Articles = []*news.Article{}
	}
	if r.Stories == nil {
		r.Stories = []*news.Story{}
	}
	out := bufio.NewWriter(w)
	var elem bytes.Buffer
	enc := json.NewEncoder(&elem)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ") // an element of one of the report's lists
	encode := func(v any) ([]byte, error) {
		elem.Reset()
		err := enc.Encode(v)
		return bytes.TrimSuffix(elem.Bytes(), []byte("\n")), err // Encode ends a value with a newline
	}
	fmt.Fprintf(out, "{\n  \"version\": %d,\n", r.Version)
	err := errors.Join(
		writeList(out, encode, "articles", r.Articles, ","),
		writeList(out, encode, "stories", r.Stories, ","),
		writeList(out, encode, "errors", r.Errors, ""),
	)
	out.WriteString("}\n")
	return errors.Join(err, out.Flush())
}

// writeList writes one of the report's lists and the separator after it.
func writeList[T any](out *bufio.Writer, encode func(any) ([]byte, error), name string, list []T, sep string) error {
	fmt.Fprintf(out, "  %q: ", name)
	switch {
	case list == nil:
		out.WriteString("null")
	case len(list) == 0:
		out.WriteString("[]")
	default:
		out.WriteString("[\n")
		for i, v := range list {
			b, err := encode(v)
			if err != nil {
				return err
			}
			out.WriteString("    ")
			out.Write(b)
			if i < len(list)-1 {
				out.WriteString(",")
			}
			out.WriteString("\n")
		}
		out.WriteString("  ]")
	}
	out.WriteString(sep + "\n")
	return nil
}

func printErrors(w io.Writer, errs []news.ItemError) {
	for _, e := range errs {
		fmt.Fprintf(w, "error: %s: %s\n", e.Source, e.Error)
	}
}

func envOr(env *environment, key, fallback string) string {
	if v := env.getenv(key); v != "" {
		return v
	}
	return fallback
}
