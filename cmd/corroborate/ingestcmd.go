package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
)

// ingestBatch is how many articles go to the store in one transaction.
const ingestBatch = 500

func runIngest(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var db string
	dbFlag(fs, env, &db)
	wait := fs.Bool("wait", true, "analyse the stories the articles joined before returning")
	var progressMode string
	choiceVar(fs, &progressMode, "progress", "auto", progressModes, "`when` to show progress on stderr: auto, always or never")
	readOpts := ingest.Options{}
	int64AtLeastVar(fs, &readOpts.MaxBytes, "max-bytes", ingest.DefaultMaxBytes, 1, "largest article accepted, in `bytes`")
	web := webFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate ingest [flags] PATH|URL...\n\nAdds articles to the store: stories grow as they arrive, an article\nalready stored (the same text from the same outlet) changes nothing, and a new\ntext at a stored URL is kept as that page's next version (under ID~2 when its\nID is taken). PATH and URL are read as by analyze: text, JSON Lines, HTML,\nfeeds, folders, - for stdin, pages and feeds on the web.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	web.MaxBytes = readOpts.MaxBytes
	readOpts.Fetcher = fetch.New(*web)
	readOpts.Parallel = pipeline.EachOn(ingest.FetchWorkers)
	store, err := openStore(ctx, db)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate ingest:", err)
		return 1
	}
	defer store.Close()
	bar := newProgress(env.stderr, progressMode)
	svc, err := service.Open(ctx, store, service.Options{Pipeline: pipeline.DefaultOptions(), Progress: bar.update})
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate ingest:", err)
		return 1
	}
	defer svc.Close()
	var batch []*news.Article
	var added, again, read int
	var errs []news.ItemError
	stories := map[string]bool{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := svc.Ingest(ctx, batch)
		batch = batch[:0]
		if err != nil {
			return err
		}
		errs = append(errs, res.Errors...)
		for _, st := range res.Articles {
			stories[st.Story] = true
			if st.Duplicate {
				again++
			} else {
				added++
			}
		}
		bar.update("ingest", added+again, 0)
		return nil
	}
	var failed error
	ingest.Paths(ctx, fs.Args(), env.stdin, readOpts, func(a *news.Article, e *news.ItemError) {
		if failed != nil {
			return
		}
		if e != nil {
			errs = append(errs, *e)
			return
		}
		read++
		batch = append(batch, a)
		if len(batch) == ingestBatch {
			failed = flush()
		}
	})
	if failed == nil {
		failed = flush()
	}
	if failed == nil && *wait {
		bar.update("analyse", 0, 0)
		failed = svc.Settle(ctx)
	}
	bar.done()
	printErrors(env.stderr, errs)
	fmt.Fprintln(env.stdout, ingestSummary(added, again, len(stories), len(errs)))
	if failed != nil {
		fmt.Fprintln(env.stderr, "corroborate ingest:", failed)
		return 1
	}
	if read == 0 {
		fmt.Fprintf(env.stderr, "corroborate ingest: no article could be read from %s\n", strings.Join(fs.Args(), " "))
		return 1
	}
	return 0
}

// ingestSummary is ingest's last line: "8 new articles stored, 0 already
// stored, in 3 stories; 1 input could not be read".
func ingestSummary(added, again, stories, unread int) string {
	return fmt.Sprintf("%s stored, %d already stored, in %s; %s could not be read",
		counted(added, "new article", "new articles"), again, counted(stories, "story", "stories"), counted(unread, "input", "inputs"))
}

// counted writes n with the noun in the number it takes.
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
