package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestTrimQuoteEnd checks trimQuoteEnd against strings.TrimRightFunc on
// random ends of blanks, quote marks (straight, curly, guillemets), other
// runes beyond ASCII, stray bytes of the curly marks and invalid bytes.
func TestTrimQuoteEnd(t *testing.T) {
	ref := func(s string) string {
		return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isQuoteRune(r) })
	}
	rng := rand.New(rand.NewPCG(59, 6))
	pieces := []string{"a", ",", ".", " ", "\t", "\n", "\r", "\v", "\"", "'", "“", "”", "‘", "’", "«", "»", "\u00a0", "\u0085", "\u2003",
		"—", "é", "\x9d", "\x80\x9d", "\xe2", "\xe2\x80", "\xe2\x80\x9e", "\xff", "x,"}
	for trial := 0; trial < 30000; trial++ {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := trimQuoteEnd(s), ref(s); got != want {
			t.Fatalf("trimQuoteEnd(%q) = %q, want %q", s, got, want)
		}
	}
}
