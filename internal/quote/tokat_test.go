package quote

import (
	"math/rand/v2"
	"os"
	"sort"
	"testing"

	"storyline/internal/text"
)

// checkTokAt compares tokAt, at every byte of the text and past it, with
// a binary search over the tokens.
func checkTokAt(t *testing.T, txt string, sents []text.Sentence) {
	t.Helper()
	d := newDoc(txt, sents, new(buffers))
	if d.sorted != (d.tokIdx != nil) || d.sorted != sort.SliceIsSorted(d.toks, func(i, j int) bool { return d.toks[i].Start < d.toks[j].Start }) {
		t.Fatalf("sorted %v, tokIdx nil %v (tokens %v)", d.sorted, d.tokIdx == nil, d.toks)
	}
	for b := -1; b <= len(txt)+20; b++ {
		want := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b })
		if got := d.tokAt(b); d.sorted && got != want {
			t.Fatalf("tokAt(%d) = %d, want %d (tokens %v in %q)", b, got, want, d.toks, txt)
		}
	}
}

// TestTokAt checks tokAt's index on a report, on texts with long gaps and
// words (blocks where no token starts) and on random tokens, some out of
// order.
func TestTokAt(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "", "a", "Antidisestablishmentarianism                                    “is”     said   x", "“He said.”\n\n\n                     she."} {
		checkTokAt(t, txt, text.Split(txt))
	}
	rng := rand.New(rand.NewPCG(13, 14))
	pieces := []string{".", "“", "”", "a", "he", "said", "Antidisestablishmentarianism"}
	gaps := []string{"", " ", " ", "\n", "                 ", "                                   "}
	for trial := 0; trial < 3000; trial++ {
		var b []byte
		var toks []text.Token
		for n := rng.IntN(20); n > 0; n-- {
			b = append(b, gaps[rng.IntN(len(gaps))]...)
			p := pieces[rng.IntN(len(pieces))]
			toks = append(toks, text.Token{Start: len(b), End: len(b) + len(p), Text: p})
			b = append(b, p...)
		}
		if len(toks) > 1 && rng.IntN(8) == 0 {
			i, j := rng.IntN(len(toks)), rng.IntN(len(toks))
			toks[i], toks[j] = toks[j], toks[i] // (out of order)
		}
		sents := []text.Sentence{{Start: 0, End: len(b), Tokens: toks}}
		checkTokAt(t, string(b), sents)
	}
}
