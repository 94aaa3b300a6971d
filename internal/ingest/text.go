package ingest

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
)

// ReadText reads one plain-text article. Title, date and outlet are left for
// the cleaner, which finds them in the text; the ID is the file's name
// without its extension.
func ReadText(source string, data []byte, opts Options) (*news.Article, error) {
	if int64(len(data)) > opts.maxBytes() {
		return nil, fmt.Errorf("%d bytes, over the %d-byte limit: %w", len(data), opts.maxBytes(), news.ErrTooLarge)
	}
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return &news.Article{ID: stem(source), Source: source, Text: text}, nil
}

// stem names an article after its file: "seeds/000_b06a.txt" is "000_b06a".
func stem(source string) string {
	base := filepath.Base(source)
	for ext := filepath.Ext(base); ext != "" && len(ext) < 8; ext = filepath.Ext(base) {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." {
		return source
	}
	return base
}
