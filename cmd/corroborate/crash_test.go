package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this binary's main in a child process: the
// crash test kills that child, which a goroutine could not survive.
func TestMain(m *testing.M) {
	if os.Getenv("CORROBORATE_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// child is corroborate serve running as its own process.
type child struct {
	cmd  *exec.Cmd
	base string
}

func startChild(t *testing.T, db string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--db", db)
	cmd.Env = append(os.Environ(), "CORROBORATE_RUN_MAIN=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("serve said nothing: %v", err)
	}
	go io.Copy(io.Discard, out)
	base := regexp.MustCompile(`http://\S+`).FindString(line)
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return &child{cmd: cmd, base: base}
}

// syntheticArticles makes distinct articles on a handful of invented
// topics, enough to keep a writer busy.
func syntheticArticles(n int) [][]byte {
	topics := []string{"harbour", "railway", "election", "vaccine", "bridge", "festival", "drought", "museum"}
	words := strings.Fields("council mayor residents budget repairs vote union strike storm river hospital school police court minister market")
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]byte, n)
	for i := range out {
		topic := topics[i%len(topics)]
		var b strings.Builder
		for s := range 6 {
			fmt.Fprintf(&b, "The %s %s said on day %d that %d %s had %s the %s plan, report %d-%d. ", topic,
				words[rng.IntN(len(words))], s, rng.IntN(900)+10, words[rng.IntN(len(words))], words[rng.IntN(len(words))], topic, i, s)
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("syn-%05d", i), "outlet": fmt.Sprintf("Outlet %d", i%13),
			"title": fmt.Sprintf("The %s story, part %d", topic, i), "text": b.String()})
		out[i] = line
	}
	return out
}

func post(base string, lines [][]byte) (int, []byte, error) {
	resp, err := http.Post(base+"/api/v1/articles", "application/x-ndjson", bytes.NewReader(bytes.Join(lines, []byte("\n"))))
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// TestKillDuringIngest kills the server with SIGKILL while batches are
// being written, restarts it, and sends everything again: no acknowledged
// article is lost, none is stored twice, and the stories count exactly the
// stored articles.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a server process")
	}
	db := filepath.Join(t.TempDir(), "c.db")
	const total, batch = 1500, 50
	lines := syntheticArticles(total)
	server := startChild(t, db)

	var mu sync.Mutex
	acked := map[string]bool{}
	killed := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			for start := w * batch; start < total; start += 3 * batch {
				code, body, err := post(server.base, lines[start:min(start+batch, total)])
				if err != nil {
					return // the server died under us: this batch was not acknowledged
				}
				if code != 200 {
					t.Errorf("batch at %d: %d %s", start, code, body)
					return
				}
				var res struct{ Articles []struct{ ID string } }
				json.Unmarshal(body, &res)
				mu.Lock()
				for _, a := range res.Articles {
					acked[a.ID] = true
				}
				mu.Unlock()
			}
		})
	}
	go func() {
		for {
			mu.Lock()
			n := len(acked)
			mu.Unlock()
			if n >= total/3 {
				server.cmd.Process.Signal(syscall.SIGKILL)
				close(killed)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	wg.Wait()
	<-killed
	server.cmd.Wait()
	if len(acked) == 0 || len(acked) == total {
		t.Fatalf("%d of %d acknowledged before the kill: the kill did not land mid-ingest", len(acked), total)
	}

	server = startChild(t, db)
	for id := range acked {
		resp, err := http.Get(server.base + "/api/v1/articles/" + id)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("acknowledged article %s lost: %d", id, resp.StatusCode)
		}
	}
	for start := 0; start < total; start += batch {
		if code, body, err := post(server.base, lines[start:min(start+batch, total)]); err != nil || code != 200 {
			t.Fatalf("resend at %d: %d %s %v", start, code, body, err)
		}
	}
	var articles, inStories int
	resp, err := http.Get(server.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Sscanf(regexp.MustCompile(`corroborate_articles \d+`).FindString(string(metrics)), "corroborate_articles %d", &articles)
	if articles != total {
		t.Errorf("%d articles stored after the crash and a resend, want %d", articles, total)
	}
	cursor := ""
	for {
		resp, err := http.Get(server.base + "/api/v1/stories?limit=500&cursor=" + cursor)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Stories []struct{ Articles int }
			Next    string
		}
		json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		for _, st := range page.Stories {
			inStories += st.Articles
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	if inStories != total {
		t.Errorf("stories count %d articles, the store holds %d", inStories, total)
	}
	t.Logf("%d of %d articles acknowledged before SIGKILL; all present after restart; %d stored after resending all", len(acked), total, articles)
}
