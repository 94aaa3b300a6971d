// Package poll keeps reading the feeds a service follows: each feed on its
// own schedule, with conditional GET, backoff after errors, and a pause
// between requests to one host. The schedule lives in the store, so a
// restart resumes it and several processes sharing a PostgreSQL store never
// poll one feed at once.
package poll

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/store"
)

// Defaults for Options' zero values.
const (
	DefaultEvery      = 10 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	DefaultHostGap    = 2 * time.Second
	DefaultWorkers    = 4
)

// lease is how long a claimed feed is left to its poller before another
// process may take it: longer than any one poll, short enough that a
// crashed poller's feeds come back soon.
const lease = 10 * time.Minute

// Options tune a Poller. Zero values take the defaults above.
type Options struct {
	// Every is the time between two polls of a healthy feed.
	Every time.Duration
	// MaxBackoff caps the wait after repeated failures, which doubles from
	// Every with each one.
	MaxBackoff time.Duration
	// HostGap is the least time between two feed requests to one host.
	HostGap time.Duration
	// Workers is how many feeds are polled at once.
	Workers int
	// Check is how often the store is asked for due feeds; zero is a
	// second.
	Check time.Duration
	// Revisits are the times after a page was first read at which it is
	// read again while its feed still lists it, for edits the feed does
	// not announce (outlets often correct or extend a story without
	// touching its entry). An edit is stored as a version; an unchanged
	// page costs a request (a 304 where the server and the fetch cache
	// allow). Only pages are revisited: a feed that carries the full text
	// shows an edit in its entry. None when empty.
	Revisits []time.Duration
	Log      *slog.Logger
}

func (o *Options) defaults() {
	if o.Every <= 0 {
		o.Every = DefaultEvery
	}
	if o.MaxBackoff < o.Every {
		o.MaxBackoff = max(DefaultMaxBackoff, o.Every)
	}
	if o.HostGap < 0 {
		o.HostGap = 0
	} else if o.HostGap == 0 {
		o.HostGap = DefaultHostGap
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.Check <= 0 {
		o.Check = time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// Poller polls the store's feeds and hands what they carry to an Ingester.
type Poller struct {
	db     *store.DB
	svc    *service.Service
	client *fetch.Client
	opts   Options

	now       func() time.Time // the clock revisits are timed by
	mu        sync.Mutex
	hostReady map[string]time.Time // when the next request to a host may go
}

// New returns a Poller that fetches with client and stores through svc.
func New(db *store.DB, svc *service.Service, client *fetch.Client, opts Options) *Poller {
	opts.defaults()
	return &Poller{db: db, svc: svc, client: client, opts: opts, now: time.Now, hostReady: map[string]time.Time{}}
}

// Run polls due feeds until ctx ends.
func (p *Poller) Run(ctx context.Context) {
	due := make(chan store.Feed)
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Go(func() {
			for f := range due {
				p.Poll(ctx, f)
			}
		})
	}
	defer wg.Wait()
	defer close(due)
	tick := time.NewTicker(p.opts.Check)
	defer tick.Stop()
	for {
		feeds, err := p.db.ClaimDue(ctx, time.Now(), lease, 4*p.opts.Workers)
		if err != nil && ctx.Err() == nil {
			p.opts.Log.Error("feeds: claim due", "error", err)
		}
		for _, f := range feeds {
			select {
			case due <- f:
			case <-ctx.Done():
				return
			}
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	}
}

// Poll reads one feed now, stores its new articles, and saves when to poll
// it next; it returns the feed as saved.
func (p *Poller) Poll(ctx context.Context, f store.Feed) store.Feed {
	stored, err := p.read(ctx, &f)
	now := time.Now()
	f.LastPolled = now
	if err != nil {
		f.Failures++
		f.LastError = err.Error()
		wait := p.backoff(f.Failures)
		// A server that said when to come back is taken at its word, even
		// past the backoff's cap: polling it sooner only earns another refusal.
		if later := (*fetch.RetryLaterError)(nil); errors.As(err, &later) {
			wait = max(wait, later.After)
		}
		f.NextPoll = now.Add(wait)
		p.opts.Log.Warn("feed poll failed", "feed", f.URL, "failures", f.Failures, "next", f.NextPoll.Format(time.RFC3339), "error", err)
	} else {
		f.Failures = 0
		f.NextPoll = now.Add(jitter(p.opts.Every))
		p.opts.Log.Info("feed polled", "feed", f.URL, "new", stored)
	}
	// The feed's state is saved even when ctx ended mid-poll, so that the
	// next start knows where this one was.
	if err := p.db.SaveFeed(context.WithoutCancel(ctx), f); err != nil {
		p.opts.Log.Error("feeds: save state", "feed", f.URL, "error", err)
	}
	return f
}

// read fetches a feed unless it is unchanged, and ingests the items not
// stored yet and those whose entries in the feed changed since last read
// (sift). Items that cannot be read are logged; only a feed that cannot be
// fetched or parsed is an error.
func (p *Poller) read(ctx context.Context, f *store.Feed) (int, error) {
	if err := p.waitHost(ctx, f.URL); err != nil {
		return 0, err
	}
	validators := fetch.Validators{ETag: f.ETag, LastModified: f.LastModified}
	due := p.dueRevisits(ctx, f.URL)
	if len(due) > 0 {
		// A page is read again through its item, so the feed is needed
		// even when unchanged.
		validators = fetch.Validators{}
	}
	resp, err := p.client.FetchIf(ctx, f.URL, validators)
	if err != nil {
		return 0, err
	}
	if resp.NotModified {
		f.LastError = ""
		return 0, nil
	}
	var remember map[string]store.ItemState // to save once what was read is stored
	var articles []*news.Article
	var itemErrs []news.ItemError
	opts := ingest.Options{Fetcher: p.client, Parallel: pipeline.EachOn(ingest.FetchWorkers),
		Skip: func(items []feed.Item) (skip []bool) {
			skip, remember = p.sift(ctx, f.URL, items, due)
			return skip
		}}
	err = ingest.FeedItems(ctx, resp.URL, resp.Body, opts, func(a *news.Article, e *news.ItemError) {
		if a != nil {
			articles = append(articles, a)
		} else {
			itemErrs = append(itemErrs, *e)
		}
	})
	if err != nil {
		return 0, fmt.Errorf("%s: %w", f.URL, err)
	}
	// An item that could not be read keeps the stamp it had, so that the
	// next poll reads it again; FeedItems names it by its link.
	for _, e := range itemErrs {
		delete(remember, dedupe.URLKey(e.Source))
	}
	stored := 0
	if len(articles) > 0 {
		res, err := p.svc.Ingest(ctx, articles)
		if err != nil {
			// Nothing was stored: keep the old validators so that the next
			// poll fetches the feed in full again.
			return 0, err
		}
		for _, st := range res.Articles {
			if !st.Duplicate {
				stored++
			}
		}
		itemErrs = append(itemErrs, res.Errors...)
	}
	// Only now that what was read is stored: a failed ingest leaves the
	// stamps as they were, and the next poll reads the same items again.
	// An item whose text the service refused is remembered with the rest:
	// its page read again unchanged would be refused again.
	if err := p.db.SaveItemStates(context.WithoutCancel(ctx), f.URL, remember); err != nil {
		p.opts.Log.Error("feed items: save stamps", "feed", f.URL, "error", err)
	}
	for _, e := range itemErrs {
		p.opts.Log.Warn("feed item unreadable", "feed", f.URL, "item", e.Source, "error", e.Error)
	}
	f.ETag, f.LastModified = resp.Validators.ETag, resp.Validators.LastModified
	f.LastError = ""
	if len(itemErrs) > 0 {
		items := "items"
		if len(itemErrs) == 1 {
			items = "item"
		}
		f.LastError = fmt.Sprintf("%d %s unreadable, first %s: %s", len(itemErrs), items, itemErrs[0].Source, itemErrs[0].Error)
	}
	return stored, nil
}

// backoff is the wait after the nth failure in a row: Every doubled n-1
// times, capped, with jitter so that feeds that failed together spread out.
func (p *Poller) backoff(failures int) time.Duration {
	wait := p.opts.Every
	for i := 1; i < failures && wait < p.opts.MaxBackoff; i++ {
		wait *= 2
	}
	return jitter(min(wait, p.opts.MaxBackoff))
}

// jitter spreads d by up to a tenth either way.
func jitter(d time.Duration) time.Duration {
	spread := int64(d / 10)
	if spread <= 0 {
		return d
	}
	return d - time.Duration(spread) + time.Duration(rand.Int64N(2*spread))
}

// waitHost holds a request until HostGap has passed since the last one to
// the same host, then books the host's next slot.
func (p *Poller) waitHost(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("feed %s: %w", rawURL, err)
	}
	p.mu.Lock()
	now := time.Now()
	at := now
	if ready := p.hostReady[u.Host]; ready.After(now) {
		at = ready
	}
	p.hostReady[u.Host] = at.Add(p.opts.HostGap)
	p.mu.Unlock()
	if at.Equal(now) {
		return nil
	}
	timer := time.NewTimer(at.Sub(now))
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ReadList reads a feed list: one http(s) URL a line; blank lines and
// lines starting with # are skipped. A line that is not a URL is an error
// naming its line.
func ReadList(name string, r io.Reader) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		u, ok := fetch.ParseWebURL(s)
		if !ok {
			return nil, fmt.Errorf("%s:%d: %q is not an http(s) URL", name, line, s)
		}
		urls = append(urls, u.String())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(urls) == 0 {
		return nil, fmt.Errorf("%s: no feed URLs", name)
	}
	return urls, nil
}
