package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNewlineBetween checks newlineBetween's eight-byte path against a
// plain search, for every gap of a few texts, empty and reversed ones
// included.
func TestNewlineBetween(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "ab \n\t\u00a0”"
	for trial := 0; trial < 200; trial++ {
		var sb strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			sb.WriteString(string([]rune(alphabet)[rng.IntN(7)]))
		}
		d := &doc{text: sb.String()}
		for a := 0; a <= len(d.text); a++ {
			for b := a - 3; b <= len(d.text); b++ {
				want := b > a && strings.Contains(d.text[a:b], "\n")
				if got := d.newlineBetween(a, b); got != want {
					t.Fatalf("newlineBetween(%d, %d) in %q = %v, want %v", a, b, d.text, got, want)
				}
			}
		}
	}
}
