package dedupe

import (
	"strings"
	"testing"
)

func TestURLKey(t *testing.T) {
	tests := []struct {
		raw, want string
	}{
		{"https://www.Example.com/news/story/", "example.com/news/story"},
		{"http://example.com/news/story#comments", "example.com/news/story"},
		{"https://example.com/news/story?utm_source=twitter&utm_medium=social", "example.com/news/story"},
		{"https://example.com/news/story?fbclid=abc&GCLID=def&mc_eid=1", "example.com/news/story"},
		// The query names the page: kept, sorted, tracking dropped.
		{"https://example.com/article.php?id=123", "example.com/article.php?id=123"},
		{"https://example.com/article.php?id=124", "example.com/article.php?id=124"},
		{"https://example.com/view?page=2&id=7&utm_campaign=x", "example.com/view?id=7&page=2"},
		{"https://example.com/view?id=7&page=2", "example.com/view?id=7&page=2"},
		{"https://example.com/?p=42", "example.com?p=42"},
		{"https://example.com/search?q=a+b", "example.com/search?q=a+b"},
		{"  https://example.com/a  ", "example.com/a"},
		// Queries net/url refuses lose their tracking tags too.
		{"https://example.com/a?id=1;utm_source=x", "example.com/a?id=1"},
		{"https://example.com/a?utm_source=tw&id=%zz", "example.com/a?id=%zz"},
		{"https://example.com/a?&id=1&&", "example.com/a?id=1"},
		{"https://example.com/a?utm%5Fsource=x", "example.com/a"},
		// Repeated names keep their order.
		{"https://example.com/a?tag=b&id=1&tag=a", "example.com/a?id=1&tag=b&tag=a"},
		{"/relative/path", ""},
		{"", ""},
		{"not a url", ""},
	}
	for _, tt := range tests {
		if got := URLKey(tt.raw); got != tt.want {
			t.Errorf("URLKey(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	if URLKey("https://example.com/a.php?id=1") == URLKey("https://example.com/a.php?id=2") {
		t.Error("pages differing by ?id= share a key")
	}
}

// FuzzURLKey checks that URLKey never fails on odd input and that a
// tracking tag added to any URL leaves its key as it was.
func FuzzURLKey(f *testing.F) {
	for _, s := range []string{"https://example.com/a?id=1", "http://x.org/p;q?a=%zz;b", "https://example.com/", "//host/a", "mailto:a@b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key := URLKey(raw)
		if strings.TrimSpace(raw) != raw || strings.Contains(raw, "#") {
			return
		}
		sep := "?"
		if strings.Contains(raw, "?") {
			sep = "&"
		}
		if tagged := URLKey(raw + sep + "utm_source=x"); tagged != key {
			t.Errorf("URLKey(%q) = %q, but with a tracking tag %q", raw, key, tagged)
		}
	})
}
