package quote

import (
	"math/rand/v2"
	"os"
	"testing"

	"storyline/internal/text"
)

// checkSentStart checks sentStart against tokSent: the tokens of each
// id lie together, the first at the id's sentStart.
func checkSentStart(t *testing.T, d *doc) {
	t.Helper()
	n := len(d.toks)
	want := []int32{}
	for i := range n {
		if i == 0 || d.tokSent[i] != d.tokSent[i-1] {
			if d.tokSent[i] != int32(len(want)) {
				t.Fatalf("token %d: sentence %d after %d sentences", i, d.tokSent[i], len(want))
			}
			want = append(want, int32(i))
		}
	}
	if len(d.sentStart) != len(want) {
		t.Fatalf("sentStart %v, want %v", d.sentStart, want)
	}
	for k := range want {
		if d.sentStart[k] != want[k] {
			t.Fatalf("sentStart %v, want %v", d.sentStart, want)
		}
	}
}

// sentStart on a report and on random sentences of random tokens, in
// order or not, with empty sentences among them.
func TestS17cSentStart(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "He said. “No.” She left.'' Then (R-Miss.) said, “yes!” a", "a\nb. (c. d) e", ""} {
		checkSentStart(t, newDoc(txt, text.Split(txt), new(buffers)))
	}
	rng := rand.New(rand.NewPCG(17, 5))
	pieces := []string{".", "!", "?", ",", ";", ")", "]", "(", "a", "I", "he", "The", "—", "é"}
	gaps := []string{"", " ", " ", "\n"}
	for range 3000 {
		txt, toks := randomTokens(rng, pieces, gaps, 20)
		var sents []text.Sentence
		for k := 0; k < len(toks); {
			m := k + 1 + rng.IntN(len(toks)-k)
			if rng.IntN(5) == 0 {
				sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[k].Start})
			}
			sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[m-1].End, Tokens: toks[k:m]})
			if m-k >= 2 && rng.IntN(4) == 0 {
				toks[k], toks[k+1] = toks[k+1], toks[k]
			}
			k = m
		}
		checkSentStart(t, newDoc(txt, sents, new(buffers)))
	}
}
