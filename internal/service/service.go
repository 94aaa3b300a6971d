// Package service is corroborate as a running service: it adds articles to
// a store as they arrive, keeps its dedupe and clustering state in step
// with every other process writing to the same store, and keeps each
// story's analysis up to date in the background.
package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/store"
	"github.com/corroborate/corroborate/internal/text"
)

// Options tune the service.
type Options struct {
	Pipeline pipeline.Options
	// Analyzers is how many stories are analysed at once.
	Analyzers int
	// Quiet is how long a story must go without a new article before the
	// background worker analyses it again, and MaxLag how old its analysis
	// may grow while articles keep coming: during a heavy ingest a story is
	// analysed now and then, not after every batch.
	Quiet, MaxLag time.Duration
	// Manual turns the background analysis off: stories are analysed only
	// when Settle or AnalyzeStale is called (benchmarks, batch loads).
	Manual bool
	// Poll is how often the analysis worker looks for stale stories when
	// nothing wakes it (another process may have written).
	Poll time.Duration
	Log  *slog.Logger
	// Progress, when set, hears how far long work at Open has come:
	// re-preparing the articles an older version stored ("upgrade").
	Progress func(stage string, done, total int)
	// Now is the clock articles are received by (time.Now when nil): an
	// article's date counts no later than its arrival (pipeline.Clock).
	Now func() time.Time
}

// Service adds articles to a store and keeps its stories analysed. Open
// starts its background work; Close stops it and waits.
type Service struct {
	db   *store.DB
	opts Options
	log  *slog.Logger

	mu     sync.Mutex // guards the engine: one write at a time per process
	engine *pipeline.Engine
	pos    store.Position // how far into the log the engine has read
	// changed is set once a write changes the engine; if that write then
	// fails, the engine holds work the store undid and is broken: it is
	// rebuilt from the store before the next write.
	changed, broken bool

	wake   chan struct{}
	cancel context.CancelFunc
	done   sync.WaitGroup

	// stored and duplicates count what Ingest took, for Ingested.
	stored, duplicates atomic.Int64
}

// Ingested counts the articles Ingest has acknowledged since Open, by
// whichever path they came (an API request, the feed poller): Stored are
// new to the store, Duplicates were held already (a retry, a feed item
// read twice) and changed nothing.
type Ingested struct {
	Stored, Duplicates int64
}

// Ingested returns the counts of what Ingest has taken since Open.
func (s *Service) Ingested() Ingested {
	return Ingested{Stored: s.stored.Load(), Duplicates: s.duplicates.Load()}
}

// Open rebuilds the dedupe and clustering state from the store's log and
// starts the analysis worker.
func Open(ctx context.Context, db *store.DB, opts Options) (*Service, error) {
	if opts.Analyzers <= 0 {
		opts.Analyzers = 2
	}
	if opts.Poll <= 0 {
		opts.Poll = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Quiet <= 0 {
		opts.Quiet = 2 * time.Second
	}
	if opts.MaxLag <= 0 {
		opts.MaxLag = 30 * time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &Service{db: db, opts: opts, log: opts.Log, wake: make(chan struct{}, 1)}
	if err := s.refeature(ctx); err != nil {
		return nil, err
	}
	if err := s.rebuild(ctx); err != nil {
		return nil, err
	}
	workCtx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	if !opts.Manual {
		s.done.Go(func() { s.analyze(workCtx) })
		s.poke()
	}
	return s, nil
}

// Close stops the background work and waits for it.
func (s *Service) Close() error {
	s.cancel()
	s.done.Wait()
	return nil
}

// mend rebuilds the engine if a failed write or rebuild left it broken.
// The caller holds s.mu.
func (s *Service) mend(ctx context.Context) error {
	if !s.broken {
		return nil
	}
	return s.rebuild(ctx)
}

// rebuild starts the engine afresh from the whole log.
func (s *Service) rebuild(ctx context.Context) error {
	// The engine merges stories as batch clustering does; each merge it
	// makes during an ingest is logged as an edit (add), and a replay
	// applies logged merges without deriving any: Replay never merges.
	s.engine = pipeline.NewEngine(s.opts.Pipeline.Cluster)
	s.engine.Retain(dedupe.Retention)
	s.pos = store.Position{}
	// Half a log is no engine: until the replay ends, the next caller must
	// start again rather than answer from it.
	s.broken = true
	err := s.db.Replay(ctx, func(e store.Entry) error {
		return s.replay(e, func(ids []string) ([]store.Article, error) { return s.db.Features(ctx, ids) })
	})
	if err != nil {
		return fmt.Errorf("replay the log: %w", err)
	}
	s.broken = false
	return nil
}

// replay applies one entry of the log to the engine, as its writer
// decided. features reads stored articles, which a split reads again.
func (s *Service) replay(e store.Entry, features func([]string) ([]store.Article, error)) error {
	if e.Edit != nil {
		if err := s.replayEdit(*e.Edit, features); err != nil {
			return err
		}
		s.pos.Advance(e)
		return nil
	}
	a := e.Article
	f, err := decodeFeatures(a.Features)
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	// The story it was placed in then: the edits that moved it since
	// come later in the log.
	s.engine.Replay(stored(a, f, a.Placed))
	s.pos.Advance(e)
	return nil
}

// stored is a stored article as the engine replays it.
func stored(a *store.Article, f features, story string) pipeline.Stored {
	s := pipeline.Stored{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Time: pipeline.Clock(a.Published.Time, a.IngestedAt),
		Terms: f.terms, Title: f.title, Sketch: f.sketch, Shingles: f.shingles, Story: story,
		Repeats: a.VersionOf != nil || a.DuplicateOf != nil}
	if a.VersionOf != nil {
		s.VersionOf = *a.VersionOf
	}
	return s
}

// write runs fn in a write transaction, after the engine has caught up on
// what other processes wrote, one write at a time in this process.
func (s *Service) write(ctx context.Context, fn func(*store.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.mend(ctx); err != nil {
		return err
	}
	s.changed = false
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		// Another process may have written since this one last looked: its
		// articles and edits reach the engine before any of ours.
		others, err := tx.Since(s.pos)
		if err != nil {
			return err
		}
		for _, e := range others {
			if err := s.replay(e, tx.Features); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if err != nil && s.changed {
		s.broken = true
	}
	return err
}

// Status says what became of one article sent to Ingest.
type Status struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	// Duplicate is set when the store already held the article (the same
	// text from the same outlet, or the same text at the same URL):
	// nothing changed. A new text at a stored URL or under a stored ID is
	// stored under an ID of its own, a version when the engine finds one.
	Duplicate bool   `json:"duplicate"`
	Source    string `json:"source,omitempty"`
}

// Result is what Ingest did: an acknowledged status per stored article, and
// an error per article that could not be read.
type Result struct {
	Articles []Status         `json:"articles"`
	Errors   []news.ItemError `json:"errors"`
}

// Ingest cleans, links and clusters articles and stores them in one
// transaction. When it returns without error, every article in the result
// is on disk; sending the same articles again changes nothing.
func (s *Service) Ingest(ctx context.Context, articles []*news.Article) (Result, error) {
	articles, refused := storable(articles)
	prepared, errs := pipeline.PrepareAll(ctx, articles, s.opts.Pipeline)
	res := Result{Errors: append(refused, errs...)}
	if err := ctx.Err(); err != nil {
		// The batch was cut short and nothing is stored: a caller that
		// takes no error for all stored (a poller remembering what it read)
		// must hear so, though every article may be among the errors.
		return res, fmt.Errorf("ingest: %w", err)
	}
	if len(prepared) == 0 {
		return res, nil
	}
	var statuses []Status
	err := s.write(ctx, func(tx *store.Tx) error {
		statuses = statuses[:0]
		for i := range prepared {
			st, err := s.add(tx, prepared[i])
			if err != nil {
				return err
			}
			statuses = append(statuses, st)
		}
		// A later article of the batch may have merged an earlier one's
		// story away: every status names the story as the batch left it.
		for i := range statuses {
			if root, ok := s.engine.Resolve(statuses[i].Story); ok {
				statuses[i].Story = root
			}
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("ingest: %w", err)
	}
	res.Articles = statuses
	for _, st := range statuses {
		if st.Duplicate {
			s.duplicates.Add(1)
		} else {
			s.stored.Add(1)
		}
	}
	s.poke()
	return res, nil
}

// MaxKey is the longest ID, URL or outlet name the store takes, in bytes.
// Each is a key of an index, and PostgreSQL refuses an index entry over
// about 2.7 KB: one such article failed the whole batch it came in. No
// name is that long, and 2,000 bytes is the most a URL is relied on to
// hold.
const MaxKey = 2000

// storable returns the articles the store can hold and an error naming
// each one it cannot. Names and addresses lose NUL bytes and bytes that
// are not UTF-8, which PostgreSQL refuses (the pipeline cleans the text
// and title): a JSON Feed's author "\u0000", or a name from any reader
// that lets one through, failed the whole batch with a 500.
func storable(articles []*news.Article) ([]*news.Article, []news.ItemError) {
	var errs []news.ItemError
	out := articles[:0:0]
	for _, a := range articles {
		a = withStorableNames(a)
		field := ""
		switch {
		case len(a.ID) > MaxKey:
			field = "id"
		case len(a.URL) > MaxKey:
			field = "url"
		case len(a.Outlet) > MaxKey:
			field = "outlet"
		}
		if field != "" {
			errs = append(errs, news.ItemError{Source: a.Source, Error: fmt.Sprintf("%s over %d bytes", field, MaxKey)})
			continue
		}
		out = append(out, a)
	}
	return out, errs
}

// withStorableNames returns a, or a copy of it whose names and addresses
// hold no NUL byte and only UTF-8.
func withStorableNames(a *news.Article) *news.Article {
	fields := func(a *news.Article) []*string {
		return []*string{&a.ID, &a.Source, &a.Outlet, &a.Author, &a.URL, &a.Language, &a.Story}
	}
	if !slices.ContainsFunc(fields(a), func(s *string) bool { return !store.ValidText(*s) }) {
		return a
	}
	c := *a
	for _, s := range fields(&c) {
		if !store.ValidText(*s) {
			*s = strings.ToValidUTF8(strings.ReplaceAll(*s, "\x00", ""), "\uFFFD")
		}
	}
	return &c
}

// add stores one prepared article, unless the store holds it already.
func (s *Service) add(tx *store.Tx, p *pipeline.Prepared) (Status, error) {
	a := p.Article()
	row := &store.Article{Article: *a, URLKey: dedupe.URLKey(a.URL), ContentHash: contentHash(a.Outlet, a.Text), IngestedAt: s.opts.Now()}
	// Replay reads the arrival back from the row (stored), so that a
	// rebuilt engine files the article at the same time.
	p.Received(row.IngestedAt)
	old, found, err := tx.Find(a.ID, row.URLKey, row.ContentHash)
	if err != nil {
		return Status{}, err
	}
	// The same text from the same outlet again (a client retrying, a feed
	// read twice) changes nothing.
	if found && old.ContentHash == row.ContentHash {
		if err := s.renewURLKey(tx, old, row); err != nil {
			return Status{}, err
		}
		return Status{ID: old.ID, Story: old.StoryID, Duplicate: true, Source: a.Source}, nil
	}
	// A new text under a stored ID or URL is the outlet's update of that
	// article (or, under an ID alone, another article whose source reused
	// the ID): it is stored beside it under an ID of its own, and the
	// engine links it as a version by its URL. The URL stays the key of
	// the first article stored at it, which the poller and Find look up.
	if found {
		if err := s.renewURLKey(tx, old, row); err != nil {
			return Status{}, err
		}
		page, held, err := tx.Find("", row.URLKey, "")
		if err != nil {
			return Status{}, err
		}
		if held {
			// A page's text again, credited to its outlet under another
			// name (a feed's title, the site's host), is the page again:
			// at one URL it cannot be another outlet's copy.
			if same, found, err := tx.Find("", "", contentHash(page.Outlet, a.Text)); err != nil {
				return Status{}, err
			} else if found {
				return Status{ID: same.ID, Story: same.StoryID, Duplicate: true, Source: a.Source}, nil
			}
			row.URLKey = ""
		}
		id, err := freeID(tx, a.ID)
		if err != nil {
			return Status{}, err
		}
		a.ID, row.ID = id, id
	}
	s.changed = true
	placed := s.engine.Add(p)
	if placed.Repeat {
		// Find saw no such article, so the engine holds one the store lost:
		// failing the write has it rebuilt from the store.
		return Status{}, fmt.Errorf("article %s: the engine is out of step with the store", a.ID)
	}
	switch placed.Relation {
	case pipeline.Version:
		row.VersionOf, row.Latest = &placed.Of, true
		if err := s.changes(tx, row, p.Doc()); err != nil {
			return Status{}, err
		}
	case pipeline.Copy:
		row.DuplicateOf = &placed.Of
	}
	// The article is stored in the story it joined, and the merges its
	// arrival set off follow it in the log, as a replay applies them.
	row.StoryID = placed.Joined
	row.Features = featuresOf(p).encode()
	row.FeaturesVersion = pipeline.FeaturesVersion
	if err := tx.Insert(row); err != nil {
		return Status{}, err
	}
	if row.VersionOf != nil {
		if err := tx.MarkLatest(*row.VersionOf, row.ID); err != nil {
			return Status{}, err
		}
	}
	if err := tx.Touch(row.StoryID, row); err != nil {
		return Status{}, err
	}
	s.pos.Seq = row.Seq
	for _, m := range placed.Merged {
		if err := s.recordMerge(tx, m); err != nil {
			return Status{}, err
		}
	}
	return Status{ID: row.ID, Story: placed.Story, Source: a.Source}, nil
}

// recordMerge logs a merge the engine made during an ingest as an
// automatic edit and makes it in the store, as Merge does an editor's:
// the absorbed story's ID resolves to the survivor from now on.
func (s *Service) recordMerge(tx *store.Tx, m cluster.Absorbed) error {
	edit := store.Edit{Kind: store.Merge, Story: m.Into, Other: m.Story, Result: m.Into, Automatic: true}
	if err := tx.RecordEdit(&edit); err != nil {
		return err
	}
	if err := tx.MergeStories(m.Story, m.Into); err != nil {
		return err
	}
	s.pos.Edit = edit.ID
	return nil
}

// renewURLKey gives a row stored under an older form of URLKey today's
// key when its page comes again, so that the poller finds it
// (store.ItemStamps) and stops fetching the page anew on every round. A later version stored
// without a key (the first at its URL holds it) stays without, and so
// does a row whose page another row holds today's key for (an update that
// came while this row had the older key): the page is found by that row,
// and the key is unique.
func (s *Service) renewURLKey(tx *store.Tx, old store.Article, row *store.Article) error {
	if old.URL != row.URL || old.URLKey == "" || old.URLKey == row.URLKey {
		return nil
	}
	if _, held, err := tx.Find("", row.URLKey, ""); err != nil || held {
		return err
	}
	return tx.Rekey(old.ID, row.URLKey)
}

// freeID is id when no stored article has it, else id with the first of
// "~2", "~3" … that none has, as a batch makes a repeated ID unique.
func freeID(tx *store.Tx, id string) (string, error) {
	candidate := id
	for n := 2; ; n++ {
		if _, taken, err := tx.Find(candidate, "", ""); err != nil || !taken {
			return candidate, err
		}
		candidate = id + "~" + strconv.Itoa(n)
	}
}

// changes records what a new version added and dropped against the latest
// one stored.
func (s *Service) changes(tx *store.Tx, row *store.Article, doc *text.Doc) error {
	prev, err := tx.Latest(*row.VersionOf)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	added, removed := dedupe.Changes(text.Analyze(prev.Text).Sentences, doc.Sentences)
	row.Changes = &news.Changes{Against: prev.ID, Added: added, Removed: removed}
	return nil
}

// contentHash names an outlet's text by its letters and digits, so that
// the same article sent with other spacing or punctuation is still the
// same; the same text under another outlet is a syndicated copy, which is
// kept as coverage.
func contentHash(outlet, t string) string {
	sum := sha256.Sum256([]byte(outlet + "\x00" + text.Fingerprint(t)))
	return hex.EncodeToString(sum[:16])
}

// poke wakes the analysis worker without waiting.
func (s *Service) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
