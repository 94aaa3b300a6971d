package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// TestIngestedMetrics: corroborate_ingested_total counts every article the
// process took in, whether it came by the API or straight to the service,
// as the feed poller sends its articles.
func TestIngestedMetrics(t *testing.T) {
	f := newManualFixture(t)
	article := func(id, text string) string {
		return fmt.Sprintf(`{"id": %q, "outlet": "Courier", "text": %q}`, id, text)
	}
	const ferry = "The ferry operator halted all crossings to the island on Wednesday after the ramp at the harbour failed."
	const storm = "A storm cut power to 20,000 homes along the coast on Monday night, the grid operator said."
	steps := []struct {
		name               string
		api                string          // a POST body, or
		polled             []*news.Article // articles sent as the poller sends them
		stored, duplicates int
	}{
		{name: "by the API", api: article("ferry", ferry), stored: 1},
		{name: "by the poller", polled: []*news.Article{{ID: "storm", Outlet: "Post", Source: "https://post.example/feed.xml:1", Text: storm}}, stored: 2},
		{name: "the API again", api: article("ferry", ferry), stored: 2, duplicates: 1},
		{name: "the poller again", polled: []*news.Article{{ID: "storm", Outlet: "Post", Source: "https://post.example/feed.xml:1", Text: storm}}, stored: 2, duplicates: 2},
	}
	for _, step := range steps {
		if step.api != "" {
			if code, body, _ := f.do(t, "POST", "/api/v1/articles", step.api); code != 200 {
				t.Fatalf("%s: %d %s", step.name, code, body)
			}
		} else if _, err := f.svc.Ingest(context.Background(), step.polled); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		_, body, _ := f.do(t, "GET", "/metrics", "")
		for _, want := range []string{
			fmt.Sprintf(`corroborate_ingested_total{outcome="stored"} %d`+"\n", step.stored),
			fmt.Sprintf(`corroborate_ingested_total{outcome="duplicate"} %d`+"\n", step.duplicates),
		} {
			if !strings.Contains(body, want) {
				t.Errorf("after %s, metrics lack %q:\n%s", step.name, want, body)
			}
		}
	}
}
