package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// jsonLine is one line of JSON Lines input as written: our own field names,
// and beside them the names that scrapers, news APIs and public data sets
// write for the same things, so that their files are read as they are.
// Our own name wins whenever it holds a value. The aliases are decoded in
// the same pass as our names, and a value of an unexpected type under an
// alias is ignored rather than costing the line.
type jsonLine struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Outlet    *string         `json:"outlet"` // nil when absent: see article
	Title     string          `json:"title"`
	Author    byline          `json:"author"`
	Published dateValue       `json:"published"`
	Language  string          `json:"language"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Story     json.RawMessage `json:"story"`

	Maintext loose `json:"maintext"` // news-please
	Body     loose `json:"body"`     // Event Registry, the Miranda et al. (2018) and OG2021 sets
	Article  loose `json:"article"`  // CNN/Daily Mail
	Content  loose `json:"content"`  // NewsAPI, GNews (cut short), BBC News on Hugging Face

	Description      loose `json:"description"`       // news-please, CC-News, NewsAPI, feeds
	ShortDescription loose `json:"short_description"` // HuffPost News Category

	Link     loose  `json:"link"`     // NewsData.io, HuffPost News Category, BBC News on Hugging Face
	Headline loose  `json:"headline"` // HuffPost News Category, schema.org
	Authors  byline `json:"authors"`  // news-please (a list), HuffPost News Category (a string)
	Lang     loose  `json:"lang"`     // Miranda et al. (2018), GNews, Event Registry

	Source       outletName `json:"source"`        // NewsAPI, GNews, Event Registry, mediastack
	SourceDomain loose      `json:"source_domain"` // news-please
	Domain       loose      `json:"domain"`        // CC-News
	Publisher    loose      `json:"publisher"`     // UCI News Aggregator, CSV exports
	Publication  loose      `json:"publication"`   // Kaggle's All the News

	DatePublish      looseDate `json:"date_publish"`   // news-please
	PublishedAt      looseDate `json:"publishedAt"`    // NewsAPI, GNews
	PublishedAtSnake looseDate `json:"published_at"`   // mediastack
	PublishedDate    looseDate `json:"published_date"` // BBC News on Hugging Face
	PubDate          looseDate `json:"pubDate"`        // NewsData.io
	Date             looseDate `json:"date"`           // CC-News, Miranda et al. (2018), HuffPost News Category
	// Timestamp is often Unix time, a number (UCI News Aggregator: ms).
	Timestamp json.RawMessage `json:"timestamp"`

	Cluster   json.RawMessage `json:"cluster"` // Miranda et al. (2018), GoogleNews-TS
	ClusterID json.RawMessage `json:"cluster_id"`
	StoryID   json.RawMessage `json:"story_id"`
	EventID   json.RawMessage `json:"event_id"`
}

// textFields names, in the order they are tried, the fields a line's text
// is read from; "html" is read after them, and failing all, the teaser
// or the title: a set of headlines, or a feed's items, is news too.
const textFields = `"text", "maintext", "body", "article", "content"`

// teaserFields name what a line without text says instead, tried in order.
const teaserFields = `"description", "short_description" or "title"`

// article resolves the line to our own names.
func (l *jsonLine) article() jsonArticle {
	published := pick(
		named{"published", string(l.Published)}, named{"date_publish", string(l.DatePublish)},
		named{"publishedAt", string(l.PublishedAt)}, named{"published_at", string(l.PublishedAtSnake)},
		named{"published_date", string(l.PublishedDate)}, named{"pubDate", string(l.PubDate)},
		named{"date", string(l.Date)}, named{"timestamp", scalar(l.Timestamp)},
	)
	if published.name == "" {
		published.name = "published"
	}
	in := jsonArticle{
		ID:  l.ID,
		URL: firstOf(l.URL, string(l.Link)),
		Text: pick(
			named{"text", l.Text}, named{"maintext", string(l.Maintext)}, named{"body", string(l.Body)},
			named{"article", string(l.Article)}, named{"content", withoutMore(string(l.Content))},
		).value,
		HTML:           l.HTML,
		Teaser:         firstOf(string(l.Description), string(l.ShortDescription)),
		Title:          firstOf(l.Title, string(l.Headline)),
		Author:         firstOf(string(l.Author), string(l.Authors)),
		Language:       firstOf(l.Language, string(l.Lang)),
		Published:      published.value,
		PublishedField: published.name,
		Story:          firstOf(scalar(l.Story), scalar(l.Cluster), scalar(l.ClusterID), scalar(l.StoryID), scalar(l.EventID)),
	}
	// Our own output calls the file or URL an article was read from
	// "source" and always writes "outlet", empty when unknown: only a line
	// without "outlet" takes the outlet from "source".
	if l.Outlet != nil {
		in.Outlet = *l.Outlet
	} else {
		in.Outlet = firstOf(string(l.Source), string(l.Publisher), string(l.Publication), string(l.SourceDomain), string(l.Domain))
	}
	return in
}

// named is a field's value and the name it was read under.
type named struct{ name, value string }

// pick returns the first field that holds more than white space.
func pick(fields ...named) named {
	for _, f := range fields {
		if strings.TrimSpace(f.value) != "" {
			return f
		}
	}
	return named{}
}

// loose is a string read only when the field holds one: a name that some
// format uses for something else (a number, an object) is ignored.
type loose string

func (s *loose) UnmarshalJSON(data []byte) error {
	if len(data) == 0 || data[0] != '"' {
		return nil
	}
	// The decoder has checked the string already: one without escapes
	// (most dates, names and domains) is its bytes.
	if inner := data[1 : len(data)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		*s = loose(inner)
		return nil
	}
	return json.Unmarshal(data, (*string)(s))
}

// dateValue is a date written as a string, or as a number (Unix time, as
// APIs write it), which the date parser reads as it reads its digits. A
// value of another type is refused, as it is under our other names.
type dateValue string

func (d *dateValue) UnmarshalJSON(data []byte) error {
	if isJSONNumber(data) {
		*d = dateValue(data)
		return nil
	}
	if err := json.Unmarshal(data, (*string)(d)); err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: reflect.TypeFor[dateValue]()}
	}
	return nil
}

// looseDate is dateValue under another format's name: a value of another
// type is ignored, as loose ignores it.
type looseDate string

func (d *looseDate) UnmarshalJSON(data []byte) error {
	if isJSONNumber(data) {
		*d = looseDate(data)
		return nil
	}
	return (*loose)(d).UnmarshalJSON(data)
}

func isJSONNumber(data []byte) bool {
	return len(data) > 0 && (data[0] == '-' || data[0] >= '0' && data[0] <= '9')
}

// byline reads authors written as one string or as a list of strings, as
// news-please writes "authors"; the names are joined with ", ".
type byline string

func (b *byline) UnmarshalJSON(data []byte) error {
	if len(data) == 0 || data[0] != '[' {
		return (*loose)(b).UnmarshalJSON(data)
	}
	var list []loose
	if json.Unmarshal(data, &list) != nil {
		return nil // an odd byline is ignored, as a non-string one is
	}
	names := make([]string, 0, len(list))
	for _, name := range list {
		if name := strings.TrimSpace(string(name)); name != "" {
			names = append(names, name)
		}
	}
	*b = byline(strings.Join(names, ", "))
	return nil
}

// outletName reads "source" as the formats write it: the outlet's name, or
// an object naming it ({"id", "name"} from NewsAPI and GNews, {"uri",
// "title"} from Event Registry).
type outletName string

func (o *outletName) UnmarshalJSON(data []byte) error {
	if len(data) == 0 || data[0] != '{' {
		return (*loose)(o).UnmarshalJSON(data)
	}
	var source struct {
		Name  loose `json:"name"`
		Title loose `json:"title"`
	}
	if json.Unmarshal(data, &source) != nil {
		return nil // cannot happen for an object, whose fields are loose
	}
	*o = outletName(firstOf(string(source.Name), string(source.Title)))
	return nil
}

// withoutMore drops the note NewsAPI ("… [+1234 chars]") and GNews
// ("... [1862 chars]") end a cut "content" with, so that its count is not
// read as one of the article's figures.
func withoutMore(s string) string {
	rest, ok := strings.CutSuffix(strings.TrimSpace(s), " chars]")
	if !ok {
		return s
	}
	open := strings.LastIndexByte(rest, '[')
	if open < 0 {
		return s
	}
	count := strings.TrimPrefix(rest[open+1:], "+")
	if count == "" || strings.Trim(count, "0123456789") != "" {
		return s
	}
	return strings.TrimSpace(rest[:open])
}

// jsonKind names the kind of a JSON value as a reader would: "an array".
func jsonKind(data []byte) string {
	switch {
	case len(data) == 0:
		return "nothing"
	case data[0] == '[':
		return "array"
	case data[0] == '{':
		return "object"
	case data[0] == 't' || data[0] == 'f':
		return "bool"
	case isJSONNumber(data):
		return "number"
	}
	return "string"
}

// fieldTypeError words a field of ours holding another type of value for
// the reader (`"outlet" holds an array, where a string belongs`), in
// place of the decoder's Go struct and field; other errors are invalid
// JSON.
func fieldTypeError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field == "" {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	got, _, _ := strings.Cut(te.Value, " ") // "number 1e400"
	got = map[string]string{"array": "an array", "object": "an object", "number": "a number", "bool": "a boolean", "string": "a string"}[got]
	if got == "" {
		got = "another type of value"
	}
	want := "a string"
	if te.Type == reflect.TypeFor[dateValue]() {
		want = "a date"
	}
	return fmt.Errorf("%q holds %s, where %s belongs", te.Field, got, want)
}
