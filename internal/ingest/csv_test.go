package ingest

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// row is what TestReadCSV checks of an article read from a table.
type row struct{ id, text, title, outlet, published, story string }

// TestReadCSV: tables as data sets export news are read by their header
// row, with the names and aliases JSON Lines has.
func TestReadCSV(t *testing.T) {
	tests := []struct {
		name, file, table string
		want              []row
		errs              []string // sources of the errors
	}{
		{"UCI News Aggregator: headlines, upper-case names, Unix milliseconds", "uci.csv",
			"ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n" +
				"1,\"Fed official says weak data caused by weather, should not slow taper\",http://a.example/1,Los Angeles Times,b,ddUyU0VZz0BRneMioxUPQVP6sIxvM,a.example,1394470370698\n",
			[]row{{id: "1", text: "Fed official says weak data caused by weather, should not slow taper", title: "Fed official says weak data caused by weather, should not slow taper",
				outlet: "Los Angeles Times", published: "2014-03-10T16:52:50Z", story: "ddUyU0VZz0BRneMioxUPQVP6sIxvM"}}, nil},
		{"All the News: a quoted text over several lines, with commas and quotes", "all-the-news.csv",
			"\ufeffid,title,publication,author,date,year,month,url,content\n" +
				"17283,House Republicans Fret,New York Times,Carl Hulse,2016-12-31,2016.0,12.0,,\"WASHINGTON — Congressional Republicans have a new fear.\n\nThey said \"\"repeal\"\" was near, officials noted.\"\n",
			[]row{{id: "17283", text: "WASHINGTON — Congressional Republicans have a new fear.\n\nThey said \"repeal\" was near, officials noted.",
				title: "House Republicans Fret", outlet: "New York Times", published: "2016-12-31"}}, nil},
		{"tab-separated, names with spaces, our own names", "ours.tsv",
			"Story\tText\tOutlet\tPublished Date\n" +
				"s1\tThe dam failed.\tCourier\t2031-04-14\n" +
				"s1\tThe dam burst.\tPost\t\n",
			[]row{{text: "The dam failed.", outlet: "Courier", published: "2031-04-14", story: "s1"},
				{text: "The dam burst.", outlet: "Post", story: "s1"}}, nil},
		{"a database's tab-separated export: no quoting, quotes in the text, escaped line breaks, \\N for empty", "copy.tsv",
			"title\ttext\toutlet\n" +
				"\"Quote,\" he said\tHe said \"no\".\\nA second paragraph, C:\\\\files.\tPost\n" +
				"Two\t\"We will win,\" she said.\t\\N\r\n" +
				"Three\tA line\\vbroken in Word.\\fNext page.\tPost\n",
			[]row{{text: "He said \"no\".\nA second paragraph, C:\\files.", title: "\"Quote,\" he said", outlet: "Post"},
				{text: "\"We will win,\" she said.", title: "Two"}, {text: "A line\vbroken in Word.\fNext page.", title: "Three", outlet: "Post"}}, nil},
		{"a quoted tab-separated table with a broken row keeps its quoting", "sheet.tsv",
			"title\ttext\nOne\t\"He said \"\"no\"\".\"\nTwo\t\"Broken\" row.\n",
			[]row{{text: "He said \"no\".", title: "One"}}, []string{"sheet.tsv:3"}},
		{"a database's export with a JSON column: its empty strings are text, not quoting", "meta.tsv",
			"title\ttext\tmeta\n" +
				"One\t\"Yes,\" she said.\t{\"byline\": \"\", \"tags\": [\"x\"]}\n" +
				"\"We will win\"\tShe said \"we will win\".\t\\N\n",
			[]row{{text: "\"Yes,\" she said.", title: "One"}, {text: "She said \"we will win\".", title: "\"We will win\""}}, nil},
		{"a database's export with Windows line ends and a blank line", "crlf.tsv",
			"title\ttext\r\nOne\t\"Yes,\" she said.\r\n\r\nTwo\tSecond text.\r\n",
			[]row{{text: "\"Yes,\" she said.", title: "One"}, {text: "Second text.", title: "Two"}}, nil},
		{"a quoted table whose first text over several lines starts at the end of the sample", "sheet-long.tsv",
			straddling(), straddlingRows(), nil},
		{"a row without text or title is an error naming its line; the rest are read", "gaps.csv",
			"title,text,cluster\nOne,First text.,1\n,,2\nThree,,3\n",
			[]row{{text: "First text.", title: "One", story: "1"}, {text: "Three", title: "Three", story: "3"}},
			[]string{"gaps.csv:3"}},
		{"a byte-order mark before a quoted header row", "excel.csv",
			"\ufeff\"Title\",\"Text\"\r\n\"One\",\"First text.\"\r\n",
			[]row{{text: "First text.", title: "One"}}, nil},
		{"a row whose quote breaks off is an error naming its line; the rows after it are read", "quotes.csv",
			"title,text\nOne,\"Quote\" he said.\nTwo,He said \"no\".\nThree,Third text.\n",
			[]row{{text: "Third text.", title: "Three"}}, []string{"quotes.csv:2", "quotes.csv:3"}},
		{"short and long rows read for what they have", "ragged.csv",
			"title,text\nOne\nTwo,Second text.,extra,cells\n",
			[]row{{text: "One", title: "One"}, {text: "Second text.", title: "Two"}}, nil},
		{"no text column: one error naming the file", "prices.csv",
			"symbol,price\nACME,12.5\n", nil, []string{"prices.csv"}},
		{"an empty file", "empty.csv", "", nil, []string{"empty.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collected
			Read(context.Background(), tt.file, []byte(tt.table), Options{}, c.emit)
			articles, errs := c.articles, c.errs
			var sources []string
			for _, e := range errs {
				sources = append(sources, e.Source)
			}
			if strings.Join(sources, " ") != strings.Join(tt.errs, " ") {
				t.Errorf("errors from %v, want from %v: %+v", sources, tt.errs, errs)
			}
			if len(articles) != len(tt.want) {
				t.Fatalf("%d articles, want %d: %+v", len(articles), len(tt.want), articles)
			}
			for i, a := range articles {
				got := row{text: a.Text, title: a.Title, outlet: a.Outlet, published: a.Published.String(), story: a.Story}
				want := tt.want[i]
				if want.id != "" {
					got.id = a.ID
				}
				if got != want {
					t.Errorf("row %d: got %+v, want %+v", i, got, want)
				}
				if a.ID == "" || !strings.HasPrefix(a.Source, tt.file+":") {
					t.Errorf("row %d: id %q, source %q", i, a.ID, a.Source)
				}
			}
		})
	}
}

// straddling is a quoted tab-separated table whose first text over two
// lines opens on the last line of the sample plainTSV reads (tableSample
// bytes), and closes after it.
func straddling() string {
	var b strings.Builder
	b.WriteString("title\ttext\n")
	const row = "Row\tA text without quotation marks.\n"
	const open = "Long\t\"First paragraph.\n"
	for b.Len()+len(row)+len(open) <= tableSample {
		b.WriteString(row)
	}
	b.WriteString(open)
	b.WriteString(strings.Repeat("Second paragraph, long enough to cross the sample's end. ", 10) + "\"\nLast\tLast text.\n")
	return b.String()
}

func straddlingRows() []row {
	n := (tableSample - len("title\ttext\n") - len("Long\t\"First paragraph.\n")) / len("Row\tA text without quotation marks.\n")
	var rows []row
	for range n {
		rows = append(rows, row{text: "A text without quotation marks.", title: "Row"})
	}
	rows = append(rows, row{text: "First paragraph.\n" + strings.TrimSpace(strings.Repeat("Second paragraph, long enough to cross the sample's end. ", 10)), title: "Long"},
		row{text: "Last text.", title: "Last"})
	return rows
}

// TestReadCSVRowOverLimit: a row without end is refused while it is read,
// and the rows before it are kept, in a quoted table and a plain one.
func TestReadCSVRowOverLimit(t *testing.T) {
	tests := []struct {
		name, start string
		comma       rune
	}{
		{"quoted", "title,text\nOne,First.\nTwo,\"", ','},
		{"plain tab-separated", "title\ttext\nOne\t\"First,\" she said.\nTwo\t", '\t'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			endless := &endlessText{}
			var c collected
			ReadCSV(context.Background(), "big", io.MultiReader(strings.NewReader(tt.start), endless), tt.comma, Options{MaxBytes: 1 << 20}, c.emit)
			if len(c.articles) != 1 || len(c.errs) != 1 || !strings.Contains(c.errs[0].Error, "limit") {
				t.Fatalf("articles %+v, errors %+v; want the first row and one error over the limit", c.articles, c.errs)
			}
			if endless.read > 4<<20 {
				t.Errorf("read %d bytes of a row over a 1 MiB limit", endless.read)
			}
		})
	}
}

// TestTableFromStdin: a table piped in is known by its header row and the
// row under it; text that merely has commas in its first line is not.
func TestTableFromStdin(t *testing.T) {
	tests := []struct {
		in    string
		table bool
	}{
		{"title,text\nOne,First text.\n", true},
		{"Headline\tBody\nOne\tFirst text.\n", true},
		{"Headline\tBody\n\"Quote,\" he said\tHe said \"no\".\n", true},
		{"The council met, and the budget passed.\n\nMore text.", false},
		{"text\nA one-column table is a text.\n", false},
		{"Body, mind and soul\n\nResearchers found that sleep, diet and exercise help.\n", false},
		{"Title, text and more\n", false},
		{"Title,Text\nOne line of a text\n", false},
		{"\ufefftitle,content\nOne,\"A text over " + strings.Repeat("many words, ", 500) + "\nand lines.\"\n", true},
	}
	for _, tt := range tests {
		_, table := looksLikeTable([]byte(tt.in))
		if table != tt.table {
			t.Errorf("looksLikeTable(%q) = %v, want %v", tt.in, table, tt.table)
		}
	}
	var got []*news.Article
	Paths(context.Background(), []string{"-"}, bytes.NewReader([]byte(tests[0].in)), Options{}, func(a *news.Article, e *news.ItemError) {
		if e != nil {
			t.Fatalf("%+v", e)
		}
		got = append(got, a)
	})
	if len(got) != 1 || got[0].Text != "First text." || got[0].Title != "One" {
		t.Errorf("a table on stdin read as %+v", got)
	}
}
