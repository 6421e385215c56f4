package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lastFieldRef is lastField by strings.Fields.
func lastFieldRef(s string) (string, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", false
	}
	return f[len(f)-1], len(f) > 1
}

// TestLastFieldASCII checks lastFieldASCII (its mask of blanks, and
// lastFieldBytes past 64 bytes) and lastField against strings.Fields on
// random strings of every length to 80 from blanks, letters and bytes
// beyond ASCII.
func TestLastFieldASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 2))
	alphabet := []string{" ", "\t", "\n", "\v", "\f", "\r", "a", "Z", ".", "\x00", "\x1f", "!", "\u00a0", "é", "\x85"}
	for trial := 0; trial < 20000; trial++ {
		var b strings.Builder
		n := rng.IntN(81)
		for b.Len() < n {
			k := rng.IntN(len(alphabet))
			if trial%2 == 0 {
				k = rng.IntN(10) // (ASCII only)
			}
			b.WriteString(alphabet[k])
		}
		s := b.String()
		want, wantMany := lastFieldRef(s)
		if last, many := lastField(s); last != want || many != wantMany {
			t.Fatalf("lastField(%q) = %q, %v; want %q, %v", s, last, many, want, wantMany)
		}
		ascii := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0
		last, many, ok := lastFieldASCII(s)
		if ok != ascii || ok && (last != want || many != wantMany) {
			t.Fatalf("lastFieldASCII(%q) = %q, %v, %v; want %q, %v, %v", s, last, many, ok, want, wantMany, ascii)
		}
	}
}

// TestLastWord checks lastWord, byte by byte, against
// strings.LastIndexAny on random strings of words, blanks and runes
// beyond ASCII.
func TestLastWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(67, 3))
	alphabet := []string{" ", "\t", "\n", "\r", "a", "Zz", "\u00a0", "\u2003", "é", "\xff", "\xe2\x80"}
	for trial := 0; trial < 20000; trial++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		want := s
		if i := strings.LastIndexAny(s, " \t\n"); i >= 0 {
			want = s[i+1:]
		}
		if got := lastWord(s); got != want {
			t.Fatalf("lastWord(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTrimSpace checks trimSpace against strings.TrimSpace on random
// strings of words, ASCII blanks and blanks beyond ASCII.
func TestTrimSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 3))
	alphabet := []string{" ", "\t", "\n", "\v", "\f", "\r", "a", "Zz", ".", "\u00a0", "\u0085", "\u2003", "\u3000", "é", "\xff"}
	for trial := 0; trial < 20000; trial++ {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
