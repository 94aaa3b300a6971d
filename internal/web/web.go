// Package web serves corroborate over HTTP: a JSON API under /api/v1, web
// pages that read without JavaScript (a small script of its own gives
// editors their controls), an Atom feed of stories, health and Prometheus
// metrics. It declares the two things it needs — a place to read stories
// from and one to send articles and edits to — and knows nothing of how
// they are kept.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/store"
)

// Stories is what the server reads.
type Stories interface {
	Stories(ctx context.Context, q store.Query) ([]store.Story, string, error)
	Story(ctx context.Context, id string) (store.Story, error)
	StoryArticles(ctx context.Context, id string) ([]store.Article, error)
	Article(ctx context.Context, id string) (store.Article, error)
	Search(ctx context.Context, text string, limit int) ([]store.Hit, error)
	Coverage(ctx context.Context, ids []string) (map[string][]store.DayCount, error)
	// MergedInto returns the story a retired story ID resolves to, or
	// store.ErrNotFound.
	MergedInto(ctx context.Context, id string) (string, error)
	// Retired returns the merge that retired a story ID, which says
	// whether the service made it itself, or store.ErrNotFound.
	Retired(ctx context.Context, id string) (store.Edit, error)
	Counts(ctx context.Context) (store.Counts, error)
	Feeds(ctx context.Context) ([]store.Feed, error)
}

// Ingester takes new articles.
type Ingester interface {
	Ingest(ctx context.Context, articles []*news.Article) (service.Result, error)
}

// Editor merges and splits stories on an editor's word, and finds the
// stories most like one: what it might be merged with.
type Editor interface {
	Merge(ctx context.Context, a, b string) (service.Merged, error)
	Split(ctx context.Context, story string, articles []string) (service.Split, error)
	Nearest(ctx context.Context, story string, n int) (string, []cluster.Neighbour, error)
}

// Writer is what the server writes through: new articles and editors'
// decisions.
type Writer interface {
	Ingester
	Editor
}

var (
	_ Stories = (*store.DB)(nil)
	_ Writer  = (*service.Service)(nil)
)

// Config tunes the server.
type Config struct {
	// Token, when set, must come as "Authorization: Bearer <token>" with
	// every request that writes.
	Token string
	// MaxBody caps a request body; MaxArticles the articles of one POST.
	MaxBody     int64
	MaxArticles int
	// Timeout bounds the work of one request.
	Timeout time.Duration
	Log     *slog.Logger
	// BaseURL, when set ("https://news.example.org"), is where the Atom
	// feed's links point, whatever Host a request came with; without it
	// they point where the request was sent.
	BaseURL string
}

func (c *Config) defaults() {
	if c.MaxBody <= 0 {
		c.MaxBody = 32 << 20
	}
	if c.MaxArticles <= 0 {
		c.MaxArticles = 10_000
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
}

//go:embed templates/*.html static/*
var assets embed.FS

// Server is the HTTP face of corroborate.
type Server struct {
	stories Stories
	writer  Writer
	cfg     Config
	pages   *template.Template
	metrics *metrics
	mux     *http.ServeMux
}

// New builds the server's handler. With a nil writer it serves read-only:
// writes are refused with 405 and pages show no editing controls.
func New(stories Stories, writer Writer, cfg Config) *Server {
	cfg.defaults()
	s := &Server{stories: stories, writer: writer, cfg: cfg, metrics: newMetrics(), mux: http.NewServeMux()}
	s.pages = template.Must(template.New("").Funcs(funcs).ParseFS(assets, "templates/*.html"))
	static, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	s.route("GET /api/v1/stories", s.apiStories)
	s.route("GET /api/v1/stories/{id}", s.apiStory)
	s.route("GET /api/v1/articles/{id}", s.apiArticle)
	s.routeWriter()
	s.route("GET /api/v1/search", s.apiSearch)
	s.route("GET /api/v1/feeds", s.apiFeeds)
	s.route("GET /healthz", s.healthz)
	s.route("GET /metrics", s.serveMetrics)
	s.route("GET /feed.atom", s.atom)
	s.route("GET /{$}", s.pageStories)
	s.route("GET /stories/{id}", s.pageStory)
	s.route("GET /search", s.pageSearch)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc(apiPrefix, s.apiUnrouted)
	return s
}

// apiPrefix holds the API's routes; what none of them matches is answered
// by apiUnrouted.
const apiPrefix = "/api/"

// apiUnrouted answers an API request no route takes in JSON, as the API
// answers everything: 405 with Allow when the path has routes for other
// methods, 404 when it has none.
func (s *Server) apiUnrouted(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		probe := *r
		probe.Method = method
		if _, pattern := s.mux.Handler(&probe); pattern != "" && pattern != apiPrefix {
			allow = append(allow, method)
		}
	}
	if len(allow) == 0 {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no API route " + r.URL.Path})
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": fmt.Sprintf("%s %s: send %s", r.Method, r.URL.Path, strings.Join(allow, " or "))})
}

// routeWriter registers the routes that need the writer, which holds the
// stories' centroids as well as writing: without one, each refuses, as the
// server is read-only.
func (s *Server) routeWriter() {
	writes := map[string]func(http.ResponseWriter, *http.Request) error{
		"POST /api/v1/stories/{id}/merge":  s.apiMerge,
		"POST /api/v1/stories/{id}/split":  s.apiSplit,
		"GET /api/v1/stories/{id}/nearest": s.apiNearest,
		"POST /api/v1/articles":            s.apiIngest,
	}
	for pattern, h := range writes {
		if s.writer == nil {
			h = func(http.ResponseWriter, *http.Request) error { return errReadOnly }
		}
		s.route(pattern, h)
	}
}

// route registers a handler that returns an error, wrapped with the
// request timeout, recovery and metrics.
func (s *Server) route(pattern string, h func(http.ResponseWriter, *http.Request) error) {
	s.mux.Handle(pattern, s.metrics.measure(pattern, func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		defer func() {
			if v := recover(); v != nil {
				s.cfg.Log.Error("panic", "path", r.URL.Path, "panic", v)
				s.fail(w, r, errors.New("internal error"))
			}
		}()
		if err := checkURL(r); err != nil {
			s.fail(w, r, err)
			return
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}))
}

// checkURL refuses a path or query holding a NUL byte or bytes that are
// not UTF-8: they name nothing the store holds, and PostgreSQL refuses
// them in a query, which made a 500 of what SQLite answered 404.
func checkURL(r *http.Request) error {
	if !store.ValidText(r.URL.Path) {
		return badRequest("the path holds a NUL byte or bytes that are not UTF-8")
	}
	q, _ := url.ParseQuery(r.URL.RawQuery) // a malformed query is refused where it is read
	for k, vs := range q {
		if !store.ValidText(k) || slices.ContainsFunc(vs, func(v string) bool { return !store.ValidText(v) }) {
			return badRequest(fmt.Sprintf("query parameter %q holds a NUL byte or bytes that are not UTF-8", strings.ToValidUTF8(strings.ReplaceAll(k, "\x00", ""), "?")))
		}
	}
	return nil
}

// ServeHTTP adds the security headers every response carries: article text
// is untrusted, so pages run no script but the server's own files (with
// nosniff, none of its JSON or pages can pass for one), and load and send
// nothing elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}
