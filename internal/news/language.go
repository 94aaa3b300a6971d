package news

import "strings"

// LanguageTag reduces a language tag as sources write it to the primary
// subtag the JSON contract gives: "en-GB", "en_GB" and "EN" are "en", and
// the three-letter ISO 639-2 and 639-3 codes data sets use ("eng", "deu",
// "fre") are their two-letter ISO 639-1 codes where one exists. Anything
// that is not a tag is "".
func LanguageTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 || strings.IndexFunc(tag, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	if short, ok := iso639Short[tag]; ok {
		return short
	}
	return tag
}

// iso639Short maps the three-letter codes of languages with news in them
// to their two-letter codes (ISO 639-2/T, with 639-2/B where it differs).
var iso639Short = func() map[string]string {
	m := map[string]string{}
	for _, row := range strings.Split(`en eng|de deu ger|fr fra fre|es spa|pt por|it ita|nl nld dut|pl pol|ru rus|uk ukr|
ar ara|zh zho chi|ja jpn|ko kor|tr tur|sv swe|da dan|no nor|nb nob|nn nno|fi fin|cs ces cze|sk slk slo|hu hun|
ro ron rum|el ell gre|he heb|hi hin|bg bul|hr hrv|sr srp|sl slv|ca cat|eu eus baq|gl glg|id ind|ms msa may|
vi vie|th tha|fa fas per|ur urd|bn ben|et est|lv lav|lt lit|sq sqi alb|mk mkd mac|hy hye arm|ka kat geo|
is isl ice|ga gle|cy cym wel|sw swa|ta tam|te tel|mr mar|pa pan|ne nep|si sin|my mya bur|km khm|tl tgl|af afr`, "|") {
		codes := strings.Fields(row)
		for _, long := range codes[1:] {
			m[long] = codes[0]
		}
	}
	return m
}()
