package quote

import (
	"math/rand/v2"
	"os"
	"testing"

	"storyline/internal/text"
)

// breakBeforeRef is breakBefore as it was written before its tests were
// reordered to spare branches: the reference it must agree with.
func (d *doc) breakBeforeRef(t int) bool {
	if t <= 0 || t >= len(d.toks) {
		return true
	}
	if d.tokSent[t-1] != d.tokSent[t] {
		return true
	}
	p, q := &d.toks[t-1], &d.toks[t]
	if g := q.Start - p.End; g == 1 {
		if d.text[p.End] == '\n' {
			return true
		}
	} else if g > 1 && d.newlineBetween(p.End, q.Start) {
		return true
	}
	x := p.Text
	if len(x) != 1 && x != "”" {
		return false
	}
	if (x == "." || x == "!" || x == "?") && d.flags[t]&fJoined == 0 {
		switch y := d.toks[t].Text; {
		case y == ")" || y == "]" || y == "," || y == ";" || isLowerWord(y):
		default:
			return true
		}
	}
	if (x == "'" || x == "\"" || x == "”") && t-2 >= 0 && d.tokReg[t-1] < 0 {
		y := d.toks[t-2].Text
		return y == "." || y == "!" || y == "?" || y == "'"
	}
	return false
}

func checkBreakBefore(t *testing.T, d *doc) {
	t.Helper()
	for i := -1; i <= len(d.toks)+1; i++ {
		if got, want := d.breakBefore(i), d.breakBeforeRef(i); got != want {
			t.Fatalf("breakBefore(%d) = %v, want %v (tokens %v in %q)", i, got, want, d.toks[max(0, i-2):max(0, min(len(d.toks), i+1))], d.text)
		}
	}
}

// TestBreakBefore checks breakBefore against breakBeforeRef on a report
// and on random tokens: marks, words, gaps with and without line breaks,
// tokens whose text is not their span's, empty tokens.
func TestBreakBefore(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "He said. “No.” She left.'' Then (R-Miss.) said, “yes!” a", ""} {
		checkBreakBefore(t, newDoc(txt, text.Split(txt), new(buffers)))
	}
	rng := rand.New(rand.NewPCG(9, 10))
	pieces := []string{".", "!", "?", "'", "\"", "”", "“", ",", ";", ")", "]", "a", "I", "he", "The", "—", "...", "''", ".x", "é"}
	gaps := []string{"", " ", "\n", "  ", " \n ", "\t"}
	for trial := 0; trial < 3000; trial++ {
		txt, toks := randomTokens(rng, pieces, gaps, 12)
		var sents []text.Sentence
		for k := 0; k < len(toks); {
			m := k + 1 + rng.IntN(len(toks)-k)
			sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[m-1].End, Tokens: toks[k:m]})
			k = m
		}
		checkBreakBefore(t, newDoc(txt, sents, new(buffers)))
	}
}

// randomTokens writes fewer than maxN tokens drawn from pieces, each
// after a gap drawn from gaps, and returns the text and its tokens; one
// token in eight gets a text of its own (empty, its first byte or another
// piece), as a caller's tokens may.
func randomTokens(rng *rand.Rand, pieces, gaps []string, maxN int) (string, []text.Token) {
	var b []byte
	var toks []text.Token
	for n := rng.IntN(maxN); n > 0; n-- {
		b = append(b, gaps[rng.IntN(len(gaps))]...)
		p := pieces[rng.IntN(len(pieces))]
		tok := text.Token{Start: len(b), End: len(b) + len(p), Text: p}
		if rng.IntN(8) == 0 {
			o := pieces[rng.IntN(len(pieces))]
			tok.Text = []string{"", o[:1], o}[rng.IntN(3)]
		}
		b = append(b, p...)
		toks = append(toks, tok)
	}
	return string(b), toks
}
