package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/corroborate/corroborate/internal/load"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/store"
	"github.com/corroborate/corroborate/internal/web"
)

// pageStorySize is the story size whose page the service's goal is set
// for.
const pageStorySize = 50

// runBenchServe is `bench serve`: a server on loopback with a fresh store,
// loaded with writes and reads at once.
func runBenchServe(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("bench serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	data := fs.String("data", envOr(env, "CORROBORATE_DATA", filepath.Join("..", "shared", "data")), "folder of the public data sets")
	limit := fs.Int("articles", 0, "send at most this many articles (0: all)")
	db := fs.String("db", "", "store to load (default: a new SQLite file in a temporary folder)")
	var opts load.Options
	fs.DurationVar(&opts.Duration, "duration", time.Minute, "longest the load runs")
	fs.IntVar(&opts.Writers, "writers", 2, "clients posting articles at once")
	fs.IntVar(&opts.Readers, "readers", 2, "clients reading at once while articles arrive")
	fs.IntVar(&opts.Batch, "batch", 250, "articles per POST")
	repeat := fs.Int("page-requests", 200, "requests of one story page measured alone after the load")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate bench serve [flags] [PATH...]\n\nStarts the server on loopback with a fresh store, posts the articles (the\ngiven paths, or else the public sets under --data) while other clients\nread stories, pages and searches, and prints throughput, latency\npercentiles and every answer outside 2xx. Then times a story page of\nabout 50 articles alone. Exits 1 if any answer was a 5xx.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	articles, err := benchArticles(ctx, fs.Args(), *data, *limit, env)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate bench serve:", err)
		return 1
	}
	if *db == "" {
		dir, err := os.MkdirTemp("", "corroborate-bench-")
		if err != nil {
			fmt.Fprintln(env.stderr, "corroborate bench serve:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		*db = filepath.Join(dir, "bench.db")
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(env.stderr, "corroborate bench serve:", err)
			return 1
		}
		defer stop()
	}
	code, err := benchServe(ctx, env.stdout, *db, articles, opts, *repeat)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate bench serve:", err)
		return 1
	}
	return code
}

func benchServe(ctx context.Context, out io.Writer, dsn string, articles []*news.Article, opts load.Options, repeat int) (int, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return 1, err
	}
	defer st.Close()
	svc, err := service.Open(ctx, st, service.Options{Pipeline: pipeline.DefaultOptions()})
	if err != nil {
		return 1, err
	}
	defer svc.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 1, err
	}
	srv := &http.Server{Handler: web.New(st, svc, web.Config{}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }() // ends with Close below
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	fmt.Fprintf(out, "server %s, store %s; %d articles, %d writers in batches of %d, %d readers, at most %v\n",
		base, storeName(dsn), len(articles), opts.Writers, opts.Batch, opts.Readers, opts.Duration)
	rep, err := load.Run(ctx, base, articles, opts)
	if err != nil {
		return 1, err
	}
	fmt.Fprintf(out, "ingest: %d of %d articles acknowledged in %.2fs: %.0f articles/s\n",
		rep.Articles, rep.Sent, rep.WriteElapsed.Seconds(), float64(rep.Articles)/rep.WriteElapsed.Seconds())
	printLatencies(out, rep.Requests)
	if len(rep.Failures) == 0 {
		fmt.Fprintln(out, "failures: none")
	}
	for kind, n := range rep.Failures {
		fmt.Fprintf(out, "failures: %d × %s (first: %s)\n", n, kind, rep.First[kind])
	}

	start := time.Now()
	if err := svc.Settle(ctx); err != nil {
		return 1, err
	}
	fmt.Fprintf(out, "analysis of the stories still waiting: %.2fs\n", time.Since(start).Seconds())
	story, err := storyNear(ctx, st, pageStorySize)
	if err != nil {
		return 1, err
	}
	for _, page := range []struct{ name, path string }{{"page", "/stories/"}, {"JSON", "/api/v1/stories/"}} {
		l, err := load.Repeat(ctx, base+page.path+story.ID, repeat)
		if err != nil {
			return 1, err
		}
		fmt.Fprintf(out, "story %s of %d articles, alone, %d requests: p50 %s, p99 %s\n",
			page.name, story.Articles, l.Count(), ms(l.Percentile(50)), ms(l.Percentile(99)))
	}
	if rep.ServerErrors() > 0 {
		return 1, nil
	}
	return 0, nil
}

// storyNear finds the stored story whose size is nearest n.
func storyNear(ctx context.Context, st *store.DB, n int) (store.Story, error) {
	stories, _, err := st.Stories(ctx, store.Query{Sort: store.Covered, Limit: 500})
	if err != nil {
		return store.Story{}, err
	}
	if len(stories) == 0 {
		return store.Story{}, errors.New("no stories stored")
	}
	return slices.MinFunc(stories, func(a, b store.Story) int { return abs(a.Articles-n) - abs(b.Articles-n) }), nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func printLatencies(out io.Writer, reqs map[string]*load.Latencies) {
	kinds := make([]string, 0, len(reqs))
	for k := range reqs {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		l := reqs[k]
		fmt.Fprintf(out, "  %-28s %6d requests  p50 %8s  p99 %8s\n", k, l.Count(), ms(l.Percentile(50)), ms(l.Percentile(99)))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
