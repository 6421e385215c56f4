package quote

import (
	"math/rand/v2"
	"os"
	"testing"

	"storyline/internal/text"
)

// secondAttributionRef is secondAttribution asking secondCut of every
// token from token from, not only of the candidates of reportCue: the
// reference it must agree with.
func (d *doc) secondAttributionRef(p, from, sa, sb, end int) int {
	hi := min(sb, p+80)
	for k := from; k < hi && k < len(d.toks); k++ { // (every token)
		if e, ok := d.secondCut(k, p, sa, hi); ok {
			return e
		}
	}
	return end
}

// TestSecondAttributionCands checks secondAttribution (the candidates of
// reportCue only) against secondAttributionRef for every sentence of a
// report and of random texts of cue words, names and marks, from every
// token.
func TestSecondAttributionCands(t *testing.T) {
	if cueRate < reportRate {
		t.Fatal("secondAttribution reads reportCue: cueRate must be at least reportRate")
	}
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(raw), "He said it was fine, and said that the talks went on, telling reporters that, according to Mr. Lee, they ended."}
	rng := rand.New(rand.NewPCG(29, 3))
	words := []string{"said", "says", "told", "added", "telling", "according", "to", "and", "but", "that", ",", ";", ".", "he", "she", "Ann", "Lee", "the", "minister", "warned", "argued", "questioned", "who", "“", "”", "announced", "claimed", "which", "noting", "warn", "replied", "“unfair,”"}
	for n := 0; n < 300; n++ {
		b := []byte{}
		for k := rng.IntN(60); k > 0; k-- {
			b = append(b, words[rng.IntN(len(words))]...)
			b = append(b, ' ')
		}
		texts = append(texts, string(b))
	}
	for _, txt := range texts {
		d := newDoc(txt, text.Split(txt), new(buffers))
		for p := 0; p < len(d.toks); p++ {
			sa, sb := d.sentBounds(p)
			for _, from := range []int{p + 1, p + 2} { // (as the callers ask: after the clause's start)
				end := d.toks[sb-1].End
				if got, want := d.secondAttribution(p, from, sa, sb, end), d.secondAttributionRef(p, from, sa, sb, end); got != want {
					t.Fatalf("secondAttribution(%d, %d, %d, %d) = %d, want %d in %q", p, from, sa, sb, got, want, txt)
				}
			}
		}
	}
}
