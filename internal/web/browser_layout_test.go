package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/corroborate/corroborate/internal/news"
)

// crowdedStory has what strains the story page's layout: three disputed
// figures, one a thousand-fold apart and one in units of two measures; a
// speaker quoted three times; and a timeline broken into three runs, each
// dated at both ends, with one column past four dots.
func crowdedStory() storyBody {
	measure := func(outlet string, v float64, unit string) news.FactValue {
		return news.FactValue{Value: v, Low: v, High: high(v), Unit: unit, Text: spokenNumber(v) + " " + unit, Outlets: []string{outlet}}
	}
	load := news.Fact{Subject: "load", Conflict: true, Voices: 2, Values: []news.FactValue{measure("Harbour Gazette", 70, "mph"), measure("Northern Post", 150, "kg")}}
	var events []news.Event
	for _, d := range []string{"1990-01-12", "1990-02-28", "2015-01-12", "2015-02-28", "2025-01-12", "2025-02-28", "2025-02-28", "2025-02-28", "2025-02-28", "2025-02-28", "2025-02-28"} {
		events = append(events, news.Event{Date: d, Text: "Something happened on " + d + "."})
	}
	return storyBody{
		Story: &news.Story{ID: "s1", Headline: "Ferry sinks off Marrowby", Facts: []news.Fact{ferry(), repairs(), load},
			Quotes:   []news.Quote{said("Ann Tully", "mayor", "We are heartbroken", "a"), said("Bob Lane", "", "Nobody could have known", "a"), said("Ann Tully", "", "We will rebuild", "a")},
			Timeline: events},
		Articles: []*news.Article{{ID: "a", Outlet: "Harbour Gazette", Title: "Ferry sinks"}, {ID: "g"}, {ID: "p1"}, {ID: "p2"}, {ID: "r"}},
	}
}

// serveStory serves body's story page, with the stylesheet, at /story.
func serveStory(t *testing.T, body storyBody) string {
	t.Helper()
	s := New(nil, nil, Config{})
	mux := http.NewServeMux()
	mux.Handle("/static/", s)
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		if err := s.render(w, "story.html", newStoryView(body)); err != nil {
			t.Error(err)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/story"
}

// overlaps lists the pairs of a chart's texts whose boxes overlap, and the
// texts that leave the page's width, as "a / b" and "a off the page".
const overlapsJS = `(() => {
	const out = [];
	const width = document.documentElement.clientWidth;
	for (const svg of document.querySelectorAll("svg.dispute, svg.timeline")) {
		const texts = [...svg.querySelectorAll("text")].map(e => [e.textContent, e.getBoundingClientRect()]);
		texts.forEach(([a, r], i) => {
			if (r.left < 0 || r.right > width) out.push(a + " off the page");
			for (const [b, q] of texts.slice(i + 1)) {
				if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) out.push(a + " / " + b);
			}
		});
	}
	if (document.documentElement.scrollWidth > width) {
		const wide = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1));
		out.push("the page scrolls sideways, past " + wide.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? "." + e.className : "") + " " + JSON.stringify(e.textContent.slice(0, 30))).join(", "));
	}
	return out;
})()`

// layoutFaults opens url on a screen width pixels wide and lists what
// overlapsJS finds wrong there.
func layoutFaults(t *testing.T, ctx context.Context, url string, width int64) []string {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible("svg.timeline")); err != nil {
		t.Fatal(err)
	}
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](overlapsJS))
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestBrowserLayout opens a crowded story page, without JavaScript, on
// phones and on a desktop, and a timeline of two runs on phones: no chart
// text overlaps another or leaves the page, every disputed figure has its
// chart, and the timeline's "+N" leads to the events it counts.
func TestBrowserLayout(t *testing.T) {
	ctx := browse(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	// A timeline of two runs, each dated at both ends, where each run is
	// about half the axis: on the commonest phones (360 px, 320 px) that
	// half holds no two dates side by side.
	var events []news.Event
	for _, d := range []string{"1990-12-12", "1990-12-28", "2025-09-12", "2025-09-28"} {
		events = append(events, news.Event{Date: d, Text: "Something happened on " + d + "."})
	}
	twoRuns := serveStory(t, storyBody{Story: &news.Story{ID: "s2", Headline: "Two runs", Timeline: events}})
	for _, width := range []int64{320, 360} {
		for _, b := range layoutFaults(t, ctx, twoRuns, width) {
			t.Errorf("two runs, %d px: %s", width, b)
		}
	}
	url := serveStory(t, crowdedStory())
	for _, width := range []int64{320, 420, 1200} {
		for _, b := range layoutFaults(t, ctx, url, width) {
			t.Errorf("%d px: %s", width, b)
		}
		charts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("figure.dispute svg.dispute").length`))
		if err != nil || charts != 4 {
			t.Errorf("%d px: %d dispute charts, want 4 (one per figure, two for the figure in two measures): %v", width, charts, err)
		}
		screenshot(t, ctx, "layout-"+strconv.FormatInt(width, 10)+".png")
	}
	if err := chromedp.Do(ctx, chromedp.Click("svg.timeline .more a")); err != nil {
		t.Fatal(err)
	}
	target, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash + " " + (document.querySelector(":target") || {textContent: "nothing"}).textContent`))
	if err != nil || !strings.HasPrefix(target, "#event-") || !strings.Contains(target, "28 Feb 2025") {
		t.Errorf("the +N mark leads to %q, want the first event it counts: %v", target, err)
	}
}
