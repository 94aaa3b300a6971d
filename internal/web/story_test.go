package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// renderStory renders the story page of body as the server does.
func renderStory(t *testing.T, body storyBody) string {
	t.Helper()
	var b strings.Builder
	if err := New(nil, nil, Config{}).pages.ExecuteTemplate(&b, "story.html", newStoryView(body)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func said(speaker, role, text string, sources ...string) news.Quote {
	return news.Quote{Speaker: speaker, Role: role, Variants: []news.QuoteVariant{{Text: text, Sources: sources}}}
}

// TestQuotesBySpeaker: a speaker quoted several times has one heading over
// all their quotes, in the order they were first quoted, each quote kept
// apart; a role given once names them throughout.
func TestQuotesBySpeaker(t *testing.T) {
	body := storyBody{
		Story: &news.Story{ID: "s1", Headline: "Talks", Quotes: []news.Quote{
			said("Karoline Leavitt", "White House press secretary", "Dialogue is good-faith effort", "a"),
			said("Hamas official", "", "Several communications took place", "b"),
			said("Karoline Leavitt", "", "American lives are at stake", "b"),
			said("", "", "the step itself is promising", "a"),
			said("Karoline Leavitt", "White House press secretary", "ongoing talks and discussions", "a"),
			said("", "", "hell to pay", "b"),
		}},
		Articles: []*news.Article{{ID: "a", Outlet: "Courier"}, {ID: "b", Outlet: "Post"}},
	}
	v := newStoryView(body)
	var speakers []string
	for _, q := range v.Quotes {
		speakers = append(speakers, q.Speaker+"/"+q.Role+"/"+strings.Repeat("q", len(q.Quotes)))
	}
	if got, want := strings.Join(speakers, " | "), "Karoline Leavitt/White House press secretary/qqq | Hamas official//q | //qq"; got != want {
		t.Errorf("speakers %q, want %q", got, want)
	}
	page := renderStory(t, body)
	quotes := page[strings.Index(page, `id="quotes"`):strings.Index(page, `id="sources"`)]
	if n := strings.Count(quotes, "Karoline Leavitt"); n != 1 {
		t.Errorf("Karoline Leavitt named %d times over her quotes, want one heading:\n%s", n, quotes)
	}
	if n := strings.Count(quotes, "<blockquote"); n != 6 {
		t.Errorf("%d quotes shown, want 6", n)
	}
	lives, hamas := strings.Index(quotes, "American lives"), strings.Index(quotes, "Hamas official")
	if lives < 0 || hamas < 0 || lives > hamas {
		t.Errorf("Leavitt's second quote is not under her heading:\n%s", quotes)
	}
}

// TestTimelineHiddenEvents: the events a crowded column only counts are
// named in its "+N" mark's title, which links to the first of them in the
// list under the chart; every dot links to its own event there.
func TestTimelineHiddenEvents(t *testing.T) {
	events := []news.Event{{Date: "2025-03-01", Text: "The operator warned of faults."}}
	for _, what := range []string{"left at dawn", "sank", "rescuers arrived", "the harbour closed", "the mayor spoke", "the operator apologised", "divers went down"} {
		events = append(events, news.Event{Date: "2025-03-05", Text: "The ferry " + what + "."})
	}
	page := renderStory(t, storyBody{Story: &news.Story{ID: "s1", Headline: "Ferry", Timeline: events}})
	at := strings.Index(page, `<svg class="more"`)
	if at < 0 {
		t.Fatalf("no +N mark over the crowded column:\n%s", page)
	}
	more := page[at:]
	more = more[:strings.Index(more, "</svg>")]
	for _, hidden := range []string{"the mayor spoke", "the operator apologised", "divers went down"} {
		if !strings.Contains(more, hidden) {
			t.Errorf("the +N mark does not name %q:\n%s", hidden, more)
		}
	}
	if !strings.Contains(more, `<a href="#event-6"`) || !strings.Contains(page, `<li id="event-6">`) || !strings.Contains(page, `<li id="event-8">`) {
		t.Errorf("the +N mark does not lead to the first event it counts, the sixth, in the list:\n%s", more)
	}
	chart := page[strings.Index(page, `<svg class="timeline"`):strings.Index(page, `<ol class="events">`)]
	for n := 1; n <= 5; n++ {
		if !strings.Contains(chart, `<a href="#event-`+strconv.Itoa(n)+`"`) {
			t.Errorf("no dot links to event %d", n)
		}
	}
}

// TestVoiceWithoutOutlet: a source of unknown outlet heads its exclusive
// claims by its number in the sources, linked, as the rest of the page
// names it, never by its article ID.
func TestVoiceWithoutOutlet(t *testing.T) {
	page := renderStory(t, storyBody{
		Story: &news.Story{ID: "s1", Headline: "Talks", Claims: []news.Claim{
			{Text: "Trump warned of hell to pay.", Sources: []string{"as0014-2"}, Exclusive: true, Voice: "article as0014-2"},
			{Text: "France issued a joint statement.", Sources: []string{"c"}, Exclusive: true, Voice: "Courier"},
		}},
		Articles: []*news.Article{{ID: "c", Outlet: "Courier"}, {ID: "as0014-2"}},
	})
	exclusive := page[strings.Index(page, `id="exclusive"`):strings.Index(page, `id="sources"`)]
	if strings.Contains(exclusive, "as0014-2") || !strings.Contains(exclusive, `<h3><a href="#src-2">Source [2]</a></h3>`) || !strings.Contains(exclusive, "<h3>Courier</h3>") {
		t.Errorf("exclusive claims headed:\n%s", exclusive)
	}
}

// TestDisputeRowNamesEverySource: a figure carried by a known outlet and a
// source of unknown outlet is labelled with both, as the table cites both.
func TestDisputeRowNamesEverySource(t *testing.T) {
	f := news.Fact{Subject: "living hostages", Conflict: true, Voices: 2, Values: []news.FactValue{
		{Value: 24, Low: 24, High: high(24), Text: "about 24", Sources: []string{"ind", "anon"}, Outlets: []string{"The Independent"}},
		{Value: 22, Low: 22, High: high(22), Text: "only 22", Sources: []string{"anon2"}},
	}}
	v := newStoryView(storyBody{Story: &news.Story{ID: "s1", Facts: []news.Fact{f}},
		Articles: []*news.Article{{ID: "ind", Outlet: "The Independent"}, {ID: "anon"}, {ID: "anon2"}}})
	var labels []string
	for _, r := range v.Conflicts[0].Charts[0].Rows {
		labels = append(labels, r.Label)
	}
	if got, want := strings.Join(labels, " | "), "The Independent, source [2]: about 24 | source [3]: only 22"; got != want {
		t.Errorf("rows %q, want %q", got, want)
	}
}
