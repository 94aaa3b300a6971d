package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// dateLabels open a line that states when the article was published.
var dateLabels = map[string]bool{
	"date": true, "dated": true, "published": true, "updated": true, "posted": true, "last": true,
	"first": true, "modified": true, "on": true, "publication": true,
}

// clockTime follows a date on a dateline: "10:32", "10.32 am EST", "GMT".
var clockTime = regexp.MustCompile(`^\W*((?i:at)\s+)?(\d{1,2}[:.]\d{2}(\s*(?i:[ap]\.?m\.?))?)?\s*(\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|AEST|AEDT|ET|PT)\b(?:[+-]\d{1,2})?\)?)?(\s*,)?\s*`)

// leadDate reads a date at the start of a line, either labelled ("date
// 2025-03-05", "Published: March 5, 2025") or on a line of its own. It
// returns the date and what follows it on the line.
func leadDate(line string) (news.Timestamp, string, bool) {
	head := line
	if len(head) > 200 {
		head = head[:200] // a date leads the line or is not a dateline
		for !utf8.ValidString(head) {
			head = head[:len(head)-1]
		}
	}
	// A dateline needs the day's number: most lines have no digit up
	// front and need not be read word by word.
	if strings.IndexFunc(head, unicode.IsDigit) < 0 {
		return news.Timestamp{}, line, false
	}
	tokens := text.Tokenize(head)
	i := 0
	for i < len(tokens) && (dateLabels[tokens[i].Lower] || tokens[i].Kind == text.Punct || isWeekday(tokens[i].Lower)) {
		i++
	}
	labelled := i > 0 && dateLabels[tokens[0].Lower]
	dates := text.Dates(tokens[i:])
	if len(dates) == 0 {
		return news.Timestamp{}, line, false
	}
	m := dates[0]
	if m.Start != 0 || m.Relative() || m.Date.Day == 0 {
		return news.Timestamp{}, line, false
	}
	rest := strings.TrimSpace(line[tokens[i+m.End-1].End:])
	rest = strings.TrimSpace(rest[len(clockTime.FindString(rest)):])
	if !labelled && fieldCount(rest) > 2 {
		// A date that opens a sentence ("March 5, 2025 was …") is prose.
		return news.Timestamp{}, line, false
	}
	d := m.Date
	return news.Day(d.Year, time.Month(d.Month), d.Day), rest, true
}

func isWeekday(lower string) bool {
	switch strings.TrimSuffix(lower, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}

// byline reads "By Jane Doe" or "By Jane Doe and John Roe, Reuters".
var byline = regexp.MustCompile(`^(?i:by)\s+([A-Z][\p{L}.'-]+(?:\s+(?:[A-Z][\p{L}.'-]+|and|&|de|van|von|bin|al))*?)(?:\s*(?:,|\||-|—|for)\s*(.+))?$`)

func readByline(line string) (author, outlet string, ok bool) {
	if len(line) < 3 || !strings.EqualFold(line[:2], "by") {
		return "", "", false // what byline needs first, cheaply
	}
	if fieldCount(line) > 12 || endsSentence(line) && !strings.HasSuffix(line, ".") {
		return "", "", false
	}
	m := byline.FindStringSubmatch(strings.TrimSuffix(line, "."))
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// titleLike reports whether a line reads as a headline: a few words, not
// ended with a full stop.
func titleLike(line string) bool {
	words, most := fieldCount(line), 30
	if strings.IndexFunc(line, ideograph) >= 0 {
		// Chinese and Japanese part no words with spaces: count
		// characters, about two to a word.
		words, most = text.Words(line), 60
	}
	trimmed := strings.TrimRight(line, `"' `)
	return words >= 3 && words <= most && !strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "。") &&
		!strings.HasSuffix(trimmed, ":") && !strings.HasSuffix(trimmed, "：") && !linkArrow(line)
}

func ideograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// dateline strips a wire dateline from the first paragraph: "WASHINGTON
// (Reuters) -", "Washington:". It returns the agency named, if any.
var dateline = regexp.MustCompile(`^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+)?)?(?:\s*\(([\p{L}. &]{2,30})\))?\s*[—–-]{1,2}|[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+){0,3}\s*\(([\p{L}. &]{2,30})\)|[A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){0,2}(?:\s*\(([\p{L}. &]{2,30})\))?:)\s+`)

func stripDateline(para string) (string, string) {
	m := dateline.FindStringSubmatchIndex(para)
	if m == nil {
		return para, ""
	}
	agency := ""
	for g := 1; g <= 3; g++ {
		if m[2*g] >= 0 {
			agency = para[m[2*g]:m[2*g+1]]
		}
	}
	return para[m[1]:], agency
}

// copyright reads "© 2025 The Guardian", "Copyright 2025 Reuters".
var copyright = regexp.MustCompile(`(?:©|\(c\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?((?:The\s+)?[A-Z][\p{L}&'-]*(?:\s+[A-Z][\p{L}&'-]*){0,4})`)

// selfName finds the outlet's own name in its appeal or chrome text, where
// sites name themselves: "The Independent is trusted by…", "Support The
// Guardian". A name counts when it is the subject of a verb or the object of
// "support" or "subscribe to", or is repeated.
var selfName = regexp.MustCompile(`(?:^|[^\p{L}])((?:The\s+)?[A-Z][\p{L}&'-]*(?:\s+[A-Z][\p{L}&'-]*){0,3})(\s+(?:is|has|relies|depends|needs|was|will|remains)\b)?`)

var supportVerb = regexp.MustCompile(`(?i)\b(support|subscribe to|donate to|join|from)\s*$`)

func outletFromNoise(noise []string) string {
	for _, line := range noise {
		if m := copyright.FindStringSubmatch(line); m != nil {
			name := strings.TrimSpace(strings.TrimSuffix(m[1], " All")) // "… All rights reserved"
			if name != "" && !isCommonCapital(name) {
				return name
			}
		}
	}
	score := map[string]int{}
	for _, line := range noise {
		for _, m := range selfName.FindAllStringSubmatchIndex(line, -1) {
			start := m[2]
			words := strings.Fields(line[m[2]:m[3]])
			// "Support The Guardian": the verb opens the match; the name follows.
			for len(words) > 0 && isCommonCapital(words[0]) {
				start = strings.Index(line[start:], words[0]) + start + len(words[0])
				words = words[1:]
			}
			if len(words) == 0 {
				continue
			}
			name := strings.Join(words, " ")
			score[name]++
			if m[4] >= 0 {
				score[name] += 2
			}
			if supportVerb.MatchString(line[:start]) {
				score[name] += 2
			}
		}
	}
	best, bestScore := "", 3
	for name, s := range score {
		if s > bestScore || (s == bestScore && best != "" && name < best) {
			best, bestScore = name, s
		}
	}
	return best
}

// isCommonCapital rejects capitalised words that open appeal sentences but
// are not names.
func isCommonCapital(name string) bool {
	first := strings.ToLower(strings.Fields(name)[0])
	return text.IsStop(first) && first != "the" || first == "support" || first == "read" || first == "subscribe" ||
		first == "donate" || first == "sign" || first == "join" || first == "help"
}
