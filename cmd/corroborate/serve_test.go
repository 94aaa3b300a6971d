package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// startServe runs the command line's serve on port 0, as main would, and
// returns its base URL; the server stops when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), w, io.Discard)
		w.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d", code)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve said nothing: %v", err)
	}
	go io.Copy(io.Discard, out)
	m := regexp.MustCompile(`http://\S+`).FindString(line)
	if m == "" {
		t.Fatalf("no address in %q", line)
	}
	return m
}

// TestServeEndToEnd runs the binary's main on port 0, sends the sample
// corpus over HTTP and reads the stories back.
func TestServeEndToEnd(t *testing.T) {
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "c.db"))
	body := sampleJSONL(t)
	resp, err := http.Post(base+"/api/v1/articles", "application/x-ndjson", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Articles []struct{ ID, Story string }
	}
	json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(res.Articles) != 8 {
		t.Fatalf("ingest: %d, %d articles", resp.StatusCode, len(res.Articles))
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/stories")
		if err != nil {
			t.Fatal(err)
		}
		var list struct {
			Stories []struct {
				ID       string
				Headline string
				Analyzed bool
			}
		}
		json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		analyzed := len(list.Stories) == 3
		for _, st := range list.Stories {
			analyzed = analyzed && st.Analyzed && st.Headline != ""
		}
		if analyzed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stories not analysed in time: %+v", list)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, path := range []string{"/", "/healthz", "/metrics", "/feed.atom", "/api/v1/articles/courier-flood-1"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

func TestServeRefusesOpenWritesBeyondLoopback(t *testing.T) {
	code, _, stderr := runCLI(t, "", "serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "c.db"))
	if code != 1 || !strings.Contains(stderr, "--token") {
		t.Errorf("serve beyond loopback without a token: exit %d, %q", code, stderr)
	}
}

func TestIngestCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	code, stdout, stderr := runCLI(t, "", "ingest", "--db", db, examples)
	if code != 0 || !strings.Contains(stdout, "8 new articles stored, 0 already stored, in 3 stories") {
		t.Fatalf("ingest: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", "ingest", "--db", db, examples)
	if code != 0 || !strings.Contains(stdout, "0 new articles stored, 8 already stored") {
		t.Errorf("ingest again: %d %s", code, stdout)
	}
}

// TestServeFeeds: serve --feeds polls a feed on its own and stores its
// items; the feed's state is in the API.
func TestServeFeeds(t *testing.T) {
	var polls atomic.Int32
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Portmere Gazette</title>
<entry><title>Ferry strike ends</title><link href="https://gazette.example/ferry"/><updated>2026-03-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;The ferry workers of Portmere ended their strike on Monday after the operator offered a 6 percent raise, the union said.&lt;/p&gt;</content></entry>
<entry><title>Lighthouse sold</title><link href="https://gazette.example/lighthouse"/><updated>2026-03-03T09:00:00Z</updated>
<content type="html">&lt;p&gt;The old lighthouse on Cape Vell was sold at auction on Tuesday for 310,000 crowns to a local diving club.&lt;/p&gt;</content></entry>
</feed>`)
	}))
	defer site.Close()
	list := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(list, []byte("# test feeds\n"+site.URL+"/atom.xml\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "c.db"), "--feeds", list, "--allow-private", "--poll-every", "1h")
	deadline := time.Now().Add(20 * time.Second)
	for {
		var feeds struct {
			Feeds []struct {
				URL        string `json:"url"`
				LastPolled string `json:"last_polled"`
				Failures   int    `json:"failures"`
				LastError  string `json:"last_error"`
			} `json:"feeds"`
		}
		getJSON(t, base+"/api/v1/feeds", &feeds)
		if len(feeds.Feeds) == 1 && feeds.Feeds[0].LastPolled != "" {
			if f := feeds.Feeds[0]; f.Failures != 0 || f.LastError != "" {
				t.Fatalf("feed state %+v", f)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed not polled after 20s: %+v", feeds)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var list2 struct {
		Stories []struct{ ID string }
	}
	getJSON(t, base+"/api/v1/stories", &list2)
	if len(list2.Stories) != 2 || polls.Load() != 1 {
		t.Errorf("%d stories after %d polls; want the feed's 2 stories after one poll", len(list2.Stories), polls.Load())
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestBenchServe(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "bench", "serve", "--duration", "20s", "--page-requests", "5", "--readers", "1", examples)
	if code != 0 {
		t.Fatalf("bench serve: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"ingest: 8 of 8 articles acknowledged", "POST /api/v1/articles", "failures: none", "story page of"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("bench serve printed no %q:\n%s", want, stdout)
		}
	}
}

func TestDurationsFlag(t *testing.T) {
	tests := []struct {
		in, want string // want is the value read back, or "error"
	}{
		{"1h,6h,24h", "1h0m0s,6h0m0s,24h0m0s"},
		{" 30m , 2h ", "30m0s,2h0m0s"},
		{"none", "none"},
		{"", "none"},
		{"2h,1h", "error"},
		{"1h,1h", "error"},
		{"-1h", "error"},
		{"1h,soon", "error"},
	}
	for _, tt := range tests {
		var d durations
		got := "error"
		if err := d.Set(tt.in); err == nil {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("Set(%q) then String() = %s, want %s", tt.in, got, tt.want)
		}
	}
}
