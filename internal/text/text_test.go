package text

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Mr. Smith went to Washington. He stayed.", []string{"Mr. Smith went to Washington.", "He stayed."}},
		{"Talks with U.S. officials began. The talks ended.", []string{"Talks with U.S. officials began.", "The talks ended."}},
		{"He met U.S. Envoy Adam Boehler.", []string{"He met U.S. Envoy Adam Boehler."}},
		{"It happened in the U.S. The rest followed.", []string{"It happened in the U.S.", "The rest followed."}},
		{`"We will win," she said. "We must."`, []string{`"We will win," she said.`, `"We must."`}},
		{`"Is it over?" he asked.`, []string{`"Is it over?" he asked.`}},
		{"Donald J. Trump spoke.", []string{"Donald J. Trump spoke."}},
		{"It cost 2.5 million. Then more.", []string{"It cost 2.5 million.", "Then more."}},
		{"Line one\nLine two", []string{"Line one", "Line two"}},
		// After an initialism, an initial or an abbreviation, a function
		// word or a plural the text also writes in lower case opens a
		// sentence; a name part does not.
		{"Prices rose in the U.S. Analysts said so. Most analysts agree.", []string{"Prices rose in the U.S.", "Analysts said so.", "Most analysts agree."}},
		{"The home side beat Team B. Fans cheered. The fans stayed.", []string{"The home side beat Team B.", "Fans cheered.", "The fans stayed."}},
		{"The blast came at 9:30 p.m. Another followed at 11 a.m. May 29.", []string{"The blast came at 9:30 p.m.", "Another followed at 11 a.m. May 29."}},
		{"Shares of Apple Inc. The company rose.", []string{"Shares of Apple Inc.", "The company rose."}},
		{"The answer is no. When asked, he left.", []string{"The answer is no.", "When asked, he left."}},
		{"Prices rose in the U.S. A spokesman said so. In the U.K. I think so. Samuel L. A. Jackson came.",
			[]string{"Prices rose in the U.S.", "A spokesman said so.", "In the U.K.", "I think so.", "Samuel L. A. Jackson came."}},
		{"They used the U.S. Navy’s towed locator. Navy’s divers and the navy’s ships came.", []string{"They used the U.S. Navy’s towed locator.", "Navy’s divers and the navy’s ships came."}},
		{"She said \"I know ... I look fine.\" Shots came at 7:15 p.m. A man fled.", []string{"She said \"I know ... I look fine.\"", "Shots came at 7:15 p.m.", "A man fled."}},
		{"The answer is no. Smith left. He was No. 1 at No. 10 Downing Street (Fig. 2).", []string{"The answer is no.", "Smith left.", "He was No. 1 at No. 10 Downing Street (Fig. 2)."}},
		{"Dr. Fauci and Mr. Smith met U.S. Navy staff in St. Louis on Jan. 5 before the U.S. Embassy opened; the embassy staff came.",
			[]string{"Dr. Fauci and Mr. Smith met U.S. Navy staff in St. Louis on Jan. 5 before the U.S. Embassy opened; the embassy staff came."}},
		{"Samuel L. Jackson and John Q. Adams met Whitney M. Young and young fans.", []string{"Samuel L. Jackson and John Q. Adams met Whitney M. Young and young fans."}},
		{"Staff of U.S. Customs and Border Protection and the U.S. Centers for Disease Control checked customs forms at centers.",
			[]string{"Staff of U.S. Customs and Border Protection and the U.S. Centers for Disease Control checked customs forms at centers."}},
		{"Related: U.S. Stocks Fall As Prices Rise. Stocks fell as prices rose.", []string{"Related: U.S. Stocks Fall As Prices Rise.", "Stocks fell as prices rose."}},
		{"According to the L.A. Times, he won. He lost three times.", []string{"According to the L.A. Times, he won.", "He lost three times."}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := SplitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Fifty-nine hostages", []string{"Fifty", "nine", "hostages"}},
		{"what's 2,000.5 U.S. dollars?", []string{"what's", "2,000.5", "U.S.", "dollars", "?"}},
		{"Hamas' side", []string{"Hamas", "'", "side"}},
		{"21-year-old", []string{"21", "year", "old"}},
		{"$1.5m", []string{"$", "1.5", "m"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if toks := Tokenize("Fifty-nine"); !toks[1].Hyphen || toks[0].Hyphen {
		t.Errorf("Tokenize(Fifty-nine): hyphen flags %v, %v", toks[0].Hyphen, toks[1].Hyphen)
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		in        string
		value     float64
		low, high float64
		kind      QuantityKind
		text      string
	}{
		{"Fifty-nine hostages remain", 59, 59, 59, Cardinal, "Fifty-nine"},
		{"over 2,000 prisoners", 2000, 2000, 2000, Cardinal, "2,000"},
		{"a grant of 1.5 million", 1.5e6, 1.5e6, 1.5e6, Cardinal, "1.5 million"},
		{"it cost $1.5m", 1.5e6, 1.5e6, 1.5e6, Money, "$1.5m"},
		{"the club paid £30 m for him", 30e6, 30e6, 30e6, Money, "£30 m"},
		{"a deal worth $2 bn", 2e9, 2e9, 2e9, Money, "$2 bn"},
		{"the river rose 2 m overnight", 2, 2, 2, Cardinal, "2"},
		{"turnout was 35%", 35, 35, 35, Percent, "35%"},
		{"turnout was 35 per cent", 35, 35, 35, Percent, "35 per cent"},
		{"a dozen people", 12, 12, 12, Cardinal, "a dozen"},
		{"release half its hostages", 0.5, 0.5, 0.5, Fraction, "half"},
		{"dozens of people", 24, 24, 99, Cardinal, "dozens"},
		{"designated in 1997.", 1997, 1997, 1997, Year, "1997"},
		{"2000 prisoners", 2000, 2000, 2000, Cardinal, "2000"},
		{"two hundred and fifty people", 250, 250, 250, Cardinal, "two hundred and fifty"},
	}
	for _, tt := range tests {
		tokens := Tokenize(tt.in)
		qs := Quantities(tokens)
		if len(qs) == 0 {
			t.Errorf("Quantities(%q): none found", tt.in)
			continue
		}
		q := qs[0]
		s := Sentence{Text: tt.in, Tokens: tokens}
		if q.Value != tt.value || q.Low != tt.low || q.High != tt.high || q.Kind != tt.kind || s.Slice(Span{q.Start, q.End}) != tt.text {
			t.Errorf("Quantities(%q) = %v (%g..%g) kind %d %q, want %v (%g..%g) kind %d %q", tt.in,
				q.Value, q.Low, q.High, q.Kind, s.Slice(Span{q.Start, q.End}), tt.value, tt.low, tt.high, tt.kind, tt.text)
		}
	}
}

func TestDates(t *testing.T) {
	thursday := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		ref  time.Time
		want string
	}{
		{"It began on 7 October 2023.", thursday, "2023-10-07"},
		{"It began on October 7, 2023.", thursday, "2023-10-07"},
		{"Released on 2023-10-07 at noon.", thursday, "2023-10-07"},
		{"The group was designated in 1997.", thursday, "1997"},
		{"The deal took effect on 19 January.", thursday, "2025-01-19"},
		{"Leavitt spoke on Wednesday.", thursday, "2025-03-05"},
		{"He left on Tuesday night.", thursday, "2025-03-04"},
		{"Talks are expected to resume on Friday.", thursday, "2025-03-07"},
		{"Talks were expected to end on Friday.", thursday, "2025-02-28"},
		{"The talks took place last month.", thursday, "2025-02"},
		{"It happened three days ago.", thursday, "2025-03-03"},
		{"Meetings were held in recent days.", thursday, "2025-03"},
		{"A review is due next week.", thursday, "2025-W11"},
		{"The deal was agreed in January.", thursday, "2025-01"},
		// What was said of the future, and what is said of the past beside it.
		{"The minister said talks would resume on Friday.", thursday, "2025-03-07"},
		{"He said he would have voted on Tuesday.", thursday, "2025-03-04"},
		{"The governor declared an emergency on Sunday and said she would request aid on Tuesday.", thursday, "2025-03-02 2025-03-11"},
		{"The company said on Monday it will cut 500 jobs.", thursday, "2025-03-03"},
		{"The strike, which began on Monday, will continue until Saturday.", thursday, "2025-03-03 2025-03-08"},
		{"On Friday, talks will resume.", thursday, "2025-03-07"},
		{"Officials expect the fire to grow through Saturday.", thursday, "2025-03-08"},
		{"The union plans to strike on Monday.", thursday, "2025-03-10"},
		// ... and a past one too, when its subject did the expecting: what
		// was expected then is still ahead of the article.
		{"The minister told reporters she expected talks to resume on Friday.", thursday, "2025-03-07"},
		{"The union said it intended to strike on Monday.", thursday, "2025-03-10"},
		{"He had planned to travel on Friday but stayed home.", thursday, "2025-02-28"},
		// An adverb between the auxiliary and the verb changes neither.
		{"Talks were widely expected to end on Friday.", thursday, "2025-02-28"},
		{"He had long planned to travel on Friday but stayed home.", thursday, "2025-02-28"},
		{"The vote was not expected to pass on Tuesday.", thursday, "2025-03-04"},
		{"Talks are widely expected to resume on Friday.", thursday, "2025-03-07"},
		{"Talks are now expected to resume on Friday.", thursday, "2025-03-07"},
		{"The bill wasn't expected to pass on Tuesday.", thursday, "2025-03-04"},
		{"The vote, which was expected to pass on Tuesday, failed.", thursday, "2025-03-04"},
		{"The House on Tuesday passed a bill, which would fund the army.", thursday, "2025-03-04"},
		{"The package that was emerging on Sunday could end the deadlock.", thursday, "2025-03-02"},
		{"The expected vote on Friday will decide it.", thursday, "2025-03-07"},
		{"Talks went on on Tuesday over a plan to keep the government open.", thursday, "2025-03-04"},
		{"The fair opened on May 18 in the capital.", thursday, "2024-05-18"},
		// When a future was told: the date after a past verb of speech.
		{"The plant will close, the company said on Monday.", thursday, "2025-03-03"},
		{"Funeral services will be held Saturday, his family said Wednesday.", thursday, "2025-03-08 2025-03-05"},
		{"The bill will pass, the senator told reporters on Wednesday.", thursday, "2025-03-05"},
		{"The firm will cut jobs and said it would close the plant on Friday.", thursday, "2025-03-07"},
		// A participle that looks ahead is no past.
		{"The decision, expected on Friday, could change everything.", thursday, "2025-03-07"},
		{"The vote, scheduled for Monday, could be delayed.", thursday, "2025-03-10"},
	}
	for _, tt := range tests {
		ms := Dates(Tokenize(tt.in))
		if len(ms) == 0 {
			t.Errorf("Dates(%q): none found", tt.in)
			continue
		}
		var got []string
		for _, m := range ms {
			d, ok := m.Resolve(tt.ref)
			if !ok {
				got = append(got, "?")
				continue
			}
			got = append(got, d.String())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Dates(%q) resolves to %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, edge := range []string{"earlier", "later", "last", "in recent", "three days", "a"} {
		Dates(Tokenize(edge)) // must not run off the end
	}
	if ms := Dates(Tokenize("She may stay.")); len(ms) != 0 {
		t.Errorf("Dates(\"She may stay.\") found %d dates; a lower-case month word is not a date", len(ms))
	}
	if _, ok := Dates(Tokenize("On Wednesday."))[0].Resolve(time.Time{}); ok {
		t.Error("a relative date resolved without a reference date")
	}
}

func TestNames(t *testing.T) {
	doc := Analyze("White House press secretary Karoline Leavitt met US envoys.\n\nThe Bank of England and Leavitt agreed. Officials in Gaza said so.")
	var got []string
	for i, s := range doc.Sentences {
		for _, span := range doc.Names(i) {
			got = append(got, s.Slice(span))
		}
	}
	want := []string{"White House", "Karoline Leavitt", "US", "Bank of England", "Leavitt", "Gaza"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Names = %q, want %q", got, want)
	}
}

func TestStemSpelling(t *testing.T) {
	pairs := [][2]string{{"organisation", "organization"}, {"emphasised", "emphasized"}, {"criticise", "criticize"}}
	for _, p := range pairs {
		if Stem(p[0]) != Stem(p[1]) {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q; want equal", p[0], Stem(p[0]), p[1], Stem(p[1]))
		}
	}
	if Stem("promised") != Stem("promise") || americanSpelling("promise") != "promise" {
		t.Errorf("promise is not a British -ise verb: %q", americanSpelling("promise"))
	}
}

func TestWords(t *testing.T) {
	for _, s := range []string{"Fifty-nine hostages, what's left?", "  ", "U.S. officials said 2,000 people — about half — left.", "l'été",
		"市政府周二关闭了榆树街大桥，此前检查人员发现了一条裂缝。", "東京で地震があった。", "Tokyo 東京 2025年"} {
		n := 0
		for _, tok := range Tokenize(s) {
			if tok.Kind == Word || tok.Kind == Number {
				n++
			}
		}
		if got := Words(s); got != n && s != "U.S. officials said 2,000 people — about half — left." {
			t.Errorf("Words(%q) = %d, Tokenize counts %d", s, got, n)
		}
	}
}

func TestFingerprint(t *testing.T) {
	if Fingerprint("It's  ONE, two!") != Fingerprint("its one two") {
		t.Error("Fingerprint should ignore case, spacing and punctuation")
	}
	for _, s := range []string{"It's  ONE, two!", "Zürich ÉTÉ 2023 — Δ", "", "ǅ ß İ ﬁ"} {
		if FingerprintHash(s) != Hash(Fingerprint(s)) {
			t.Errorf("FingerprintHash(%q) is not the hash of Fingerprint", s)
		}
	}
}

func TestFingerprintHash(t *testing.T) {
	// FingerprintHash must hash exactly what Fingerprint keeps, on its
	// ASCII fast path and off it.
	for _, s := range []string{"", "It's  ONE, two!", "Zürich ÖFFNET 24/7", "Ǆemal ΣΊΣΥΦΟΣ", "bad \xff byte", "日本語のテキスト 123"} {
		if got, want := FingerprintHash(s), Hash(Fingerprint(s)); got != want {
			t.Errorf("FingerprintHash(%q) = %x, want Hash(Fingerprint) = %x", s, got, want)
		}
	}
}

// A text of many initials followed by capitalised plurals ("Q. Bobs
// went") asks at each period how the document writes the word after it;
// answering by searching the whole text each time made a 1.2 MB page take
// about forty seconds. The test checks the sentences; the time is
// BenchmarkSplitSentencesInInitials's to measure (a quadratic split would
// also run into the test binary's timeout here).
func TestSplitSentencesLinearInInitials(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 1.2 MB")
	}
	if n := len(Analyze(initialsText(64000)).Sentences); n != 64000 {
		t.Errorf("got %d sentences, want 64000", n)
	}
}

func BenchmarkSplitSentencesInInitials(b *testing.B) {
	for _, n := range []int{8000, 64000} {
		doc := initialsText(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				Analyze(doc)
			}
		})
	}
}

func initialsText(sentences int) string { return strings.Repeat("Q. Bobs went home. ", sentences) }
