package news

import (
	"encoding/json"
	"testing"
)

func TestTimestamp(t *testing.T) {
	tests := []struct {
		in, out string
		clock   bool
		err     bool
	}{
		{"2025-03-05", "2025-03-05", false, false},
		{"2025-03-05T10:30:00Z", "2025-03-05T10:30:00Z", true, false},
		{"2025-03-05T10:30:00+02:00", "2025-03-05T10:30:00+02:00", true, false},
		{"", "", false, false},
		{"5 March", "", false, true},
		{"Wed, 05 Mar 2025 07:30:00 +0100", "2025-03-05T07:30:00+01:00", true, false},
		{"Thu, 06 Mar 2025 18:00:00 GMT", "2025-03-06T18:00:00Z", true, false},
		{"Thu,  6 Mar 2025 18:00 +0000", "2025-03-06T18:00:00Z", true, false},
		{"2025-03-05 10:30:00+02:00", "2025-03-05T10:30:00+02:00", true, false},
		{"2025-03-05T10:30:00+0200", "2025-03-05T10:30:00+02:00", true, false},
		{"05/03/2025", "", false, true},                        // day or month first: not guessed
		{"1394470370698", "2014-03-10T16:52:50Z", true, false}, // Unix milliseconds
		{"1394470370", "2014-03-10T16:52:50Z", true, false},    // Unix seconds
		{"2025", "", false, true},                              // a year is not Unix time
		{"20250305", "", false, true},                          // nor a date without dashes
		{"-1394470370", "", false, true},
		{"202503051030", "", false, true},                     // nor a date and time without separators
		{"978307200000", "2001-01-01T00:00:00Z", true, false}, // twelve digits of milliseconds
	}
	for _, tt := range tests {
		ts, err := ParseTimestamp(tt.in)
		if (err != nil) != tt.err || ts.String() != tt.out || ts.Clock != tt.clock {
			t.Errorf("ParseTimestamp(%q) = %q clock %v, %v; want %q clock %v, error %v", tt.in, ts, ts.Clock, err, tt.out, tt.clock, tt.err)
		}
	}
	var a struct{ P Timestamp }
	if err := json.Unmarshal([]byte(`{"P": null}`), &a); err != nil || !a.P.IsZero() {
		t.Errorf("null: %v, %v", a.P, err)
	}
	if err := json.Unmarshal([]byte(`{"P": 7}`), &a); err == nil {
		t.Error("a number was accepted as a date")
	}
	out, _ := json.Marshal(struct{ P Timestamp }{})
	if string(out) != `{"P":null}` {
		t.Errorf("zero timestamp marshals as %s", out)
	}
}

func TestVoices(t *testing.T) {
	orig, wire := "a", "w"
	articles := []*Article{
		{ID: "a", Outlet: "Courier"},
		{ID: "b", Outlet: "Courier", VersionOf: &orig},
		{ID: "w", Outlet: "Northwind"},
		{ID: "c", Outlet: "Harbor Daily", DuplicateOf: &wire},
		{ID: "u1"},
		{ID: "u2"},
	}
	v := Voices(articles)
	if v["a"] != v["b"] {
		t.Error("a version counts as a second voice")
	}
	if v["c"] != v["w"] {
		t.Error("a syndicated copy counts as a second voice")
	}
	if v["u1"] == v["u2"] {
		t.Error("two articles of unknown outlets count as one voice")
	}
	if n := CountVoices(v, []string{"a", "b", "w", "c", "u1", "u2"}); n != 4 {
		t.Errorf("CountVoices = %d, want 4", n)
	}
	for id, want := range map[string]string{"a": "Courier", "b": "Courier", "w": "Northwind", "c": "Northwind", "u1": "article u1"} {
		if got := VoiceName(v[id]); got != want {
			t.Errorf("VoiceName(%q) of article %s = %q, want %q", v[id], id, got, want)
		}
	}
	if got := VoiceName("someone"); got != "" {
		t.Errorf("VoiceName of a key Voices does not make = %q, want \"\"", got)
	}
}

func TestLanguageTag(t *testing.T) {
	tests := map[string]string{
		"en": "en", "EN": "en", "en-GB": "en", "en_US": "en", " de ": "de", "pt-BR,en;q=0.8": "pt",
		"eng": "en", "deu": "de", "ger": "de", "fre": "fr", "spa": "es", "zho": "zh", "nob": "nb",
		"haw": "haw", // a three-letter code without a two-letter one stays
		"":    "", "e": "", "english": "", "12": "", "zh-Hant-TW": "zh",
	}
	for in, want := range tests {
		if got := LanguageTag(in); got != want {
			t.Errorf("LanguageTag(%q) = %q, want %q", in, got, want)
		}
	}
}
