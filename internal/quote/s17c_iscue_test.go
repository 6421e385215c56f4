package quote

import (
	"os"
	"testing"

	"storyline/internal/text"
)

// refIsCue is isCue the plain way: outside quotes, and then the word's
// bit, then the score.
func (d *doc) refIsCue(i int, th float64) bool {
	if i < 0 || i >= len(d.toks) || d.tokReg[i] >= 0 {
		return false
	}
	switch {
	case th >= reportRate && d.xf[i]&xMayReport == 0:
		return false
	case th >= nearQuoteRate && th < reportRate && d.xf[i]&xMayNear == 0:
		return false
	}
	return d.cueScore(i) >= th
}

// isCue and mayReach against refIsCue for every token and a few beyond,
// at each threshold the package asks at and one below them all.
func TestS17cIsCue(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "According to him, Says Who said: “it WORKS,” SAID he, adding that ‘no’ was noted."} {
		d := newDoc(txt, text.Split(txt), new(buffers))
		hits := 0
		for i := -2; i < len(d.toks)+2; i++ {
			for _, c := range []struct {
				th  float64
				got bool
			}{{cueRate, d.isCue(i, cueRate)}, {reportRate, d.isCue(i, reportRate)}, {nearQuoteRate, d.isCue(i, nearQuoteRate)}, {0.1, d.isCue(i, 0.1)}} {
				if want := d.refIsCue(i, c.th); c.got != want {
					t.Fatalf("token %d at %v: isCue %v, want %v", i, c.th, c.got, want)
				}
				if c.got {
					hits++
				}
			}
			if i >= 0 && i < len(d.toks) {
				for _, th := range []float64{cueRate, reportRate, nearQuoteRate, 0.1} {
					want := th < nearQuoteRate || th < reportRate && d.xf[i]&xMayNear != 0 || th >= reportRate && d.xf[i]&xMayReport != 0
					if got := d.mayReach(i, th); got != want {
						t.Fatalf("token %d at %v: mayReach %v, want %v", i, th, got, want)
					}
				}
			}
		}
		if hits == 0 {
			t.Errorf("%.20q: no cue found", txt)
		}
	}
}
