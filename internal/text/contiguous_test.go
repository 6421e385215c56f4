package text

import (
	"slices"
	"testing"
)

// concat copies the tokens of sents end to end.
func concat(sents []Sentence) []Token {
	var out []Token
	for _, s := range sents {
		out = append(out, s.Tokens...)
	}
	return out
}

func TestContiguous(t *testing.T) {
	const doc = "The harbour will close, Varga said. Lind disagreed.\n\n“Not this winter,” he said on Friday.\nCastelmar waits."
	sents := Split(doc)
	if len(sents) < 4 {
		t.Fatalf("want at least 4 sentences, got %d", len(sents))
	}
	other := Split("The harbour will close. Lind disagreed.")
	replaced := slices.Clone(sents)
	replaced[1].Tokens = slices.Clone(replaced[1].Tokens)
	shortened := slices.Clone(sents)
	shortened[1].Tokens = shortened[1].Tokens[:1]
	handMade := []Sentence{{Start: 0, End: 3, Tokens: []Token{{0, 3, "The"}}}}
	tests := []struct {
		name  string
		sents []Sentence
		ok    bool
	}{
		{"as Split made them", sents, true},
		{"a run from the middle", sents[1:3], true},
		{"one sentence", sents[2:3], true},
		{"none", nil, false},
		{"out of order", []Sentence{sents[1], sents[0]}, false},
		{"a gap", []Sentence{sents[0], sents[2]}, false},
		{"tokens replaced by a copy", replaced, false},
		{"tokens shortened", shortened, false},
		{"two texts", []Sentence{sents[0], other[1]}, false},
		{"made by hand", handMade, false},
		{"one from Split, one by hand", []Sentence{sents[0], handMade[0]}, false},
		{"one by hand, one from Split", []Sentence{handMade[0], sents[0]}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Contiguous(tc.sents)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				if got != nil {
					t.Fatalf("not ok, but %d tokens", len(got))
				}
				return
			}
			if want := concat(tc.sents); !slices.Equal(got, want) {
				t.Fatalf("got %v\nwant %v", tokenTexts(got), tokenTexts(want))
			}
			if cap(got) != len(got) {
				t.Fatalf("cap %d > len %d: appending would write over the array", cap(got), len(got))
			}
		})
	}
}
