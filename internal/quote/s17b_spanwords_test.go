package quote

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"storyline/internal/text"
)

// checkSpanWords checks appendSpanWords, eight bytes at a time, against
// appendWords, rune by rune, on every span of txt between two of offs:
// the same keys in the same order, appended after what the arena holds.
func checkSpanWords(t *testing.T, txt string, offs []int) {
	t.Helper()
	d := newDoc(txt, text.Split(txt), new(buffers))
	for _, s := range offs {
		for _, e := range offs {
			if s < 0 || e > len(txt) || s > e {
				continue
			}
			got := d.appendSpanWords([]uint64{7}, s, e)
			if want := appendWords([]uint64{7}, txt[s:e]); !slices.Equal(got, want) {
				t.Fatalf("appendSpanWords(%q) = %x, want %x", txt[s:e], got, want)
			}
		}
	}
}

// TestSpanWordsEightBytes checks appendSpanWords on a report, on texts
// of words of every length from one byte to past sixteen, on random
// texts of ASCII words, stop words, separators, runes beyond ASCII (letters,
// marks, invalid bytes) at every offset, and on every span that ends
// near the text's end.
func TestSpanWordsEightBytes(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkSpanWords(t, string(raw), []int{0, 1, 100, 517, len(raw) - 9, len(raw) - 1, len(raw)})
	var long strings.Builder
	for n := 1; n <= 20; n++ {
		long.WriteString(strings.Repeat("Ab3", n)[:n] + " " + strings.Repeat("x", n) + ", ")
	}
	all := func(txt string) []int {
		offs := make([]int, len(txt)+1)
		for i := range offs {
			offs[i] = i
		}
		return offs
	}
	checkSpanWords(t, long.String(), all(long.String()))
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{"the", "The", "THE", "and", "a", "I", "x", "guarantees", "Guarantee", "supercalifragilistic", "12345678", "abcdefgh",
		"abcdefghi", "ABCDEFGHIJKLMNOPQ", "don't", "U.S.", "e-mail", "“", "”", "’", "—", "Straße", "ÉTATS", "Ukraïna2024", "ǅemal",
		"\xff", "\xc3", "\uFFFD", " ", " ", " ", ",", ".", "\n", "--", "(", ")", "9", "because", "without", "their"}
	for trial := 0; trial < 500; trial++ {
		var b strings.Builder
		for n := rng.IntN(16); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(" ,.-'"[rng.IntN(5)])
			}
		}
		txt := b.String()
		checkSpanWords(t, txt, all(txt))
	}
}
