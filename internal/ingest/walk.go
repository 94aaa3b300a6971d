package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
)

// Paths reads every path in turn: files, folders (recursively, skipping
// hidden entries), "-" for stdin and http(s) URLs when opts has a Fetcher. Articles and errors go to emit.
func Paths(ctx context.Context, paths []string, stdin io.Reader, opts Options, emit Emit) {
	for _, p := range paths {
		if ctx.Err() != nil {
			return
		}
		if p == "-" {
			readStdin(ctx, stdin, opts, emit)
			continue
		}
		if IsURL(p) {
			ReadURL(ctx, p, opts, emit)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			fail(emit, p, err)
			continue
		}
		if info.IsDir() {
			readDir(ctx, p, opts, emit)
			continue
		}
		readFile(ctx, p, opts, emit)
	}
}

func readDir(ctx context.Context, dir string, opts Options, emit Emit) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(emit, path, err)
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != dir
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case !d.IsDir() && !hidden && d.Type().IsRegular() && !pageAsset(path):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		fail(emit, dir, err)
	}
	sort.Strings(files)
	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		readFile(ctx, f, opts, emit)
	}
}

func readFile(ctx context.Context, path string, opts Options, emit Emit) {
	f, err := os.Open(path)
	if err != nil {
		fail(emit, path, err)
		return
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head) // a short file reads short; real errors show on the next read
	// Lines and tables are read as they stream: a data set can be larger
	// than memory, and each article is capped on its own.
	if !strings.HasSuffix(path, ".gz") {
		switch Sniff(path, head[:n]) {
		case FormatJSONL:
			if !isJSONFeed(head[:n]) {
				ReadJSONL(ctx, path, io.MultiReader(bytes.NewReader(head[:n]), f), opts, emit)
				return
			}
		case FormatTable:
			ReadCSV(ctx, path, io.MultiReader(bytes.NewReader(head[:n]), f), tableComma(path), opts, emit)
			return
		}
	}
	data, err := readAllLimited(io.MultiReader(bytes.NewReader(head[:n]), f), opts.maxBytes())
	if err != nil {
		fail(emit, path, err)
		return
	}
	Read(ctx, path, data, opts, emit)
}

func readStdin(ctx context.Context, stdin io.Reader, opts Options, emit Emit) {
	data, err := readAllLimited(stdin, 64*opts.maxBytes())
	if err != nil {
		fail(emit, "stdin", err)
		return
	}
	if Sniff("", data[:min(len(data), 512)]) == FormatJSONL && !isJSONFeed(data) {
		ReadJSONL(ctx, "stdin", bytes.NewReader(data), opts, emit)
		return
	}
	if comma, ok := looksLikeTable(data); ok {
		ReadCSV(ctx, "stdin", bytes.NewReader(data), comma, opts, emit)
		return
	}
	Read(ctx, "stdin:1", data, opts, func(a *news.Article, e *news.ItemError) {
		if a != nil {
			a.ID = "stdin-1"
		}
		emit(a, e)
	})
}

func readAllLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("over the %d-byte limit: %w", limit, news.ErrTooLarge)
	}
	return data, nil
}

// assetExts are the files a browser saves beside a page ("page_files/"):
// styles, scripts, images, fonts. Found in a folder they are not articles
// and are passed over; named on the command line they are read, and fail.
var assetExts = map[string]bool{
	".css": true, ".js": true, ".mjs": true, ".map": true, ".png": true, ".jpg": true, ".jpeg": true,
	".gif": true, ".webp": true, ".svg": true, ".ico": true, ".avif": true, ".woff": true, ".woff2": true,
	".ttf": true, ".otf": true, ".eot": true, ".mp4": true, ".webm": true, ".mp3": true, ".pdf": true,
}

func pageAsset(path string) bool {
	return assetExts[strings.ToLower(filepath.Ext(path))]
}
