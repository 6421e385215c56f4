package quote

import (
	"math/rand/v2"
	"testing"

	"storyline/internal/text"
)

// indexStarts against a plain reference on random tokens, in order or
// not, within the text or not, over every block of the text up to its
// end; and a tokIdx without a block for the end of the text panics.
func TestS17cIndexStarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 15))
	for range 5000 {
		n := rng.IntN(80)
		var toks []text.Token
		pos := 0
		for range rng.IntN(30) {
			pos += rng.IntN(6)
			s := min(pos, n)
			e := min(s+rng.IntN(5), n)
			if rng.IntN(20) == 0 {
				s = rng.IntN(n + 3) // out of order, or past the end
			}
			if rng.IntN(40) == 0 {
				e = s - 1
			}
			toks = append(toks, text.Token{Start: s, End: e})
		}
		nb := n>>tokBlock + 1
		tokIdx, tokReg := make([]int32, nb+1)[:nb], make([]int32, len(toks))
		sorted, inText := indexStarts(toks, n, tokIdx, tokReg)
		wantIn, wantSorted := true, true
		for i, tk := range toks {
			if tk.Start < 0 || tk.End > n || tk.Start > tk.End {
				wantIn = false
				break
			}
			if i > 0 && tk.Start < toks[i-1].Start {
				wantSorted = false
			}
		}
		if inText != wantIn || inText && sorted != wantSorted {
			t.Fatalf("%v in %d bytes: sorted %v inText %v, want %v %v", toks, n, sorted, inText, wantSorted, wantIn)
		}
		if !inText || !sorted {
			continue
		}
		for b := range nb {
			want := len(toks)
			for i, tk := range toks {
				if tk.Start >= b<<tokBlock {
					want = i
					break
				}
			}
			if int(tokIdx[b]) != want {
				t.Fatalf("%v: tokIdx[%d] = %d, want %d", toks, b, tokIdx[b], want)
			}
		}
		for i := range tokReg {
			if tokReg[i] != -1 {
				t.Fatalf("tokReg[%d] = %d, want -1", i, tokReg[i])
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Errorf("no panic for a tokIdx too short")
		}
	}()
	indexStarts([]text.Token{{Start: 16, End: 16}}, 16, make([]int32, 2)[:1], make([]int32, 1))
}
