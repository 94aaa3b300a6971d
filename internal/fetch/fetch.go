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
	ErrForbiddenAddress = errors.New("address is loopback, link-local or private")
	ErrRedirects        = errors.New("too many redirects")
	ErrStatus           = errors.New("unexpected HTTP status")
)

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

// Fetch gets url. A 304 answer to a conditional GET returns the body seen
// before. Errors name the URL and wrap news.ErrNotFound (404, 410),
// news.ErrTooLarge, ErrStatus, ErrRedirects or ErrForbiddenAddress.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %s: not an http(s) URL", rawURL)
	}
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer release()
	resp, err := c.get(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

func (c *Client) get(ctx context.Context, u *url.URL) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	cached, hasCached := c.cache.get(u.String())
	if hasCached {
		if cached.etag != "" {
			req.Header.Set("If-None-Match", cached.etag)
		}
		if cached.lastModified != "" {
			req.Header.Set("If-Modified-Since", cached.lastModified)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified && hasCached:
		return &Response{URL: cached.url, ContentType: cached.contentType, Body: cached.body}, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("%s: %w", resp.Status, news.ErrNotFound)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
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
	out := &Response{URL: final, ContentType: resp.Header.Get("Content-Type"), Body: body}
	c.cache.put(u.String(), validator{
		etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified"),
		url: out.URL, contentType: out.ContentType, body: body,
	})
	return out, nil
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
