package quote

import (
	"os"
	"slices"
	"strings"
	"testing"

	"storyline/internal/text"
)

// TestMayReport checks that mayReport turns down no token whose cue
// score reaches reportRate, and that reportCue holds the candidates of
// maybeCue it lets through: every word the word table knows, in three
// shapes and before each class of next token, and the tokens of a report.
func TestMayReport(t *testing.T) {
	words := tableWordsText("")
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{words, string(raw)} {
		d := newDoc(txt, text.Split(txt), new(buffers))
		checked, turnedDown := 0, 0
		var kept []int32
		for _, c32 := range d.maybeCue {
			c := int(c32)
			checked++
			if d.mayReport(c) {
				kept = append(kept, c32)
			} else {
				turnedDown++
				if d.isCue(c, reportRate) {
					t.Errorf("token %d %q: mayReport false, cue score %v", c, d.toks[c].Text, d.cueScore(c))
				}
			}
		}
		if !slices.Equal(kept, d.reportCue) {
			t.Errorf("reportCue holds %d candidates, mayReport lets %d through", len(d.reportCue), len(kept))
		}
		if turnedDown == 0 || turnedDown == checked {
			t.Errorf("mayReport turned down %d of %d candidates", turnedDown, checked)
		}
	}
}

// tableWordsText writes every word the word table and the cue lexicon
// know, in three shapes (as listed, capitalised, upper case), each after
// lead and before a token of a class that cueScore1 looks at, as
// sentences of a text.
func tableWordsText(lead string) string {
	var words []string
	for w := range loadWordFlags().m {
		words = append(words, w)
	}
	for w := range loadLexicon().fast {
		words = append(words, w)
	}
	next := append([]string{"Smith", "went", "“", "\"", "-", "..."}, classNames[:classQ]...)
	var b strings.Builder
	for k, w := range words {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			b.WriteString(lead + v + " " + next[k%len(next)] + ". ")
		}
	}
	return b.String()
}
