package quote

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQuoteWalk checks quoteWalk against searchStart and searchEnd on
// random quotes sorted by start (ends in order or not, as endsInOrder
// tells) and bytes asked mostly in order, with steps back and repeats.
func TestQuoteWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 17))
	for trial := 0; trial < 3000; trial++ {
		qs := make([]cand, rng.IntN(12))
		for i := range qs {
			qs[i].s = rng.IntN(80)
			qs[i].e = qs[i].s + rng.IntN(25)
		}
		slices.SortFunc(qs, func(a, b cand) int { return a.s - b.s })
		if trial%2 == 0 {
			// ends in order, as quotes that do not overlap have them
			for i := 1; i < len(qs); i++ {
				qs[i].e = max(qs[i].e, qs[i-1].e)
			}
		}
		starts, ends := quoteWalk{qs: qs, last: -1 << 62}, quoteWalk{qs: qs, last: -1 << 62}
		ends.search = !endsInOrder(qs)
		b := -3
		for step := 0; step < 60; step++ {
			switch rng.IntN(10) {
			case 0:
				b -= rng.IntN(20) // (a step back)
			case 1:
				// the same byte again
			default:
				b += rng.IntN(8)
			}
			if got, want := starts.start(b), searchStart(qs, b); got != want {
				t.Fatalf("start(%d) = %d, want %d (quotes %v)", b, got, want, qs)
			}
			if got, want := ends.end(b), searchEnd(qs, b); got != want {
				t.Fatalf("end(%d) = %d, want %d (quotes %v, search %v)", b, got, want, qs, ends.search)
			}
		}
	}
}
