package quote

import (
	"math/rand/v2"
	"testing"
)

// Tokens of one General Punctuation rune from U+2000 to U+203F, which
// wordsOf reads from the table's punct3, against wordOf
// (checkWordsOfToks), among words and marks, as the span's text or a
// copy, and beside their neighbours of U+1Fxx and U+204x.
func TestS17cPunct3(t *testing.T) {
	pieces := []string{"a", "The", ",", ".", "said", "\u1fff", "\u2040", "\u2060", "é", "”s", "n’t", "’s"}
	for r := rune(0x2000); r < 0x2040; r++ {
		pieces = append(pieces, string(r), string(r), string(r)+"s")
	}
	gaps := []string{"", " ", "  ", "\n"}
	rng := rand.New(rand.NewPCG(17, 13))
	for k := range 3000 {
		txt, toks := randomTokens(rng, pieces, gaps, 40)
		if k%2 == 0 {
			txt = "preamble " + txt
			for i := range toks {
				toks[i].Start += 9
				toks[i].End += 9
			}
		}
		for i, tok := range toks {
			if tok.Text == txt[tok.Start:tok.End] && rng.IntN(4) != 0 {
				toks[i].Text = txt[tok.Start:tok.End]
			}
		}
		checkWordsOfToks(t, txt, toks)
	}
}
