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
// collector while the live heap is small, under a soft memory limit. As
// the live heap grows (a large ingest keeps its analyses for the
// cross-report stage), GOGC goes back to 100 under a higher soft limit,
// so that the heap does not double past it, and once the live heap
// nears that limit too the limit goes, so that the collector never has
// to fight it. A GOGC or GOMEMLIMIT in the environment wins.
const (
	batchGCPercent = 400
	batchMemLimit  = 800 << 20
	// batchLiveMax is the live heap above which GOGC is 100 again.
	batchLiveMax = batchMemLimit * 6 / 10
	// largeMemLimit is the soft limit from then on, until the live heap
	// passes largeLiveMax.
	largeMemLimit = 1024 << 20
	largeLiveMax  = largeMemLimit * 8 / 10
)

// gcStage returns the collector settings for a live heap of live bytes,
// never going back to an earlier stage than stage (0, 1 or 2).
func gcStage(live uint64, stage int) (next, percent int, limit int64) {
	switch {
	case stage < 1 && live <= batchLiveMax:
		return 0, batchGCPercent, batchMemLimit
	case stage < 2 && live <= largeLiveMax:
		return 1, 100, largeMemLimit
	}
	return 2, 100, math.MaxInt64
}

// BatchGC applies the batch collector settings until ctx ends or the
// returned function is called, which restores the defaults.
func BatchGC(ctx context.Context) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	stage, pct, limit := gcStage(0, 0)
	oldPct := debug.SetGCPercent(pct)
	oldLimit := debug.SetMemoryLimit(limit)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for stage < 2 {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				continue
			}
			next, pct, limit := gcStage(sample[0].Value.Uint64(), stage)
			if next != stage {
				stage = next
				debug.SetGCPercent(pct)
				debug.SetMemoryLimit(limit)
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
