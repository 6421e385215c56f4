package quote

import (
	"os"
	"testing"

	"storyline/internal/text"
)

// TestMayReach checks that mayReach turns down no token whose cue score
// reaches the threshold, at each threshold the callers ask with: every
// word the word table knows, in three shapes and before each class of
// next token, and the tokens of a report.
func TestMayReach(t *testing.T) {
	words := tableWordsText("A ")
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{words, string(raw)} {
		d := newDoc(txt, text.Split(txt), new(buffers))
		for _, th := range []float64{nearQuoteRate, reportRate, cueRate} {
			turnedDown, below := 0, 0
			for i := range d.toks {
				v := d.cueScore(i)
				if v > 0 && v < th {
					below++
				}
				if !d.mayReach(i, th) {
					if v > 0 {
						turnedDown++
					}
					if v >= th {
						t.Errorf("token %d %q: mayReach(%v) false, cue score %v", i, d.toks[i].Text, th, v)
					}
				}
				if d.cueBelow(i, th) != (v < th) {
					t.Errorf("token %d %q: cueBelow(%v) = %v, cue score %v", i, d.toks[i].Text, th, !(v < th), v)
				}
			}
			if turnedDown == 0 {
				t.Errorf("th %v: mayReach turned down none of the %d tokens scoring above 0 below it", th, below)
			}
		}
	}
}
