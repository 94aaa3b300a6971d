package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/store"
)

// funcs are the templates' helpers. eventID is the ID of the i-th event,
// from 0, in the timeline's list, where the chart's marks link. webURL
// keeps a link off the page unless it leads to a web page: a row stored
// before ingest refused other schemes would otherwise show as
// html/template's dead "#ZgotmplZ" link.
var funcs = template.FuncMap{"plural": plural, "untitled": orUntitled, "date": dateOf, "webURL": ingest.WebURL,
	"eventID": func(i int) string { return eventAnchor(i + 1) }}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func orUntitled(s string) string {
	if s == "" {
		return "Untitled story"
	}
	return s
}

func (s *Server) render(w http.ResponseWriter, name string, data any) error {
	var b strings.Builder
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := w.Write([]byte(b.String()))
	if err != nil {
		return nil // the client left
	}
	return nil
}

// listItem is a story on the list page.
type listItem struct {
	store.Story
	Chart chart
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	q.Limit = 30
	list, next, err := s.stories.Stories(r.Context(), q)
	if err != nil {
		return err
	}
	ids := make([]string, len(list))
	for i, st := range list {
		ids[i] = st.ID
	}
	coverage, err := s.stories.Coverage(r.Context(), ids)
	if err != nil {
		return err
	}
	items := make([]listItem, len(list))
	for i, st := range list {
		items[i] = listItem{Story: st, Chart: coverageChart(coverage[st.ID])}
	}
	next = nextLink(r, next)
	return s.render(w, "stories.html", map[string]any{"Stories": items, "Next": next, "Query": q})
}

// nextLink is the URL of the next page, keeping the filters.
func nextLink(r *http.Request, cursor string) string {
	if cursor == "" {
		return ""
	}
	v := r.URL.Query()
	v.Set("cursor", cursor)
	return "?" + v.Encode()
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	var hits []store.Hit
	if text != "" {
		if len(text) > 500 {
			return badRequest("q: at most 500 characters")
		}
		var err error
		if hits, err = s.stories.Search(r.Context(), text, 50); err != nil {
			return err
		}
	}
	return s.render(w, "search.html", map[string]any{"Query": text, "Hits": hits})
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) error {
	body, done, err := s.storyOrRedirect(w, r, "/stories/")
	if err != nil || done {
		return err
	}
	v := newStoryView(body)
	v.Editable, v.NeedsToken = s.writer != nil, s.cfg.Token != ""
	return s.render(w, "story.html", v)
}

// storyView is what the story page shows, with citations numbered.
type storyView struct {
	Story     *news.Story
	Status    storySummary
	Stale     bool
	Sources   []source
	Summary   []cited
	Conflicts []factView
	Agreed    []factView
	Quotes    []quoteView
	Cited     []news.Attribution
	Consensus []cited
	Voices    []voiceView
	Timeline  []cited
	Chart     timelineChart
	// Editable shows the editing controls, and NeedsToken asks for the
	// token they must send.
	Editable, NeedsToken bool
	cite                 map[string]int
}

type source struct {
	N       int
	Article *news.Article
	Note    string
}

// cited is a text and the numbers of the sources that carry it.
type cited struct {
	Text  string
	Date  string
	Cites []int
}

type factView struct {
	Subject string
	Values  []valueView
	// Charts draw a disputed figure's values: one, or one per measure
	// when they are given in units that do not convert.
	Charts []disputeChart
}

type valueView struct {
	news.FactValue
	Cites []int
	// Updated lists the figures its outlet's earlier versions gave instead.
	Updated []cited
}

// quoteView is a speaker and everything they are quoted saying: a quote
// is its wordings, one per set of sources that prints it alike.
type quoteView struct {
	Speaker, Role string
	Quotes        [][]variantView
}

type variantView struct {
	Parts []news.DiffPart
	Cites []int
}

// voiceView is one source's exclusive claims. Source is its number in the
// sources when its outlet is unknown, which compare names by article ID.
type voiceView struct {
	Name   string
	Source int
	Claims []cited
}

func newStoryView(b storyBody) storyView {
	v := storyView{Story: b.Story, Status: b.Summary, Stale: b.Stale, cite: map[string]int{}}
	for i, a := range b.Articles {
		v.cite[a.ID] = i + 1
	}
	for i, a := range b.Articles {
		src := source{N: i + 1, Article: a}
		switch {
		case a.VersionOf != nil:
			src.Note = "update of [" + strconv.Itoa(v.cite[*a.VersionOf]) + "]"
		case a.DuplicateOf != nil:
			src.Note = "copy of [" + strconv.Itoa(v.cite[*a.DuplicateOf]) + "]"
		}
		v.Sources = append(v.Sources, src)
	}
	st := b.Story
	for _, s := range st.Summary {
		v.Summary = append(v.Summary, cited{Text: s.Text, Cites: v.numbers(s.Sources)})
	}
	for _, f := range st.Facts {
		fv := factView{Subject: f.Subject}
		for _, val := range f.Values {
			if len(val.SupersededBy) > 0 {
				continue // shown beside the figure that replaced it
			}
			vv := valueView{FactValue: val, Cites: v.numbers(val.Sources)}
			for _, r := range f.Revisions(val) {
				vv.Updated = append(vv.Updated, cited{Text: r.Text, Cites: v.numbers(r.Sources)})
			}
			fv.Values = append(fv.Values, vv)
		}
		if f.Conflict {
			id := "dispute-" + strconv.Itoa(len(v.Conflicts)+1)
			fv.Charts = newDisputeCharts(id, f, func(val news.FactValue) string {
				return whoGives(val.Outlets, v.unknownOutlets(b.Articles, val.Sources))
			})
			v.Conflicts = append(v.Conflicts, fv)
		} else if f.Voices >= 2 {
			v.Agreed = append(v.Agreed, fv)
		}
	}
	v.Quotes = v.quotesBySpeaker(st.Quotes)
	v.Cited = st.Attributions
	byVoice := map[string]int{}
	for _, c := range st.Claims {
		if !c.Exclusive {
			v.Consensus = append(v.Consensus, cited{Text: c.Text, Cites: v.numbers(c.Sources)})
			continue
		}
		at, ok := byVoice[c.Voice]
		if !ok {
			at = len(v.Voices)
			byVoice[c.Voice] = at
			vv := voiceView{Name: c.Voice}
			if id, ok := strings.CutPrefix(c.Voice, "article "); ok {
				vv.Source = v.cite[id]
			}
			v.Voices = append(v.Voices, vv)
		}
		v.Voices[at].Claims = append(v.Voices[at].Claims, cited{Text: c.Text, Cites: v.numbers(c.Sources)})
	}
	for _, e := range st.Timeline {
		v.Timeline = append(v.Timeline, cited{Text: e.Text, Date: e.Date, Cites: v.numbers(e.Sources)})
	}
	v.Chart = newTimelineChart(st.Timeline)
	return v
}

// quotesBySpeaker gathers each speaker's quotes under one heading,
// speakers in the order they are first quoted: a reader looks for what one
// person said, which a heading over each quote scattered down the page.
func (v *storyView) quotesBySpeaker(quotes []news.Quote) []quoteView {
	var out []quoteView
	at := map[string]int{}
	for _, q := range quotes {
		i, ok := at[q.Speaker]
		if !ok {
			i = len(out)
			at[q.Speaker] = i
			out = append(out, quoteView{Speaker: q.Speaker})
		}
		if out[i].Role == "" {
			out[i].Role = q.Role
		}
		var wordings []variantView
		for k, variant := range q.Variants {
			parts := []news.DiffPart{{Op: "=", Text: variant.Text}}
			if k > 0 && len(variant.Diff) > 0 {
				parts = variant.Diff
			}
			wordings = append(wordings, variantView{Parts: parts, Cites: v.numbers(variant.Sources)})
		}
		out[i].Quotes = append(out[i].Quotes, wordings)
	}
	return out
}

// unknownOutlets numbers the sources among ids whose outlet is unknown.
func (v *storyView) unknownOutlets(articles []*news.Article, ids []string) []int {
	var out []int
	for _, n := range v.numbers(ids) {
		if articles[n-1].Outlet == "" {
			out = append(out, n)
		}
	}
	return out
}

func (v *storyView) numbers(ids []string) []int {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if n, ok := v.cite[id]; ok {
			out = append(out, n)
		}
	}
	return out
}
