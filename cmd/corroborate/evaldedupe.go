package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// showPerRow is how many made articles not found as made --show lists for
// each derivation.
const showPerRow = 5

// runEvalDedupe measures how many made copies and updates of real
// articles dedupe links to their original, and how many real articles it
// links to one another.
func runEvalDedupe(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("eval dedupe", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	data := fs.String("data", envOr(env, "CORROBORATE_DATA", filepath.Join("..", "shared", "data")), "folder of the public data sets")
	originals := fs.Int("originals", 1000, "how many real articles to make copies and updates of")
	seed := fs.Uint64("seed", 1, "seed of the made articles")
	show := fs.Bool("show", false, "list the real articles linked to one another, and made ones not found as made")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval dedupe [flags]\n\nMakes copies (other outlets) and updates (the same outlet) of real articles\nof the public sets, each changed to a set degree, adds them after every real\narticle, and prints how many of each kind dedupe links to their original.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		if err == nil {
			fs.Usage()
		}
		return 2
	}
	src, err := eval.LoadStreamSource(*data)
	if err != nil {
		return exitOn(fmt.Errorf("%w (set --data)", err), env)
	}
	set := eval.BuildLinkSet(src, *originals, *seed)
	opts := pipeline.DefaultOptions()
	start := time.Now()
	prepared, errs := pipeline.PrepareAll(ctx, set.Articles, opts)
	prepare := time.Since(start)
	start = time.Now()
	engine := pipeline.NewEngine(opts.Cluster)
	found := make(map[string]eval.Link, len(prepared))
	for _, p := range prepared {
		pl := engine.Add(p)
		found[pl.Article] = eval.Link{Kind: string(pl.Relation), Of: pl.Of}
	}
	link := time.Since(start)
	scores := eval.ScoreLinks(set, found)

	made := len(set.Derived)
	fmt.Fprintf(env.stdout, "%d real articles; copies and updates made of %d of them: %d (seed %d); %d could not be read, and are left out below\n",
		len(set.Articles)-made, made/len(eval.Derivations), made, *seed, len(errs))
	w := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "kind\tmade as\tarticles\tfound\tother link\tmissed")
	for _, r := range scores.Rows {
		fmt.Fprintf(w, "%s\t%s\t%d\t%.1f%%\t%d\t%.1f%%\n", r.Kind, r.Derivation, r.Articles, 100*r.FoundShare, r.Wrong, 100*r.MissedShare)
	}
	w.Flush()
	copies, versions := 0, 0
	for _, l := range scores.RealLinks {
		if l.Kind == "copy" {
			copies++
		} else {
			versions++
		}
	}
	fmt.Fprintf(env.stdout, "real articles read linked to another real one: %d of %d (%d copies, %d versions)\n", len(scores.RealLinks), scores.Reals, copies, versions)
	if *show {
		byID := map[string]*news.Article{}
		for _, a := range set.Articles {
			byID[a.ID] = a
		}
		for _, l := range scores.RealLinks {
			fmt.Fprintf(env.stdout, "  %s (%s), a %s of %s (%s)\n    %s\n    %s\n", l.Article, byID[l.Article].Source, l.Kind, l.Of, byID[l.Of].Source,
				heading(byID[l.Article]), heading(byID[l.Of]))
		}
		for _, r := range scores.Rows {
			for _, l := range r.NotFound[:min(len(r.NotFound), showPerRow)] {
				truth := set.Truth[l.Article]
				fmt.Fprintf(env.stdout, "  %s: a %s (%s) of %s, found %s %s\n", l.Article, r.Kind, r.Derivation, truth.Of, l.Kind, l.Of)
			}
		}
	}
	fmt.Fprintf(env.stdout, "prepare %.1fs, dedupe and clustering %.1fs\n", prepare.Seconds(), link.Seconds())
	return 0
}
