package quote

import (
	"math/rand/v2"
	"testing"
)

// nextMarkStop stops at every line break, straight mark and non-ASCII
// byte, and elsewhere only at '#' and '&' (which regionsInto steps over),
// wherever the text starts and ends.
func TestS17aNextMarkStopBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 6))
	for range 3000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = "ab #&\"'\n%$!\"\x80\xe2\x05\x07\x22\x23\x26\x27\x2f"[rng.IntN(21)]
			if rng.IntN(3) == 0 {
				b[k] = byte(rng.IntN(256))
			}
		}
		text := string(b)
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && !(text[want] == '\n' || text[want] == '"' || text[want] == '\'' || text[want] >= 0x80) {
				want++
			}
			got := nextMarkStop(text, i)
			if got > want || got < i {
				t.Fatalf("nextMarkStop(%q, %d) = %d, past the stop at %d", text, i, got, want)
			}
			if got < want && text[got] != '#' && text[got] != '&' {
				t.Fatalf("nextMarkStop(%q, %d) = %d, at %q", text, i, got, text[got])
			}
			if got < want {
				for k := i; k < got; k++ {
					if text[k] == '#' || text[k] == '&' {
						t.Fatalf("nextMarkStop(%q, %d) = %d, past %q at %d", text, i, got, text[k], k)
					}
				}
			}
		}
	}
}
