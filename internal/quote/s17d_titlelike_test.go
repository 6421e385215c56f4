package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTitleWordsFast checks titleWordsFast against titleLikeWords on
// random texts of title words, small words, ASCII punctuation and
// symbols, blanks, curly marks (inside words too), other runes beyond
// ASCII and stray bytes: the same answer wherever it answers, and an
// answer for every text of ASCII and curly marks.
func TestTitleWordsFast(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 8))
	pieces := []string{"Harbour", "Lights", "The", "of", "the", "and", "a", "to", "long", "Tide", "2024", "US", "x",
		" ", " ", "  ", "\t", "\n", "\v", ",", ".", "!", "?", "-", "—", "'", "\"", "$", "+", "<", "^", "`", "|", "~", "(", ")", "#", "&", "@", "_",
		"“", "”", "‘", "’", "«", "»", "é", "É", "\u00a0", "\u2003", "\xe2\x80", "\xe2\x80\x9e", "\xff"}
	for trial := 0; trial < 40000; trial++ {
		var b strings.Builder
		for n := rng.IntN(16); n > 0; n-- {
			k := rng.IntN(len(pieces))
			if trial%2 == 0 {
				k = rng.IntN(len(pieces) - 9) // (ASCII and curly marks only)
			}
			b.WriteString(pieces[k])
		}
		txt := b.String()
		got, ok := titleWordsFast(txt)
		if want := titleLikeWords(txt); ok && got != want {
			t.Fatalf("titleWordsFast(%q) = %v, want %v", txt, got, want)
		}
		simple := true
		for j := 0; j < len(txt); j++ {
			if txt[j] >= 0x80 {
				if !curlyMarkAt(txt, j) {
					simple = false
					break
				}
				j += 2
			}
		}
		if simple && !ok {
			t.Fatalf("titleWordsFast(%q) gave no answer", txt)
		}
	}
}
