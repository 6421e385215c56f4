package server

import (
	"bytes"
	"compress/gzip"
	lru "container/list"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// answerCache keeps the answers of the read routes that are costly to
// build (a story's page and JSON, the quotes listing, search) until the
// store changes: every entry belongs to one generation of the store, and
// a new generation empties the cache, so a read after a write never sees
// an answer built before it.
//
// Answers are kept gzip-compressed (a story page is ~65 kB of HTML, ~9 kB
// compressed), so that every story of a large store fits, and sent as
// they are to clients that accept gzip. The least recently used answers
// are dropped beyond max bytes. Concurrent requests for an answer that
// is being built wait for that one build instead of repeating it.
type answerCache struct {
	mu    sync.Mutex
	gen   int64
	m     map[string]*lru.Element // of *cachedAnswer
	lru   lru.List                // most recently used first
	bytes int64
	max   int64
	// compressFrom is the size from which answers are compressed.
	compressFrom int
	// building holds the builds under way, by generation and key.
	building map[buildKey]*build
	// asked holds the keys of the answers asked for once and not kept
	// (see route.repeat), up to maxAsked of them.
	asked map[string]struct{}
}

// maxAsked bounds answerCache.asked; it is emptied when full.
const maxAsked = 1 << 14

type buildKey struct {
	gen int64
	key string
}

// build is one answer being built; done is closed when a and err are set.
type build struct {
	done chan struct{}
	a    *cachedAnswer
	err  error
}

// cachedAnswer is one kept answer: a 200 response's type and its body,
// gzip-compressed (gz), or as it is when tiny (raw).
type cachedAnswer struct {
	key   string
	ctype string
	gz    []byte
	raw   []byte
	size  int // uncompressed
}

// bytes is what the answer holds in memory.
func (a *cachedAnswer) bytes() int64 { return int64(len(a.gz) + len(a.raw)) }

// compressFrom is the size from which answers are kept compressed: all
// but the tiniest. Keeping pages of search hits or quotes (~20 kB)
// uncompressed saves 0.1–0.3 ms when they are built, but takes eight
// times the room, and on the benchmark's load they then pushed the story
// pages out of the cache.
const compressFrom = 1 << 10

func newAnswerCache(max int64) *answerCache {
	return &answerCache{m: map[string]*lru.Element{}, max: max, compressFrom: compressFrom, building: map[buildKey]*build{},
		asked: map[string]struct{}{}}
}

// askedBefore tells whether key was asked for before (and not kept)
// since the store last changed, and remembers it was. An answer kept or
// being built counts as asked for.
func (c *answerCache) askedBefore(gen int64, key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return false
	}
	c.setGen(gen)
	if _, ok := c.m[key]; ok {
		return true
	}
	if _, ok := c.building[buildKey{gen, key}]; ok {
		return true
	}
	if _, ok := c.asked[key]; ok {
		return true
	}
	if len(c.asked) >= maxAsked {
		clear(c.asked)
	}
	c.asked[key] = struct{}{}
	return false
}

// setGen moves the cache to generation gen, emptying it when gen is new.
// c.mu is held.
func (c *answerCache) setGen(gen int64) {
	if gen == c.gen {
		return
	}
	c.gen = gen
	clear(c.m)
	clear(c.asked)
	c.lru.Init()
	c.bytes = 0
}

// get returns the answer under key in generation gen, or the build under
// way to wait for, or neither: then the caller builds it and must call
// finish with the build returned.
func (c *answerCache) get(gen int64, key string) (a *cachedAnswer, wait *build, mine *build) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		// A reader that saw an older generation: build, do not keep.
		return nil, nil, &build{done: make(chan struct{})}
	}
	c.setGen(gen)
	if e, ok := c.m[key]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cachedAnswer), nil, nil
	}
	bk := buildKey{gen, key}
	if b, ok := c.building[bk]; ok {
		return nil, b, nil
	}
	b := &build{done: make(chan struct{})}
	c.building[bk] = b
	return nil, nil, b
}

// finish records the outcome of a build begun by get and keeps the
// answer when the build succeeded and the generation is still current.
func (c *answerCache) finish(gen int64, key string, b *build, a *cachedAnswer, err error) {
	b.a, b.err = a, err
	close(b.done)
	c.mu.Lock()
	defer c.mu.Unlock()
	bk := buildKey{gen, key}
	if c.building[bk] != b {
		return
	}
	delete(c.building, bk)
	if a == nil || gen != c.gen || a.bytes() > c.max {
		return
	}
	if e, ok := c.m[key]; ok {
		c.bytes -= e.Value.(*cachedAnswer).bytes()
		c.lru.Remove(e)
	}
	c.m[key] = c.lru.PushFront(a)
	c.bytes += a.bytes()
	for c.bytes > c.max {
		e := c.lru.Back()
		old := e.Value.(*cachedAnswer)
		c.lru.Remove(e)
		delete(c.m, old.key)
		c.bytes -= old.bytes()
	}
}

// len returns the number of answers kept.
func (c *answerCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// recorder captures what a route writes.
type recorder struct {
	h      http.Header
	status int
	buf    bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.h }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.buf.Write(b)
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return w
}}

func compress(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b)/6 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&out)
	zw.Write(b)
	zw.Close()
	gzipWriters.Put(zw)
	return out.Bytes()
}

// serveCached answers r from the cache, or runs serve to build the
// answer, keeps it when it is a 200, and sends it. When the store cannot
// tell its generation, serve answers directly and nothing is kept; nor
// is it, with repeat, the first time an answer is asked for.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request, repeat bool, serve func(w http.ResponseWriter)) {
	gen, ok, err := s.rd.Generation(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok || s.cache == nil {
		serve(w)
		return
	}
	key := r.URL.Path + "?" + r.URL.RawQuery
	if repeat && !s.cache.askedBefore(gen, key) {
		serve(w)
		return
	}
	a, wait, mine := s.cache.get(gen, key)
	if wait != nil {
		select {
		case <-wait.done:
			a = wait.a
		case <-r.Context().Done():
			return
		}
		if a == nil { // the build failed or was not a 200: answer alone
			serve(w)
			return
		}
	}
	if a != nil {
		writeCached(w, r, a)
		return
	}
	rec := &recorder{h: http.Header{}}
	func() {
		defer func() {
			if a == nil {
				s.cache.finish(gen, key, mine, nil, nil)
			}
		}()
		serve(rec)
		if rec.status == http.StatusOK {
			b := rec.buf.Bytes()
			a = &cachedAnswer{key: key, ctype: rec.h.Get("Content-Type"), size: len(b)}
			if len(b) >= s.cache.compressFrom {
				a.gz = compress(b)
			} else {
				a.raw = b
			}
			s.cache.finish(gen, key, mine, a, nil)
		}
	}()
	h := w.Header()
	for k, v := range rec.h {
		h[k] = v
	}
	if a != nil {
		writeCached(w, r, a)
		return
	}
	if rec.status == 0 { // nothing written: the client has gone
		return
	}
	w.WriteHeader(rec.status)
	w.Write(rec.buf.Bytes())
}

// writeCached sends a kept answer: compressed to a client that accepts
// gzip, else decompressed.
func writeCached(w http.ResponseWriter, r *http.Request, a *cachedAnswer) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Add("Vary", "Accept-Encoding")
	if a.gz == nil {
		h.Set("Content-Length", strconv.Itoa(len(a.raw)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(a.raw)
		}
		return
	}
	if acceptsGzip(r.Header.Get("Accept-Encoding")) && r.Header.Get("Range") == "" {
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(a.gz)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(a.gz)
		}
		return
	}
	h.Set("Content-Length", strconv.Itoa(a.size))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(a.gz))
	if err != nil {
		return
	}
	io.Copy(w, zr)
}

// acceptsGzip tells whether an Accept-Encoding header allows gzip.
func acceptsGzip(h string) bool {
	for part := range strings.SplitSeq(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(params), " ", ""), "q=")
		if !ok {
			return true
		}
		f, err := strconv.ParseFloat(q, 64)
		return err == nil && f > 0
	}
	return false
}
