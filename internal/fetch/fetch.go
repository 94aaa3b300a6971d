// Package fetch gets web pages and feeds like a good citizen: it names
// itself, keeps to timeouts, a size cap and a few redirects, asks each host
// for a few pages at a time, revalidates what it has seen with conditional
// GETs, and refuses addresses inside the network it runs in (loopback,
// link-local, private), checked on the address actually dialled so that a
// name re-pointed after the check (DNS rebinding) cannot get around it.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// UserAgent names corroborate to the sites it reads.
const UserAgent = "corroborate/1 (news corroboration; +https://github.com/corroborate/corroborate)"

// Defaults for Options' zero values.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 8 << 20
	DefaultMaxRedirects = 5
	DefaultPerHost      = 2
)

// Errors a fetch can fail with, besides the network's own.
var (
	ErrForbiddenAddress = errors.New("address is loopback, link-local or private, refused without --allow-private")
	ErrRedirects        = errors.New("too many redirects")
	ErrStatus           = errors.New("unexpected HTTP status")
)

// RetryLaterError is a refusal (429 Too Many Requests, 503 Service
// Unavailable) that said when to come back, in its Retry-After header. It
// matches ErrStatus too.
type RetryLaterError struct {
	Status string
	After  time.Duration
}

func (e *RetryLaterError) Error() string {
	return fmt.Sprintf("%s, retry after %v: %v", e.Status, e.After, ErrStatus)
}

func (e *RetryLaterError) Unwrap() error { return ErrStatus }

// retryAfter reads a 429 or 503 answer's Retry-After header, given in
// seconds or as an HTTP date.
func retryAfter(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0, false
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return min(time.Duration(min(secs, int64(maxRetryAfter/time.Second)))*time.Second, maxRetryAfter), true
	}
	at, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(at.Sub(now), 0), maxRetryAfter), true
}

// maxRetryAfter bounds what a server can ask a poller to wait.
const maxRetryAfter = 7 * 24 * time.Hour

// Options tune a Client. Zero values take the defaults above.
type Options struct {
	UserAgent    string
	Timeout      time.Duration // whole request, body included
	MaxBytes     int64         // body size, after gzip
	MaxRedirects int
	PerHost      int // requests in flight to one host
	// AllowPrivate lets the client reach loopback, link-local and private
	// addresses: for tests and for reading an intranet on purpose.
	AllowPrivate bool
}

// Response is a fetched resource.
type Response struct {
	URL         string // where it was found, after redirects
	ContentType string
	Body        []byte
	// Validators to send with the next conditional GET of the resource.
	Validators Validators
	// NotModified is set when FetchIf's validators still hold: the server
	// sent no body.
	NotModified bool
}

// Validators identify the copy of a resource a client holds, for a
// conditional GET: the server answers 304 Not Modified when it is current.
type Validators struct {
	ETag         string
	LastModified string
}

// Client fetches resources. It is safe for concurrent use.
type Client struct {
	opts  Options
	http  *http.Client
	hosts *hostLimit
	cache *validators
}

// New returns a Client with opts.
func New(opts Options) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = UserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.PerHost <= 0 {
		opts.PerHost = DefaultPerHost
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the address check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   opts.PerHost,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	c := &Client{opts: opts, hosts: newHostLimit(opts.PerHost), cache: newValidators(512)}
	c.http = &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

// Fetch gets url. It revalidates what it fetched before in this process,
// and a 304 answer returns the body seen then. Errors name the URL and wrap
// news.ErrNotFound (404, 410), news.ErrTooLarge, ErrStatus, ErrRedirects or
// ErrForbiddenAddress.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	cached, hasCached := c.cache.get(rawURL)
	resp, err := c.FetchIf(ctx, rawURL, cached.Validators)
	switch {
	case err != nil:
		return nil, err
	case resp.NotModified && hasCached:
		return &Response{URL: cached.url, ContentType: cached.contentType, Body: cached.body, Validators: cached.Validators}, nil
	case resp.NotModified:
		return nil, fmt.Errorf("fetch %s: 304 Not Modified to an unconditional request: %w", rawURL, ErrStatus)
	}
	c.cache.put(rawURL, validator{Validators: resp.Validators, url: resp.URL, contentType: resp.ContentType, body: resp.Body})
	return resp, nil
}

// FetchIf gets url unless the copy v identifies is current, in which case
// the response is NotModified and has no body: what a feed poller that
// keeps validators between runs needs. Errors are as for Fetch.
func (c *Client) FetchIf(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, ok := ParseWebURL(rawURL)
	if !ok {
		return nil, fmt.Errorf("fetch %s: not an http(s) URL", rawURL)
	}
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer release()
	resp, err := c.get(ctx, u, v)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

// ParseWebURL parses s as an absolute http or https URL, the only kind a
// Client fetches.
func ParseWebURL(s string) (*url.URL, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

func (c *Client) get(ctx context.Context, u *url.URL, v Validators) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: final, NotModified: true, Validators: v}, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("%s: %w", resp.Status, news.ErrNotFound)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		if wait, ok := retryAfter(resp, time.Now()); ok {
			return nil, &RetryLaterError{Status: resp.Status, After: wait}
		}
		return nil, fmt.Errorf("%s: %w", resp.Status, ErrStatus)
	case resp.ContentLength > c.opts.MaxBytes:
		return nil, fmt.Errorf("%d bytes, over the %d-byte limit: %w", resp.ContentLength, c.opts.MaxBytes, news.ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, fmt.Errorf("timed out reading the body: %w", err)
		}
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > c.opts.MaxBytes {
		return nil, fmt.Errorf("body over the %d-byte limit: %w", c.opts.MaxBytes, news.ErrTooLarge)
	}
	return &Response{URL: final, ContentType: resp.Header.Get("Content-Type"), Body: body,
		Validators: Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}}, nil
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("redirect loop at %s: %w", req.URL, ErrRedirects)
		}
	}
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("more than %d: %w", c.opts.MaxRedirects, ErrRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: not http(s)", req.URL)
	}
	return nil
}

// unwrapURLError drops net/http's "Get "url":" prefix, since Fetch names
// the URL itself, and keeps the cause for errors.Is.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

// refusePrivate is the dialer's last check, run on the resolved address
// about to be connected to.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || Forbidden(ip) {
		return fmt.Errorf("%s: %w", host, ErrForbiddenAddress)
	}
	return nil
}

// Forbidden reports whether ip is inside the network the fetcher runs in:
// unspecified, loopback, link-local, private (RFC 1918, RFC 4193),
// carrier-grade NAT (RFC 6598) or multicast.
func Forbidden(ip net.IP) bool {
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		if v4[0] == 0 || (v4[0] == 100 && v4[1]&0xc0 == 64) {
			return true
		}
	}
	return ip.IsUnspecified() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast()
}

// hostLimit caps the requests in flight to each host.
type hostLimit struct {
	mu    sync.Mutex
	per   int
	slots map[string]chan struct{}
}

func newHostLimit(per int) *hostLimit {
	return &hostLimit{per: per, slots: map[string]chan struct{}{}}
}

func (h *hostLimit) acquire(ctx context.Context, host string) (func(), error) {
	host = strings.ToLower(host)
	h.mu.Lock()
	slot, ok := h.slots[host]
	if !ok {
		slot = make(chan struct{}, h.per)
		h.slots[host] = slot
	}
	h.mu.Unlock()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
