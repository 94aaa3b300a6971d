package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/extract"
	"github.com/corroborate/corroborate/internal/news"
)

// jsonArticle is one line of JSON Lines input in our own names, whatever
// names the line used (see jsonLine).
type jsonArticle struct {
	ID                                   json.RawMessage
	URL, Outlet, Title, Author, Language string
	Published                            string
	PublishedField                       string // the name the date was under
	Text                                 string
	HTML                                 string // a page, read when there is no text
	Teaser                               string // a summary, read when there is neither
	Story                                string
}

// ReadJSONL reads one article per line. A bad line becomes an error naming
// "source:line"; the others are read. A JSON array of articles, or
// articles written over several lines each, as data sets and APIs export
// them, are read too, each named "source[i]"; so is an API's answer saved
// as it came, which holds its articles in an array (see Envelope).
func ReadJSONL(ctx context.Context, source string, r io.Reader, opts Options, emit Emit) {
	reader := bufio.NewReaderSize(r, 64<<10)
	if array, spread := jsonLayout(reader); array || spread {
		readJSONValues(ctx, source, reader, array, opts, emit)
		return
	}
	for line := 1; ctx.Err() == nil; line++ {
		data, err := readLine(reader, opts.maxBytes())
		if line == 1 {
			data = bytes.TrimPrefix(data, utf8BOM) // as Windows tools write UTF-8
		}
		where := source + ":" + strconv.Itoa(line)
		if errors.Is(err, news.ErrTooLarge) {
			fail(emit, where, err)
			continue
		}
		if len(bytes.TrimSpace(data)) > 0 {
			emitJSON(where, data, emit)
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fail(emit, where, err)
			return
		}
	}
}

var utf8BOM = []byte("\xef\xbb\xbf")

// jsonLayout peeks at the start of the input: an array of articles, or
// an object spread over several lines (a first line that is not a whole
// JSON value), rather than one object a line.
func jsonLayout(r *bufio.Reader) (array, spread bool) {
	head, _ := r.Peek(r.Size())
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) == 0 {
		return false, false
	}
	if head[0] == '[' {
		return true, false
	}
	first, _, whole := bytes.Cut(head, []byte("\n"))
	if head[0] != '{' || !whole || json.Valid(first) {
		return false, false
	}
	// A first line that is not a whole value is an object spread over
	// lines, or a broken line of JSON Lines: the second costs only its
	// line, not the file, so lines are read unless the JSON runs on. A
	// value longer than the head is taken as spread.
	var syntax *json.SyntaxError
	err := json.NewDecoder(bytes.NewReader(head)).Decode(new(json.RawMessage))
	return false, !errors.As(err, &syntax)
}

// readJSONValues reads articles as a stream of JSON values: the elements
// of one array, or objects one after another. A value that is not an
// article is reported and the rest read; broken JSON ends the input, since
// where the next value starts is then unknown.
func readJSONValues(ctx context.Context, source string, r *bufio.Reader, array bool, opts Options, emit Emit) {
	if head, _ := r.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = r.Discard(len(utf8BOM)) // the decoder would take it for a value
	}
	capped := &valueCap{r: r, limit: opts.maxBytes()}
	dec := json.NewDecoder(capped)
	capped.dec = dec
	if array {
		if _, err := dec.Token(); err != nil {
			fail(emit, source, fmt.Errorf("invalid JSON: %w", err))
			return
		}
	}
	for i := 0; ctx.Err() == nil && (!array || dec.More()); i++ {
		where := source + "[" + strconv.Itoa(i) + "]"
		var value json.RawMessage
		err := dec.Decode(&value)
		if err == io.EOF && !array {
			return
		}
		if errors.Is(err, news.ErrTooLarge) {
			fail(emit, where, err)
			return
		}
		if err != nil {
			fail(emit, where, fmt.Errorf("invalid JSON: %w", err))
			return
		}
		if int64(len(value)) > opts.maxBytes() {
			fail(emit, where, fmt.Errorf("article over the %d-byte limit: %w", opts.maxBytes(), news.ErrTooLarge))
			continue
		}
		emitJSON(where, value, emit)
	}
	if _, err := dec.Token(); array && ctx.Err() == nil && err != nil {
		// The array never closes: the file was cut short.
		fail(emit, source, fmt.Errorf("invalid JSON: the array is not closed: %w", err))
	}
}

// valueCap stops the JSON decoder reading far past the end of its last
// value, so that one value larger than the limit is refused while it is
// read, not after it has filled memory.
type valueCap struct {
	r     io.Reader
	dec   *json.Decoder
	read  int64
	limit int64
}

// capReadAhead bounds one read, so that the decoder's read-ahead past its
// last value stays small beside the limit.
const capReadAhead = 64 << 10

func (c *valueCap) Read(p []byte) (int, error) {
	if c.read-c.dec.InputOffset() > c.limit+capReadAhead {
		return 0, fmt.Errorf("a value over the %d-byte limit: %w", c.limit, news.ErrTooLarge)
	}
	n, err := c.r.Read(p[:min(len(p), capReadAhead)])
	c.read += int64(n)
	return n, err
}

// readLine reads one line; a line over limit is drained and reported.
func readLine(r *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if int64(len(line)+len(chunk)) > limit {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			return nil, fmt.Errorf("line over the %d-byte limit: %w", limit, news.ErrTooLarge)
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// markup finds the tags of an HTML body in what should be text: block and
// inline tags that plain prose does not write, with attributes written
// as HTML writes them (name=value), so that "x < 5" and "a<b and c>d"
// stay as they are.
var markup = regexp.MustCompile(`(?i)</?(?:p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|blockquote|figure|figcaption|img|table|tr|td)(?:\s+[a-z][a-z0-9:-]*\s*=[^<>]*)?\s*/?>`)

// blockMarkup finds the tags that mark paragraphs.
var blockMarkup = regexp.MustCompile(`(?i)</?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td)(?:\s+[a-z][a-z0-9:-]*\s*=[^<>]*)?\s*/?>`)

// plain is a text field as text: a scraper's or an API's body with its
// paragraphs' tags left in is read as a page's paragraphs. A text whose
// only tags are inline ones (a link, an emphasis) keeps its own line
// breaks as its paragraphs, which HTML would read as spaces.
func plain(s string) string {
	if !markup.MatchString(s) {
		return strings.TrimSpace(s)
	}
	if blockMarkup.MatchString(s) {
		return extract.Fragment(s)
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if markup.MatchString(line) {
			lines[i] = extract.Fragment(line)
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// ParseJSON reads one article written as a JSON object, as a JSON Lines
// line holds it; where names it in errors and becomes its Source.
func ParseJSON(where string, data []byte) (*news.Article, error) { return parseJSONLine(where, data) }

func parseJSONLine(where string, data []byte) (*news.Article, error) {
	var line jsonLine
	if err := json.Unmarshal(data, &line); err != nil {
		return nil, fieldTypeError(err)
	}
	in := line.article()
	if strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) != "" {
		if err := in.fromHTML(); err != nil {
			return nil, err
		}
	}
	in.Text = firstOf(plain(in.Text), plain(in.Teaser), strings.TrimSpace(in.Title))
	if in.Text == "" {
		return nil, fmt.Errorf("no text under any of %s, \"html\", %s: %w", textFields, teaserFields, news.ErrNoText)
	}
	published, err := news.ParseTimestamp(in.Published)
	if err != nil && in.PublishedField == "published" {
		return nil, fmt.Errorf("published: %w", err)
	}
	// Under another name a date is a guess at what the field holds ("date"
	// may be a crawl time, in any format): the article is kept, undated,
	// rather than a whole file of such lines refused.
	address := WebURL(field(in.URL))
	id := field(scalar(in.ID))
	if id == "" {
		id = contentID(address, in.Text)
	}
	return &news.Article{
		ID: id, Source: where, URL: address, Outlet: field(in.Outlet),
		Title: field(in.Title), Author: field(in.Author), Published: published,
		Language: news.LanguageTag(field(in.Language)), Text: in.Text, Story: field(in.Story),
	}, nil
}

// field is a name or an address as a line gives it, trimmed and without
// NUL bytes, which JSON may escape ("\u0000") but no name holds: stored in
// PostgreSQL, whose text cannot hold one, a single such ID failed the
// whole batch it came in.
func field(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\x00", ""))
}

// fromHTML fills the text, and the metadata the line lacks, from its
// "html" field. What the line itself says is kept.
func (in *jsonArticle) fromHTML() error {
	p, err := extract.HTML([]byte(in.HTML), extract.Options{URL: in.URL, Outlet: in.Outlet})
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	in.Text = p.Text
	in.URL = firstOf(WebURL(in.URL), p.URL)
	in.Outlet = firstOf(in.Outlet, p.Outlet)
	in.Title = firstOf(in.Title, p.Title)
	in.Author = firstOf(in.Author, p.Author)
	in.Language = firstOf(in.Language, p.Language)
	if in.Published == "" {
		in.Published = p.Published.String()
	}
	return nil
}

// scalar reads a JSON string or number as text, so both "id": 7 and
// "id": "7" work.
func scalar(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(string(raw))
}

// contentID names an article without an id by its URL, or else its text,
// so that reading the same article twice gives the same ID.
func contentID(url, text string) string {
	key := url
	if key == "" {
		key = text
	}
	sum := sha256.Sum256([]byte(key))
	return "a" + hex.EncodeToString(sum[:6])
}
