package quote

import (
	"math/rand/v2"
	"os"
	"testing"

	"storyline/internal/text"
)

// sentBoundsRef is the sentence of token i as indexSentence found it
// before it cut whole splitter's sentences at once: breakBefore asked of
// every token, scanning left and right from i.
func (d *doc) sentBoundsRef(i int) (int, int) {
	a := i
	for a > 0 && !d.breakBeforeRef(a) {
		a--
	}
	b := i + 1
	for b < len(d.toks) && !d.breakBeforeRef(b) {
		b++
	}
	return a, b
}

// checkSentBounds asks sentBounds of every token of a fresh doc, in an
// order of rng's, and compares with sentBoundsRef.
func checkSentBounds(t *testing.T, txt string, sents []text.Sentence, rng *rand.Rand) {
	t.Helper()
	d := newDoc(txt, sents, new(buffers))
	for _, i := range rng.Perm(len(d.toks)) {
		a, b := d.sentBounds(i)
		if ra, rb := d.sentBoundsRef(i); a != ra || b != rb {
			t.Fatalf("sentBounds(%d) = %d, %d, want %d, %d (tokens %v in %q)", i, a, b, ra, rb, d.toks, txt)
		}
	}
}

// TestSentBounds checks the sentences indexSentence cuts against
// sentBoundsRef on a report and on random tokens: marks, words, gaps with
// and without line breaks inside one splitter's sentence, tokens whose
// text is not their span's, tokens out of order.
func TestSentBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "He said. “No.” She left.'' Then (R-Miss.) said, “yes!” a", "a\nb. “c” d", ""} {
		checkSentBounds(t, txt, text.Split(txt), rng)
	}
	pieces := []string{".", "!", "?", "'", "\"", "”", "“", ",", ";", ")", "]", "(", "a", "I", "he", "The", "—", "...", "''", ".x", "é"}
	gaps := []string{"", " ", " ", " ", "\n", "  ", " \n ", "\t", "          \n"}
	for trial := 0; trial < 5000; trial++ {
		txt, toks := randomTokens(rng, pieces, gaps, 16)
		var sents []text.Sentence
		for k := 0; k < len(toks); {
			m := k + 1 + rng.IntN(len(toks)-k)
			sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[m-1].End, Tokens: toks[k:m]})
			if m-k >= 4 && rng.IntN(4) == 0 {
				// out of order inside a sentence (the first and last
				// tokens kept: joinSentences reads the gap between)
				j := k + 1 + rng.IntN(m-k-3)
				toks[j], toks[j+1] = toks[j+1], toks[j]
			}
			k = m
		}
		checkSentBounds(t, txt, sents, rng)
	}
}
