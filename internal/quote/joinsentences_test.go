package quote

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"storyline/internal/text"
)

// joinSentencesRef is joinSentences as it was before it skipped the
// sentences with no parenthesis in their text: the sentence id of each
// token and whether it is marked fJoined.
func joinSentencesRef(txt string, sents []text.Sentence) ([]int32, []bool) {
	var toks []text.Token
	var starts []int
	for _, s := range sents {
		if len(s.Tokens) > 0 {
			starts = append(starts, len(toks))
		}
		toks = append(toks, s.Tokens...)
	}
	ids, joined := make([]int32, len(toks)), make([]bool, len(toks))
	eff, depth := int32(-1), 0
	for k, i := range starts {
		end := len(toks)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		t := &toks[i]
		c := txt[t.Start]
		if eff >= 0 && (depth > 0 || t.End-t.Start == 1 && (c == ')' || c == ']' || c == ',' || c == ';') || c >= 'a' && c <= 'z') && !strings.Contains(txt[toks[i-1].End:t.Start], "\n") {
			joined[i] = true
		} else {
			eff++
			depth = 0
		}
		for j := i; j < end; j++ {
			if t := &toks[j]; t.End-t.Start == 1 {
				switch txt[t.Start] {
				case '(':
					depth++
				case ')':
					depth = max(depth-1, 0)
				}
			}
			ids[j] = eff
		}
	}
	return ids, joined
}

func checkJoinSentences(t *testing.T, txt string, sents []text.Sentence) {
	t.Helper()
	ids, joined := joinSentencesRef(txt, sents)
	d := newDoc(txt, sents, new(buffers))
	for j := range d.toks {
		if d.tokSent[j] != ids[j] || (d.flags[j]&fJoined != 0) != joined[j] {
			t.Fatalf("token %d: sentence %d joined %v, want %d %v (tokens %v in %q)", j, d.tokSent[j], d.flags[j]&fJoined != 0, ids[j], joined[j], d.toks, txt)
		}
	}
}

// TestJoinSentences checks joinSentences against joinSentencesRef on a
// report and on random sentences of words, marks and parentheses (in a
// token of their own, glued to a word, inside a longer token), some with
// tokens out of order, some empty.
func TestJoinSentences(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "Roger Wicker (R-Miss.) said he would. Sen. Jack Reed (D-R.I.), said no.", "a (b. c) d. e"} {
		checkJoinSentences(t, txt, text.Split(txt))
	}
	rng := rand.New(rand.NewPCG(15, 16))
	pieces := []string{".", "(", ")", "(", ")", "]", ",", ";", "a", "He", "said", "(R-Miss.)", "x(", ")y", "“"}
	gaps := []string{"", " ", " ", "\n", "  "}
	for trial := 0; trial < 5000; trial++ {
		var b []byte
		var toks []text.Token
		for n := 1 + rng.IntN(20); n > 0; n-- {
			b = append(b, gaps[rng.IntN(len(gaps))]...)
			p := pieces[rng.IntN(len(pieces))]
			toks = append(toks, text.Token{Start: len(b), End: len(b) + len(p), Text: p})
			if rng.IntN(6) == 0 {
				// an empty token at the start of the one before
				toks = append(toks, text.Token{Start: len(b), End: len(b)})
			}
			b = append(b, p...)
		}
		var sents []text.Sentence
		for k := 0; k < len(toks); {
			m := k + 1 + rng.IntN(min(len(toks)-k, 5))
			for m < len(toks) && toks[m].Start < toks[m-1].End {
				m++ // (no sentence opens inside the token before)
			}
			sents = append(sents, text.Sentence{Start: toks[k].Start, End: toks[m-1].End, Tokens: toks[k:m]})
			if m-k >= 4 && rng.IntN(6) == 0 {
				// out of order inside a sentence (the first and last
				// tokens kept: joinSentences reads the gap between)
				j := k + 1 + rng.IntN(m-k-3)
				toks[j], toks[j+1] = toks[j+1], toks[j]
			}
			k = m
		}
		checkJoinSentences(t, string(b), sents)
	}
}

// TestExtractOddSentences runs Extract on sentences a caller may hand
// over that text.Split never makes: an empty token at the end of the
// text opening a sentence, and a sentence whose first token starts
// inside the last token of the one before. Extract must not panic and
// must keep its spans in bounds.
func TestExtractOddSentences(t *testing.T) {
	txt := `“We will stay,” she said. (Then)`
	n := len(txt)
	for _, tc := range []struct {
		name  string
		sents []text.Sentence
	}{
		{"empty token at the end", []text.Sentence{
			{Start: 0, End: n - 7, Tokens: text.Split(txt)[0].Tokens},
			{Start: n, End: n, Tokens: []text.Token{{Start: n, End: n, Text: ""}}},
		}},
		{"overlapping sentences", []text.Sentence{
			{Start: 0, End: 10, Tokens: []text.Token{{Start: 0, End: 10, Text: txt[0:10]}}},
			{Start: 4, End: n, Tokens: []text.Token{{Start: 4, End: 8, Text: txt[4:8]}, {Start: n - 1, End: n, Text: ")"}}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range Extract(txt, tc.sents, nil) {
				if q.Span.Start < 0 || q.Span.End > n || q.Span.Start > q.Span.End {
					t.Errorf("span %v out of bounds", q.Span)
				}
			}
		})
	}
}
