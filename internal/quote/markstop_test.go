package quote

import (
	"math/rand/v2"
	"testing"
)

// TestNextMarkStop checks nextMarkStop's eight-byte steps against a scan
// byte by byte over markStop.
func TestNextMarkStop(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", " ", "\n", "\"", "'", "’", "“", "\x00", "\x01", "\x7f", "\x09", "\x21", "\x26", "\x28", "\x0b", "\xff", "é"}
	for trial := 0; trial < 2000; trial++ {
		var b []byte
		for n := rng.IntN(50); n > 0; n-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(3) > 0 {
				p = "plain"[:1+rng.IntN(5)]
			}
			b = append(b, p...)
		}
		text := string(b)
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && !markStop[text[want]] {
				want++
			}
			if got := nextMarkStop(text, i); got != want {
				t.Fatalf("nextMarkStop(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
