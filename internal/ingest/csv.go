package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
)

// ReadCSV reads a table of articles, one a row, under a header row naming
// the columns, as data sets and spreadsheets export news: comma-separated,
// or tab-separated when comma is '\t'. A row is read as a JSON line whose
// fields are its columns, so the same names and aliases apply ("TITLE",
// "Published Date", "publisher"), and a column of another name is passed
// over. A row that cannot be read becomes an error naming "source:line";
// the others are read.
func ReadCSV(ctx context.Context, source string, r io.Reader, comma rune, opts Options, emit Emit) {
	in := withoutBOM(r)
	if comma == '\t' {
		if sample, err := in.Peek(tableSample); plainTSV(sample, err != nil) {
			readPlainTSV(ctx, source, in, opts, emit)
			return
		}
	}
	capped := &recordCap{r: in, limit: opts.maxBytes()}
	table := csv.NewReader(capped)
	table.Comma = comma
	table.FieldsPerRecord = -1 // a short or long row is read for what it has
	// Lazy, a field that opens with a quote and breaks off it ("Quote" he
	// said) runs on until some later quote ends a line, taking in the rows
	// between without an error; strict, that row is an error naming its
	// line and the next is read.
	table.LazyQuotes = false
	table.ReuseRecord = true
	header, err := table.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("empty table")
		}
		fail(emit, source, fmt.Errorf("header row: %w", err))
		return
	}
	columns, ok := tableColumns(source, header, comma, emit)
	if !ok {
		return
	}
	line := 1
	for ctx.Err() == nil {
		capped.read = 0
		record, err := table.Read()
		if err == io.EOF {
			return
		}
		var parseErr *csv.ParseError
		switch {
		case errors.As(err, &parseErr):
			// The reader goes on at the next line.
			fail(emit, source+":"+strconv.Itoa(parseErr.StartLine), err)
			continue
		case err != nil:
			// A row over the size limit, or the input failing: what follows
			// cannot be told apart from the rest of that row.
			fail(emit, fmt.Sprintf("%s: after line %d", source, line), err)
			return
		}
		line, _ = table.FieldPos(0)
		emitRow(source+":"+strconv.Itoa(line), columns, record, emit)
	}
}

// tableColumns reads the header row's names; a table none of whose columns
// can hold a text is one error naming the source.
func tableColumns(source string, header []string, comma rune, emit Emit) ([]string, bool) {
	columns := columnNames(header)
	if !holdsText(columns) {
		fail(emit, source, fmt.Errorf("no column under any of %s, \"html\", %s in the header row %q: %w",
			textFields, teaserFields, strings.Join(header, string(comma)), news.ErrNoText))
		return nil, false
	}
	return columns, true
}

// emitRow reads one row as the JSON line its columns name.
func emitRow(where string, columns, record []string, emit Emit) {
	fields := make(map[string]string, len(columns))
	for i, value := range record {
		if i < len(columns) && columns[i] != "" && strings.TrimSpace(value) != "" {
			fields[columns[i]] = value
		}
	}
	data, err := json.Marshal(fields)
	if err != nil {
		fail(emit, where, err) // cannot happen: strings always encode
		return
	}
	if a, err := parseJSONLine(where, data); err != nil {
		fail(emit, where, err)
	} else {
		emit(a, nil)
	}
}

// tableSample is how much of a tab-separated table is read ahead to tell
// how it quotes.
const tableSample = 64 << 10

// plainTSV reports whether a tab-separated table is written as
// text/tab-separated-values defines it and databases export it (PostgreSQL
// and MySQL, a join on tabs): no quoting, a field never holding a tab or a
// line break, so every line has the header's number of fields. News text
// is full of quotation marks, and read with CSV's quoting such a table
// loses every row whose text opens with one or holds one. A table is taken
// as plain only when CSV's quoting fails on the sample, every line of it
// has the header's number of fields, and nothing in it shows quoting (a
// quoted name in the header, a quotation mark doubled in a field that
// opens with one), so that a spreadsheet's quoted table with one bad row
// keeps its quotes' meaning. sample is the start of the table; whole says
// it is all of it, or else its last line may be cut.
func plainTSV(sample []byte, whole bool) bool {
	if !whole {
		end := bytes.LastIndexByte(sample, '\n')
		if end < 0 {
			return false
		}
		sample = sample[:end+1]
	}
	table := strings.TrimRight(string(sample), "\r\n")
	lines := strings.Split(table, "\n")
	header := strings.Split(strings.TrimSuffix(lines[0], "\r"), "\t")
	if len(header) < 2 || slices.ContainsFunc(header, func(name string) bool { return strings.HasPrefix(name, `"`) }) {
		return false
	}
	for _, line := range lines[1:] {
		if line = strings.TrimSuffix(line, "\r"); line == "" {
			continue // a blank line, which readPlainTSV passes over
		}
		fields := strings.Split(line, "\t")
		if len(fields) != len(header) || slices.ContainsFunc(fields, quotedField) {
			return false
		}
	}
	// A cut sample's last whole line may open a quoted text whose line
	// breaks run past the cut (an odd number of quotation marks shows it
	// can), where CSV's quoting fails on any table: it must fail before.
	checked := table
	if last := lines[len(lines)-1]; !whole && len(lines) > 1 && strings.Count(last, `"`)%2 == 1 {
		checked = table[:len(table)-len(last)]
	}
	quoted := csv.NewReader(strings.NewReader(checked))
	quoted.Comma, quoted.FieldsPerRecord = '\t', -1
	_, err := quoted.ReadAll()
	return err != nil
}

// quotedField reports whether a field is written as CSV quotes one that
// holds a quotation mark: it opens with one, and doubles one inside
// ("\"He said \"\"no\"\".\""). A doubled mark elsewhere is text, as a
// JSON column's empty string ({"byline": ""}).
func quotedField(field string) bool {
	rest, ok := strings.CutPrefix(field, `"`)
	return ok && strings.Contains(rest, `""`)
}

// readPlainTSV reads a plainTSV table a line a row. The escapes PostgreSQL
// and MySQL write for what a field cannot hold (\t, \n, \r, \\, and
// PostgreSQL's \b, \f, \v for the other control characters: Word's line
// break is a \v) are read back, so a text keeps its paragraphs; \N, their
// empty value, is an empty field.
func readPlainTSV(ctx context.Context, source string, in *bufio.Reader, opts Options, emit Emit) {
	lines := &recordCap{r: in, limit: opts.maxBytes()}
	reader := bufio.NewReader(lines)
	var columns []string
	for line := 1; ctx.Err() == nil; line++ {
		lines.read = 0
		text, err := reader.ReadString('\n')
		if err != nil && err != io.EOF {
			fail(emit, fmt.Sprintf("%s: after line %d", source, line-1), err)
			return
		}
		if text = strings.TrimRight(text, "\r\n"); text != "" {
			record := strings.Split(text, "\t")
			for i, field := range record {
				record[i] = unescapeField(field)
			}
			if columns == nil {
				var ok bool
				if columns, ok = tableColumns(source, record, '\t', emit); !ok {
					return
				}
			} else {
				emitRow(source+":"+strconv.Itoa(line), columns, record, emit)
			}
		}
		if err == io.EOF {
			return
		}
	}
}

// fieldEscapes are the escapes a database writes in a plain tab-separated
// field.
var fieldEscapes = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r", `\b`, "\b", `\f`, "\f", `\v`, "\v")

func unescapeField(field string) string {
	if field == `\N` {
		return ""
	}
	if !strings.Contains(field, `\`) {
		return field
	}
	return fieldEscapes.Replace(field)
}

// withoutBOM drops the byte-order mark that spreadsheets write before
// UTF-8: left in, it stands before the first name, and before a quoted
// one ("\ufeff\"title\"") it makes the header row unreadable.
func withoutBOM(r io.Reader) *bufio.Reader {
	buffered := bufio.NewReaderSize(r, tableSample)
	if head, _ := buffered.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		buffered.Discard(len(utf8BOM)) // cannot fail: the bytes are buffered
	}
	return buffered
}

// columnNames reads a header row as field names: trimmed, lower case,
// spaces and hyphens as underscores ("Published Date" is
// "published_date").
func columnNames(header []string) []string {
	names := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		names[i] = strings.Map(func(r rune) rune {
			if r == ' ' || r == '-' {
				return '_'
			}
			return r
		}, strings.ToLower(h))
	}
	return names
}

// textColumns are the columns a row's text can come from, with ingest's
// field names and aliases (textFields, "html", teaserFields, "headline").
var textColumns = map[string]bool{
	"text": true, "maintext": true, "body": true, "article": true, "content": true, "html": true,
	"description": true, "short_description": true, "title": true, "headline": true,
}

func holdsText(columns []string) bool {
	for _, c := range columns {
		if textColumns[c] {
			return true
		}
	}
	return false
}

// looksLikeTable reports whether unnamed input (stdin) is a table, and
// which separator it uses: a header row of names without surrounding
// space (prose puts one after a comma), one of them a text column, over a
// row of as many fields. So a text whose first line merely holds a comma
// and a word such as "Body" ("Body, mind and soul") is read as a text.
func looksLikeTable(data []byte) (rune, bool) {
	for _, comma := range []rune{',', '\t'} {
		reader := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
		reader.Comma = comma
		header, err := reader.Read()
		if err != nil || len(header) < 2 || !holdsText(columnNames(header)) || slices.ContainsFunc(header, spaced) {
			continue
		}
		// The reader refuses a row of another length than the header's.
		if _, err := reader.Read(); err == nil || comma == '\t' && plainTSV(data[:min(len(data), tableSample)], len(data) <= tableSample) {
			return comma, true
		}
	}
	return 0, false
}

func spaced(name string) bool { return strings.TrimSpace(name) != name }

// recordCap fails a read once more than limit bytes have been read since
// read was last set to zero (at each row), so that a row without end is
// refused while it is read rather than after it has filled memory. The
// table reader reads ahead a little, so the count is of the row and part
// of the next.
type recordCap struct {
	r           io.Reader
	read, limit int64
}

func (c *recordCap) Read(p []byte) (int, error) {
	if c.read > c.limit {
		return 0, fmt.Errorf("a row over the %d-byte limit: %w", c.limit, news.ErrTooLarge)
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}
