// Package watch polls news feeds (RSS, Atom, JSON Feed) on a schedule per
// feed and hands each new item's article page to a Sink.
//
// Each feed is polled with a conditional GET (ETag, Last-Modified); its
// next poll is the regular interval, or later when the feed's
// Cache-Control max-age or Retry-After asks for it, and backs off
// exponentially after failures. A malformed or failing feed records its
// error in its FeedMeta and does not affect the others. New items (by
// GUID, else link) are fetched through the safe fetcher, oldest first,
// with robots.txt checked, and given to the Sink; an item is marked seen
// only after the Sink accepted it, and a feed's validators are saved only
// after all its items were handled, so a stop at any point (context
// cancelled) loses nothing: the next run re-reads the feed and delivers
// what was not yet accepted. Delivery is at least once: a Sink that
// accepted an article but returned an error (or a crash between the
// Sink's return and MarkSeen) sees it again, so Sinks should be
// idempotent on Article.Link (the store is: re-ingesting a URL replaces
// it).
//
// Goroutines: the architecture keeps goroutines in internal/pipeline, but
// Poller.Run (and Poller.Once) run their own bounded set of at most
// Config.Workers feed workers; each worker handles one feed at a time,
// its items one after another. All of them have returned when Run
// returns.
package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/zeebo/xxh3"

	"storyline/internal/fetch"
)

// Fetcher is what the poller needs from the network; *fetch.Fetcher is
// the implementation.
type Fetcher interface {
	Fetch(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Article is one new feed item with its article page.
type Article struct {
	FeedURL string
	// GUID is the item's key within its feed: its GUID, else its link,
	// else a hash of its title, date and content.
	GUID string
	// Link is the item's link, made absolute against the feed URL.
	Link  string
	Title string
	// Published is the item's publication (else update) time; zero when
	// the feed gives none.
	Published time.Time
	// HTML is the article page, decoded to UTF-8 (or, when FromFeed, the
	// item's own content from the feed).
	HTML []byte
	// FinalURL is the page's URL after redirects (Link when FromFeed).
	FinalURL string
	// Truncated is set when the page was longer than the fetcher's limit.
	Truncated bool
	// FromFeed is set when the page could not be fetched for good (robots
	// disallow, refused address, 4xx) and HTML is the feed's content.
	FromFeed bool
}

// Sink receives articles. Article returns nil only once it has taken the
// article (e.g. stored it); an error makes the poller stop the feed's
// poll and deliver the article again on a later poll. It may be called
// from several goroutines at once.
type Sink interface {
	Article(ctx context.Context, a Article) error
}

// SinkFunc adapts a function to Sink.
type SinkFunc func(ctx context.Context, a Article) error

// Article implements Sink.
func (f SinkFunc) Article(ctx context.Context, a Article) error { return f(ctx, a) }

// Config configures a Poller.
type Config struct {
	Fetcher Fetcher
	State   State
	Sink    Sink
	// Interval is the regular time between two polls of a feed
	// (default 15 minutes).
	Interval time.Duration
	// MaxBackoff caps the delay after repeated failures (default 24 h).
	MaxBackoff time.Duration
	// Workers is how many feeds are polled at once (default 4).
	Workers int
	// Log receives one line per poll and per failed item (default: none).
	Log *slog.Logger
	// Now is the clock (default time.Now); tests move it.
	Now func() time.Time
}

// Result is the outcome of one feed poll.
type Result struct {
	Feed        string
	NotModified bool
	// Items is the number of items in the feed document; New those not
	// seen before; Delivered those the Sink accepted; Failed those whose
	// page could not be fetched for good (marked seen, not retried).
	Items, New, Delivered, Failed int
	// Complete is set when every item was handled and the validators
	// were saved.
	Complete bool
	// Next is when the feed is due again.
	Next time.Time
	// Err is the poll's error (feed fetch, parse, an item's transient
	// failure, the Sink, the State); nil on success.
	Err error
}

// Poller polls a fixed list of feeds.
type Poller struct {
	cfg   Config
	feeds []string

	mu   sync.Mutex
	next map[string]time.Time
}

// New returns a Poller for feeds (absolute http(s) URLs, see
// ParseFeedList).
func New(cfg Config, feeds []string) (*Poller, error) {
	if cfg.Fetcher == nil || cfg.State == nil || cfg.Sink == nil {
		return nil, errors.New("watch: Fetcher, State and Sink are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = 15 * time.Minute
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 24 * time.Hour
	}
	if cfg.MaxBackoff < cfg.Interval {
		cfg.MaxBackoff = cfg.Interval
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	seen := map[string]bool{}
	var list []string
	for _, f := range feeds {
		u, err := NormalizeURL(f)
		if err != nil {
			return nil, fmt.Errorf("watch: %w", err)
		}
		if !seen[u] {
			seen[u] = true
			list = append(list, u)
		}
	}
	return &Poller{cfg: cfg, feeds: list, next: map[string]time.Time{}}, nil
}

// Feeds returns the feeds polled.
func (p *Poller) Feeds() []string { return append([]string(nil), p.feeds...) }

// due returns when feed is next due, from memory or the State.
func (p *Poller) due(ctx context.Context, feed string) time.Time {
	p.mu.Lock()
	t, ok := p.next[feed]
	p.mu.Unlock()
	if ok {
		return t
	}
	m, found, err := p.cfg.State.FeedMeta(ctx, feed)
	if err != nil || !found {
		t = time.Time{}
	} else {
		t = m.NextPoll
	}
	p.mu.Lock()
	p.next[feed] = t
	p.mu.Unlock()
	return t
}

func (p *Poller) setDue(feed string, t time.Time) {
	p.mu.Lock()
	p.next[feed] = t
	p.mu.Unlock()
}

// Run polls every feed when it is due until ctx is cancelled, then waits
// for the feeds being polled to stop (their in-flight fetches are
// abandoned) and returns nil. Feeds never polled are due at once.
func (p *Poller) Run(ctx context.Context) error {
	done := make(chan string, len(p.feeds))
	inflight := map[string]bool{}
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		if ctx.Err() != nil {
			return nil
		}
		now := p.cfg.Now()
		wake := now.Add(p.cfg.Interval)
		for _, f := range p.feeds {
			if inflight[f] {
				continue
			}
			due := p.due(ctx, f)
			if !due.After(now) {
				if len(inflight) >= p.cfg.Workers {
					continue // woken when a worker finishes
				}
				inflight[f] = true
				wg.Go(func() {
					p.PollFeed(ctx, f)
					done <- f
				})
				continue
			}
			if due.Before(wake) {
				wake = due
			}
		}
		timer := time.NewTimer(max(wake.Sub(now), 10*time.Millisecond))
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case f := <-done:
			delete(inflight, f)
		case <-timer.C:
		}
		timer.Stop()
	}
}

// Once polls every feed that is due now, at most Config.Workers at a
// time, and returns the results in feed order (feeds not due are left
// out).
func (p *Poller) Once(ctx context.Context) []Result {
	now := p.cfg.Now()
	var due []string
	for _, f := range p.feeds {
		if !p.due(ctx, f).After(now) {
			due = append(due, f)
		}
	}
	results := make([]Result, len(due))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(p.cfg.Workers, len(due)) {
		wg.Go(func() {
			for i := range work {
				results[i] = p.PollFeed(ctx, due[i])
			}
		})
	}
	for i := range due {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// PollFeed polls one feed now, whether due or not, delivers its new items
// and records the outcome in the State. A cancelled ctx stops it at once
// without saving the feed's validators.
func (p *Poller) PollFeed(ctx context.Context, feed string) Result {
	res := p.pollFeed(ctx, feed)
	if res.Next.IsZero() {
		res.Next = p.cfg.Now().Add(p.cfg.Interval)
	}
	p.setDue(feed, res.Next)
	log := p.cfg.Log.With("feed", feed)
	switch {
	case ctx.Err() != nil:
		log.Info("poll stopped", "delivered", res.Delivered)
	case res.Err != nil:
		log.Warn("poll failed", "err", res.Err, "delivered", res.Delivered, "next", res.Next.Format(time.RFC3339))
	default:
		log.Info("polled", "not_modified", res.NotModified, "items", res.Items, "new", res.New, "delivered", res.Delivered, "failed", res.Failed, "next", res.Next.Format(time.RFC3339))
	}
	return res
}

func (p *Poller) pollFeed(ctx context.Context, feed string) Result {
	res := Result{Feed: feed}
	st := p.cfg.State
	meta, _, err := st.FeedMeta(ctx, feed)
	if err != nil {
		res.Err = fmt.Errorf("feed %s: state: %w", feed, err)
		return res
	}
	meta.URL = feed
	now := p.cfg.Now()
	meta.LastPoll = now

	resp, err := p.cfg.Fetcher.Fetch(ctx, fetch.Request{URL: feed, ETag: meta.ETag, LastModified: meta.LastModified, Accept: feedAccept, KeepCharset: true})
	if ctx.Err() != nil {
		res.Err = ctx.Err()
		return res
	}
	if err == nil && resp.Truncated {
		err = fmt.Errorf("feed %s: larger than the fetcher's body limit", feed)
	}
	if err != nil {
		return p.failed(ctx, meta, res, err)
	}
	if resp.NotModified {
		res.NotModified = true
		res.Complete = true
		return p.succeeded(ctx, meta, res, resp)
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return p.failed(ctx, meta, res, fmt.Errorf("feed %s: %w", feed, err))
	}
	meta.Title = parsed.Title
	base, _ := url.Parse(resp.URL)
	res.Items = len(parsed.Items)

	var retryAfter time.Duration
	var itemErr error
	// Feeds list the newest first; deliver the oldest first.
	for i := len(parsed.Items) - 1; i >= 0 && itemErr == nil; i-- {
		it := parsed.Items[i]
		if it == nil {
			continue
		}
		a := article(feed, base, it)
		seen, err := st.Seen(ctx, feed, a.GUID)
		if err != nil {
			itemErr = fmt.Errorf("state: %w", err)
			break
		}
		if seen {
			continue
		}
		res.New++
		delivered, failed, ra, err := p.item(ctx, &a, it)
		switch {
		case err != nil && ctx.Err() != nil:
			res.Err = ctx.Err()
			return res
		case err != nil:
			itemErr, retryAfter = err, ra
			continue
		case failed:
			res.Failed++
		case delivered:
			res.Delivered++
		}
		// The Sink has the article (or it failed for good): remember, even
		// if ctx was cancelled meanwhile, so it is not delivered twice.
		if err := st.MarkSeen(context.WithoutCancel(ctx), feed, a.GUID); err != nil {
			itemErr = fmt.Errorf("state: %w", err)
		}
	}
	if itemErr != nil {
		// Keep the old validators so the next poll reads the whole feed
		// again and retries what is left.
		res.Err = fmt.Errorf("feed %s: %w", feed, itemErr)
		meta.LastError = res.Err.Error()
		res.Next = now.Add(max(p.cfg.Interval, min(retryAfter, 7*24*time.Hour)))
		meta.NextPoll = res.Next
		if err := st.SaveFeedMeta(context.WithoutCancel(ctx), meta); err != nil {
			res.Err = errors.Join(res.Err, err)
		}
		return res
	}
	res.Complete = true
	return p.succeeded(ctx, meta, res, resp)
}

// item fetches one new item's page and hands it to the Sink. failed is
// set when the page cannot be fetched for good and the feed has no
// content to fall back on; err is set for transient failures (retry on a
// later poll), with retryAfter when the server named a delay.
func (p *Poller) item(ctx context.Context, a *Article, it *gofeed.Item) (delivered, failed bool, retryAfter time.Duration, err error) {
	log := p.cfg.Log.With("feed", a.FeedURL, "item", a.GUID)
	var fetchErr error
	if a.Link != "" {
		resp, err := p.cfg.Fetcher.Fetch(ctx, fetch.Request{URL: a.Link, CheckRobots: true, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
		if ctx.Err() != nil {
			return false, false, 0, ctx.Err()
		}
		if err == nil {
			a.HTML, a.FinalURL, a.Truncated = resp.Body, resp.URL, resp.Truncated
		} else if transient(err) {
			var se *fetch.StatusError
			if errors.As(err, &se) {
				retryAfter = se.RetryAfter
			}
			return false, false, retryAfter, fmt.Errorf("item %s: %w", a.Link, err)
		} else {
			fetchErr = err
		}
	} else {
		fetchErr = errors.New("item has no link")
	}
	if fetchErr != nil {
		content := it.Content
		if content == "" {
			content = it.Description
		}
		if content == "" {
			log.Warn("item skipped", "err", fetchErr)
			return false, true, 0, nil
		}
		log.Info("article page unavailable, using the feed's content", "err", fetchErr)
		a.HTML, a.FinalURL, a.FromFeed = []byte(content), a.Link, true
	}
	if err := p.cfg.Sink.Article(ctx, *a); err != nil {
		if ctx.Err() != nil {
			return false, false, 0, ctx.Err()
		}
		return false, false, 0, fmt.Errorf("sink: %w", err)
	}
	return true, false, 0, nil
}

// transient tells whether a failed article fetch may succeed later.
func transient(err error) bool {
	if errors.Is(err, fetch.ErrRobots) || errors.Is(err, fetch.ErrBlocked) {
		return false
	}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Temporary()
	}
	return true // network errors, timeouts
}

func (p *Poller) failed(ctx context.Context, meta FeedMeta, res Result, err error) Result {
	res.Err = err
	meta.Failures++
	meta.LastError = err.Error()
	backoff := p.cfg.Interval
	for i := 1; i < meta.Failures && backoff < p.cfg.MaxBackoff; i++ {
		backoff *= 2
	}
	backoff = min(backoff, p.cfg.MaxBackoff)
	var se *fetch.StatusError
	if errors.As(err, &se) && se.RetryAfter > backoff {
		backoff = min(se.RetryAfter, 7*24*time.Hour)
	}
	res.Next = meta.LastPoll.Add(backoff)
	meta.NextPoll = res.Next
	if err := p.cfg.State.SaveFeedMeta(context.WithoutCancel(ctx), meta); err != nil {
		res.Err = errors.Join(res.Err, err)
	}
	return res
}

func (p *Poller) succeeded(ctx context.Context, meta FeedMeta, res Result, resp *fetch.Response) Result {
	meta.ETag, meta.LastModified = resp.ETag, resp.LastModified
	meta.Failures, meta.LastError = 0, ""
	meta.LastSuccess = meta.LastPoll
	res.Next = meta.LastPoll.Add(max(p.cfg.Interval, resp.MaxAge))
	meta.NextPoll = res.Next
	if err := p.cfg.State.SaveFeedMeta(context.WithoutCancel(ctx), meta); err != nil {
		res.Err = err
		res.Complete = false
	}
	return res
}

// article builds the Article skeleton (no page yet) for a feed item.
func article(feed string, base *url.URL, it *gofeed.Item) Article {
	a := Article{FeedURL: feed, Title: it.Title}
	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	if link != "" && base != nil {
		if u, err := base.Parse(link); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			a.Link = u.String()
		}
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Published = *it.UpdatedParsed
	}
	switch {
	case it.GUID != "":
		a.GUID = it.GUID
	case a.Link != "":
		a.GUID = a.Link
	default:
		a.GUID = fmt.Sprintf("h:%016x", xxh3.HashString(it.Title+"\x00"+it.Published+"\x00"+it.Content+"\x00"+it.Description))
	}
	return a
}
