package quote

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"storyline/internal/text"
)

// clauseLimitRef is clauseLimit as it was before clauseLimitSorted: a
// test of the gap before each token for a line break.
func (d *doc) clauseLimitRef(t int, e int) int {
	hi := t
	for hi < len(d.toks) && hi < t+40 {
		if d.tokReg[hi] >= 0 && !d.embedded(d.regs[d.tokReg[hi]]) {
			break
		}
		if b := d.toks[hi].Start; b > e && strings.Contains(d.text[e:b], "\n") {
			break
		}
		x := d.toks[hi].Text
		if (x == "." || x == "!" || x == "?" || x == ";") && !d.gluedStop(hi) {
			break
		}
		hi++
	}
	return hi
}

func checkClauseLimit(t *testing.T, d *doc) {
	t.Helper()
	for i := 0; i <= len(d.toks); i++ {
		for _, e := range []int{0, 1, len(d.text) / 2, len(d.text)} {
			if i < len(d.toks) {
				e = min(e, d.toks[i].Start)
			}
			if e > len(d.text) {
				continue
			}
			if got, want := d.clauseLimit(i, e), d.clauseLimitRef(i, e); got != want {
				t.Fatalf("clauseLimit(%d, %d) = %d, want %d (sorted %v, text %q)", i, e, got, want, d.sorted, d.text)
			}
		}
		if i < len(d.toks) {
			for _, e := range []int{d.toks[i].Start, d.toks[i].End, max(0, d.toks[i].Start-1)} {
				if e <= len(d.text) {
					if got, want := d.clauseLimit(i, e), d.clauseLimitRef(i, e); got != want {
						t.Fatalf("clauseLimit(%d, %d) = %d, want %d (sorted %v, text %q)", i, e, got, want, d.sorted, d.text)
					}
				}
			}
		}
	}
}

// TestClauseLimitSorted checks clauseLimit (clauseLimitSorted for tokens
// in order) against clauseLimitRef on a report, on texts with quote
// marks and line breaks, and on random tokens: marks, words, gaps with and
// without line breaks, tokens out of order.
func TestClauseLimitSorted(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "He said. “No,” she said\nand left. “Go” he said; then “yes!” a", "", "“A,” b\n\n c. d"} {
		checkClauseLimit(t, newDoc(txt, text.Split(txt), new(buffers)))
	}
	rng := rand.New(rand.NewPCG(17, 4))
	pieces := []string{".", "!", "?", ";", "“", "”", ",", "a", "I", "he", "The", "Mr.", "U.S.", "said", "é"}
	gaps := []string{"", " ", "\n", "  ", " \n ", "\t"}
	words := []string{"a", "I", "he", "The", "Mr.", "said", "é", ","} // (long clauses: no stops)
	for trial := 0; trial < 3000; trial++ {
		txt, toks := randomTokens(rng, pieces, gaps, 60)
		if trial%3 == 0 {
			txt, toks = randomTokens(rng, words, gaps[:2], 100)
			if len(toks) > 50 && rng.IntN(2) == 0 {
				// one line break, somewhere in the run
				k := rng.IntN(len(toks)-1) + 1
				if g := toks[k].Start - toks[k-1].End; g > 0 {
					txt = txt[:toks[k].Start-1] + "\n" + txt[toks[k].Start:]
				}
			}
		}
		if trial%5 == 4 && len(toks) > 2 {
			toks[0], toks[1] = toks[1], toks[0] // (out of order)
		}
		var sents []text.Sentence
		for k := 0; k < len(toks); {
			m := k + 1 + rng.IntN(len(toks)-k)
			sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[m-1].End, Tokens: toks[k:m]})
			k = m
		}
		checkClauseLimit(t, newDoc(txt, sents, new(buffers)))
	}
}
