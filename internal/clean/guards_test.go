package clean

import (
	"strings"
	"testing"
)

// guardSeeds are lines each guarded pattern matches, and near misses.
var guardSeeds = []string{
	"Reporting by Jane Doe; Editing by John Roe",
	"WITH REPORTING FROM Reuters",
	"The Associated Press contributed to this report.",
	"https://example.com/a/story",
	"read it at http://x.co",
	"tips@example.com",
	"news@ example.com",
	"A crowd gathered (AP Photo/Jane Doe)",
	"[Representational image] The plant closed.",
	"Image caption The band broke up in 1980",
	"by Jane Doe, Reuters",
	"  two\u00a0words\u2003and\tmore\n",
	"\u201cquoted\u201d it\u2019s\r\n",
	"",
	"Image ſource AP",
	"Support our journalism: donate today",
	"Sign up for our newsletter",
	"Tags: politics",
	"Photo: Jane Doe/Reuters",
	"If you change your browser settings",
	"Comments are moderated before they appear",
}

// prefilteredRules are the patterns run behind a literal check, by name.
var prefilteredRules = map[string]prefiltered{
	"teaser": teaser, "chrome": chrome, "label": label, "creditLine": creditLine,
	"appealCue": appealCue, "sitePolicy": sitePolicy, "callToAction": callToAction,
	"uiAddress": uiAddress, "captionLead": captionLead,
}

// FuzzGuards checks that the cheap tests run before each costly pattern
// never turn away a line the pattern matches (the literal checks of the
// prefiltered rules included), and that fieldCount counts as
// strings.Fields does.
func FuzzGuards(f *testing.F) {
	for _, s := range guardSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.ToLower(s)
		if contribution.MatchString(s) && !mayCredit(lower) {
			t.Errorf("mayCredit(%q) = false, but contribution matches", s)
		}
		if socialEmbed.MatchString(s) && !mayEmbed(s) {
			t.Errorf("mayEmbed(%q) = false, but socialEmbed matches", s)
		}
		if inlineCredit.MatchString(s) && (!strings.ContainsAny(s, "([") || !strings.ContainsAny(s, ")]")) {
			t.Errorf("inlineCredit matches %q, which lacks a bracket pair", s)
		}
		for name, rule := range prefilteredRules {
			if got, want := rule.MatchString(s), rule.re.MatchString(s); got != want {
				t.Errorf("%s on %q: prefiltered %v, pattern %v", name, s, got, want)
			}
		}
		if byline.MatchString(strings.TrimSuffix(s, ".")) && (len(s) < 3 || !strings.EqualFold(s[:2], "by")) {
			t.Errorf("byline matches %q, which does not open with \"by\"", s)
		}
		if !mayHaveQuoteMarks(s) && quoteMarks.Replace(s) != s {
			t.Errorf("mayHaveQuoteMarks(%q) = false, but quoteMarks replaces in it", s)
		}
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, want %d", s, got, want)
		}
	})
}
