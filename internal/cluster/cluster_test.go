package cluster

import (
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/text"
)

func doc(id, title, body string, at time.Time) Doc {
	return Doc{ID: id, Time: at, Terms: Features(title, text.Analyze(body))}
}

var day = time.Date(2031, 4, 14, 0, 0, 0, 0, time.UTC)

var articles = []Doc{
	doc("flood1", "Dam collapse floods Marrowby", "The Hollin Dam collapsed on Sunday and flooded Marrowby. Rescuers searched the lower town for survivors.", day),
	doc("rail1", "Rail workers strike over pay", "Train drivers began a national rail strike over pay on Wednesday. The union wants a 9 percent rise.", day),
	doc("flood2", "Marrowby flood toll rises", "The toll from the Hollin Dam collapse in Marrowby rose to 14. Rescuers kept searching the flooded town.", day.Add(24*time.Hour)),
	doc("rail2", "National rail strike strands commuters", "Commuters were stranded as the rail strike over pay spread. Drivers and the union rejected the offer.", day.Add(24*time.Hour)),
}

func TestAddSeparatesStories(t *testing.T) {
	c := New(DefaultOptions())
	got := map[string]string{}
	for _, d := range articles {
		c.Prime(d)
	}
	for _, d := range articles {
		got[d.ID] = c.Add(d).Story
	}
	if got["flood1"] != got["flood2"] || got["rail1"] != got["rail2"] || got["flood1"] == got["rail1"] {
		t.Errorf("stories = %v, want floods together and rails together", got)
	}
	if got["flood1"] != storyID("flood1") {
		t.Errorf("story ID %q should derive from its first article", got["flood1"])
	}
	if n := len(c.Stories()); n != 2 {
		t.Errorf("%d stories, want 2", n)
	}
}

func TestJoinForcesStory(t *testing.T) {
	c := New(DefaultOptions())
	first := c.Add(articles[0]).Story
	copyOfRail := articles[1]
	copyOfRail.ID, copyOfRail.Join = "forced", "flood1"
	if got := c.Add(copyOfRail).Story; got != first {
		t.Errorf("Join: story %q, want %q", got, first)
	}
}

func TestMaxGapClosesStories(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxGap = 48 * time.Hour
	c := New(opts)
	first := c.Add(articles[0]).Story
	late := articles[2]
	late.Time = day.Add(30 * 24 * time.Hour)
	if got := c.Add(late).Story; got == first {
		t.Error("an article a month later joined a story closed after two days")
	}
	undated := articles[2]
	undated.ID, undated.Time = "undated", time.Time{}
	if got := c.Add(undated).Story; got != first && got != storyID(late.ID) {
		t.Errorf("an undated article started a new story %q", got)
	}
}
