// Package fetch is the one HTTP client storyline uses whenever it touches
// the network: it refuses to dial private, loopback, link-local, CGNAT,
// multicast and cloud-metadata addresses (checked on the address actually
// dialled, after DNS and on every redirect), caps body size and time,
// makes conditional requests, surfaces 429/503 Retry-After, decodes
// compressed bodies and HTML charsets to UTF-8, honours robots.txt for
// article pages and keeps to a per-host delay and a global concurrency
// limit.
//
// A Fetcher is safe for concurrent use by many goroutines. It starts no
// goroutines of its own beyond those net/http uses for connections.
package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"code.dny.dev/ssrf"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// Defaults used when an Options field is left zero.
const (
	DefaultUserAgent     = "storyline/0.1 (news reader; respects robots.txt)"
	DefaultMaxBodyBytes  = 10 << 20
	DefaultTimeout       = 30 * time.Second
	DefaultDialTimeout   = 10 * time.Second
	DefaultHostDelay     = time.Second
	DefaultMaxConcurrent = 8
	DefaultRobotsTTL     = 24 * time.Hour
	DefaultMaxRedirects  = 10
	robotsMaxBytes       = 512 << 10
)

// Options configure a Fetcher. The zero value is a safe configuration.
type Options struct {
	// UserAgent is sent with every request and matched against robots.txt.
	UserAgent string
	// AllowPrivate turns the address guard off entirely (any address, any
	// port). Only for local testing.
	AllowPrivate bool
	// AllowedPrefixes are address ranges allowed even though the guard
	// would refuse them (e.g. one internal host). Everything else stays
	// guarded.
	AllowedPrefixes []netip.Prefix
	// Ports the guard allows; nil means 80 and 443 only. Ignored when
	// AllowPrivate is set.
	Ports []uint16
	// AnyPort lets the guard allow every port (addresses are still checked).
	AnyPort bool
	// MaxBodyBytes caps the decoded body; longer bodies are cut there and
	// Response.Truncated is set.
	MaxBodyBytes int64
	// Timeout caps one whole fetch (all redirects, headers and body).
	Timeout time.Duration
	// DialTimeout caps one TCP connect.
	DialTimeout time.Duration
	// HostDelay is the minimum gap between the starts of two requests to
	// one host. Negative means no delay.
	HostDelay time.Duration
	// MaxConcurrent caps fetches in flight across all hosts.
	MaxConcurrent int
	// RobotsTTL is how long a host's robots.txt is cached.
	RobotsTTL time.Duration
	// MaxRedirects caps the redirects followed by one fetch.
	MaxRedirects int
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = DefaultDialTimeout
	}
	if o.HostDelay == 0 {
		o.HostDelay = DefaultHostDelay
	}
	if o.HostDelay < 0 {
		o.HostDelay = 0
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = DefaultMaxConcurrent
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = DefaultRobotsTTL
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	return o
}

// Request is one fetch.
type Request struct {
	URL string
	// ETag and LastModified, when set, make the request conditional
	// (If-None-Match / If-Modified-Since); an unchanged resource answers
	// with Response.NotModified.
	ETag         string
	LastModified string
	// Accept overrides the Accept header.
	Accept string
	// CheckRobots asks for the host's robots.txt to be consulted first
	// (for article pages; feeds are meant to be polled).
	CheckRobots bool
	// KeepCharset leaves the body in the encoding it was sent in, whatever
	// its Content-Type (for feeds: servers label XML text/html, and the XML
	// parser reads the document's own encoding declaration).
	KeepCharset bool
}

// Response is the outcome of a successful fetch (2xx or 304).
type Response struct {
	// URL is the final URL after redirects.
	URL        string
	StatusCode int
	// NotModified is true for a 304 answer to a conditional request; Body
	// is then empty and the caller's copy is still current.
	NotModified bool
	Header      http.Header
	// ContentType is the media type without parameters, lower case.
	ContentType string
	// Charset is the encoding the body was decoded from ("utf-8" when it
	// already was); empty when the body was left as sent (KeepCharset, or
	// not text/html or text/plain: XML and JSON carry their own encoding
	// rules).
	Charset string
	// Body is the decompressed body, decoded to UTF-8 for HTML and plain
	// text, at most Options.MaxBodyBytes long.
	Body []byte
	// Truncated is set when the body was longer than the limit and cut.
	Truncated bool
	// ETag and LastModified are the validators to send next time.
	ETag         string
	LastModified string
	// MaxAge is the Cache-Control max-age (0 when absent).
	MaxAge time.Duration
}

// StatusError is returned for a final status other than 2xx and 304.
// RetryAfter is set from the Retry-After header (429, 503 and 3xx may
// carry one); zero when absent.
type StatusError struct {
	URL        string
	StatusCode int
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("fetch %s: HTTP %d", e.URL, e.StatusCode)
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return s
}

// Temporary tells whether retrying later may succeed (429 and 5xx).
func (e *StatusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

// ErrBlocked is wrapped by errors from dials the address guard refused.
var ErrBlocked = errors.New("address not allowed")

// ErrRobots is returned when robots.txt disallows the URL for our agent.
var ErrRobots = errors.New("disallowed by robots.txt")

// Fetcher fetches URLs safely. Create one with New and share it.
type Fetcher struct {
	opt    Options
	client *http.Client
	sem    chan struct{}
	guard  func(network, address string, c syscall.RawConn) error

	mu   sync.Mutex
	next map[string]time.Time // host -> earliest start of the next request

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry
	now      func() time.Time
}

// New returns a Fetcher for o.
func New(o Options) *Fetcher {
	o = o.withDefaults()
	f := &Fetcher{
		opt:    o,
		sem:    make(chan struct{}, o.MaxConcurrent),
		next:   map[string]time.Time{},
		robots: map[string]*robotsEntry{},
		now:    time.Now,
	}
	f.guard = Guard(o)
	dialer := &net.Dialer{
		Timeout:   o.DialTimeout,
		KeepAlive: 30 * time.Second,
		Control:   f.guard,
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would be dialled instead of the target and defeat the guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
		DisableCompression:    true, // we ask for and decode gzip/deflate ourselves
	}
	f.client = &http.Client{
		Transport: &politeTransport{f: f, next: tr},
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= o.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", len(via))
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
	return f
}

// Guard returns the net.Dialer Control function the Fetcher uses for o:
// it refuses every address in the private, loopback, link-local (which
// holds the 169.254.169.254 metadata service), CGNAT, multicast and other
// special-purpose ranges, and ports other than 80/443 unless o allows
// them. Exposed so the check itself can be tested and reused.
func Guard(o Options) func(network, address string, c syscall.RawConn) error {
	if o.AllowPrivate {
		return nil
	}
	var opts []ssrf.Option
	switch {
	case o.AnyPort:
		opts = append(opts, ssrf.WithAnyPort())
	case o.Ports != nil:
		opts = append(opts, ssrf.WithPorts(o.Ports...))
	}
	var v4, v6 []netip.Prefix
	for _, p := range o.AllowedPrefixes {
		if p.Addr().Is4() {
			v4 = append(v4, p)
		} else {
			v6 = append(v6, p)
		}
	}
	if v4 != nil {
		opts = append(opts, ssrf.WithAllowedV4Prefixes(v4...))
	}
	if v6 != nil {
		opts = append(opts, ssrf.WithAllowedV6Prefixes(v6...))
	}
	g := ssrf.New(opts...)
	return func(network, address string, c syscall.RawConn) error {
		if err := g.Safe(network, address, c); err != nil {
			return fmt.Errorf("%w: %w", ErrBlocked, err)
		}
		return nil
	}
}

// Fetch fetches req.URL. A 2xx or 304 answer gives a Response; any other
// status gives a *StatusError; a refused address wraps ErrBlocked; a
// robots.txt refusal is ErrRobots.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", req.URL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %q: only absolute http and https URLs", req.URL)
	}
	select {
	case f.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-f.sem }()

	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()

	if req.CheckRobots {
		ok, err := f.robotsAllowed(ctx, u)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("fetch %s: %w", req.URL, ErrRobots)
		}
	}

	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	hreq.Header.Set("User-Agent", f.opt.UserAgent)
	hreq.Header.Set("Accept-Encoding", "gzip, deflate")
	if req.Accept != "" {
		hreq.Header.Set("Accept", req.Accept)
	} else {
		hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hresp, err := f.client.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	defer hresp.Body.Close()

	final := hresp.Request.URL.String()
	resp := &Response{
		URL:          final,
		StatusCode:   hresp.StatusCode,
		Header:       hresp.Header,
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
		MaxAge:       MaxAge(hresp.Header),
	}
	if resp.ETag == "" {
		resp.ETag = req.ETag
	}
	if resp.LastModified == "" {
		resp.LastModified = req.LastModified
	}
	switch {
	case hresp.StatusCode == http.StatusNotModified:
		resp.NotModified = true
		return resp, nil
	case hresp.StatusCode < 200 || hresp.StatusCode > 299:
		return nil, &StatusError{URL: final, StatusCode: hresp.StatusCode, RetryAfter: RetryAfter(hresp.Header, f.now())}
	}

	body, truncated, err := readBody(hresp, f.opt.MaxBodyBytes)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	resp.Truncated = truncated
	ct := hresp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	resp.ContentType = strings.ToLower(mt)
	switch {
	case req.KeepCharset:
		resp.Body = body
	case resp.ContentType == "text/html", resp.ContentType == "application/xhtml+xml", resp.ContentType == "text/plain":
		resp.Body, resp.Charset = ToUTF8(body, ct)
	default:
		resp.Body = body
	}
	return resp, nil
}

// readBody decompresses (gzip, deflate) and reads at most limit bytes of
// the body, reporting whether more was there.
func readBody(r *http.Response, limit int64) ([]byte, bool, error) {
	var body io.Reader = r.Body
	switch strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			return nil, false, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		// "deflate" is meant to be zlib-wrapped, but some servers send raw
		// DEFLATE; look at the first two bytes to tell them apart.
		br := newPeekReader(r.Body)
		hdr := br.peek(2)
		if len(hdr) == 2 && hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, false, fmt.Errorf("deflate body: %w", err)
			}
			defer zr.Close()
			body = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			body = fr
		}
	default:
		return nil, false, fmt.Errorf("unsupported Content-Encoding %q", r.Header.Get("Content-Encoding"))
	}
	buf, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, false, fmt.Errorf("read body: %w", err)
	}
	if int64(len(buf)) > limit {
		return buf[:limit], true, nil
	}
	return buf, false, nil
}

// peekReader lets readBody look at the first bytes of a stream.
type peekReader struct {
	r   io.Reader
	buf []byte
}

func newPeekReader(r io.Reader) *peekReader { return &peekReader{r: r} }

func (p *peekReader) peek(n int) []byte {
	for len(p.buf) < n {
		b := make([]byte, n-len(p.buf))
		m, err := p.r.Read(b)
		p.buf = append(p.buf, b[:m]...)
		if err != nil {
			break
		}
	}
	return p.buf
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// ToUTF8 decodes an HTML or text body to valid UTF-8 using, in order, a
// byte-order mark, the charset parameter of contentType, a <meta> charset
// in the first 1024 bytes, and otherwise UTF-8 when the body is valid
// UTF-8, else windows-1252. It returns the decoded body and the name of
// the encoding used. Invalid sequences become U+FFFD.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && name == "windows-1252" && utf8.Valid(body) {
		name = "utf-8"
	}
	if name == "utf-8" {
		// The BOM is not text.
		body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
		if utf8.Valid(body) {
			return body, name
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, name
}

// RetryAfter parses a Retry-After header (delay seconds or an HTTP date)
// relative to now; zero when absent, unparsable or in the past.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > 365*24*3600 {
			secs = 365 * 24 * 3600
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return min(d.Round(time.Second), 365*24*time.Hour)
		}
	}
	return 0
}

// MaxAge returns the Cache-Control max-age of h (0 when absent or
// no-cache/no-store).
func MaxAge(h http.Header) time.Duration {
	var d time.Duration
	for _, v := range h.Values("Cache-Control") {
		for _, part := range strings.Split(v, ",") {
			part = strings.ToLower(strings.TrimSpace(part))
			switch {
			case part == "no-cache" || part == "no-store":
				return 0
			case strings.HasPrefix(part, "max-age="):
				n, err := strconv.ParseInt(strings.Trim(part[len("max-age="):], `"`), 10, 64)
				if err == nil && n > 0 {
					if n > 365*24*3600 {
						n = 365 * 24 * 3600
					}
					d = time.Duration(n) * time.Second
				}
			}
		}
	}
	return d
}

// politeTransport spaces the requests to each host by HostDelay. It sits
// under http.Client, so redirects and robots.txt requests are spaced too.
type politeTransport struct {
	f    *Fetcher
	next http.RoundTripper
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.f.waitHost(req.Context(), req.URL.Host); err != nil {
		return nil, err
	}
	return t.next.RoundTrip(req)
}

// waitHost reserves the next start slot for host and sleeps until it.
func (f *Fetcher) waitHost(ctx context.Context, host string) error {
	if f.opt.HostDelay <= 0 {
		return nil
	}
	host = strings.ToLower(host)
	f.mu.Lock()
	now := f.now()
	start := f.next[host]
	if start.Before(now) {
		start = now
	}
	f.next[host] = start.Add(f.opt.HostDelay)
	if len(f.next) > 10000 {
		for h, t := range f.next {
			if t.Before(now) {
				delete(f.next, h)
			}
		}
	}
	f.mu.Unlock()
	wait := start.Sub(now)
	if wait <= 0 {
		return nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
