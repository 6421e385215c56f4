package watch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"storyline/internal/fetch"
	"storyline/internal/watch"
)

// fetcher reaches the loopback test servers; every other private range
// stays refused.
func fetcher(maxBody int64) *fetch.Fetcher {
	return fetch.New(fetch.Options{
		AllowedPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
		AnyPort:         true,
		HostDelay:       -1,
		MaxBodyBytes:    maxBody,
	})
}

type item struct{ guid, link, title, content string }

func rss(items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title><link>https://news.example/</link>`)
	for i, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link>", it.title, it.link)
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.guid)
		}
		if it.content != "" {
			fmt.Fprintf(&b, "<description><![CDATA[%s]]></description>", it.content)
		}
		fmt.Fprintf(&b, "<pubDate>%s</pubDate></item>", time.Date(2026, 11, 21, 12-i, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// collector is a Sink that records what it receives.
type collector struct {
	mu   sync.Mutex
	got  []watch.Article
	hook func(a watch.Article)
}

func (c *collector) Article(ctx context.Context, a watch.Article) error {
	c.mu.Lock()
	c.got = append(c.got, a)
	hook := c.hook
	c.mu.Unlock()
	if hook != nil {
		hook(a)
	}
	return nil
}

func (c *collector) links() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, a := range c.got {
		out = append(out, a.Link)
	}
	return out
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)} }
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// site serves a feed at /feed.xml and pages at /a/N.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	feed     func(w http.ResponseWriter, r *http.Request)
	page     func(w http.ResponseWriter, r *http.Request)
	requests []string
}

func newSite(t *testing.T) *site {
	s := &site{}
	s.page = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><p>Article %s</p></body></html>", r.URL.Path)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.URL.Path+" "+r.Header.Get("If-None-Match"))
		feed, page := s.feed, s.page
		s.mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case r.URL.Path == "/feed.xml":
			feed(w, r)
		default:
			page(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) set(feed, page func(w http.ResponseWriter, r *http.Request)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if feed != nil {
		s.feed = feed
	}
	if page != nil {
		s.page = page
	}
}

func (s *site) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.requests
	s.requests = nil
	return out
}

func static(body string, headers ...string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		fmt.Fprint(w, body)
	}
}

func items(base string, ids ...int) []item {
	var out []item
	for _, id := range ids {
		out = append(out, item{guid: fmt.Sprintf("g%d", id), link: fmt.Sprintf("%s/a/%d", base, id), title: fmt.Sprintf("Report %d", id)})
	}
	return out
}

func newPoller(t *testing.T, st watch.State, sink watch.Sink, c *clock, feeds ...string) *watch.Poller {
	t.Helper()
	p, err := watch.New(watch.Config{Fetcher: fetcher(1 << 20), State: st, Sink: sink, Interval: 10 * time.Minute, MaxBackoff: 4 * time.Hour, Now: c.Now}, feeds)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewAndSeenItems(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	// Newest first, as feeds list them.
	s.set(static(rss(items(s.URL, 3, 2, 1)...), "Content-Type", "application/rss+xml"), nil)
	st := watch.NewMemState()
	feed := s.URL + "/feed.xml"
	st.MarkSeen(ctx, feed, "g1") // already seen in an earlier run
	sink := &collector{}
	c := newClock()
	p := newPoller(t, st, sink, c, feed)

	r := p.PollFeed(ctx, feed)
	if r.Err != nil || r.Items != 3 || r.New != 2 || r.Delivered != 2 || !r.Complete {
		t.Fatalf("first poll = %+v", r)
	}
	if got, want := sink.links(), []string{s.URL + "/a/2", s.URL + "/a/3"}; !slices.Equal(got, want) {
		t.Fatalf("delivered %q, want %q (oldest first, g1 skipped)", got, want)
	}
	a := sink.got[0]
	if a.GUID != "g2" || a.Title != "Report 2" || a.FinalURL != s.URL+"/a/2" || !strings.Contains(string(a.HTML), "Article /a/2") ||
		a.FeedURL != feed || !a.Published.Equal(time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC)) || a.FromFeed {
		t.Fatalf("article = %+v", a)
	}
	// A new item appears; the next poll delivers only it.
	s.set(static(rss(items(s.URL, 4, 3, 2, 1)...)), nil)
	r = p.PollFeed(ctx, feed)
	if r.New != 1 || r.Delivered != 1 || len(sink.links()) != 3 || sink.links()[2] != s.URL+"/a/4" {
		t.Fatalf("second poll = %+v, delivered %q", r, sink.links())
	}
	if !r.Next.Equal(c.Now().Add(10 * time.Minute)) {
		t.Fatalf("next poll at %v, want interval later", r.Next)
	}
}

func TestNotModifiedAndMaxAge(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	var full atomic.Int32
	body := rss(items(s.URL, 2, 1)...)
	s.set(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=3600")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, body)
	}, nil)
	feed := s.URL + "/feed.xml"
	st := watch.NewMemState()
	sink := &collector{}
	c := newClock()
	p := newPoller(t, st, sink, c, feed)
	r := p.PollFeed(ctx, feed)
	if r.Err != nil || r.Delivered != 2 {
		t.Fatalf("first poll = %+v", r)
	}
	if want := c.Now().Add(time.Hour); !r.Next.Equal(want) {
		t.Fatalf("next = %v, want %v (max-age beats the 10 min interval)", r.Next, want)
	}
	s.log()
	c.Add(time.Hour)
	r = p.PollFeed(ctx, feed)
	if !r.NotModified || r.Err != nil || r.Delivered != 0 || full.Load() != 1 {
		t.Fatalf("second poll = %+v, full responses %d", r, full.Load())
	}
	if got := s.log(); !slices.Equal(got, []string{`/feed.xml "v1"`}) {
		t.Fatalf("requests = %q, want one conditional feed request and no page", got)
	}
	m, _, _ := st.FeedMeta(ctx, feed)
	if m.ETag != `"v1"` || m.Failures != 0 || !m.NextPoll.Equal(c.Now().Add(time.Hour)) {
		t.Fatalf("meta = %+v", m)
	}
}

func TestFeedRetryAfterAndBackoff(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	feed := s.URL + "/feed.xml"
	st := watch.NewMemState()
	c := newClock()
	p := newPoller(t, st, &collector{}, c, feed)

	s.set(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusTooManyRequests)
	}, nil)
	r := p.PollFeed(ctx, feed)
	var se *fetch.StatusError
	if !errors.As(r.Err, &se) || se.StatusCode != 429 || !r.Next.Equal(c.Now().Add(2*time.Hour)) {
		t.Fatalf("429 poll = %+v, want next in 2h", r)
	}
	m, _, _ := st.FeedMeta(ctx, feed)
	if m.Failures != 1 || !strings.Contains(m.LastError, "429") {
		t.Fatalf("meta after 429 = %+v", m)
	}

	// Plain failures back off exponentially from the interval, capped.
	s.set(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) }, nil)
	var delays []time.Duration
	for range 6 {
		c.Add(5 * time.Hour)
		r := p.PollFeed(ctx, feed)
		delays = append(delays, r.Next.Sub(c.Now()))
	}
	want := []time.Duration{20 * time.Minute, 40 * time.Minute, 80 * time.Minute, 160 * time.Minute, 4 * time.Hour, 4 * time.Hour}
	if !slices.Equal(delays, want) {
		t.Fatalf("backoff delays %v, want %v", delays, want)
	}
	// Success resets the failure count.
	s.set(static(rss(items(s.URL, 1)...)), nil)
	r = p.PollFeed(ctx, feed)
	m, _, _ = st.FeedMeta(ctx, feed)
	if r.Err != nil || m.Failures != 0 || m.LastError != "" || !r.Next.Equal(c.Now().Add(10*time.Minute)) {
		t.Fatalf("after recovery: %+v, meta %+v", r, m)
	}
}

func TestArticleRetryAfterKeepsItem(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.set(static(rss(items(s.URL, 2, 1)...), "ETag", `"e"`), func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/a/2" {
			w.Header().Set("Retry-After", "1800")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "<p>ok</p>")
	})
	feed := s.URL + "/feed.xml"
	st := watch.NewMemState()
	sink := &collector{}
	c := newClock()
	p := newPoller(t, st, sink, c, feed)
	r := p.PollFeed(ctx, feed)
	if r.Err == nil || r.Complete || r.Delivered != 1 || !r.Next.Equal(c.Now().Add(30*time.Minute)) {
		t.Fatalf("poll with a rate-limited page = %+v", r)
	}
	if m, _, _ := st.FeedMeta(ctx, feed); m.ETag != "" {
		t.Fatalf("validators saved although an item is pending: %+v", m)
	}
	s.set(nil, static("<p>now ok</p>"))
	s.log()
	r = p.PollFeed(ctx, feed)
	if r.Err != nil || r.Delivered != 1 || !slices.Equal(sink.links(), []string{s.URL + "/a/1", s.URL + "/a/2"}) {
		t.Fatalf("retry poll = %+v, delivered %q", r, sink.links())
	}
	if got := s.log(); got[0] != "/feed.xml " {
		t.Fatalf("retry poll was conditional: %q", got)
	}
}

func TestMalformedFeedDoesNotAffectOthers(t *testing.T) {
	ctx := context.Background()
	good, bad, notFeed := newSite(t), newSite(t), newSite(t)
	good.set(static(rss(items(good.URL, 1)...)), nil)
	bad.set(static(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>broken`), nil)
	notFeed.set(static("<html><body>not a feed</body></html>", "Content-Type", "text/html"), nil)
	feeds := []string{bad.URL + "/feed.xml", good.URL + "/feed.xml", notFeed.URL + "/feed.xml"}
	st := watch.NewMemState()
	sink := &collector{}
	p := newPoller(t, st, sink, newClock(), feeds...)
	res := p.Once(ctx)
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	for i, f := range []string{feeds[0], feeds[2]} {
		r := res[i*2]
		m, _, _ := st.FeedMeta(ctx, f)
		if r.Err == nil || m.LastError == "" || m.Failures != 1 {
			t.Fatalf("malformed feed %s: result %+v meta %+v", f, r, m)
		}
	}
	if res[1].Err != nil || res[1].Delivered != 1 || !slices.Equal(sink.links(), []string{good.URL + "/a/1"}) {
		t.Fatalf("good feed: %+v, delivered %q", res[1], sink.links())
	}
}

func TestArticlePages(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	latin, _ := charmap.ISO8859_1.NewEncoder().String("<html><body><p>Le ministre a déclaré « non ».</p></body></html>")
	s.set(static(rss(
		item{guid: "robots", link: s.URL + "/private/1", title: "disallowed", content: "<p>summary from the feed</p>"},
		item{guid: "metadata", link: s.URL + "/redirect", title: "to metadata service"},
		item{guid: "latin", link: s.URL + "/latin", title: "latin-1"},
		item{guid: "huge", link: s.URL + "/huge", title: "100 MB"},
		item{guid: "gone", link: s.URL + "/gone", title: "404", content: "<p>gone but summarised</p>"},
	)), func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redirect":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/latin":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			fmt.Fprint(w, latin)
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			chunk := bytes.Repeat([]byte("<p>x</p>"), 8192)
			for sent := 0; sent < 100<<20; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/gone":
			w.WriteHeader(http.StatusNotFound)
		default:
			t.Errorf("unexpected page request %s", r.URL.Path)
		}
	})
	feed := s.URL + "/feed.xml"
	st := watch.NewMemState()
	sink := &collector{}
	p := newPoller(t, st, sink, newClock(), feed)
	r := p.PollFeed(ctx, feed)
	if r.Err != nil || r.New != 5 || r.Delivered != 4 || r.Failed != 1 {
		t.Fatalf("poll = %+v", r)
	}
	got := map[string]watch.Article{}
	for _, a := range sink.got {
		got[a.GUID] = a
	}
	if a := got["robots"]; !a.FromFeed || string(a.HTML) != "<p>summary from the feed</p>" {
		t.Fatalf("robots-disallowed item = %+v", a)
	}
	if _, ok := got["metadata"]; ok {
		t.Fatal("item redirected to the metadata address was delivered")
	}
	if a := got["latin"]; !strings.Contains(string(a.HTML), "déclaré « non »") || a.FromFeed {
		t.Fatalf("latin-1 page = %q", a.HTML)
	}
	if a := got["huge"]; !a.Truncated || len(a.HTML) != 1<<20 {
		t.Fatalf("huge page: %d bytes truncated=%v", len(a.HTML), a.Truncated)
	}
	if a := got["gone"]; !a.FromFeed {
		t.Fatalf("404 item = %+v", a)
	}
	for _, g := range []string{"robots", "metadata", "latin", "huge", "gone"} {
		if seen, _ := st.Seen(ctx, feed, g); !seen {
			t.Fatalf("item %s not marked seen", g)
		}
	}
}

func TestFeedFormats(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-11-21T10:00:00Z</updated>
<entry><title>Atom one</title><id>urn:a:1</id><link href="/a/atom1"/><updated>2026-11-21T10:00:00Z</updated></entry></feed>`
	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"j1","url":"` + s.URL + `/a/json1","title":"JSON one","date_published":"2026-11-21T09:00:00Z"}]}`
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>D\xe9j\xe0</title><link>/a/latin1</link><pubDate>Sat, 21 Nov 2026 10:00:00 +0000</pubDate></item></channel></rss>"
	for _, tt := range []struct{ name, body, link, ctype string }{
		{"atom", atom, "/a/atom1", "application/atom+xml"},
		{"json", jsonFeed, "/a/json1", "application/feed+json"},
		{"rss latin-1", latin1, "/a/latin1", "text/html"}, // mislabelled: the XML declaration wins
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.set(static(tt.body, "Content-Type", tt.ctype), nil)
			sink := &collector{}
			p := newPoller(t, watch.NewMemState(), sink, newClock(), s.URL+"/feed.xml")
			r := p.PollFeed(ctx, s.URL+"/feed.xml")
			if r.Err != nil || !slices.Equal(sink.links(), []string{s.URL + tt.link}) || sink.got[0].Published.IsZero() {
				t.Fatalf("poll = %+v, delivered %+v", r, sink.got)
			}
			if tt.name == "rss latin-1" && sink.got[0].Title != "Déjà" {
				t.Fatalf("latin-1 title = %q", sink.got[0].Title)
			}
		})
	}
}

// TestCancelAndResume stops the daemon loop while an article fetch is in
// flight, reopens the state file as a restarted process would, and checks
// that every item arrives exactly once.
func TestCancelAndResume(t *testing.T) {
	s := newSite(t)
	const n = 6
	ids := []int{6, 5, 4, 3, 2, 1}
	s.set(static(rss(items(s.URL, ids...)...), "ETag", `"same"`), nil)
	started := make(chan struct{})
	var once sync.Once
	s.set(nil, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/a/4" {
			blocked := false
			once.Do(func() { blocked = true })
			if blocked {
				close(started)
				<-r.Context().Done() // hold the page until the client gives up
				return
			}
		}
		fmt.Fprintf(w, "<p>page %s</p>", r.URL.Path)
	})
	feed := s.URL + "/feed.xml"
	path := filepath.Join(t.TempDir(), "watch.json")
	sink := &collector{}

	run := func(ctx context.Context) {
		st, err := watch.OpenFileState(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := watch.New(watch.Config{Fetcher: fetcher(1 << 20), State: st, Sink: sink, Interval: time.Hour}, []string{feed})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Run(ctx); err != nil {
			t.Fatal(err)
		}
	}

	// First run: cancelled (as SIGTERM would) while /a/4 is being fetched.
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	run(ctx)
	if got, want := sink.links(), []string{s.URL + "/a/1", s.URL + "/a/2", s.URL + "/a/3"}; !slices.Equal(got, want) {
		t.Fatalf("before the stop: delivered %q, want %q", got, want)
	}

	// Restart: runs until every item has arrived.
	ctx, cancel = context.WithTimeout(context.Background(), time.Minute) // safety net only
	defer cancel()
	sink.mu.Lock()
	sink.hook = func(watch.Article) {
		if len(sink.links()) == n {
			cancel()
		}
	}
	sink.mu.Unlock()
	s.log()
	run(ctx)
	var want []string
	for i := 1; i <= n; i++ {
		want = append(want, fmt.Sprintf("%s/a/%d", s.URL, i))
	}
	if got := sink.links(); !slices.Equal(got, want) {
		t.Fatalf("after restart: delivered %q, want each of %q once", got, want)
	}
	if reqs := s.log(); len(reqs) == 0 || reqs[0] != "/feed.xml " {
		t.Fatalf("restart polled with stale validators: %q", reqs)
	}
	// The state on disk now has all items and the validators.
	st, err := watch.OpenFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	bg := context.Background()
	for i := 1; i <= n; i++ {
		if seen, _ := st.Seen(bg, feed, fmt.Sprintf("g%d", i)); !seen {
			t.Fatalf("g%d not recorded", i)
		}
	}
	if m, _, _ := st.FeedMeta(bg, feed); m.ETag != `"same"` {
		t.Fatalf("meta after the complete poll = %+v", m)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	if _, err := watch.New(watch.Config{}, nil); err == nil {
		t.Fatal("New without dependencies succeeded")
	}
	cfg := watch.Config{Fetcher: fetcher(0), State: watch.NewMemState(), Sink: &collector{}}
	if _, err := watch.New(cfg, []string{"ftp://x.example/"}); err == nil {
		t.Fatal("New with an ftp feed succeeded")
	}
}

func TestRunPollsEveryFeedWithFewWorkers(t *testing.T) {
	var feeds []string
	for range 3 {
		s := newSite(t)
		s.set(static(rss(items(s.URL, 1)...)), nil)
		feeds = append(feeds, s.URL+"/feed.xml")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // safety net only
	defer cancel()
	sink := &collector{}
	sink.hook = func(watch.Article) {
		if len(sink.links()) == len(feeds) {
			cancel()
		}
	}
	p, err := watch.New(watch.Config{Fetcher: fetcher(1 << 20), State: watch.NewMemState(), Sink: sink, Workers: 1}, feeds)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sink.links(); len(got) != len(feeds) {
		t.Fatalf("delivered %q from %d feeds", got, len(feeds))
	}
}

func TestSinkErrorRetriesItem(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.set(static(rss(items(s.URL, 2, 1)...), "ETag", `"e"`), nil)
	feed := s.URL + "/feed.xml"
	st := watch.NewMemState()
	var calls []string
	fail := true
	sink := watch.SinkFunc(func(ctx context.Context, a watch.Article) error {
		calls = append(calls, a.GUID)
		if a.GUID == "g2" && fail {
			return errors.New("store is full")
		}
		return nil
	})
	p := newPoller(t, st, sink, newClock(), feed)
	r := p.PollFeed(ctx, feed)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "store is full") || r.Delivered != 1 || r.Complete {
		t.Fatalf("poll with a failing sink = %+v", r)
	}
	if seen, _ := st.Seen(ctx, feed, "g2"); seen {
		t.Fatal("item the sink refused was marked seen")
	}
	fail = false
	r = p.PollFeed(ctx, feed)
	if r.Err != nil || r.Delivered != 1 || !slices.Equal(calls, []string{"g1", "g2", "g2"}) {
		t.Fatalf("retry = %+v, sink calls %q", r, calls)
	}
}
