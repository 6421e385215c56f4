package quote

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortKeys checks sortKeys against slices.Sort on random keys of
// every length to 70 (insertion sort up to 32), with repeats, in order,
// reversed and at the extremes of uint64.
func TestSortKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 7))
	for trial := 0; trial < 20000; trial++ {
		xs := make([]uint64, rng.IntN(71))
		for i := range xs {
			switch rng.IntN(4) {
			case 0:
				xs[i] = uint64(rng.IntN(5)) // (repeats)
			case 1:
				xs[i] = ^uint64(rng.IntN(3))
			default:
				xs[i] = rng.Uint64()
			}
		}
		switch trial % 5 {
		case 1:
			slices.Sort(xs)
		case 2:
			slices.Sort(xs)
			slices.Reverse(xs)
		}
		want := slices.Clone(xs)
		slices.Sort(want)
		sortKeys(xs)
		if !slices.Equal(xs, want) {
			t.Fatalf("sortKeys = %v, want %v", xs, want)
		}
	}
}
