package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
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
