// Package load drives a running corroborate server with writes and reads
// at once, as a newsroom's clients would, and measures what it answers:
// throughput, latency percentiles per kind of request, and every status
// outside 2xx. It is what `corroborate bench serve` and the service's load
// test run.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// Options shape the load.
type Options struct {
	// Duration bounds the run; writers also stop when every article is
	// sent.
	Duration time.Duration
	// Writers post batches of Batch articles as JSON Lines; Readers request
	// story lists, story pages and searches meanwhile.
	Writers, Readers, Batch int
	// Token is sent as a bearer token with writes.
	Token string
}

func (o *Options) defaults() {
	if o.Duration <= 0 {
		o.Duration = 30 * time.Second
	}
	if o.Writers <= 0 {
		o.Writers = 2
	}
	if o.Readers < 0 {
		o.Readers = 0
	}
	if o.Batch <= 0 {
		o.Batch = 250
	}
}

// Report is what a run measured.
type Report struct {
	Elapsed time.Duration
	// Articles is how many the server acknowledged; Sent how many were
	// posted.
	Articles, Sent int
	// WriteElapsed is the time from the first write to the last answer.
	WriteElapsed time.Duration
	Requests     map[string]*Latencies
	// Failures are answers outside 2xx (by status) and transport errors,
	// with the first of each kind for the report.
	Failures map[string]int
	First    map[string]string
}

// ServerErrors counts 5xx answers.
func (r *Report) ServerErrors() int {
	n := 0
	for k, v := range r.Failures {
		if strings.HasPrefix(k, "5") {
			n += v
		}
	}
	return n
}

// Latencies are the durations of one kind of request.
type Latencies struct{ d []time.Duration }

func (l *Latencies) add(d time.Duration) { l.d = append(l.d, d) }

// Count is how many requests were timed.
func (l *Latencies) Count() int { return len(l.d) }

// Percentile returns the p-th percentile (0–100), nearest rank.
func (l *Latencies) Percentile(p float64) time.Duration {
	if len(l.d) == 0 {
		return 0
	}
	s := slices.Clone(l.d)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

type recorder struct {
	mu     sync.Mutex
	report *Report
}

func (r *recorder) record(kind string, d time.Duration, status int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := r.report
	switch {
	case err != nil:
		rep.Failures["transport"]++
		if _, ok := rep.First["transport"]; !ok {
			rep.First["transport"] = kind + ": " + err.Error()
		}
	case status < 200 || status > 299:
		key := fmt.Sprint(status)
		rep.Failures[key]++
		if _, ok := rep.First[key]; !ok {
			rep.First[key] = kind
		}
	default:
		if rep.Requests[kind] == nil {
			rep.Requests[kind] = &Latencies{}
		}
		rep.Requests[kind].add(d)
	}
}

// Run sends articles to the server at base while reading from it, until
// they are all sent or Duration has passed.
func Run(ctx context.Context, base string, articles []*news.Article, opts Options) (*Report, error) {
	opts.defaults()
	bodies, err := batches(articles, opts.Batch)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: opts.Writers + opts.Readers}}
	rec := &recorder{report: &Report{Requests: map[string]*Latencies{}, Failures: map[string]int{}, First: map[string]string{}}}
	var next, acked, sent atomic.Int64
	writing := make(chan struct{})
	start := time.Now()
	var writers, readers sync.WaitGroup
	for range opts.Writers {
		writers.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(bodies) {
					return
				}
				n, status, d, err := post(ctx, client, base, bodies[i], opts.Token)
				if ctx.Err() != nil {
					return
				}
				rec.record("POST /api/v1/articles", d, status, err)
				sent.Add(int64(bodies[i].articles))
				acked.Add(int64(n))
			}
		})
	}
	go func() { writers.Wait(); close(writing) }()
	for i := range opts.Readers {
		readers.Go(func() { read(ctx, client, base, rec, writing, i) })
	}
	<-writing
	writeElapsed := time.Since(start)
	cancel()
	readers.Wait()
	rep := rec.report
	rep.Elapsed = time.Since(start)
	rep.WriteElapsed = writeElapsed
	rep.Articles, rep.Sent = int(acked.Load()), int(sent.Load())
	return rep, nil
}

type batch struct {
	body     []byte
	articles int
}

// batches writes the articles as JSON Lines bodies of n articles each.
func batches(articles []*news.Article, n int) ([]batch, error) {
	var out []batch
	for i := 0; i < len(articles); i += n {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		part := articles[i:min(i+n, len(articles))]
		for _, a := range part {
			if err := enc.Encode(a); err != nil {
				return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
			}
		}
		out = append(out, batch{buf.Bytes(), len(part)})
	}
	return out, nil
}

// post sends one batch and returns how many articles were acknowledged.
func post(ctx context.Context, client *http.Client, base string, b batch, token string) (int, int, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/articles", bytes.NewReader(b.body))
	if err != nil {
		return 0, 0, 0, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, time.Since(start), err
	}
	defer resp.Body.Close()
	var res struct {
		Articles []json.RawMessage `json:"articles"`
	}
	err = json.NewDecoder(resp.Body).Decode(&res)
	d := time.Since(start)
	if resp.StatusCode/100 == 2 && err != nil {
		return 0, resp.StatusCode, d, fmt.Errorf("read ingest answer: %w", err)
	}
	return len(res.Articles), resp.StatusCode, d, nil
}

// read requests what readers of the service look at, in turn: the story
// list, the most covered story's page and JSON, and a search for a word
// of its headline. It goes on while writers write.
func read(ctx context.Context, client *http.Client, base string, rec *recorder, writing <-chan struct{}, seed int) {
	var top, word string
	for turn := seed; ; turn++ {
		select {
		case <-writing:
			return
		case <-ctx.Done():
			return
		default:
		}
		switch turn % 4 {
		case 0:
			var list struct {
				Stories []struct {
					ID       string `json:"id"`
					Headline string `json:"headline"`
				} `json:"stories"`
			}
			if get(ctx, client, base+"/api/v1/stories?sort=covered&limit=20", "GET /api/v1/stories", rec, &list) && len(list.Stories) > 0 {
				top = list.Stories[0].ID
				if words := strings.Fields(list.Stories[0].Headline); len(words) > 0 {
					word = strings.Trim(words[len(words)/2], `.,:;"'`)
				}
			}
		case 1:
			if top != "" {
				get(ctx, client, base+"/stories/"+url.PathEscape(top), "GET /stories/{id}", rec, nil)
			}
		case 2:
			if top != "" {
				get(ctx, client, base+"/api/v1/stories/"+url.PathEscape(top), "GET /api/v1/stories/{id}", rec, nil)
			}
		case 3:
			if word != "" {
				get(ctx, client, base+"/api/v1/search?q="+url.QueryEscape(word), "GET /api/v1/search", rec, nil)
			}
		}
	}
}

// get requests a URL, records it, and decodes a JSON answer into v when v
// is set; it reports whether the answer was 2xx.
func get(ctx context.Context, client *http.Client, u, kind string, rec *recorder, v any) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == nil {
			rec.record(kind, time.Since(start), 0, err)
		}
		return false
	}
	defer resp.Body.Close()
	if v != nil {
		err = json.NewDecoder(resp.Body).Decode(v)
	} else {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	if ctx.Err() != nil {
		return false
	}
	rec.record(kind, time.Since(start), resp.StatusCode, err)
	return err == nil && resp.StatusCode/100 == 2
}

// Repeat requests one URL n times in a row and returns the latencies: a
// page measured alone, without other load.
func Repeat(ctx context.Context, u string, n int) (*Latencies, error) {
	l := &Latencies{}
	client := &http.Client{}
	for range n {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
		}
		l.add(time.Since(start))
	}
	return l, nil
}
