package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// local returns options that let the fetcher reach httptest servers on
// loopback while every other private range stays refused.
func local() Options {
	return Options{
		AllowedPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		AnyPort:         true,
		HostDelay:       -1,
	}
}

func TestGuard(t *testing.T) {
	tests := []struct {
		addr    string
		opt     Options
		blocked bool
	}{
		{"127.0.0.1:80", Options{}, true},
		{"10.0.0.1:80", Options{}, true},
		{"172.16.5.4:443", Options{}, true},
		{"192.168.1.1:80", Options{}, true},
		{"169.254.169.254:80", Options{}, true},
		{"100.64.0.1:80", Options{}, true},
		{"224.0.0.1:80", Options{}, true},
		{"0.0.0.0:80", Options{}, true},
		{"[::1]:80", Options{}, true},
		{"[fe80::1]:80", Options{}, true},
		{"[fc00::1]:80", Options{}, true},
		{"[ff02::1]:80", Options{}, true},
		{"[::ffff:10.0.0.1]:80", Options{}, true},
		{"[::ffff:127.0.0.1]:443", Options{}, true},
		{"[fd00:ec2::254]:80", Options{}, true},
		{"93.184.215.14:80", Options{}, false},
		{"93.184.215.14:443", Options{}, false},
		{"93.184.215.14:8080", Options{}, true},
		{"93.184.215.14:8080", Options{AnyPort: true}, false},
		{"[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443", Options{}, false},
		{"127.0.0.1:8080", local(), false},
		{"10.0.0.1:80", local(), true},
		{"169.254.169.254:80", local(), true},
		{"127.0.0.1:8080", Options{AllowPrivate: true}, false},
		{"10.0.0.1:80", Options{AllowPrivate: true}, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.addr, tt.opt.AllowPrivate || tt.opt.AnyPort), func(t *testing.T) {
			g := Guard(tt.opt)
			var err error
			if g != nil {
				network := "tcp4"
				if strings.HasPrefix(tt.addr, "[") {
					network = "tcp6"
				}
				err = g(network, tt.addr, nil)
			}
			if got := err != nil; got != tt.blocked {
				t.Fatalf("Guard(%s) error = %v, want blocked=%v", tt.addr, err, tt.blocked)
			}
			if err != nil && !errors.Is(err, ErrBlocked) {
				t.Fatalf("error %v does not wrap ErrBlocked", err)
			}
		})
	}
}

func TestLoopbackRefusedByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	f := New(Options{AnyPort: true, HostDelay: -1})
	_, err := f.Fetch(context.Background(), Request{URL: srv.URL})
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("Fetch(loopback) error = %v, want ErrBlocked", err)
	}
	if hits.Load() != 0 {
		t.Fatalf("server saw %d requests, want 0", hits.Load())
	}
}

func TestRedirectToPrivateRefused(t *testing.T) {
	for _, target := range []string{"http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:192.168.0.1]/"} {
		t.Run(target, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target, http.StatusFound)
			}))
			defer srv.Close()
			f := New(local())
			_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/start"})
			if !errors.Is(err, ErrBlocked) {
				t.Fatalf("Fetch(redirect to %s) error = %v, want ErrBlocked", target, err)
			}
		})
	}
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v1"`
	const lm = "Sat, 21 Nov 2026 10:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	f := New(local())
	ctx := context.Background()
	r1, err := f.Fetch(ctx, Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if r1.NotModified || string(r1.Body) != "<rss/>" || r1.ETag != etag || r1.LastModified != lm || r1.MaxAge != 10*time.Minute {
		t.Fatalf("first fetch = %+v", r1)
	}
	for _, req := range []Request{{URL: srv.URL, ETag: etag}, {URL: srv.URL, LastModified: lm}} {
		r2, err := f.Fetch(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if !r2.NotModified || len(r2.Body) != 0 || r2.StatusCode != 304 {
			t.Fatalf("conditional fetch %+v = %+v, want NotModified", req, r2)
		}
		if r2.ETag != req.ETag || r2.LastModified != req.LastModified {
			t.Fatalf("validators not carried over: %+v", r2)
		}
	}
}

func TestRetryAfterSurfaced(t *testing.T) {
	date := time.Now().Add(2 * time.Hour).UTC().Format(http.TimeFormat)
	tests := []struct {
		name   string
		status int
		header string
		min    time.Duration
		max    time.Duration
	}{
		{"429 seconds", 429, "120", 120 * time.Second, 120 * time.Second},
		{"503 date", 503, date, 119 * time.Minute, 121 * time.Minute},
		{"429 none", 429, "", 0, 0},
		{"500 garbage", 500, "soon", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.header != "" {
					w.Header().Set("Retry-After", tt.header)
				}
				w.WriteHeader(tt.status)
			}))
			defer srv.Close()
			_, err := New(local()).Fetch(context.Background(), Request{URL: srv.URL})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want *StatusError", err)
			}
			if se.StatusCode != tt.status || se.RetryAfter < tt.min || se.RetryAfter > tt.max || !se.Temporary() {
				t.Fatalf("StatusError = %+v, want status %d retry in [%s,%s]", se, tt.status, tt.min, tt.max)
			}
		})
	}
}

// endless writes n bytes of HTML without holding them in memory and stops
// as soon as the client goes away.
func endless(n int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		chunk := bytes.Repeat([]byte("<p>storyline</p>\n"), 4096)
		for sent := int64(0); sent < n; {
			c := chunk
			if rest := n - sent; rest < int64(len(c)) {
				c = c[:rest]
			}
			m, err := w.Write(c)
			sent += int64(m)
			if err != nil {
				return
			}
		}
	}
}

func TestBodyCutAtLimit(t *testing.T) {
	const limit = 1 << 20
	srv := httptest.NewServer(endless(100 << 20))
	defer srv.Close()
	o := local()
	o.MaxBodyBytes = limit
	r, err := New(o).Fetch(context.Background(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Truncated || len(r.Body) != limit {
		t.Fatalf("got %d bytes truncated=%v, want %d truncated", len(r.Body), r.Truncated, limit)
	}
	// A body exactly at the limit is not truncated.
	srv2 := httptest.NewServer(endless(limit))
	defer srv2.Close()
	r, err = New(o).Fetch(context.Background(), Request{URL: srv2.URL})
	if err != nil {
		t.Fatal(err)
	}
	if r.Truncated || len(r.Body) != limit {
		t.Fatalf("exact-limit body: %d bytes truncated=%v", len(r.Body), r.Truncated)
	}
}

func TestCompressedBodies(t *testing.T) {
	page := strings.Repeat("<p>Minister said “no”.</p>", 200)
	enc := map[string]func([]byte) []byte{
		"gzip": func(b []byte) []byte {
			var buf bytes.Buffer
			w := gzip.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"deflate-zlib": func(b []byte) []byte {
			var buf bytes.Buffer
			w := zlib.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"deflate-raw": func(b []byte) []byte {
			var buf bytes.Buffer
			w, _ := flate.NewWriter(&buf, 6)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
	}
	for name, f := range enc {
		t.Run(name, func(t *testing.T) {
			body := f([]byte(page))
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
					t.Errorf("Accept-Encoding = %q", r.Header.Get("Accept-Encoding"))
				}
				w.Header().Set("Content-Encoding", strings.SplitN(name, "-", 2)[0])
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write(body)
			}))
			defer srv.Close()
			r, err := New(local()).Fetch(context.Background(), Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if string(r.Body) != page {
				t.Fatalf("body differs: got %d bytes", len(r.Body))
			}
		})
	}
	t.Run("gzip bomb cut", func(t *testing.T) {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(bytes.Repeat([]byte("a"), 50<<20))
		w.Close()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(buf.Bytes())
		}))
		defer srv.Close()
		o := local()
		o.MaxBodyBytes = 1 << 20
		r, err := New(o).Fetch(context.Background(), Request{URL: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Truncated || len(r.Body) != 1<<20 {
			t.Fatalf("decompressed %d bytes truncated=%v", len(r.Body), r.Truncated)
		}
	})
}

func TestCharsetDecoded(t *testing.T) {
	const want = "Ministre: « Ça suffit », déclare Müller — 東京"
	latin, _ := charmap.Windows1252.NewEncoder().String("<html><body>Ministre: « Ça suffit », déclare Müller</body></html>")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(`<html><head><meta charset="shift_jis"></head><body>東京</body></html>`)
	tests := []struct {
		name, ctype, body, want, charset string
	}{
		{"header windows-1252", "text/html; charset=windows-1252", latin, "déclare Müller", "windows-1252"},
		{"header iso-8859-1", "text/html; charset=ISO-8859-1", latin, "« Ça suffit »", "windows-1252"},
		{"meta shift_jis", "text/html", sjis, "東京", "shift_jis"},
		{"utf-8 undeclared", "text/html", "<p>" + want + "</p>", want, "utf-8"},
		{"invalid utf-8 repaired", "text/html; charset=utf-8", "<p>ok \xff\xfe</p>", "ok \uFFFD", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.ctype)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			r, err := New(local()).Fetch(context.Background(), Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(r.Body), tt.want) || r.Charset != tt.charset {
				t.Fatalf("body %q charset %q, want to contain %q from %q", r.Body, r.Charset, tt.want, tt.charset)
			}
		})
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
		default:
			fmt.Fprint(w, "<p>page</p>")
		}
	}))
	defer srv.Close()
	f := New(local())
	ctx := context.Background()
	tests := []struct {
		path    string
		robots  bool
		blocked bool
	}{
		{"/news/1", true, false},
		{"/private/x", true, true},
		{"/private/x", false, false},
		{"/news/2", true, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.path, tt.robots), func(t *testing.T) {
			_, err := f.Fetch(ctx, Request{URL: srv.URL + tt.path, CheckRobots: tt.robots})
			if got := errors.Is(err, ErrRobots); got != tt.blocked {
				t.Fatalf("error = %v, want robots-blocked=%v", err, tt.blocked)
			}
		})
	}
	if n := robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want 1 (cached per host)", n)
	}
}

func TestRobotsMissingAndServerError(t *testing.T) {
	tests := []struct {
		status  int
		blocked bool
	}{{404, false}, {500, true}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.WriteHeader(tt.status)
					return
				}
				fmt.Fprint(w, "ok")
			}))
			defer srv.Close()
			_, err := New(local()).Fetch(context.Background(), Request{URL: srv.URL + "/a", CheckRobots: true})
			if got := errors.Is(err, ErrRobots); got != tt.blocked {
				t.Fatalf("error = %v, want blocked=%v", err, tt.blocked)
			}
		})
	}
}

func TestHostDelayReservesSlots(t *testing.T) {
	f := New(Options{HostDelay: time.Hour})
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	f.now = func() time.Time { return now }
	ctx, cancel := context.WithCancel(context.Background())
	if err := f.waitHost(ctx, "a.example"); err != nil {
		t.Fatalf("first request to a host waited: %v", err)
	}
	if err := f.waitHost(ctx, "b.example"); err != nil {
		t.Fatalf("first request to another host waited: %v", err)
	}
	cancel()
	if err := f.waitHost(ctx, "A.example"); !errors.Is(err, context.Canceled) {
		t.Fatalf("second request to a.example within the delay: err = %v, want to wait (and see the cancel)", err)
	}
	if got, want := f.next["a.example"], now.Add(2*time.Hour); !got.Equal(want) {
		t.Fatalf("next slot for a.example = %v, want %v", got, want)
	}
}

func TestGlobalConcurrencyLimit(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		inFlight.Add(-1)
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	o := local()
	o.MaxConcurrent = 2
	f := New(o)
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Fatalf("peak concurrency %d, want <= 2", p)
	}
}

func TestRejectsBadURLs(t *testing.T) {
	f := New(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "/relative", "http://", "gopher://x"} {
		t.Run(u, func(t *testing.T) {
			if _, err := f.Fetch(context.Background(), Request{URL: u}); err == nil {
				t.Fatalf("Fetch(%q) succeeded", u)
			}
		})
	}
}

func TestRedirectToFileSchemeRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer srv.Close()
	if _, err := New(local()).Fetch(context.Background(), Request{URL: srv.URL}); err == nil {
		t.Fatal("redirect to file:// followed")
	}
}

func TestTimeLimit(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		fmt.Fprint(w, "<p>start")
		w.(http.Flusher).Flush()
		select { // a body that never ends
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	o := local()
	o.Timeout = 50 * time.Millisecond
	_, err := New(o).Fetch(context.Background(), Request{URL: srv.URL})
	if err == nil || !(errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout")) {
		t.Fatalf("stalled body: err = %v, want a timeout", err)
	}
}
