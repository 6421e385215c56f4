package pipeline

import (
	"context"
	"errors"
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
