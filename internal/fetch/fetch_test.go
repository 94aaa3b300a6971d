package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// testClient reaches httptest servers, which listen on loopback.
func testClient(opts Options) *Client {
	opts.AllowPrivate = true
	return New(opts)
}

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "corroborate/") {
			http.Error(w, "who are you?", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	mux.HandleFunc("GET /gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, "<p>unpacked</p>")
		zw.Close()
	})
	mux.HandleFunc("GET /moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{})

	tests := []struct {
		path, body, finalPath string
	}{
		{"/page", "<p>hello</p>", "/page"},
		{"/gzip", "<p>unpacked</p>", "/gzip"},
		{"/moved", "<p>hello</p>", "/page"},
	}
	for _, tt := range tests {
		resp, err := c.Fetch(context.Background(), srv.URL+tt.path)
		if err != nil {
			t.Errorf("Fetch(%s): %v", tt.path, err)
			continue
		}
		if string(resp.Body) != tt.body || resp.URL != srv.URL+tt.finalPath {
			t.Errorf("Fetch(%s) = %q at %s, want %q at %s", tt.path, resp.Body, resp.URL, tt.body, tt.finalPath)
		}
	}
}

func TestFetchErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /missing", http.NotFound)
	mux.HandleFunc("GET /broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("GET /busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "50000000")
		fmt.Fprint(w, strings.Repeat("x", 1000))
	})
	mux.HandleFunc("GET /big-stream", func(w http.ResponseWriter, r *http.Request) {
		for range 100 {
			fmt.Fprint(w, strings.Repeat("x", 1000))
		}
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("GET /loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("GET /loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("GET /chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/chain/"+r.PathValue("n")+"0", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{Timeout: 200 * time.Millisecond, MaxBytes: 10_000, MaxRedirects: 3})

	tests := []struct {
		path string
		want error
	}{
		{"/missing", news.ErrNotFound},
		{"/broken", ErrStatus},
		{"/busy", ErrStatus},
		{"/big", news.ErrTooLarge},
		{"/big-stream", news.ErrTooLarge},
		{"/slow", context.DeadlineExceeded},
		{"/loop-a", ErrRedirects},
		{"/chain/1", ErrRedirects},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Fetch(context.Background(), srv.URL+tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Fetch error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), srv.URL+tt.path) {
				t.Errorf("error %q does not name the URL", err)
			}
		})
	}
	if _, err := c.Fetch(context.Background(), "ftp://example.com/x"); err == nil {
		t.Error("Fetch(ftp://…) succeeded")
	}
	var later *RetryLaterError
	if _, err := c.Fetch(context.Background(), srv.URL+"/busy"); !errors.As(err, &later) || later.After != 120*time.Second {
		t.Errorf("Fetch(/busy) error = %v, want one that says to retry after 2m0s", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		status int
		header string
		want   time.Duration
		ok     bool
	}{
		{http.StatusServiceUnavailable, "120", 120 * time.Second, true},
		{http.StatusTooManyRequests, " 30 ", 30 * time.Second, true},
		{http.StatusTooManyRequests, "Mon, 23 Nov 2026 12:10:00 GMT", 10 * time.Minute, true},
		{http.StatusTooManyRequests, "Mon, 23 Nov 2026 11:00:00 GMT", 0, true}, // already past
		{http.StatusServiceUnavailable, "99999999999", maxRetryAfter, true},
		{http.StatusServiceUnavailable, "-5", 0, false},
		{http.StatusServiceUnavailable, "soon", 0, false},
		{http.StatusServiceUnavailable, "", 0, false},
		{http.StatusInternalServerError, "120", 0, false}, // the header only means something on 429 and 503
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}}
		if tt.header != "" {
			resp.Header.Set("Retry-After", tt.header)
		}
		if got, ok := retryAfter(resp, now); got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%d, %q) = %v, %v; want %v, %v", tt.status, tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := testClient(Options{})
	for range 3 {
		resp, err := c.Fetch(context.Background(), srv.URL+"/feed")
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != "<rss/>" || resp.ContentType != "application/rss+xml" {
			t.Fatalf("Fetch = %q (%s)", resp.Body, resp.ContentType)
		}
	}
	if full.Load() != 1 || notModified.Load() != 2 {
		t.Errorf("full responses %d, not-modified %d; want 1 and 2", full.Load(), notModified.Load())
	}
}

// TestFetchIf: validators a caller kept (a poller's, across restarts) are
// sent as they are, and a 304 comes back as NotModified without a body.
func TestFetchIf(t *testing.T) {
	const modified = "Mon, 02 Jan 2026 15:04:05 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v2"` || r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v2"`)
		w.Header().Set("Last-Modified", modified)
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	tests := []struct {
		name         string
		have         Validators
		wantModified bool
	}{
		{"no copy", Validators{}, true},
		{"current etag", Validators{ETag: `"v2"`}, false},
		{"stale etag", Validators{ETag: `"v1"`}, true},
		{"current date", Validators{LastModified: modified}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := testClient(Options{}).FetchIf(context.Background(), srv.URL+"/feed", tt.have)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified == tt.wantModified {
				t.Errorf("NotModified = %v, want %v", resp.NotModified, !tt.wantModified)
			}
			if tt.wantModified && (string(resp.Body) != "<rss/>" || resp.Validators != (Validators{`"v2"`, modified})) {
				t.Errorf("got %q with %+v", resp.Body, resp.Validators)
			}
			if !tt.wantModified && len(resp.Body) != 0 {
				t.Errorf("a 304 carried a body: %q", resp.Body)
			}
		})
	}
}

func TestPerHostLimit(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
	}))
	defer srv.Close()
	c := testClient(Options{PerHost: 2})
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Fetch(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak.Load() > 2 {
		t.Errorf("%d requests in flight to one host, want at most 2", peak.Load())
	}
}

// TestRefusesPrivate checks the address check at dial time: a loopback
// server is refused whether named by IP or by a name that resolves to it.
func TestRefusesPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("request reached a loopback server")
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	c := New(Options{})
	for _, u := range []string{srv.URL, "http://localhost:" + port + "/"} {
		if _, err := c.Fetch(context.Background(), u); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("Fetch(%s) error = %v, want ErrForbiddenAddress", u, err)
		}
	}
}

func TestForbidden(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"100.64.0.1", true}, {"0.0.0.0", true}, {"::1", true},
		{"fe80::1", true}, {"fd00::1", true}, {"::ffff:127.0.0.1", true}, {"224.0.0.1", true},
		{"93.184.216.34", false}, {"2606:2800:220:1::1", false}, {"100.128.0.1", false},
	}
	for _, tt := range tests {
		if got := Forbidden(net.ParseIP(tt.ip)); got != tt.want {
			t.Errorf("Forbidden(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

// FuzzRetryAfter: any header gives a wait between zero and the bound, or none.
func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Mon, 23 Nov 2026 12:10:00 GMT", "-1", "1e9", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, header string) {
		resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {header}}}
		if wait, ok := retryAfter(resp, now); wait < 0 || wait > maxRetryAfter || !ok && wait != 0 {
			t.Errorf("retryAfter(%q) = %v, %v", header, wait, ok)
		}
	})
}
