package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func sample() *news.Report {
	return &news.Report{Version: 1,
		Articles: []*news.Article{{ID: "a", Outlet: "Courier", Source: "a.txt"}, {ID: "b", Source: "b.txt", Title: "*Bold* [claim](http://x.example)"}},
		Stories: []*news.Story{{ID: "s1", Headline: "Dam fails", Articles: []string{"a", "b"}, Voices: 2,
			Summary: []news.Sentence{{Text: "The dam failed.", Sources: []string{"a", "b"}}},
			Facts: []news.Fact{{Subject: "dead people", Conflict: true, Voices: 2, Values: []news.FactValue{
				{Value: 12, Text: "12 people", Sources: []string{"a"}, AttributedTo: "officials"},
				{Value: 14, Text: "at least 14 people", Sources: []string{"b"}}}}},
		}}}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"1. Dam fails", "[1] Courier", "[2] outlet unknown", "The dam failed. [1,2]", "Conflicts", "12 people, per officials [1]", "at least 14 people [2]"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "Conflicts") < strings.Index(out, "Summary") {
		t.Error("conflicts come before the summary")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "](http") || strings.Contains(out, "*Bold*") {
		t.Errorf("article text became markup:\n%s", out)
	}
	if !strings.Contains(out, "## 1. Dam fails") || !strings.Contains(out, "- The dam failed. [1,2]") {
		t.Errorf("markdown layout:\n%s", out)
	}
}

func TestNoStories(t *testing.T) {
	var b bytes.Buffer
	Text(&b, &news.Report{})
	if !strings.Contains(b.String(), "No stories") {
		t.Errorf("empty report: %q", b.String())
	}
}

// TestRevisionShownAsHistory: a figure an outlet's later version replaced
// is printed beside the figure that replaced it, not as a value of its own.
func TestRevisionShownAsHistory(t *testing.T) {
	r := &news.Report{Version: 1,
		Articles: []*news.Article{{ID: "a1", Outlet: "Courier"}, {ID: "a2", Outlet: "Courier"}, {ID: "b", Outlet: "Post"}},
		Stories: []*news.Story{{ID: "s1", Headline: "Dam fails", Articles: []string{"a1", "a2", "b"}, Voices: 2,
			Facts: []news.Fact{{Subject: "dead people", Voices: 2, Values: []news.FactValue{
				{Value: 17, Text: "17 people", Sources: []string{"a2", "b"}, UpdatedFrom: []string{"12 people"}},
				{Value: 12, Text: "12 people", Sources: []string{"a1"}, SupersededBy: []string{"a2"}}}}},
		}}}
	var b bytes.Buffer
	if err := Text(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if want := "dead people: 17 people [2,3] (updated from 12 people [1])"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "; 12 people") {
		t.Errorf("the revised figure is listed as a value:\n%s", out)
	}
}

// TestUnderlineWidth: a headline's underline is as wide as the headline
// shows on a terminal, where a Chinese character takes two columns and a
// combining accent none.
func TestUnderlineWidth(t *testing.T) {
	tests := []struct {
		headline string
		width    int
	}{
		{"Bridge closes", 16},
		{"Мост закрыт", 14},
		{"榆树街大桥因裂缝关闭", 23},
		{"Cafe\u0301 ferme\u0301", 13},
		{strings.Repeat("long ", 30), 78},
	}
	for _, tt := range tests {
		var b strings.Builder
		plain{}.title(&b, 1, tt.headline)
		lines := strings.Split(b.String(), "\n")
		if got := len(lines[1]); got != tt.width || strings.Trim(lines[1], "=") != "" {
			t.Errorf("underline of %q is %d wide, want %d", tt.headline, got, tt.width)
		}
	}
}
