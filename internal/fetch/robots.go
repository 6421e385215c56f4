package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsEntry is one host's cached robots.txt. Its mutex makes concurrent
// fetches of one host wait for a single robots.txt request.
type robotsEntry struct {
	mu      sync.Mutex
	data    *robotstxt.RobotsData // nil: allow everything
	expires time.Time
}

// robotsAllowed tells whether robots.txt of u's host lets our agent fetch
// u. A missing robots.txt (4xx) allows everything, a 5xx answer disallows
// everything (as the robots.txt RFC 9309 says); an unreachable robots.txt
// is treated as missing, because the page itself will then most likely
// fail too and the caller sees that error. A refused address is returned
// as an error.
func (f *Fetcher) robotsAllowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.robotsMu.Lock()
	e := f.robots[key]
	if e == nil {
		e = &robotsEntry{}
		f.robots[key] = e
		if len(f.robots) > 10000 {
			now := f.now()
			for k, old := range f.robots {
				if old != e && old.mu.TryLock() {
					if !old.expires.IsZero() && old.expires.Before(now) {
						delete(f.robots, k)
					}
					old.mu.Unlock()
				}
			}
		}
	}
	f.robotsMu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.expires.IsZero() || f.now().After(e.expires) {
		data, err := f.fetchRobots(ctx, key)
		if err != nil {
			if errors.Is(err, ErrBlocked) || ctx.Err() != nil {
				return false, err
			}
			data = nil // unreachable: allow
		}
		e.data = data
		e.expires = f.now().Add(f.opt.RobotsTTL)
	}
	if e.data == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, f.opt.UserAgent), nil
}

func (f *Fetcher) fetchRobots(ctx context.Context, base string) (*robotstxt.RobotsData, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("robots.txt %s: %w", base, err)
	}
	defer resp.Body.Close()
	body, _, err := readBody(resp, robotsMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("robots.txt %s: %w", base, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// An unparsable robots.txt says nothing we can follow: allow.
		return nil, nil
	}
	return data, nil
}
