package compare

import "testing"

func TestWordSet(t *testing.T) {
	set := setOf(`said says according told a`)
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"said", true}, {"according", true}, {"a", true}, {"told", true},
		{"", false}, {"sai", false}, {"saidd", false}, {"Said", false}, {"the", false}, {"accordingly", false},
	} {
		if got := set.has(tc.word); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	both := union(set, setOf(`believe`))
	if !both.has("believe") || !both.has("says") || both.has("think") {
		t.Error("union should hold the words of both sets and no others")
	}
}
