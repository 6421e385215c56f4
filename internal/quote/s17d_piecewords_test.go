package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestPieceWords checks what appendPieceWords rests on, that the runes
// U+2000 to U+203F are neither letters nor digits, and appendSpanWords
// with it against appendWords on every span of random texts of words
// glued to those runes, to their first bytes, to other runes beyond
// ASCII and to invalid bytes.
func TestPieceWords(t *testing.T) {
	for r := rune(0x2000); r <= 0x203f; r++ {
		if unicode.IsLetter(unicode.ToLower(r)) || unicode.IsDigit(unicode.ToLower(r)) {
			t.Fatalf("%U is a letter or a digit", r)
		}
	}
	rng := rand.New(rand.NewPCG(53, 4))
	pieces := []string{"It", "don", "t", "s", "Straße", "ab12", "supercalifragilistic", "the", "x", "“", "”", "’", "‘", "—", "–", "…", "\u2000", "\u203f",
		"\u2040", "\u2070", "\xe2\x80", "\xe2\x80A", "\xe2", "\xe2\x81\x80", "é", "\xff", " ", ","}
	for trial := 0; trial < 1500; trial++ {
		var b strings.Builder
		for n := rng.IntN(14); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if trial%2 == 0 {
			b.WriteString(" and some words after it to read eight bytes at a time")
		}
		txt := b.String()
		offs := make([]int, len(txt)+1)
		for i := range offs {
			offs[i] = i
		}
		checkSpanWords(t, txt, offs)
	}
}
