package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// Rules for the scrape noise that news sites wrap around an article. They
// describe kinds of noise (teasers, share bars, appeals, credits), not any
// one site, so they carry to sites we have not seen.

// teaser opens a line that points to other content: "Also read | …",
// "Related: …", "READ MORE: …".
var teaser = regexp.MustCompile(`(?i)^(also read|read also|read more|read next|read the full|more from|more on this|more news|related( articles?| stories| coverage| content| news| reading)?|recommended( for you| stories)?|see also|you may also like|you might also like|don'?t miss|must read|trending( now| stories)?|top stories|editor'?s picks?|most (read|popular|viewed|shared)|further reading|watch( now| live| video)?|listen( now)?|latest( news)?|breaking( news)?|exclusive|in pictures|in photos|photos|video|gallery|explore more|what to read next)\b\s*([:|»>•\-–—]|$)`)

// chrome is interface text: ads, share bars, sign-in prompts, contents
// boxes. A short line made of it is dropped.
var chrome = regexp.MustCompile(`(?i)\b(advertisement|sponsored( content)?|story continues( below)?|continued below|continue reading|skip to( main)? content|sign up|sign in|log in|subscribe( now| today)?|newsletter|share (this|on|via)|follow us|click here|tap here|enable javascript|javascript is disabled|text size|report this ad|table of contents|in this article|jump to|back to top|cookie|all rights reserved|copyright|image copyright|image caption|media caption|getty images|file photo|pic\.twitter\.com|comments?\b|print this|email this|open in app|download the app|view gallery|watch video|play video|loading)\b`)

// contribution lines credit other reporters or agencies.
var contribution = regexp.MustCompile(`(?i)^((additional )?reporting by|writing by|editing by|compiled by|with reporting from|(the )?[\w. ]{2,40} contributed (to )?(this )?report(ing)?)\b`)

// creditLine is a photo credit on a line of its own: "Sarah Tew/CNET",
// "Photograph: Kevin Winter/Getty Images", "Photo: AP".
var creditLine = regexp.MustCompile(`(?i)^((facebook|twitter|pinterest|whatsapp|email|share)\s+)*(photo(graph)?s?|image|picture|pic|credit|illustration|source|video)\s*(:|by|credit)\s*\S.{0,80}$|^[A-Z][\w.'-]*( [A-Z][\w.'-]*){0,3} ?/ ?[A-Z][\w.&'-]*( [A-Z][\w.&'-]*){0,3}$`)

// appealCue marks a sentence asking the reader for money, a subscription or
// an account.
var appealCue = regexp.MustCompile(`(?i)\b(your support|support (us|our|now|today)|your (donation|contribution|subscription)|donate|donation|make a contribution|contribute (to|today|now)|become an? (member|subscriber|supporter|patron)|subscribe (now|today|to|for)|sign up (for|to|now)|our newsletter|paywalls?|(independent|quality|our|public[- ]interest) journalism|our (reporting|journalists)|reader[- ](funded|supported)|already a (subscriber|member)|free articles?|create (a free|an) account|read more)\b`)

var readerPronoun = regexp.MustCompile(`(?i)\b(we|our|us|you|your)\b`)

// uiAddress is text addressed to the reader about the page itself:
// "You can add location information to your Tweets".
var uiAddress = regexp.MustCompile(`(?i)\b(you|your)\b.*\b(tweets?|browser|cookies?|app|account|settings|inbox|e-?mail address|website by copying|location information|notifications?|privacy policy|terms of (use|service))\b`)

// captionLead opens scraped image and video captions, whatever follows:
// "Image copyright Getty Images Image caption The band broke up in 1980".
var captionLead = regexp.MustCompile(`(?i)^(image|media|photo|video) (copyright|caption|playback|source)\b`)

// shareWords make up a share bar: "share tweet pin email".
var shareWords = map[string]bool{"share": true, "tweet": true, "pin": true, "email": true, "e-mail": true,
	"facebook": true, "twitter": true, "whatsapp": true, "linkedin": true, "reddit": true, "print": true,
	"comment": true, "comments": true, "copy": true, "link": true, "save": true, "messenger": true, "x": true}

// shareBar reports whether a line is only share and follow buttons.
func shareBar(line string) bool {
	words := strings.Fields(strings.ToLower(line))
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		if !shareWords[strings.Trim(w, ".,|•·")] {
			return false
		}
	}
	return true
}

// socialEmbed is an embedded post: "— Jane Doe (@jane) March 5, 2025".
var socialEmbed = regexp.MustCompile(`(?i)^[-—–]\s*.{1,60}\(@\w+\)|^@\w+$|https?://\S+$|^\S+@\S+\.\w+$`)

// lineNoise reports whether a whole paragraph is scrape noise.
func lineNoise(line string) bool {
	words := len(strings.Fields(line))
	switch {
	case !hasLetters(line):
		return true
	case teaser.MatchString(line) && (words <= 25 || strings.ContainsAny(line, "|»")):
		return true
	case words <= 12 && chrome.MatchString(line) && !endsSentence(line):
		return true
	case words <= 8 && chrome.MatchString(line):
		return true
	case words <= 12 && (strings.Contains(line, "©") || strings.HasPrefix(strings.ToLower(line), "(c) ")):
		return true
	case contribution.MatchString(line) && words <= 30:
		return true
	case words <= 14 && creditLine.MatchString(line):
		return true
	case socialEmbed.MatchString(line), captionLead.MatchString(line), shareBar(line):
		return true
	}
	return false
}

// sentenceNoise reports whether one sentence is an appeal or addresses the
// reader about the page. Sentences with quotation marks are someone's words
// and always stay.
func sentenceNoise(s string) bool {
	if strings.Contains(s, `"`) || !mayBeNoise(s) {
		return false
	}
	if appealCue.MatchString(s) && (readerPronoun.MatchString(s) || len(strings.Fields(s)) <= 6) {
		return true
	}
	return uiAddress.MatchString(s) && len(strings.Fields(s)) <= 40
}

// noiseWords are cheap to look for; a sentence with none of them cannot
// match the appeal or interface patterns, which are costly to run.
var noiseWords = []string{"support", "donat", "contribut", "subscri", "sign up", "newsletter", "paywall",
	"journalis", "reporting", "member", "free article", "account", "read more", "reader", "you"}

func mayBeNoise(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range noiseWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// header reports whether a line is a section header or other label rather
// than prose: short, and not ended as a sentence is.
func header(line string) bool {
	words := len(strings.Fields(line))
	switch {
	case words > 12:
		return false
	case strings.HasSuffix(line, ":") && words <= 4:
		// A label: "ALSO:", "Key points:".
		return true
	case strings.HasSuffix(line, "?") && words <= 8 && titleCase(line):
		// A question in title case is a header ("Why Is This Important?");
		// an ordinary question is prose.
		return true
	}
	return !endsSentence(line)
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// titleCase reports whether most words of a line start with a capital, as
// headlines and section headers do.
func titleCase(line string) bool {
	caps, words := 0, 0
	for _, w := range strings.Fields(line) {
		r := []rune(w)[0]
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}
