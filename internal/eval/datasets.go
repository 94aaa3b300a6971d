package eval

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
)

// Datasets are the public sets eval knows how to read, by name.
var Datasets = map[string]func(path string) ([]*news.Article, error){
	"multinews":         loadMultiNews,
	"allsides":          loadAllSides,
	"allsides-train":    func(path string) ([]*news.Article, error) { return loadAllSides(inFolder(path, "train.source")) },
	"wikiref":           loadWikiRef,
	"googlenews-t":      googleNews("T.jsonl"),
	"googlenews-s":      googleNews("S.jsonl"),
	"googlenews-ts":     googleNews("TS.jsonl"),
	"googlenews-tweets": googleNews("Tweet.jsonl"),
	"web-pages":         loadWebPages,
}

// DatasetNames lists the known datasets, sorted.
func DatasetNames() []string {
	names := make([]string, 0, len(Datasets))
	for n := range Datasets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Load reads a named dataset from path (its folder or main file).
func Load(name, path string) ([]*news.Article, error) {
	load, ok := Datasets[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("unknown dataset %q (known: %s)", name, strings.Join(DatasetNames(), ", "))
	}
	articles, err := load(path)
	if err != nil {
		return nil, fmt.Errorf("load %s from %s: %w", name, path, err)
	}
	return articles, nil
}

// inFolder returns path/name when path is a folder, else path.
func inFolder(path, name string) string {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return filepath.Join(path, name)
	}
	return path
}

// loadMultiNews pools the articles of Multi-News stories; each CSV row is
// one story.
func loadMultiNews(path string) ([]*news.Article, error) {
	var out []*news.Article
	err := eachMultiNews(path, func(row int, articles []*news.Article, _ string) error {
		out = append(out, articles...)
		return nil
	})
	return out, err
}

// eachMultiNews calls fn with each Multi-News story: its row number, its
// articles and the summary its editors wrote.
func eachMultiNews(path string, fn func(row int, articles []*news.Article, summary string) error) error {
	f, err := os.Open(inFolder(path, "sample_validation.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return err
	}
	docCol, sumCol := -1, -1
	for i, h := range header {
		switch h {
		case "documents":
			docCol = i
		case "summary":
			sumCol = i
		}
	}
	if docCol < 0 || sumCol < 0 {
		return fmt.Errorf("want documents and summary columns, got %q", header)
	}
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", row, err)
		}
		docs, err := parsePyStrings(rec[docCol])
		if err != nil {
			return fmt.Errorf("row %d: %w", row, err)
		}
		var articles []*news.Article
		for d, text := range docs {
			if strings.TrimSpace(text) == "" {
				continue
			}
			id := fmt.Sprintf("mn%03d-%d", row, d)
			articles = append(articles, &news.Article{ID: id, Source: fmt.Sprintf("%s:%d:%d", filepath.Base(path), row, d), Text: text, Story: strconv.Itoa(row)})
		}
		if err := fn(row, articles, rec[sumCol]); err != nil {
			return err
		}
	}
}

var allSidesPart = regexp.MustCompile(`^\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)$`)

// eachLine calls fn with each line of a file and its number, stopping at
// the first error fn returns.
func eachLine(path string, fn func(n int, line []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if err := fn(n, sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// loadAllSides pools the three outlets' articles of each NeuS story.
func loadAllSides(path string) ([]*news.Article, error) {
	var out []*news.Article
	err := eachLine(inFolder(path, "val.source"), func(line int, text []byte) error {
		out = append(out, allSidesStory(path, line, string(text))...)
		return nil
	})
	return out, err
}

// allSidesStory reads one line of a NeuS source file: the story's articles,
// separated by [SEP], each a title and a lead.
func allSidesStory(path string, line int, text string) []*news.Article {
	var out []*news.Article
	for k, part := range strings.Split(text, "[SEP]") {
		m := allSidesPart.FindStringSubmatch(part)
		if m == nil {
			continue
		}
		title, body := strings.TrimSuffix(m[1], "."), strings.TrimSpace(m[2])
		if body == "" {
			body = title // a few items have only a headline
		}
		if body == "" {
			continue
		}
		out = append(out, &news.Article{ID: fmt.Sprintf("as%04d-%d", line, k), Source: fmt.Sprintf("%s:%d:%d", filepath.Base(path), line, k),
			Title: title, Text: body, Story: strconv.Itoa(line)})
	}
	return out
}

var wikiRefLabel = regexp.MustCompile(`^(.*?)(?:(?: \(\d+\))|(?:\.\d+))?\.txt$`)

// loadWikiRef reads the WikiRef220 files; the topic is the file name before
// its number. Many files are Windows-1252, which ingest decodes.
func loadWikiRef(path string) ([]*news.Article, error) {
	dir := path
	if _, err := os.Stat(filepath.Join(path, "WikiRef220")); err == nil {
		dir = filepath.Join(path, "WikiRef220")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []*news.Article
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		a, err := ingest.ReadText(filepath.Join(dir, e.Name()), data, ingest.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		a.Story = wikiRefLabel.FindStringSubmatch(e.Name())[1]
		out = append(out, a)
	}
	return out, nil
}

// loadWebPages reads the pages of the trafilatura extraction benchmark,
// each its own story: about a thousand unrelated pages in eight languages,
// so that every story of several is a false join. It measures whether
// text that shares only a language (its function words, its boilerplate)
// stays apart.
func loadWebPages(path string) ([]*news.Article, error) {
	cases, err := LoadSnippetCases(path)
	if err != nil {
		return nil, err
	}
	out := make([]*news.Article, 0, len(cases))
	for _, c := range cases {
		data, err := os.ReadFile(c.File)
		if err != nil {
			return nil, err
		}
		var page *news.Article
		ingest.Read(context.Background(), c.File, data, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
			if e != nil {
				err = fmt.Errorf("%s: %s", e.Source, e.Error)
				return
			}
			page = a
		})
		if err != nil {
			return nil, err
		}
		if page == nil {
			return nil, fmt.Errorf("%s: no article read", c.File)
		}
		if page.URL == "" {
			page.URL = c.URL
		}
		page.Story = c.URL
		out = append(out, page)
	}
	return out, nil
}

// googleNews reads one of the GoogleNews-GSDMM files: pre-processed text
// with a cluster number.
func googleNews(file string) func(string) ([]*news.Article, error) {
	return func(path string) ([]*news.Article, error) {
		var out []*news.Article
		err := eachLine(inFolder(path, file), func(line int, text []byte) error {
			var rec struct {
				Text    string          `json:"text"`
				Cluster json.RawMessage `json:"cluster"`
			}
			if err := json.Unmarshal(text, &rec); err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
			out = append(out, &news.Article{ID: fmt.Sprintf("gn%05d", line), Source: fmt.Sprintf("%s:%d", file, line), Text: rec.Text,
				Story: strings.Trim(string(rec.Cluster), `"`)})
			return nil
		})
		return out, err
	}
}

// poolSets are the public sets of full news articles that make the
// benchmark pool: dataset name and path under the data folder.
var poolSets = [][2]string{
	{"multinews", "multinews-validation"},
	{"allsides", "neus-allsides-dev/train.source"},
	{"allsides", "neus-allsides-dev/val.source"},
	{"wikiref", "wikiref220"},
}

// Pool loads every article of the full-text public sets found under data
// (about 9,000): the pool the benchmarks run on. It fails with
// fs.ErrNotExist when none is there.
func Pool(data string) ([]*news.Article, error) {
	var all []*news.Article
	err := eachSet(data, poolSets, func(_ [2]string, articles []*news.Article) { all = append(all, articles...) })
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no public data sets under %s: %w", data, fs.ErrNotExist)
	}
	return all, nil
}

// eachSet loads each of sets (dataset name, path under data) that is
// present and hands its articles to fn.
func eachSet(data string, sets [][2]string, fn func(set [2]string, articles []*news.Article)) error {
	for _, set := range sets {
		path := filepath.Join(data, set[1])
		if _, err := os.Stat(path); err != nil {
			continue
		}
		articles, err := Load(set[0], path)
		if err != nil {
			return err
		}
		fn(set, articles)
	}
	return nil
}
