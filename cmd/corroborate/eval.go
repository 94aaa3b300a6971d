package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

const evalUsage = `Usage: corroborate eval clusters [flags] FILE.jsonl | --dataset NAME PATH
       corroborate eval convert --dataset NAME PATH | --stream N DATA > FILE.jsonl
       corroborate eval compare [flags]
       corroborate eval extract [flags]
       corroborate eval summaries [flags] [--dataset multinews|allsides] PATH
       corroborate eval dedupe [flags]`

func runEval(ctx context.Context, args []string, env *environment) int {
	if len(args) > 0 {
		switch args[0] {
		case "clusters":
			return runEvalClusters(ctx, args[1:], env)
		case "convert":
			return runEvalConvert(args[1:], env)
		case "compare":
			return runEvalCompare(ctx, args[1:], env)
		case "extract":
			return runEvalExtract(ctx, args[1:], env)
		case "summaries":
			return runEvalSummaries(ctx, args[1:], env)
		case "dedupe":
			return runEvalDedupe(ctx, args[1:], env)
		}
	}
	if len(args) > 0 && !helpFlag(args[0]) {
		fmt.Fprintf(env.stderr, "corroborate eval: unknown command %q\n\n", args[0])
	}
	fmt.Fprintln(env.stderr, evalUsage)
	return 2
}

// helpFlag reports whether arg asks for the usage: -h, --help.
func helpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "--h":
		return true
	}
	return false
}

// runEvalConvert writes a public set, or a benchmark stream built from
// them, as JSON Lines with "story" labels: the input eval clusters and the
// peer in bench/ both read.
func runEvalConvert(args []string, env *environment) int {
	fs := flag.NewFlagSet("eval convert", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dataset := fs.String("dataset", "", "the public set to read: "+strings.Join(eval.DatasetNames(), ", "))
	stream := fs.Int("stream", 0, "instead, write this many articles of the benchmark stream built from the sets under PATH")
	seed := fs.Uint64("seed", 1, "seed of the --stream articles")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval convert --dataset NAME PATH > FILE.jsonl\n       corroborate eval convert --stream N DATA > FILE.jsonl\n\nWrites a public set, or N articles of the stream bench --stream times, as\nJSON Lines, one labelled article a line.\n\nFlags:")
		fs.PrintDefaults()
	}
	if !parseOne(fs, args) {
		return 2
	}
	if (*dataset == "") == (*stream <= 0) {
		fs.Usage()
		return 2
	}
	articles, err := convertSource(*dataset, fs.Arg(0), *stream, *seed)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate eval:", err)
		return 1
	}
	w := bufio.NewWriter(env.stdout)
	enc := json.NewEncoder(w)
	for a := range articles {
		line := labelled{ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Text: a.Text, Story: a.Story}
		if !a.Published.IsZero() {
			line.Published = a.Published.Format(time.RFC3339)
		}
		if err := enc.Encode(line); err != nil {
			return exitOn(err, env)
		}
	}
	return exitOn(w.Flush(), env)
}

// convertSource returns the articles eval convert writes: a named set, or
// n articles of the benchmark stream.
func convertSource(dataset, path string, n int, seed uint64) (iter.Seq[*news.Article], error) {
	if n > 0 {
		src, err := eval.LoadStreamSource(path)
		if err != nil {
			return nil, err
		}
		return src.Stream(n, seed), nil
	}
	articles, err := eval.Load(dataset, path)
	if err != nil {
		return nil, err
	}
	return slices.Values(articles), nil
}

// labelled is one line of converted JSON Lines, in the fields ingest reads.
type labelled struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
	Story     string `json:"story"`
}

func runEvalClusters(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("eval clusters", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dataset := fs.String("dataset", "", "read a public set by name: "+strings.Join(eval.DatasetNames(), ", "))
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	show := fs.Bool("show", false, "list the stories that mix gold labels or split one, with their titles")
	opts := pipeline.DefaultOptions()
	unitVar(fs, &opts.Cluster.Threshold, "threshold", opts.Cluster.Threshold, "`similarity` an article needs to join a story (0–1)")
	unitVar(fs, &opts.Cluster.ClearThreshold, "clear-threshold", opts.Cluster.ClearThreshold, "lower `similarity` at which an article joins a story twice as similar as any other")
	unitVar(fs, &opts.Cluster.MergeThreshold, "merge-threshold", opts.Cluster.MergeThreshold, "`similarity` at which two stories become one (0–1)")
	intAtLeastVar(fs, &opts.Workers, "workers", 0, 0, "worker `goroutines` (0: one per CPU)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the grouping (reading excluded) to this file (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval clusters [flags] FILE.jsonl | --dataset NAME PATH\n\nScores stories against the articles' \"story\" labels: B-cubed, NMI, ARI, accuracy.\n\nFlags:")
		fs.PrintDefaults()
	}
	if !parseOne(fs, args) {
		return 2
	}
	articles, err := loadLabelled(ctx, *dataset, fs.Arg(0), env)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate eval:", err)
		return 1
	}
	stop := func() {}
	if *cpuProfile != "" {
		if stop, err = startCPUProfile(*cpuProfile); err != nil {
			fmt.Fprintln(env.stderr, "corroborate eval:", err)
			return 1
		}
	}
	start := time.Now()
	got := pipeline.Stories(ctx, articles, opts)
	elapsed := time.Since(start)
	stop()
	// Articles the pipeline dropped (nothing left after cleaning) score as
	// stories of their own, so that dropping is never a way to score higher.
	var gold, pred []string
	for _, a := range articles {
		gold = append(gold, a.Story)
		story, ok := got.StoryOf[a.ID]
		if !ok {
			story = "dropped:" + a.ID
		}
		pred = append(pred, story)
	}
	scores := eval.Score(gold, pred)
	ceiling, alike := ceilingOf(articles, got)
	if *show {
		showStories(env.stdout, articles, pred)
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return exitOn(enc.Encode(map[string]any{"scores": scores, "seconds": elapsed.Seconds(), "dropped": len(got.Errors), "ceiling_f1": ceiling.BCubedF1}), env)
	}
	fmt.Fprintf(env.stdout, "%d articles (%d dropped), %d gold stories, %d found (%.0f%% singletons)\n",
		scores.Items, len(got.Errors), scores.GoldStories, scores.Stories, 100*scores.SingletonShare)
	fmt.Fprintf(env.stdout, "B-cubed  P %.3f  R %.3f  F1 %.3f\n", scores.BCubedP, scores.BCubedR, scores.BCubedF1)
	fmt.Fprintf(env.stdout, "NMI %.3f  ARI %.3f  accuracy %.3f\n", scores.NMI, scores.ARI, scores.Accuracy)
	if alike > 0 || len(got.Errors) > 0 {
		fmt.Fprintf(env.stdout, "ceiling: B-cubed F1 %.4f (%d articles share their text with another story's, %d dropped)\n", ceiling.BCubedF1, alike, len(got.Errors))
	}
	fmt.Fprintf(env.stdout, "%.2fs, %.0f articles/s\n", elapsed.Seconds(), float64(scores.Items)/elapsed.Seconds())
	return 0
}

// ceilingOf is the best score any clusterer reading these texts could
// reach: articles whose cleaned text is the same are one story whatever
// their labels, and dropped articles are stories of their own. It returns
// too how many articles share their text with another label's.
func ceilingOf(articles []*news.Article, got pipeline.Assignment) (eval.Scores, int) {
	cleaned := make(map[string]string, len(got.Articles))
	for _, a := range got.Articles {
		cleaned[a.ID] = a.Text
	}
	labels := map[string]map[string]bool{}
	for _, a := range articles {
		if t, ok := cleaned[a.ID]; ok {
			if labels[t] == nil {
				labels[t] = map[string]bool{}
			}
			labels[t][a.Story] = true
		}
	}
	gold, keys := make([]string, len(articles)), make([]string, len(articles))
	dropped := make([]bool, len(articles))
	alike := 0
	for i, a := range articles {
		gold[i] = a.Story
		t, ok := cleaned[a.ID]
		dropped[i] = !ok
		if ok && len(labels[t]) > 1 {
			keys[i] = t
			alike++
		}
	}
	return eval.Ceiling(gold, keys, dropped), alike
}

// loadLabelled reads articles with gold story labels: a named dataset, or
// JSON Lines with a "story" field.
func loadLabelled(ctx context.Context, dataset, path string, env *environment) ([]*news.Article, error) {
	if dataset != "" {
		return eval.Load(dataset, path)
	}
	articles, errs := readAll(ctx, []string{path}, env, defaultReadOptions(), nil)
	printErrors(env.stderr, errs)
	for _, a := range articles {
		if a.Story == "" {
			return nil, fmt.Errorf("%s: article %s has no \"story\" label", path, a.ID)
		}
	}
	if len(articles) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return articles, nil
}

// parseOne parses a subcommand's flags, which must leave exactly one
// argument; on false the caller exits with status 2.
func parseOne(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return false
	}
	return true
}

func exitOn(err error, env *environment) int {
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate:", err)
		return 1
	}
	return 0
}

// showStories prints each predicted story that holds more than one gold
// label, and each gold label spread over several stories: what to read
// when tuning the clusterer.
func showStories(w io.Writer, articles []*news.Article, pred []string) {
	members := map[string][]int{}
	var order []string
	spread := map[string]map[string]bool{}
	for i, a := range articles {
		if _, ok := members[pred[i]]; !ok {
			order = append(order, pred[i])
		}
		members[pred[i]] = append(members[pred[i]], i)
		if spread[a.Story] == nil {
			spread[a.Story] = map[string]bool{}
		}
		spread[a.Story][pred[i]] = true
	}
	for _, story := range order {
		labels := map[string]bool{}
		split := false
		for _, i := range members[story] {
			labels[articles[i].Story] = true
			split = split || len(spread[articles[i].Story]) > 1
		}
		if len(labels) < 2 && !split {
			continue
		}
		fmt.Fprintf(w, "story %s: %d articles, %d gold labels\n", story, len(members[story]), len(labels))
		for _, i := range members[story] {
			fmt.Fprintf(w, "  [%s] %s\n", articles[i].Story, heading(articles[i]))
		}
	}
}

// heading names an article in a listing: its title, or the start of its
// text, on one line, cut to about 100 bytes.
func heading(a *news.Article) string {
	title := a.Title
	if title == "" {
		title = a.Text
	}
	if len(title) > 100 {
		cut := 100
		for cut > 0 && !utf8.RuneStart(title[cut]) {
			cut--
		}
		title = title[:cut]
	}
	return strings.Join(strings.Fields(title), " ")
}
