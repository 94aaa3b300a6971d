package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/store"
)

// storySummary is a story in a list.
type storySummary struct {
	ID             string    `json:"id"`
	Headline       string    `json:"headline"`
	Articles       int       `json:"articles"`
	Voices         int       `json:"voices"`
	Conflicts      int       `json:"conflicts"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
	FirstPublished string    `json:"first_published,omitempty"`
	LastPublished  string    `json:"last_published,omitempty"`
	Analyzed       bool      `json:"analyzed"`
}

func summarize(st store.Story) storySummary {
	return storySummary{ID: st.ID, Headline: st.Headline, Articles: st.Articles, Voices: st.Voices, Conflicts: st.Conflicts,
		Created: st.Created, Updated: st.Updated, FirstPublished: st.FirstPublished, LastPublished: st.LastPublished,
		Analyzed: st.Analyzed >= st.Revision}
}

// query reads a story list's filters from the URL.
func query(r *http.Request) (store.Query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return store.Query{}, badRequest("query string: " + err.Error())
	}
	q := store.Query{Outlet: v.Get("outlet"), Text: v.Get("q"), Cursor: v.Get("cursor"), Sort: store.Newest, Limit: 50}
	switch sort := v.Get("sort"); sort {
	case "", "newest":
	case "covered", "coverage":
		q.Sort = store.Covered
	default:
		return q, badRequest(fmt.Sprintf("sort %q: want newest or covered", sort))
	}
	if since := v.Get("since"); since != "" {
		t, err := news.ParseTimestamp(since)
		if err != nil {
			return q, badRequest("since: " + err.Error())
		}
		q.Since = t.Time
	}
	if q.Limit, err = limitParam(v, q.Limit, 500); err != nil {
		return q, err
	}
	if len(q.Text) > 500 {
		return q, badRequest("q: at most 500 characters")
	}
	return q, nil
}

// limitParam reads the "limit" query parameter: def when absent, else a
// number from 1 to most.
func limitParam(v url.Values, def, most int) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > most {
		return 0, badRequest(fmt.Sprintf("limit: want a number from 1 to %d", most))
	}
	return n, nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	list, next, err := s.stories.Stories(r.Context(), q)
	if err != nil {
		return err
	}
	out := struct {
		Stories []storySummary `json:"stories"`
		Next    string         `json:"next,omitempty"`
	}{Stories: []storySummary{}, Next: next}
	for _, st := range list {
		out.Stories = append(out.Stories, summarize(st))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// storyBody is one story as the API returns it: the JSON contract's story,
// with its articles in full and how current the analysis is.
type storyBody struct {
	Story    *news.Story     `json:"story"`
	Articles []*news.Article `json:"articles"`
	Summary  storySummary    `json:"status"`
	// Stale is set while articles wait to be analysed into the story.
	Stale bool `json:"stale"`
}

// loadStory reads a story and its articles; a story not yet analysed gets
// a report that lists its articles and nothing else.
func (s *Server) loadStory(r *http.Request) (storyBody, error) {
	id := r.PathValue("id")
	st, err := s.stories.Story(r.Context(), id)
	if err != nil {
		return storyBody{}, err
	}
	rows, err := s.stories.StoryArticles(r.Context(), id)
	if err != nil {
		return storyBody{}, err
	}
	body := storyBody{Story: st.Report, Summary: summarize(st), Stale: st.Analyzed < st.Revision}
	for i := range rows {
		a := rows[i].Article
		body.Articles = append(body.Articles, &a)
	}
	if body.Story == nil {
		body.Story = pendingStory(st.ID, firstTitle(body.Articles), st.Outlets)
		for _, a := range body.Articles {
			body.Story.Articles = append(body.Story.Articles, a.ID)
		}
	}
	return body, nil
}

// pendingStory stands for a story not analysed yet: its first title, its
// outlets, and every list empty, as the contract has none null.
func pendingStory(id, headline string, outlets []string) *news.Story {
	return &news.Story{
		ID: id, Headline: headline, Articles: []string{}, Outlets: append([]string{}, outlets...),
		Summary: []news.Sentence{}, Facts: []news.Fact{}, Quotes: []news.Quote{},
		Attributions: []news.Attribution{}, Claims: []news.Claim{}, Timeline: []news.Event{},
	}
}

func firstTitle(articles []*news.Article) string {
	for _, a := range articles {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) error {
	body, done, err := s.storyOrRedirect(w, r, "/api/v1/stories/")
	if err != nil || done {
		return err
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.stories.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, struct {
		news.Article
		Story string `json:"story"`
	}{a.Article, a.StoryID})
	return nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	if text == "" || len(text) > 500 {
		return badRequest("q: want 1 to 500 characters")
	}
	hits, err := s.stories.Search(r.Context(), text, 50)
	if err != nil {
		return err
	}
	type hit struct {
		Article   string `json:"article"`
		Story     string `json:"story"`
		Title     string `json:"title"`
		Outlet    string `json:"outlet"`
		Published string `json:"published,omitempty"`
	}
	out := struct {
		Hits []hit `json:"hits"`
	}{Hits: []hit{}}
	for _, h := range hits {
		out.Hits = append(out.Hits, hit{h.ArticleID, h.StoryID, h.Title, h.Outlet, h.Published})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiFeeds lists the polled feeds and how their last poll went, so an
// operator sees which feeds fail and when each is next read.
func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.stories.Feeds(r.Context())
	if err != nil {
		return err
	}
	type feedState struct {
		URL        string `json:"url"`
		LastPolled string `json:"last_polled,omitempty"`
		NextPoll   string `json:"next_poll,omitempty"`
		Failures   int    `json:"failures"`
		LastError  string `json:"last_error,omitempty"`
	}
	out := struct {
		Feeds []feedState `json:"feeds"`
	}{Feeds: []feedState{}}
	for _, f := range feeds {
		out.Feeds = append(out.Feeds, feedState{f.URL, rfc3339(f.LastPolled), rfc3339(f.NextPoll), f.Failures, f.LastError})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// rfc3339 writes a time for JSON, "" for none.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// ingestTypes are the media types POST articles takes: JSON, the names
// JSON Lines goes by, and tables. None is one a form can send or a
// cross-site script can without asking the server first (CORS safelists
// only form types and text/plain).
var ingestTypes = []string{"application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
	csvType, tsvType}

// Tables, one article a row under a header row, as spreadsheets and data
// sets export them (ingest.ReadCSV).
const (
	csvType = "text/csv"
	tsvType = "text/tab-separated-values"
)

// apiIngest takes one article as a JSON object, or many as a JSON array,
// JSON Lines or a table. A bad line or row is reported and the others are
// stored; nothing is stored unless the store acknowledged it, so a client
// may always send the same batch again.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	// As for edits: without a declared type of ingestTypes, any site a
	// reader visits could post articles to a server run without a token.
	if err := requireType(r, ingestTypes...); err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		return err
	}
	var articles []*news.Article
	var errs []news.ItemError
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == csvType || mt == tsvType {
		articles, errs, err = parseTable(r.Context(), body, mt == tsvType, s.cfg.MaxArticles)
	} else {
		articles, errs, err = parseArticles(body, s.cfg.MaxArticles)
	}
	if err != nil {
		return err
	}
	if len(articles) == 0 {
		if len(errs) == 0 {
			return badRequest("no articles in the body")
		}
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "no article could be read", "errors": errs})
		return nil
	}
	res, err := s.writer.Ingest(r.Context(), articles)
	if err != nil {
		return err
	}
	res.Errors = append(errs, res.Errors...)
	if res.Errors == nil {
		res.Errors = []news.ItemError{}
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// authorize checks the bearer token when the server has one. The scheme
// is read in any case, as RFC 7235 has it ("bearer" from some clients),
// and a token sent but wrong is told apart from none: an editor whose page
// kept a mistyped token otherwise reads that a token is required.
func (s *Server) authorize(r *http.Request) error {
	if s.cfg.Token == "" {
		return nil
	}
	scheme, got, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return errUnauthorized
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		return errWrongToken
	}
	return nil
}

// parseArticles reads a JSON object, an array of them, JSON Lines, or an
// API's answer holding articles in an array (see ingest.Envelope).
// Lines name their errors "body:N", elements "body[i]". A byte-order
// mark, which Windows tools write before UTF-8, is passed over, as the
// command line does.
func parseArticles(body []byte, limit int) ([]*news.Article, []news.ItemError, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, nil, badRequest("empty body")
	}
	var items []json.RawMessage
	name := func(i int) string { return "body:" + strconv.Itoa(i+1) }
	switch {
	case trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, nil, badRequest("invalid JSON array: " + err.Error())
		}
		name = func(i int) string { return "body[" + strconv.Itoa(i) + "]" }
	case trimmed[0] != '{':
		return nil, nil, badRequest("want a JSON object, an array of them, or one per line")
	case json.Valid(trimmed):
		items = []json.RawMessage{trimmed}
		if path, elems, ok := ingest.Envelope(trimmed); ok {
			// An API's answer, posted as it came: its articles.
			items = elems
			name = func(i int) string { return "body." + path + "[" + strconv.Itoa(i) + "]" }
		}
	default:
		for _, line := range bytes.Split(trimmed, []byte("\n")) {
			items = append(items, line)
		}
	}
	var articles []*news.Article
	errs := []news.ItemError{}
	for i, line := range items {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(articles) == limit {
			return nil, nil, tooMany(limit)
		}
		where := name(i)
		a, err := ingest.ParseJSON(where, line)
		if err != nil {
			errs = append(errs, news.ItemError{Source: where, Error: err.Error()})
			continue
		}
		articles = append(articles, a)
	}
	return articles, errs, nil
}

// tooMany refuses a request of more articles than limit, saying so: the
// body may be well within --max-body.
func tooMany(limit int) error {
	return news.Refuse(errTooLarge, "more than %d articles in one request: send them in several", limit)
}

// parseTable reads a table of articles with a header row. Rows name their
// errors "body:LINE"; a table whose header names no text column is a bad
// request, as broken JSON is.
func parseTable(ctx context.Context, body []byte, tabs bool, limit int) ([]*news.Article, []news.ItemError, error) {
	comma := ','
	if tabs {
		comma = '\t'
	}
	var articles []*news.Article
	errs := []news.ItemError{}
	ingest.ReadCSV(ctx, "body", bytes.NewReader(body), comma, ingest.Options{MaxBytes: int64(len(body))}, func(a *news.Article, e *news.ItemError) {
		if a != nil {
			articles = append(articles, a)
		} else {
			errs = append(errs, *e)
		}
	})
	if len(errs) == 1 && errs[0].Source == "body" {
		return nil, nil, badRequest(errs[0].Error)
	}
	if len(articles) > limit {
		return nil, nil, tooMany(limit)
	}
	return articles, errs, nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.stories.Counts(r.Context()); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unavailable"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
