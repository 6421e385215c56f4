package quote

import (
	"math/rand/v2"
	"os"
	"testing"

	"storyline/internal/text"
)

// secondAttributionRef is secondAttribution looking at every token from
// token from, not only the candidates of reportCue: the reference it
// must agree with.
func (d *doc) secondAttributionRef(p, from, sa, sb, end int) int {
	hi := min(sb, p+80)
	for k := from; k < hi && k < len(d.toks); k++ { // (every token)
		if !d.isCue(k, cueRate) || d.tokReg[k] >= 0 {
			continue
		}
		if s2, _, ok := d.npLeft(k, p); ok && s2 > p {
			x := d.lower(s2 - 1)
			if x == "," || x == "and" || x == "but" || x == ";" || clauseOpeners[x] || d.tokReg[s2-1] >= 0 && d.regEndsComma(d.regs[d.tokReg[s2-1]]) {
				cut := s2 - 1
				if x == "and" || x == "but" {
					if cut-1 >= p && d.toks[cut-1].Text == "," {
						cut--
					}
				}
				end = d.toks[cut].Start
				break
			}
		}
		if d.lower(k) == "according" && d.toks[k-1].Text == "," {
			end = d.toks[k-1].Start
			break
		}
		if isParticiple(d.lower(k)) && d.toks[k-1].Text == "," {
			// "said A, telling reporters that B": the participle
			// heads an attribution of its own.
			end = d.toks[k-1].Start
			break
		}
		if (d.lower(k-1) == "and" || d.lower(k-1) == "but") && (d.flags[k]&fSpeech != 0 && !isParticiple(d.lower(k)) || d.verbish(k) || isParticiple(d.lower(k))) && d.hasSpeaker(k, sa) {
			// "said A and said that B", "attacked him and
			// questioned why B": the second cue (a speech verb,
			// or a finite verb with a subject of its own) heads a
			// clause of its own.
			cut := k - 1
			if cut-1 >= p && d.toks[cut-1].Text == "," {
				cut--
			}
			end = d.toks[cut].Start
			break
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
	words := []string{"said", "says", "told", "added", "telling", "according", "to", "and", "but", "that", ",", ";", ".", "he", "she", "Ann", "Lee", "the", "minister", "warned", "argued", "questioned", "who", "“", "”", "announced", "claimed"}
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
