package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/corroborate/corroborate/internal/news"
)

// envelopeFields name, in the order tried, the array in which an API's
// answer holds its articles: NewsAPI and GNews "articles", NewsData.io
// "results", mediastack and TheNewsAPI "data"; Event Registry and The
// Guardian hold it one object down ("articles": {"results": […]},
// "response": {"results": […]}).
var envelopeFields = []string{"articles", "results", "data", "items", "news", "response"}

// Envelope returns the articles an API's answer holds, saved as it came: a
// JSON object that is no article itself (no text, page, teaser or title
// under any name an article is read from) with an array of objects under
// one of envelopeFields. path names the array ("articles",
// "response.results"); ok is false for anything else.
func Envelope(data []byte) (path string, items []json.RawMessage, ok bool) {
	var line jsonLine
	if json.Unmarshal(data, &line) != nil {
		return "", nil, false
	}
	if in := line.article(); in.Text != "" || in.HTML != "" || in.Teaser != "" || in.Title != "" {
		return "", nil, false
	}
	return envelope(data, 2)
}

func envelope(data []byte, depth int) (string, []json.RawMessage, bool) {
	var fields map[string]json.RawMessage
	if depth == 0 || json.Unmarshal(data, &fields) != nil {
		return "", nil, false
	}
	for _, name := range envelopeFields {
		raw := bytes.TrimSpace(fields[name])
		switch {
		case len(raw) == 0:
		case raw[0] == '[':
			var items []json.RawMessage
			if json.Unmarshal(raw, &items) == nil && len(items) > 0 && bytes.HasPrefix(bytes.TrimSpace(items[0]), []byte("{")) {
				return name, items, true
			}
		case raw[0] == '{':
			if path, items, ok := envelope(raw, depth-1); ok {
				return name + "." + path, items, true
			}
		}
	}
	return "", nil, false
}

// emitJSON reads one JSON value: an article, or an API's answer holding
// articles, each named where.path[i] ("news.json:1.articles[3]").
func emitJSON(where string, data []byte, emit Emit) {
	a, err := parseJSONLine(where, data)
	if errors.Is(err, news.ErrNoText) {
		if path, items, ok := Envelope(data); ok {
			for i, item := range items {
				at := where + "." + path + "[" + strconv.Itoa(i) + "]"
				a, err := parseJSONLine(at, item)
				emitParsed(at, a, err, emit)
			}
			return
		}
	}
	emitParsed(where, a, err, emit)
}

// emitParsed emits what parsing an article gave: the article, or its error.
func emitParsed(where string, a *news.Article, err error, emit Emit) {
	if err != nil {
		fail(emit, where, err)
		return
	}
	emit(a, nil)
}
