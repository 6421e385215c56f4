package quote

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// countWordsRef is countWords as it was, byte by byte: the reference the
// eight-byte count must agree with.
func countWordsRef(s string, limit int) int {
	n, i := 0, 0
	for {
		// the blanks before a word
		for i < len(s) {
			if k := blankClassRef[s[i]]; k == 0 {
				break
			} else if k == 1 {
				i++
			} else if r, m := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				i += m
			} else {
				break
			}
		}
		if i >= len(s) {
			return n
		}
		n++
		if n >= limit {
			return n
		}
		// the word
		for i < len(s) {
			if k := blankClassRef[s[i]]; k == 0 {
				i++
			} else if k == 1 {
				break
			} else if r, m := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
				i += m
			} else {
				break
			}
		}
	}
}

// blankClassRef sorts bytes for countWordsRef: 1 for ASCII white space,
// 2 for the first bytes of the other white-space runes (U+0085, U+00A0,
// U+1680, U+2000–U+205F, U+3000), 0 for the rest.
var blankClassRef = func() (t [256]uint8) {
	for _, c := range []byte(" \n\t\r\v\f") {
		t[c] = 1
	}
	t[0xC2], t[0xE1], t[0xE2], t[0xE3] = 2, 2, 2, 2
	return t
}()

// TestCountWordsEightBytes checks countWords against countWordsRef and
// against strings.Fields, for every limit from -1 to 12, on every suffix
// of a report's first kilobytes and on random strings of ASCII words,
// blanks, white-space runes beyond ASCII (U+0085, U+00A0, U+1680,
// U+2000, U+3000), other runes and invalid bytes.
func TestCountWordsEightBytes(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	check := func(s string) {
		t.Helper()
		fields := len(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != utf8.RuneError }))
		for limit := -1; limit <= 12; limit++ {
			got, want := countWords(s, limit), countWordsRef(s, limit)
			if got != want {
				t.Fatalf("countWords(%q, %d) = %d, want %d", s, limit, got, want)
			}
			if limit >= 1 && want != min(fields, limit) {
				t.Fatalf("countWordsRef(%q, %d) = %d, %d fields", s, limit, want, fields)
			}
		}
	}
	txt := string(raw[:min(len(raw), 2000)])
	for i := range txt {
		check(txt[i:])
	}
	rng := rand.New(rand.NewPCG(17, 4))
	pieces := []string{"a", "word", "Words", "x1", " ", " ", "  ", "\t", "\n", "\v\f\r", "\u0085", "\u00a0", "\u1680", "\u2000",
		"\u200a", "\u3000", "’", "“", "é", "Ωμέγα", "\xff", "\xe2", "\xe2\x80", "\xc2", "\u2028", "\u205f", "\u2060", "-", ","}
	for trial := 0; trial < 5000; trial++ {
		var b strings.Builder
		for n := rng.IntN(24); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
