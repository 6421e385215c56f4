package pipeline

import (
	"context"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Batch runs (storyline ingest and bench) allocate a great deal of
// short-lived garbage per report; with Go's default GOGC=100 the
// collector costs about a tenth of their CPU. They run with a laxer
// collector while the live heap is small, under a soft memory limit, and
// fall back to the defaults once the live heap grows past a share of
// that limit (a very large ingest), so that the collector never has to
// fight the limit. A GOGC or GOMEMLIMIT in the environment wins.
const (
	batchGCPercent = 400
	batchMemLimit  = 800 << 20
	// batchLiveMax is the live heap above which the defaults come back.
	batchLiveMax = batchMemLimit * 6 / 10
)

// BatchGC applies the batch collector settings until ctx ends or the
// returned function is called, which restores the defaults.
func BatchGC(ctx context.Context) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldPct := debug.SetGCPercent(batchGCPercent)
	oldLimit := debug.SetMemoryLimit(batchMemLimit)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > batchLiveMax {
				debug.SetGCPercent(oldPct)
				debug.SetMemoryLimit(math.MaxInt64)
				return
			}
		}
	}()
	return func() {
		cancel()
		<-done
		debug.SetGCPercent(oldPct)
		debug.SetMemoryLimit(oldLimit)
	}
}

// Go starts f now and returns a function that waits for its result: for
// slow set-up (loading a model) that can overlap other set-up.
func Go[T any](f func() (T, error)) func() (T, error) {
	var v T
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}
