package quote

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestSearchStartEnd checks searchStart and searchEnd against the
// sort.Search calls they stand for, on sorted and unsorted quotes (the
// ends of overlapping quotes need not be in order).
func TestSearchStartEnd(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 40; n++ {
		for trial := 0; trial < 50; trial++ {
			qs := make([]cand, n)
			s := 0
			for i := range qs {
				if trial%2 == 0 {
					s += rng.IntN(5)
				} else {
					s = rng.IntN(60)
				}
				qs[i].s, qs[i].e = s, s+rng.IntN(20)
			}
			for b := -2; b < 90; b++ {
				if got, want := searchStart(qs, b), sort.Search(len(qs), func(i int) bool { return qs[i].s >= b }); got != want {
					t.Fatalf("searchStart(%v, %d) = %d, want %d", qs, b, got, want)
				}
				if got, want := searchEnd(qs, b), sort.Search(len(qs), func(i int) bool { return qs[i].e > b }); got != want {
					t.Fatalf("searchEnd(%v, %d) = %d, want %d", qs, b, got, want)
				}
			}
		}
	}
}

// TestMaybeCueFrom checks maybeCueFrom's branch-free search against
// sort.Search over the candidates.
func TestMaybeCueFrom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 70; n++ {
		d := &doc{}
		k := 0
		for i := 0; i < n; i++ {
			k += 1 + rng.IntN(4)
			d.maybeCue = append(d.maybeCue, int32(k))
		}
		for _, x := range []int{-1 << 62, -5, 1 << 40} {
			if got, want := d.maybeCueFrom(x), sort.Search(n, func(i int) bool { return int(d.maybeCue[i]) >= x }); got != want {
				t.Fatalf("maybeCueFrom(%d) in %v = %d, want %d", x, d.maybeCue, got, want)
			}
		}
		for x := -2; x <= k+2; x++ {
			if got, want := d.maybeCueFrom(x), sort.Search(n, func(i int) bool { return int(d.maybeCue[i]) >= x }); got != want {
				t.Fatalf("maybeCueFrom(%d) in %v = %d, want %d", x, d.maybeCue, got, want)
			}
		}
	}
}
