package text

import (
	"strings"
	"testing"
	"time"
)

// FuzzAnalyze feeds arbitrary text through every parser of the package:
// none may panic, and every span must lie inside its sentence.
func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		"Fifty-nine hostages are still held, though only 22 are alive.",
		"On Wednesday, U.S. officials said \"talks\" began on 7 October 2023.",
		"$1.5m, 35%, a dozen, half, two hundred and fifty, 2023-10-07",
		"Mr. J. Doe — \u00a0l'été… 21-year-old; 3 days ago",
		"-20C, (−5 °C), minus 4, a 30m wall, 2m to 15m (6ft to 50ft), 5 pounds ($6.30), 300 lbs",
		"60–70 mph, between 30 and 35, 30-35%, $2-3bn, two to three million, 555-1234, rose from 30 to 35, 1-800-555-1212",
		"The tower is 300m. a 10m drop, fell 8m from a balcony, 6ft (about 2m), between 1,600m (5,250ft) and 2,400m",
	} {
		f.Add(seed)
	}
	ref := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if FingerprintHash(s) != Hash(Fingerprint(s)) {
			t.Fatalf("FingerprintHash(%q) differs from the hash of its fingerprint", s)
		}
		doc := Analyze(s)
		for i, sent := range doc.Sentences {
			for _, tok := range sent.Tokens {
				if tok.Start < 0 || tok.End > len(sent.Text) || tok.Start > tok.End {
					t.Fatalf("token %q out of bounds in %q", tok.Text, sent.Text)
				}
				if doc.Language == English {
					if want := tok.Kind == Word && !IsStop(tok.Lower) && len(tok.Lower) > 1 || tok.Kind == Number; tok.Content() != want {
						t.Fatalf("token %q: Content() = %v, want %v", tok.Text, tok.Content(), want)
					}
				} else if tok.Kind == Word && len(tok.Lower) > 1 && !tok.Content() &&
					stopLanguages[tok.Lower]&(1<<doc.Language) == 0 && !strings.ContainsAny(tok.Lower, "'’") {
					t.Fatalf("token %q: not content, yet no function word in %s", tok.Text, doc.Language.Code())
				}
			}
			for _, span := range doc.Names(i) {
				_ = sent.Slice(span)
			}
			for _, q := range Quantities(sent.Tokens) {
				if q.Start >= q.End || q.End > len(sent.Tokens) {
					t.Fatalf("quantity span %d..%d out of bounds", q.Start, q.End)
				}
				if q.Range && !(q.Low < q.High && q.Low <= q.Value && q.Value <= q.High) {
					t.Fatalf("range %g..%g with value %g in %q", q.Low, q.High, q.Value, sent.Text)
				}
			}
			for _, m := range Dates(sent.Tokens) {
				if m.Start >= m.End || m.End > len(sent.Tokens) {
					t.Fatalf("date span %d..%d out of bounds", m.Start, m.End)
				}
				m.Resolve(ref)
			}
		}
	})
}
