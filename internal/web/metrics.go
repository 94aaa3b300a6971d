package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/corroborate/corroborate/internal/service"
)

// buckets are the latency histogram's upper bounds, in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by route and status, and their latency by route,
// for GET /metrics in Prometheus's text format.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]int64 // route, status
	latency  map[string]*histogram
}

// ingestCounter is what /metrics asks the writer for: the articles stored
// by every path into this process, the API's and the feed poller's alike.
type ingestCounter interface {
	Ingested() service.Ingested
}

type histogram struct {
	counts []int64 // per bucket, then +Inf
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]int64{}, latency: map[string]*histogram{}}
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (m *metrics) measure(route string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		m.observe(route, sw.code, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(route string, code int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, strconv.Itoa(code)}]++
	h, ok := m.latency[route]
	if !ok {
		h = &histogram{counts: make([]int64, len(buckets)+1)}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(buckets, seconds)
	h.counts[i]++
	h.sum += seconds
	h.n++
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	counts, err := s.stories.Counts(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m := s.metrics
	fmt.Fprintf(w, "# HELP corroborate_articles Articles in the store.\n# TYPE corroborate_articles gauge\ncorroborate_articles %d\n", counts.Articles)
	fmt.Fprintf(w, "# HELP corroborate_stories Stories in the store.\n# TYPE corroborate_stories gauge\ncorroborate_stories %d\n", counts.Stories)
	fmt.Fprintf(w, "# HELP corroborate_stories_stale Stories waiting for their analysis.\n# TYPE corroborate_stories_stale gauge\ncorroborate_stories_stale %d\n", counts.Stale)
	var ingested service.Ingested // a server that cannot write stores none
	if c, ok := s.writer.(ingestCounter); ok {
		ingested = c.Ingested()
	}
	fmt.Fprint(w, "# HELP corroborate_ingested_total Articles this process took in, by the API, the feed poller or any other path: outcome=\"stored\" new to the store, outcome=\"duplicate\" held already (a retry, a feed item read twice).\n# TYPE corroborate_ingested_total counter\n")
	fmt.Fprintf(w, "corroborate_ingested_total{outcome=\"stored\"} %d\ncorroborate_ingested_total{outcome=\"duplicate\"} %d\n", ingested.Stored, ingested.Duplicates)
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprint(w, "# HELP corroborate_http_requests_total HTTP requests by route and status.\n# TYPE corroborate_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "corroborate_http_requests_total{route=%q,code=%q} %d\n", k[0], k[1], m.requests[k])
	}
	fmt.Fprint(w, "# HELP corroborate_http_request_duration_seconds HTTP request latency by route.\n# TYPE corroborate_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, route := range routes {
		h := m.latency[route]
		var cumulative int64
		for i, b := range buckets {
			cumulative += h.counts[i]
			fmt.Fprintf(w, "corroborate_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", route, strconv.FormatFloat(b, 'g', -1, 64), cumulative)
		}
		fmt.Fprintf(w, "corroborate_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, h.n)
		fmt.Fprintf(w, "corroborate_http_request_duration_seconds_sum{route=%q} %g\n", route, h.sum)
		fmt.Fprintf(w, "corroborate_http_request_duration_seconds_count{route=%q} %d\n", route, h.n)
	}
	return nil
}
