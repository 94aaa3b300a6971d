package clean

import (
	"slices"
	"strings"
	"testing"
)

func TestNoise(t *testing.T) {
	tests := []struct {
		para string
		want bool
	}{
		// The site talking.
		{"Also read | Ferry timetable returns to normal", true},
		{"Lesen Sie auch: Neue Regeln für Mieter", true},
		{"LE PUEDE INTERESAR: La ficha del expresidente", true},
		{"À lire aussi", true},
		{"Czytaj też: Sejm zagłosował", true},
		{"Share this article on Facebook", true},
		{"12 Kommentare", true},
		{"Kategorie: News", true},
		{"Photo: Jane Doe/AP", true},
		{"Quelle: Deutscher Wetterdienst", true},
		{"© 2025 The Northern Ledger. All rights reserved.", true},
		{"Abonnieren Sie unseren Newsletter", true},
		{"Sign up to get the best stories of the week", true},
		{"Follow The Ledger on Twitter and Instagram for updates.", true},
		{"Please understand that comments are moderated and it is not always possible to publish all of them.", true},
		{"This article is the copyrighted property of The Ledger.", true},
		{"To view the full story, please subscribe to The Ledger.", true},
		{"For the latest stories download the Ledger apps for iOS and Android.", true},
		{"Local News More>>", true},
		{"Most Popular Stories Most Popular Stories More>>", true},
		{"All stories ›", true},
		{"Weather →", true},
		// The article.
		{"The council said residents could download the new parking app from Monday.", false},
		{"She had asked officials to follow the court's ruling on the permits.", false},
		{"Engineers found that salt water had eaten into the supports faster than predicted.", false},
		{"Related coverage of the strike ran in three of the four papers, all of them on the front page, which the union welcomed as a sign that its message was getting through to readers.", false},
		{"Contact: press@ledger.example", false},
		{"Additional reporting by Tomas Berg", false},
		{"https://www.openpetition.de", false},
		{"Fazit", false},
		{"Kommentare zur Lage in der Ukraine gab es viele, doch die Regierung schwieg am Montag.", false},
		{"BREAKING: The Hollin Dam above Marrowby failed on Sunday, officials said.", false},
		{"« Nous ne céderons pas »", false},
		{"Le maire répond : « Je reste »", false},
	}
	for _, tt := range tests {
		if got := Noise(tt.para); got != tt.want {
			t.Errorf("Noise(%q) = %v, want %v", tt.para, got, tt.want)
		}
	}
}

func TestPrefilterLiterals(t *testing.T) {
	// The rules run on every extracted paragraph; without literals to
	// look for first they cost more than the extraction they tidy.
	for name, p := range map[string]prefiltered{"teaser": teaser, "chrome": chrome, "credit": creditLine, "label": label} {
		if p.literals == nil {
			t.Errorf("%s has no required literals", name)
		}
	}
	p := newPrefiltered(`(?i)\b(sign up|subscribe( now)?|s(?:ponsored|hare this))\b`)
	if p.literals == nil {
		t.Fatal("no literals found")
	}
	for _, s := range []string{"Please SIGN UP today", "Sponsored", "share this page"} {
		if !p.MatchString(s) {
			t.Errorf("MatchString(%q) = false", s)
		}
	}
	if p.MatchString("nothing to see") {
		t.Error("MatchString matched a line without the words")
	}
	anchored := newPrefiltered(`(?i)^(also read|lesen sie auch)\s*:`)
	if !anchored.anchored || !anchored.MatchString("LESEN Sie auch: x") || anchored.MatchString("Sie sollten lesen sie auch: x") {
		t.Error("anchored pattern: literal must open the line")
	}
	if q := newPrefiltered(`(?i)\b(\w+ly|x)\b`); q.literals != nil {
		t.Errorf("literals %q for a pattern without a required literal", q.literals)
	}
	for name, p := range map[string]prefiltered{"appealCue": appealCue, "sitePolicy": sitePolicy, "callToAction": callToAction, "uiAddress": uiAddress} {
		if p.literals == nil {
			t.Errorf("%s has no required literals", name)
		}
	}
}

func TestPrefilterJoinsLiterals(t *testing.T) {
	// The parser factors common prefixes out of alternations ("sign (up|in)");
	// the literals are joined back so that "sign " alone does not let every
	// line about signing through.
	tests := []struct {
		pattern string
		want    []string
	}{
		{`(?i)\b(sign up|sign in)\b`, []string{"sign up", "sign in"}},
		{`(?i)\b(to|please) (view|read) the story`, []string{"to view the story", "to read the story", "please view the story", "please read the story"}},
		{`(?i)\b(read more|related( stories)?)\b`, []string{"read more", "related"}},
		{`(?i)\bcomments? (are|may be) moderated`, []string{"comment"}},
		{`(?i)\b(e-?mail|x)`, nil},
	}
	for _, tt := range tests {
		got := newPrefiltered(tt.pattern).literals
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("literals of %s = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestLiteralIndex(t *testing.T) {
	// The indexed lookup must agree with searching for each literal.
	lits := []string{"sign up", "subscri", "you", "donat", "ab", "zz", "read more", "reader", "newsletter", "über"}
	lines := []string{"", "a", "ab", "xab", "you", "yo", "please sign up", "sign u", "our readers", "a über b", "uber",
		"subscribe", "z", "zz", "xyz", "read mor", "support the newsletter"}
	for _, anchored := range []bool{false, true} {
		x := newLiteralIndex(lits, anchored)
		if x.byFirst == nil {
			t.Fatal("no index built for a large set")
		}
		for _, line := range lines {
			want := false
			for _, l := range lits {
				want = want || anchored && strings.HasPrefix(line, l) || !anchored && strings.Contains(line, l)
			}
			if got := x.in(line); got != want {
				t.Errorf("anchored=%v: in(%q) = %v, want %v", anchored, line, got, want)
			}
		}
	}
}
