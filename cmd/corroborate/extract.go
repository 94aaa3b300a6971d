package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/corroborate/corroborate/internal/extract"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/ingest"
)

func runExtract(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var format string
	choiceVar(fs, &format, "format", "text", []string{"text", "json"}, "output `format`: text or json")
	pageURL := fs.String("url", "", "the page's address, when reading a file or stdin")
	var maxBytes int64
	int64AtLeastVar(fs, &maxBytes, "max-bytes", extract.DefaultMaxBytes, 1, "largest page accepted, in `bytes`")
	web := webFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate extract [flags] FILE|URL|-\n\nReads one web page and prints its article: title, outlet, author, published,\nurl, language and the cleaned text.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	source := fs.Arg(0)
	web.MaxBytes = maxBytes
	data, opts, err := readPageArg(ctx, source, *web, env.stdin)
	if err != nil {
		fmt.Fprintf(env.stderr, "corroborate extract: %v\n", err)
		return 1
	}
	opts.MaxBytes = maxBytes
	if *pageURL != "" {
		opts.URL = *pageURL
	}
	// A feed is asked first: the HTML parser, lenient as browsers are,
	// would read an RSS file's markup as the text of one page.
	if _, ferr := feed.Parse(data); ferr == nil {
		fmt.Fprintf(env.stderr, "corroborate extract: %s: a feed, not a page; corroborate analyze %s reads its items\n", source, source)
		return 1
	}
	page, err := extract.HTML(data, opts)
	if err != nil {
		fmt.Fprintf(env.stderr, "corroborate extract: %s: %v\n", source, err)
		return 1
	}
	if format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return exitOn(enc.Encode(page), env)
	}
	return exitOn(printPage(env.stdout, page), env)
}

// readPageArg reads the page named on the command line: a URL, a file
// (gzipped or not) or "-" for stdin.
func readPageArg(ctx context.Context, source string, web fetch.Options, stdin io.Reader) ([]byte, extract.Options, error) {
	if ingest.IsURL(source) {
		resp, err := fetch.New(web).Fetch(ctx, source)
		if err != nil {
			return nil, extract.Options{}, err
		}
		return resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType}, nil
	}
	var r io.Reader = stdin
	if source != "-" {
		f, err := os.Open(source)
		if err != nil {
			return nil, extract.Options{}, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, web.MaxBytes*4+1))
	if err != nil {
		return nil, extract.Options{}, fmt.Errorf("%s: %w", source, err)
	}
	if data, err = ingest.Unpack(data, web.MaxBytes); err != nil {
		return nil, extract.Options{}, fmt.Errorf("%s: %w", source, err)
	}
	return data, extract.Options{}, nil
}

func printPage(w io.Writer, p *extract.Page) error {
	var meta []string
	for _, v := range []string{p.Outlet, p.Author, p.Published.String(), p.Language} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	var b strings.Builder
	if p.Title != "" {
		fmt.Fprintln(&b, p.Title)
	}
	if len(meta) > 0 {
		fmt.Fprintln(&b, strings.Join(meta, " · "))
	}
	if p.URL != "" {
		fmt.Fprintln(&b, p.URL)
	}
	fmt.Fprintf(&b, "\n%s\n", p.Text)
	_, err := io.WriteString(w, b.String())
	return err
}
