package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/poll"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/web"
)

// serveConfig is what serve can be told, with its defaults.
type serveConfig struct {
	addr      string
	db        string
	token     string
	baseURL   string
	analyzers int
	maxBody   int64
	feeds     string
	pollEvery time.Duration
	revisits  durations
	web       *fetch.Options
}

func runServe(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var cfg serveConfig
	fs.StringVar(&cfg.addr, "addr", envOr(env, "CORROBORATE_ADDR", "127.0.0.1:8080"), "address to listen on (port 0 picks a free port)")
	dbFlag(fs, env, &cfg.db)
	fs.StringVar(&cfg.token, "token", env.getenv("CORROBORATE_TOKEN"), "bearer token required to write (also CORROBORATE_TOKEN); required beyond loopback")
	fs.StringVar(&cfg.baseURL, "base-url", env.getenv("CORROBORATE_BASE_URL"), "public address of the server (https://news.example.org; also CORROBORATE_BASE_URL), where the Atom feed's links point whatever Host a request names")
	intAtLeastVar(fs, &cfg.analyzers, "analyzers", 2, 1, "`stories` analysed at once in the background")
	int64AtLeastVar(fs, &cfg.maxBody, "max-body", 32<<20, 1, "largest request body accepted, in `bytes`")
	fs.StringVar(&cfg.feeds, "feeds", "", "file of feed URLs to poll, one a line (# starts a comment)")
	positiveDurationVar(fs, &cfg.pollEvery, "poll-every", poll.DefaultEvery, "time between two polls of a feed, a `duration`; failures back off from it, doubling up to 6h")
	cfg.revisits = durations{time.Hour, 6 * time.Hour, 24 * time.Hour}
	fs.Var(&cfg.revisits, "revisit", "times after a feed item's page was first read to read it again while the feed lists it, for edits the feed does not announce (\"none\" for never)")
	cfg.web = webFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate serve [flags]\n\nServes the JSON API under /api/v1, web pages, /feed.atom, /healthz and /metrics,\nkeeping stories in the store as articles arrive. With --feeds it also polls\nfeeds, each on its own schedule, with conditional GET and backoff.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if cfg.baseURL != "" && ingest.WebURL(cfg.baseURL) == "" {
		fmt.Fprintf(env.stderr, "corroborate serve: --base-url %q: want an http or https URL\n", cfg.baseURL)
		return 2
	}
	if err := serve(ctx, cfg, env); err != nil {
		fmt.Fprintln(env.stderr, "corroborate serve:", err)
		return 1
	}
	return 0
}

func serve(ctx context.Context, cfg serveConfig, env *environment) error {
	var feeds []string
	if cfg.feeds != "" {
		f, err := os.Open(cfg.feeds)
		if err != nil {
			return err
		}
		feeds, err = poll.ReadList(cfg.feeds, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if cfg.token == "" && !loopback(ln.Addr()) {
		return fmt.Errorf("listening on %s, beyond loopback, needs --token or CORROBORATE_TOKEN so that strangers cannot write", ln.Addr())
	}
	log := slog.New(slog.NewTextHandler(env.stderr, nil))
	db, err := openStore(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions(), Analyzers: cfg.analyzers, Log: log})
	if err != nil {
		return err
	}
	defer svc.Close()
	if len(feeds) > 0 {
		if _, err := db.SetFeeds(ctx, feeds); err != nil {
			return err
		}
		poller := poll.New(db, svc, fetch.New(*cfg.web), poll.Options{Every: cfg.pollEvery, Revisits: cfg.revisits, Log: log})
		polling, stopPolling := context.WithCancel(ctx)
		polled := make(chan struct{})
		go func() {
			defer close(polled)
			poller.Run(polling)
		}()
		defer func() { stopPolling(); <-polled }()
	}
	srv := &http.Server{
		Handler:           web.New(db, svc, web.Config{Token: cfg.token, MaxBody: cfg.maxBody, Log: log, BaseURL: cfg.baseURL}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Fprintf(env.stdout, "corroborate: serving http://%s (store %s)\n", ln.Addr(), storeName(cfg.db))
	if len(feeds) > 0 {
		fmt.Fprintf(env.stdout, "corroborate: polling %d feeds every %v\n", len(feeds), cfg.pollEvery)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loopback reports whether a listener only takes connections from this
// machine.
func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// durations is a flag of durations in ascending order, separated by
// commas; "none" is the empty list.
type durations []time.Duration

func (d *durations) String() string {
	if len(*d) == 0 {
		return "none"
	}
	parts := make([]string, len(*d))
	for i, v := range *d {
		parts[i] = v.String()
	}
	return strings.Join(parts, ",")
}

func (d *durations) Set(s string) error {
	*d = nil
	if s = strings.TrimSpace(s); s == "none" || s == "" {
		return nil
	}
	for part := range strings.SplitSeq(s, ",") {
		v, err := time.ParseDuration(strings.TrimSpace(part))
		if err != nil {
			return err
		}
		if v <= 0 || (len(*d) > 0 && v <= (*d)[len(*d)-1]) {
			return fmt.Errorf("%q: durations must be positive and ascending", s)
		}
		*d = append(*d, v)
	}
	return nil
}
