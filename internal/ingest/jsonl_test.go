package ingest

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// TestParseJSONAliases: the names scrapers, news APIs and data sets write
// are read when ours are absent, and ours win when both are there.
func TestParseJSONAliases(t *testing.T) {
	type fields struct{ text, url, outlet, title, author, published, language, story string }
	tests := []struct {
		name, line string
		want       fields
	}{
		{"news-please",
			`{"maintext": "Body.", "source_domain": "www.rt.com", "date_publish": "2017-07-17 17:03:00", "authors": ["Ann Lee", " ", "Bo Ma"], "title": "T", "language": "en", "url": "https://www.rt.com/a", "date_download": null}`,
			fields{text: "Body.", url: "https://www.rt.com/a", outlet: "www.rt.com", title: "T", author: "Ann Lee, Bo Ma", published: "2017-07-17T17:03:00Z", language: "en"}},
		{"CC-News",
			`{"text": "Body.", "domain": "example.com", "date": "2017-12-01 19:32:10", "description": "D", "image_url": "x"}`,
			fields{text: "Body.", outlet: "example.com", published: "2017-12-01T19:32:10Z"}},
		{"NewsAPI, source an object, content cut short",
			`{"source": {"id": null, "name": "TechCrunch"}, "author": "Jane Doe", "title": "T", "url": "https://t.example/a", "publishedAt": "2024-01-15T10:00:00Z", "content": "Apple said on Monday … [+2345 chars]"}`,
			fields{text: "Apple said on Monday …", url: "https://t.example/a", outlet: "TechCrunch", title: "T", author: "Jane Doe", published: "2024-01-15T10:00:00Z"}},
		{"GNews",
			`{"content": "Body of it... [1862 chars]", "lang": "en", "source": {"name": "9to5Mac", "url": "https://9to5mac.com"}}`,
			fields{text: "Body of it...", outlet: "9to5Mac", language: "en"}},
		{"Miranda et al. clustering set",
			`{"id": "d1", "text": "Body.", "lang": "eng", "date": "2014-12-01 08:30:00", "cluster": "1324", "source": "El País"}`,
			fields{text: "Body.", outlet: "El País", published: "2014-12-01T08:30:00Z", language: "en", story: "1324"}},
		{"Event Registry, source with a title",
			`{"body": "Body.", "source": {"uri": "bbc.co.uk", "title": "BBC"}, "lang": "eng", "date": "2021-07-23"}`,
			fields{text: "Body.", outlet: "BBC", published: "2021-07-23", language: "en"}},
		{"NUL bytes, escaped, in names and addresses",
			`{"text": "Body.", "url": "https://a.example/x\u0000y", "outlet": "Nul\u0000 Post", "title": "T\u0000", "author": "\u0000Ann Lee", "language": "e\u0000n", "story": "s\u00001"}`,
			fields{text: "Body.", url: "https://a.example/xy", outlet: "Nul Post", title: "T", author: "Ann Lee", language: "en", story: "s1"}},
		{"a date under an alias that is no date: kept, undated",
			`{"maintext": "Body.", "date": "August 6, 2022"}`,
			fields{text: "Body."}},
		{"a feed item: its description stands for the text",
			`{"title": "T", "description": "What happened.", "link": "https://a.example/x"}`,
			fields{text: "What happened.", url: "https://a.example/x", title: "T"}},
		{"a headline alone: the title stands for the text",
			`{"title": "Ferry service resumes", "cluster": 4}`,
			fields{text: "Ferry service resumes", title: "Ferry service resumes", story: "4"}},
		{"HuffPost News Category",
			`{"headline": "H", "short_description": "What happened.", "authors": "Ann Lee", "date": "2022-09-23"}`,
			fields{text: "What happened.", title: "H", author: "Ann Lee", published: "2022-09-23"}},
		{"text wins over the description",
			`{"text": "Body.", "description": "What happened."}`,
			fields{text: "Body."}},
		{"a body with its tags left in is read as the page's paragraphs",
			`{"text": "<p>The bridge reopened on <b>Monday</b>.</p><p>Traffic was light &amp; slow.</p>"}`,
			fields{text: "The bridge reopened on Monday.\n\nTraffic was light & slow."}},
		{"prose with angle brackets is left as it is",
			`{"text": "Inflation fell to < 2% while wages rose > 3%, officials said &amp; noted."}`,
			fields{text: "Inflation fell to < 2% while wages rose > 3%, officials said &amp; noted."}},
		{"a text whose only tags are inline keeps its paragraphs",
			`{"text": "Share this\n\nThe council met on <em>Tuesday</em>.\n\nIt approved the <a href=\"https://x.example/b\">budget</a>."}`,
			fields{text: "Share this\n\nThe council met on Tuesday.\n\nIt approved the budget."}},
		{"prose that looks like a tag without attributes is left as it is",
			`{"text": "If a<b and c>d, the rule holds."}`,
			fields{text: "If a<b and c>d, the rule holds."}},
		{"CNN/Daily Mail",
			`{"id": "42c027e4", "article": "Body.", "highlights": "H"}`,
			fields{text: "Body."}},
		{"mediastack, source a string",
			`{"text": "Body.", "source": "CNN", "published_at": "2020-07-17T23:35:06+00:00"}`,
			fields{text: "Body.", outlet: "CNN", published: "2020-07-17T23:35:06Z"}},
		{"NewsData.io",
			`{"content": "Body.", "link": "https://n.example/a", "pubDate": "2023-01-01 12:00:00"}`,
			fields{text: "Body.", url: "https://n.example/a", published: "2023-01-01T12:00:00Z"}},
		{"HuffPost News Category, authors a string",
			`{"text": "Body.", "headline": "H", "authors": "Ann Lee", "date": "2022-09-23", "category": "U.S. NEWS"}`,
			fields{text: "Body.", title: "H", author: "Ann Lee", published: "2022-09-23"}},
		{"BBC News on Hugging Face",
			`{"content": "Body.", "published_date": "2023-05-01", "link": "https://bbc.example/a"}`,
			fields{text: "Body.", url: "https://bbc.example/a", published: "2023-05-01"}},
		{"story label as a number", `{"text": "Body.", "cluster": 3}`, fields{text: "Body.", story: "3"}},
		{"cluster_id", `{"text": "Body.", "cluster_id": "c-7"}`, fields{text: "Body.", story: "c-7"}},
		{"story_id", `{"text": "Body.", "story_id": 12}`, fields{text: "Body.", story: "12"}},
		{"event_id", `{"text": "Body.", "event_id": "eng-123"}`, fields{text: "Body.", story: "eng-123"}},
		{"our names win",
			`{"text": "Ours.", "maintext": "Theirs.", "content": "Theirs.", "url": "https://ours.example/1", "link": "https://theirs.example/2", "outlet": "Ours", "source": "Theirs", "domain": "theirs.example",
			  "title": "Ours", "headline": "Theirs", "author": "Us", "authors": ["Them"], "published": "2025-03-05", "date_publish": "2001-01-01 00:00:00", "date": "2001-01-01",
			  "language": "en", "lang": "de", "story": "s1", "cluster": 9, "event_id": 10}`,
			fields{text: "Ours.", url: "https://ours.example/1", outlet: "Ours", title: "Ours", author: "Us", published: "2025-03-05", language: "en", story: "s1"}},
		{"blank text of ours gives way", `{"text": "  ", "maintext": "Theirs."}`, fields{text: "Theirs."}},
		// Our own output writes "outlet" (empty when unknown) beside
		// "source", where the article was read from.
		{"an empty outlet of ours keeps source out", `{"text": "Body.", "outlet": "", "source": "in.jsonl:3"}`, fields{text: "Body."}},
		{"a list under our author", `{"text": "Body.", "author": ["Ann Lee", "Bo Ma"]}`, fields{text: "Body.", author: "Ann Lee, Bo Ma"}},
		{"an alias of another type is ignored",
			`{"text": "Body.", "date": true, "pubDate": ["2022-08-06"], "source": ["x"], "authors": [{"name": "x"}], "content": {"a": 1}, "lang": null, "cluster": null}`,
			fields{text: "Body."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseJSON("in.jsonl:1", []byte(tt.line))
			if err != nil {
				t.Fatalf("ParseJSON: %v", err)
			}
			got := fields{a.Text, a.URL, a.Outlet, a.Title, a.Author, a.Published.String(), a.Language, a.Story}
			if got != tt.want {
				t.Errorf("read\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

// TestParseJSONAliasErrors: a refused line says which field to look at.
func TestParseJSONAliasErrors(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string // pieces of the message
		err        error
	}{
		{"no text under any name", `{"summary": "S", "url": "https://a.example/x"}`,
			[]string{`"text"`, `"maintext"`, `"body"`, `"article"`, `"content"`, `"html"`, `"description"`, `"title"`}, news.ErrNoText},
		{"our date that is no date", `{"text": "Body.", "published": "soon", "date": "2025-03-05"}`,
			[]string{`published: date "soon"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON("in.jsonl:1", []byte(tt.line))
			if err == nil {
				t.Fatal("line read, want an error")
			}
			for _, piece := range tt.want {
				if !strings.Contains(err.Error(), piece) {
					t.Errorf("error %q does not name %s", err, piece)
				}
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("error %v is not %v", err, tt.err)
			}
		})
	}
}

func TestWithoutMore(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cut here… [+2345 chars]", "Cut here…"},
		{"Cut here... [1862 chars]", "Cut here..."},
		{"Whole text.", "Whole text."},
		{"Prices [rose] 5 chars]", "Prices [rose] 5 chars]"},
		{"Empty count [+ chars]", "Empty count [+ chars]"},
		{"[+12 chars]", ""},
	}
	for _, tt := range tests {
		if got := withoutMore(tt.in); got != tt.want {
			t.Errorf("withoutMore(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParseJSON(b *testing.B) {
	body := strings.Repeat("The council voted on Tuesday to approve the \"new\" budget of 4.5 million euros. ", 50)
	lines := map[string]map[string]any{
		"own names": {
			"id": "a1", "url": "https://example.com/a", "outlet": "Example", "title": "Budget approved",
			"author": "Jane Doe", "published": "2025-03-05T10:00:00Z", "language": "en", "text": body, "story": 7,
		},
		"news-please": {
			"url": "https://example.com/a", "source_domain": "example.com", "title": "Budget approved", "authors": []string{"Jane Doe", "Bo Ma"},
			"date_publish": "2025-03-05 10:00:00", "date_download": nil, "language": "en", "maintext": body, "description": "D", "image_url": "x",
		},
		"news-please as text": {
			"url": "https://example.com/a", "source_domain": "example.com", "title": "Budget approved", "authors": []string{"Jane Doe", "Bo Ma"},
			"date_publish": "2025-03-05 10:00:00", "date_download": nil, "language": "en", "text": body, "description": "D", "image_url": "x",
		},
	}
	for name, fields := range lines {
		line, err := json.Marshal(fields)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseJSON("bench", line); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseJSONIDWithoutNUL: an ID with an escaped NUL byte is read
// without it, as PostgreSQL cannot store one.
func TestParseJSONIDWithoutNUL(t *testing.T) {
	for line, want := range map[string]string{
		`{"id": "nul\u0000id", "text": "Body."}`: "nulid",
		`{"id": "\u0000", "text": "Body."}`:      contentID("", "Body."),
	} {
		a, err := ParseJSON("in.jsonl:1", []byte(line))
		if err != nil || a.ID != want {
			t.Errorf("ParseJSON(%s): ID %q, %v; want %q", line, a.ID, err, want)
		}
	}
}

// TestParseJSONWrongType: a field of ours holding another type names the
// field and both types in the reader's words, not the decoder's Go
// struct ("Go struct field jsonLine.outlet of type string").
func TestParseJSONWrongType(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{`{"outlet": ["Daily A"], "text": "The bridge closed."}`, `"outlet" holds an array, where a string belongs`},
		{`{"published": {"at": "2025-06-03"}, "text": "The bridge closed."}`, `"published" holds an object, where a date belongs`},
		{`{"url": 12, "text": "The bridge closed."}`, `"url" holds a number, where a string belongs`},
		{`{"text": {"body": "The bridge closed."}}`, `"text" holds an object, where a string belongs`},
		{`{"title": true, "text": "The bridge closed."}`, `"title" holds a boolean, where a string belongs`},
	}
	for _, tt := range tests {
		_, err := ParseJSON("in.jsonl:1", []byte(tt.line))
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "Go struct") {
			t.Errorf("ParseJSON(%s) = %v, want %q", tt.line, err, tt.want)
		}
	}
}

// TestParseJSONNumericDate: Unix time written as a JSON number is read
// under "published" and its aliases, as it is when written as a string.
func TestParseJSONNumericDate(t *testing.T) {
	want := time.Date(2025, 6, 3, 10, 0, 0, 0, time.UTC)
	tests := []string{
		`{"published": 1748944800, "text": "The bridge closed."}`,
		`{"published": 1748944800000, "text": "The bridge closed."}`,
		`{"date": 1748944800, "text": "The bridge closed."}`,
		`{"publishedAt": 1748944800, "text": "The bridge closed."}`,
		`{"published": "1748944800", "text": "The bridge closed."}`,
	}
	for _, line := range tests {
		a, err := ParseJSON("in.jsonl:1", []byte(line))
		if err != nil || !a.Published.Time.Equal(want) {
			t.Errorf("ParseJSON(%s) = %v, %v; want published %v", line, a, err, want)
		}
	}
	// A number that is no Unix time refuses the line under our name, and
	// is passed over under an alias, as a string that is no date is.
	if _, err := ParseJSON("in.jsonl:1", []byte(`{"published": 2019, "text": "T."}`)); err == nil || !strings.Contains(err.Error(), `published: date "2019"`) {
		t.Errorf("published 2019: err = %v", err)
	}
	if a, err := ParseJSON("in.jsonl:1", []byte(`{"date": 2019, "text": "T."}`)); err != nil || !a.Published.IsZero() {
		t.Errorf("date 2019: %v, %v; want kept undated", a, err)
	}
}
