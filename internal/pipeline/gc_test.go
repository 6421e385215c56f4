package pipeline

import (
	"context"
	"errors"
	"math"
	"runtime/debug"
	"testing"
)

func TestBatchGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := BatchGC(context.Background())
	if got := debug.SetGCPercent(-1); got != batchGCPercent {
		t.Errorf("GC percent during a batch run = %d, want %d", got, batchGCPercent)
	}
	debug.SetGCPercent(batchGCPercent)
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after restore = %d, want 100", got)
	}
}

func TestGCStage(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name        string
		live        uint64
		stage, want int
		pct         int
		limit       int64
	}{
		{"small heap", 100 * mb, 0, 0, batchGCPercent, batchMemLimit},
		{"grown heap", 600 * mb, 0, 1, 100, largeMemLimit},
		{"large heap", 1000 * mb, 0, 2, 100, math.MaxInt64},
		{"never back from grown", 100 * mb, 1, 1, 100, largeMemLimit},
		{"never back from large", 100 * mb, 2, 2, 100, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, pct, limit := gcStage(tt.live, tt.stage)
			if next != tt.want || pct != tt.pct || limit != tt.limit {
				t.Errorf("gcStage(%d MB, %d) = %d, %d, %d; want %d, %d, %d", tt.live/mb, tt.stage, next, pct, limit, tt.want, tt.pct, tt.limit)
			}
		})
	}
}

func TestBatchGCEnvironmentWins(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	restore := BatchGC(context.Background())
	defer restore()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GC percent with GOGC set = %d, want 150 (the environment's)", got)
	}
}

func TestGo(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		v    int
		err  error
	}{{"value", 7, nil}, {"error", 0, boom}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wait := Go(func() (int, error) { return tt.v, tt.err })
			v, err := wait()
			if v != tt.v || !errors.Is(err, tt.err) {
				t.Errorf("Go = %d, %v; want %d, %v", v, err, tt.v, tt.err)
			}
		})
	}
}
