package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/corroborate/corroborate/internal/text"
)

// xmlFeed holds the elements of RSS 0.9x–2.0, RSS 1.0 (RDF) and Atom that
// matter here. encoding/xml matches by local name, so one struct reads all
// three, namespaces aside.
type xmlFeed struct {
	XMLName xml.Name
	Channel struct {
		Title    string    `xml:"title"`
		Link     []xmlLink `xml:"link"`
		Language string    `xml:"language"`
		Items    []xmlItem `xml:"item"`
	} `xml:"channel"`
	// RSS 1.0 puts items beside the channel; Atom puts entries at the root.
	Items    []xmlItem `xml:"item"`
	Entries  []xmlItem `xml:"entry"`
	Title    string    `xml:"title"`
	Link     []xmlLink `xml:"link"`
	Language string    `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
}

type xmlItem struct {
	Title       []string    `xml:"title"` // a slice: media:title may follow
	Link        []xmlLink   `xml:"link"`
	GUID        string      `xml:"guid"`
	ID          string      `xml:"id"`
	Author      []xmlPerson `xml:"author"`
	Creator     []string    `xml:"creator"`
	PubDate     string      `xml:"pubDate"`
	Date        string      `xml:"date"`
	Published   string      `xml:"published"`
	Updated     string      `xml:"updated"`     // Atom's, and atom:updated in RSS
	Modified    string      `xml:"modified"`    // dc:modified, dcterms:modified
	Description []string    `xml:"description"` // slices: Media RSS repeats these names
	Summary     []string    `xml:"summary"`
	Encoded     string      `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Content     []string    `xml:"content"`
}

// xmlLink is an RSS <link>URL</link> or an Atom <link href rel>.
type xmlLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Text string `xml:",chardata"`
}

// xmlPerson is an Atom <author><name>, or RSS's <author> text.
type xmlPerson struct {
	Name string `xml:"name"`
	Text string `xml:",chardata"`
}

func parseXML(data []byte) (*Feed, error) {
	if enc := declaredEncoding(data); enc == "" || strings.EqualFold(enc, "utf-8") || strings.EqualFold(enc, "utf8") {
		// Feeds labelled UTF-8 (or, unlabelled, UTF-8 by XML's default)
		// but written in Latin-1 are common; the decoder would refuse the
		// whole feed at the first such byte.
		data = text.AsUTF8(data)
	}
	var raw xmlFeed
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false // real feeds carry HTML entities and stray ampersands
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&raw); err != nil {
		if err == io.EOF {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("invalid XML: %w", err)
	}
	switch strings.ToLower(raw.XMLName.Local) {
	case "rss", "rdf":
		f := &Feed{Title: raw.Channel.Title, Link: alternate(raw.Channel.Link), Language: raw.Channel.Language}
		for _, it := range append(raw.Channel.Items, raw.Items...) {
			f.Items = append(f.Items, it.item())
		}
		return f, nil
	case "feed":
		f := &Feed{Title: raw.Title, Link: alternate(raw.Link), Language: raw.Language}
		for _, it := range raw.Entries {
			f.Items = append(f.Items, it.item())
		}
		return f, nil
	}
	return nil, fmt.Errorf("root element <%s>: %w", raw.XMLName.Local, ErrNotFeed)
}

func (it xmlItem) item() Item {
	out := Item{
		ID:      firstOf(it.GUID, it.ID),
		Title:   firstOf(it.Title...),
		Link:    alternate(it.Link),
		Summary: firstOf(append(it.Description, it.Summary...)...),
		Content: firstOf(append([]string{it.Encoded}, it.Content...)...),
	}
	authors := it.Creator
	for _, a := range it.Author {
		authors = append(authors, firstOf(a.Name, rssAuthor(strings.TrimSpace(a.Text))))
	}
	out.Author = strings.Join(nonEmpty(authors), ", ")
	out.Published = firstDate(it.PubDate, it.Published, it.Date, it.Updated)
	out.Updated = firstDate(it.Updated, it.Modified)
	return out
}

// alternate picks the link to the item's page: RSS's text link, else the
// Atom link with rel="alternate" or no rel.
func alternate(links []xmlLink) string {
	for _, l := range links {
		if t := strings.TrimSpace(l.Text); t != "" {
			return t
		}
	}
	for _, l := range links {
		if l.Href != "" && (l.Rel == "" || l.Rel == "alternate") {
			return l.Href
		}
	}
	return ""
}

// rssAuthor reads RSS 2.0's "jane@example.com (Jane Doe)" as the name.
func rssAuthor(s string) string {
	if i, j := strings.Index(s, "("), strings.LastIndex(s, ")"); i > 0 && j > i && strings.Contains(s[:i], "@") {
		return s[i+1 : j]
	}
	return s
}

func firstOf(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func nonEmpty(values []string) []string {
	var out []string
	for _, v := range values {
		if v = collapse(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// declaredEncoding returns the encoding an XML declaration names
// (`<?xml version="1.0" encoding="ISO-8859-1"?>`), or "".
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	decl := data[:max(bytes.Index(data, []byte("?>")), 0)]
	_, after, ok := bytes.Cut(decl, []byte("encoding"))
	if !ok {
		return ""
	}
	after = bytes.TrimLeft(after, " \t\r\n=")
	if len(after) == 0 || after[0] != '"' && after[0] != '\'' {
		return ""
	}
	name, _, _ := bytes.Cut(after[1:], after[:1])
	return string(name)
}
