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
// "Related: …", "READ MORE: …", and the same in the other languages news
// is most written in (German, French, Spanish, Portuguese, Italian,
// Polish, Dutch).
var teaser = newPrefiltered(`(?i)^(` +
	`also read|read also|read more|read next|read the full|more from|more on this|more news|related( articles?| stories| coverage| content| news| reading)?|recommended( for you| stories)?|see also|you may also like|you might also like|don'?t miss|must read|trending( now| stories)?|top stories|editor'?s picks?|most (read|popular|viewed|shared)|further reading|watch( now| live| video)?|listen( now)?|latest( news)?|breaking( news)?|exclusive|in pictures|in photos|photos|video|gallery|explore more|what to read next` +
	`|lesen sie (auch|mehr|hier)|lies auch|auch (interessant|lesen)|ebenfalls interessant|(das|dies) (thema )?könnte (sie|dich) (auch )?interessieren|mehr (zum thema|dazu|themen|zu diesem thema)|weitere (artikel|beiträge|themen|nachrichten|meldungen|news)|neueste (artikel|beiträge|nachrichten)|empfohlene (artikel|beiträge)|beliebte (artikel|beiträge)|meist ?gelesen|schon gelesen|zum weiterlesen|passend zum thema|videos? zum thema` +
	`|lire aussi|à lire aussi|à lire|lire la suite|voir aussi|à voir aussi|sur le même sujet|articles? (similaires|liés)|pour aller plus loin` +
	`|lea (también|además|más)|lee (también|más)|leer más|vea (también|más)|ver (también|más)|mire|puedes ver|(te|le) puede interesar|también te puede interesar|(contenido|artículos?|noticias?) relacionad[oa]s?|más (sobre|noticias)` +
	`|leia (também|mais)|veja (também|mais)|saiba mais|leggi anche|vedi anche|potrebbe interessarti|articoli correlati` +
	`|czytaj (też|także|również|więcej)|zobacz (też|także|również)|przeczytaj (też|także|również)|polecamy|lees (ook|meer)|meer over dit onderwerp` +
	// No \b after the phrase: it is ASCII-only ("też:"), and the separator
	// or the line's end that must follow already ends the word. A hyphen
	// needs a space before it: "Video-game sales" is one word.
	`)(\s*[:|»>•–—]|\s+-|\s*$)`)

// newsLabel opens a paragraph with what the article itself is, not a link
// elsewhere: "Breaking:", "EXCLUSIVE -", "Update:". A hyphen needs a space
// before it: "Latest-generation phones" is one word.
var newsLabel = regexp.MustCompile(`(?i)^(breaking( news)?|exclusive|latest|updated?)(\s*[:|–—]|\s+-)\s*`)

// labelledLead returns the sentence a news label opens ("Breaking: The dam
// failed on Sunday, officials said."), or "" when line is not one: a
// label before a headline ("Breaking news: Dam fails") is a teaser.
func labelledLead(line string) string {
	loc := newsLabel.FindStringIndex(line)
	if loc == nil {
		return ""
	}
	rest := line[loc[1]:]
	if fieldCount(rest) < 6 || !endsSentence(rest) {
		return ""
	}
	return rest
}

// chrome is interface text: ads, share bars, sign-in prompts, contents
// boxes. A short line made of it is dropped.
var chrome = newPrefiltered(`(?i)\b(advertisement|sponsored( content)?|story continues( below)?|continued below|continue reading|skip to( main)? content|sign up|sign in|log in|subscribe( now| today)?|newsletter|share (this|on|via)|follow us|click here|tap here|enable javascript|javascript is disabled|text size|report this ad|table of contents|in this article|jump to|back to top|cookie|all rights reserved|copyright|image copyright|image caption|media caption|getty images|file photo|pic\.twitter\.com|comments?\b|print this|email this|open in app|download the app|view gallery|watch video|play video|loading|kommentare?|keine kommentare|comentarios?|commentaires?|komentarze?|teilen|compartir|partager|udostępnij|werbung|anzeige|publicidad|publicité|reklama|wird geladen|cargando|chargement|inhaltsverzeichnis|sommaire|spis treści|nach oben|drucken|imprimir|imprimer|abonnier\w*|abonnez|s'abonner|suscr[ií]b\w*|subskrypcj\w*|hazte (miembro|socio)|unterstütze\w*|iscriviti|assine|anmelden|einloggen|eingeloggt)\b`)

// label is a line that only names a list the site attaches to the
// article: "Tags:", "Kategorie: News", "Share".
var label = newPrefiltered(`(?i)^(tags?|schlagwörter|stichwörter|kategorien?|categor(y|ies|ía|ías)|catégories?|kategori[ae]|themen|temas|topics|etiquetas|share( this)?|teilen|compartir|partager|comments?|kommentare?|comentarios?|commentaires?)\s*(:.{0,60})?$`)

// contribution lines credit other reporters or agencies.
var contribution = regexp.MustCompile(`(?i)^((additional )?reporting by|writing by|editing by|compiled by|with reporting from|(the )?[\w. ]{2,40} contributed (to )?(this )?report(ing)?)\b`)

// creditLine is a photo credit on a line of its own: "Sarah Tew/CNET",
// "Photograph: Kevin Winter/Getty Images", "Photo: AP".
var creditLine = newPrefiltered(`(?i)^((facebook|twitter|pinterest|whatsapp|email|share)\s+)*(photo(graph)?s?|image|picture|pic|credits?( photos?)?|illustration|source|video|fotos?|bild(quelle)?|titelbild|beitragsbild|quelle|fuente|fonte|źródło|zdjęcie)\s*(:|by|credit)\s*\S.{0,80}$`)

// creditSlash is a credit written "Sarah Tew/CNET".
var creditSlash = regexp.MustCompile(`(?i)^[A-Z][\w.'-]*( [A-Z][\w.'-]*){0,3} ?/ ?[A-Z][\w.&'-]*( [A-Z][\w.&'-]*){0,3}$`)

// appealCue marks a sentence asking the reader for money, a subscription or
// an account.
var appealCue = newPrefiltered(`(?i)\b(your support|support (us|our|now|today)|your (donation|contribution|subscription)|donate|donation|make a contribution|contribute (to|today|now)|become an? (member|subscriber|supporter|patron)|subscribe (now|today|to|for)|sign up (for|to|now)|our newsletter|paywalls?|(independent|quality|our|public[- ]interest) journalism|our (reporting|journalists)|reader[- ](funded|supported)|already a (subscriber|member)|free articles?|create (a free|an) account|read more|comments are moderated|(post|leave|write|add) a comment|comment(ing)? (policy|guidelines)|part of the conversation|share your (thoughts|views)|(want|like) to hear (from you|what you think)|give us (your )?feedback)\b`)

// sitePolicy is the site's small print, whatever the grammar: comment
// moderation, copyright and reprint notices, paywall prompts.
var sitePolicy = newPrefiltered(`(?i)\b(comments (are|will be|may be) (moderated|reviewed|republished)|(email|e-mail) addresses? will not be published|(is|are) the (copyrighted|exclusive) property of|permission (must|is required|should) be obtained|may not be (re)?(published|produced|printed|distributed|broadcast)|without (the )?(prior )?(express )?written permission|(to|please) (view|read|continue reading|access) (the|this) (full|entire) (story|article)|first-time subscribers|download (the|our) [\w ]{0,30}apps? for (ios|android))\b`)

// callToAction is a sentence that opens by telling the reader to do
// something on the site or off it: "Follow us on …", "Sign up …",
// "Download our app …".
var callToAction = newPrefiltered(`(?i)^(please )?(sign up|(download|install|get|follow|like|join|subscribe to|send us|give us|tell us|share your|find us)\b.{0,80}\b(apps?|newsletters?|twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|feedback|tips?|channel|updates))\b`)

var readerPronoun = regexp.MustCompile(`(?i)\b(we|our|us|you|your)\b`)

// uiAddress is text addressed to the reader about the page itself:
// "You can add location information to your Tweets".
var uiAddress = newPrefiltered(`(?i)\b(you|your)\b.*\b(tweets?|browser|cookies?|app|account|settings|inbox|e-?mail address|website by copying|location information|notifications?|privacy policy|terms of (use|service))\b`)

// captionLead opens scraped image and video captions, whatever follows:
// "Image copyright Getty Images Image caption The band broke up in 1980".
var captionLead = newPrefiltered(`(?i)^(image|media|photo|video) (copyright|caption|playback|source)\b`)

// shareWords make up a share bar: "share tweet pin email".
var shareWords = map[string]bool{"share": true, "tweet": true, "pin": true, "email": true, "e-mail": true,
	"facebook": true, "twitter": true, "whatsapp": true, "linkedin": true, "reddit": true, "print": true,
	"comment": true, "comments": true, "copy": true, "link": true, "save": true, "messenger": true, "x": true}

// shareBar reports whether a line, lower-cased, is only share and follow
// buttons.
func shareBar(lower string) bool {
	words := strings.Fields(lower)
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

// socialHandle is the signature of an embedded post, "— Jane Doe (@jane)
// March 5, 2025", or a bare handle.
var socialHandle = regexp.MustCompile(`(?i)^[-—–]\s*.{1,60}\(@\w+\)|^@\w+$`)

// socialEmbed adds a line ending in a link or made of an e-mail address,
// which in scraped text is a share target or a contact box.
var socialEmbed = regexp.MustCompile(`https?://\S+$|^\S+@\S+\.\w+$`)

// lineNoise reports whether a whole paragraph is scrape noise. Each
// pattern runs only on lines holding what any match of it must: an
// unanchored pattern is tried at every position of the line, which over
// every paragraph of a batch costs more than the rest of the cleaning.
func lineNoise(line string) bool {
	words := fieldCount(line)
	lower := foldLower(line)
	switch {
	case !hasLetters(line):
		return true
	case words <= 30 && mayCredit(lower) && contribution.MatchString(line):
		return true
	case mayEmbed(line) && socialEmbed.MatchString(line), captionLead.matchLower(line, lower):
		return true
	}
	return pageChrome(line, lower, words)
}

// mayCredit reports whether a lower-cased line holds what every match of
// contribution does: "by" after a space, "reporting from" or
// "contributed".
func mayCredit(lower string) bool {
	return strings.Contains(lower, " by") || strings.Contains(lower, "contributed") || strings.Contains(lower, "reporting from")
}

// mayEmbed reports whether a line holds what every match of socialEmbed
// does: a link's "://", or an "@" in a line without white space.
func mayEmbed(line string) bool {
	return strings.Contains(line, "://") || strings.IndexByte(line, '@') >= 0 && !strings.ContainsAny(line, " \t\n\f\r")
}

// pageChrome reports whether a paragraph is the site talking rather than
// the article: a teaser, interface text, a copyright line, a credit or a
// social handle.
// lower is line lower-cased, for the rules' literal prefilters.
func pageChrome(line, lower string, words int) bool {
	// Cheap length tests first: most paragraphs are prose too long for
	// any of these rules, and the patterns are costly to run.
	switch {
	case (words <= 25 || teaserSeparator(line)) && teaser.matchLower(line, lower) && labelledLead(line) == "":
		return true
	case words > 14:
		return false
	case words <= 12 && chrome.matchLower(line, lower) && (words <= 8 || !endsSentence(line)):
		return true
	case words <= 8 && linkArrow(line):
		return true
	case words <= 12 && (strings.Contains(line, "©") || strings.HasPrefix(lower, "(c) ")):
		return true
	case creditLine.matchLower(line, lower), label.matchLower(line, lower):
		return true
	case shareBar(lower):
		return true
	case strings.Contains(line, "/") && creditSlash.MatchString(line), strings.Contains(line, "@") && socialHandle.MatchString(line):
		return true
	}
	return false
}

// linkArrow reports whether a line ends in an arrow, as a link to a
// section or a list does ("Local News More>>", "All stories ›"): prose and
// headlines never end so. "»" and "›" close a quotation in French and
// other languages (« … »), so they count only where none was opened.
func linkArrow(line string) bool {
	trimmed := strings.TrimRightFunc(line, unicode.IsSpace)
	for _, arrow := range []string{">>", "→", "▸", "▶"} {
		if strings.HasSuffix(trimmed, arrow) {
			return true
		}
	}
	return strings.HasSuffix(trimmed, "»") && !strings.Contains(trimmed, "«") ||
		strings.HasSuffix(trimmed, "›") && !strings.Contains(trimmed, "‹")
}

// sentenceNoise reports whether one sentence is an appeal or addresses the
// reader about the page. Sentences with quotation marks are someone's words
// and always stay.
func sentenceNoise(s string) bool {
	if strings.Contains(s, `"`) {
		return false
	}
	lower := foldLower(s)
	if !mayBeNoise(lower) {
		return false
	}
	if sitePolicy.matchLower(s, lower) || callToAction.matchLower(s, lower) {
		return true
	}
	if appealCue.matchLower(s, lower) && (readerPronoun.MatchString(s) || fieldCount(s) <= 6) {
		return true
	}
	return uiAddress.matchLower(s, lower) && fieldCount(s) <= 40
}

// noiseWords are cheap to look for; a sentence with none of them cannot
// match the appeal or interface patterns, which are costly to run.
var noiseWords = []string{"support", "donat", "contribut", "subscri", "sign up", "newsletter", "paywall",
	"journalis", "our report", "member", "free article", "account", "read more", "reader", "you",
	"comments are", "comments may", "comments will", "a comment", "comment policy", "commenting", "conversation",
	"permission", "copyright", "property of", "be published", "republished", "download", "install", "follow us", "follow the",
	"feedback", "full story", "full article"}

// mayBeNoise reports whether lower, a lower-cased sentence or paragraph,
// holds one of noiseWords.
func mayBeNoise(lower string) bool {
	return noiseIndex.in(lower)
}

var noiseIndex = newLiteralIndex(noiseWords, false)

// header reports whether a line is a section header or other label rather
// than prose: short, and not ended as a sentence is.
func header(line string) bool {
	words := fieldCount(line)
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
