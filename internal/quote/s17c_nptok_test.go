package quote

import (
	"math/rand/v2"
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"storyline/internal/text"
)

// refNpTokOK is npTokOK without its path for words: every token the
// plain way.
func (d *doc) refNpTokOK(i int) bool {
	t := d.toks[i].Text
	lt := d.lower(i)
	switch {
	case t == "-":
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case t == "'s" || t == "’s" || t == "’" || lt == "of" || lt == "the" || t == "&":
		return true
	case t == "%":
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case lt == "percent":
		return true
	case d.tokReg[i] >= 0:
		return false
	case d.xf[i]&sCap != 0:
		return true
	case d.flags[i]&(fDet|fPron) != 0:
		return true
	case d.xf[i]&sLower != 0:
		return d.flags[i]&(fStop|fVerb) == 0 && (d.xf[i]&sLy == 0 || d.xf[i]&xLyAdj != 0) && d.cueBelow(i, cueRate)
	default:
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsDigit(r)
	}
}

func checkNpTokOK(t *testing.T, d *doc) {
	t.Helper()
	for i := range d.toks {
		if got, want := d.npTokOK(i), d.refNpTokOK(i); got != want {
			t.Fatalf("token %d %q: npTokOK %v, want %v", i, d.toks[i].Text, got, want)
		}
	}
}

// npTokOK against refNpTokOK on the bench text and on random tokens:
// words in any case, marks, the words it names, quoted stretches.
func TestS17cNpTokOK(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkNpTokOK(t, newDoc(string(raw), text.Split(string(raw)), new(buffers)))
	pieces := []string{"-", "'s", "’s", "’S", "'S", "’", "&", "%", "of", "Of", "OF", "the", "The", "THE", "percent", "Percent",
		"said", "Said", "he", "He", "a", "An", "quickly", "early", "Early", "made", "and", "Obama", "élan", "Élan", "42", "٣", "“", "”", "\"",
		",", ".", "(", ")", "who", "Mr.", "x"}
	gaps := []string{"", " ", " ", "\n", " — "}
	rng := rand.New(rand.NewPCG(17, 3))
	for range 2000 {
		txt, toks := randomTokens(rng, pieces, gaps, 40)
		for k := range toks {
			if rng.IntN(6) == 0 {
				toks[k].Text = txt[toks[k].Start:toks[k].End]
			}
		}
		checkNpTokOK(t, newDoc(txt, text.Split(txt), new(buffers)))
		checkNpTokOK(t, newDoc(txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: toks}}, new(buffers)))
	}
}
