package server

import (
	"context"
	"sync"
)

// pageCache keeps answers that are costly to build (a story's page and
// its JSON) until the store changes: every entry belongs to one
// generation of the store, and a new generation empties the cache.
type pageCache struct {
	mu  sync.Mutex
	gen int64
	m   map[string][]byte
	max int
}

func newPageCache(max int) *pageCache { return &pageCache{m: map[string][]byte{}, max: max} }

func (c *pageCache) get(gen int64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return nil, false
	}
	b, ok := c.m[key]
	return b, ok
}

func (c *pageCache) put(gen int64, key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.gen = gen
		clear(c.m)
	}
	if len(c.m) >= c.max {
		for k := range c.m { // evict one entry, whichever map order gives
			delete(c.m, k)
			break
		}
	}
	c.m[key] = b
}

// cached returns the answer under key, building and keeping it when the
// store can tell its generation.
func (s *Server) cached(ctx context.Context, key string, build func() ([]byte, error)) ([]byte, error) {
	gen, ok, err := s.rd.Generation(ctx)
	if err != nil {
		return nil, err
	}
	if ok {
		if b, hit := s.cache.get(gen, key); hit {
			return b, nil
		}
	}
	b, err := build()
	if err != nil {
		return nil, err
	}
	if ok {
		s.cache.put(gen, key, b)
	}
	return b, nil
}
