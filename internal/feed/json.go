package feed

import (
	"encoding/json"
	"fmt"
	"strings"
)

// jsonFeed is JSON Feed 1.0 and 1.1 (author and authors).
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	Language    string       `json:"language"`
	Items       []jsonItem   `json:"items"`
	Author      *jsonAuthor  `json:"author"`
	Authors     []jsonAuthor `json:"authors"`
}

type jsonItem struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	ExternalURL   string          `json:"external_url"`
	Title         string          `json:"title"`
	ContentHTML   string          `json:"content_html"`
	ContentText   string          `json:"content_text"`
	Summary       string          `json:"summary"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	Author        *jsonAuthor     `json:"author"`
	Authors       []jsonAuthor    `json:"authors"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

func parseJSON(data []byte) (*Feed, error) {
	var raw jsonFeed
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if !strings.Contains(raw.Version, "jsonfeed.org") {
		return nil, ErrNotFeed
	}
	f := &Feed{Title: raw.Title, Link: raw.HomePageURL, Language: raw.Language}
	for _, it := range raw.Items {
		item := Item{
			ID:      strings.Trim(string(it.ID), `"`),
			Title:   it.Title,
			Link:    firstOf(it.URL, it.ExternalURL),
			Summary: it.Summary,
			Content: firstOf(it.ContentHTML, it.ContentText),
			Author:  authorNames(it.Author, it.Authors),
		}
		item.Published = firstDate(it.DatePublished, it.DateModified)
		item.Updated = firstDate(it.DateModified)
		f.Items = append(f.Items, item)
	}
	return f, nil
}

func authorNames(one *jsonAuthor, many []jsonAuthor) string {
	if one != nil {
		many = append([]jsonAuthor{*one}, many...)
	}
	var names []string
	for _, a := range many {
		names = append(names, a.Name)
	}
	return strings.Join(nonEmpty(names), ", ")
}
