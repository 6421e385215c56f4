package quote

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"storyline/internal/text"
)

// TestSharedTokensSameQuotes: newDoc reads the tokens in Split's own
// array when they lie end to end in it (text.Contiguous) and copies them
// otherwise; both ways give the same quotes, and the shared array is
// left as it was.
func TestSharedTokensSameQuotes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example reports: %v", err)
	}
	texts := []string{
		"“The harbour stays open,” Varga said. “We have fuel for a month.”\n\nLind said the council would meet on Friday.",
		"Castelmar warned that talks could fail.",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	m := DefaultClauseModel()
	for i, txt := range texts {
		sents := text.Split(txt)
		if _, ok := text.Contiguous(sents); !ok {
			t.Fatalf("text %d: Split's sentences are not contiguous", i)
		}
		before := slices.Clone(sents)
		for k := range before {
			before[k].Tokens = slices.Clone(before[k].Tokens)
		}
		shared := ExtractWith(m, txt, sents, nil)
		// the copies: each sentence's tokens in an array of its own
		copied := ExtractWith(m, txt, before, nil)
		if len(shared) == 0 {
			t.Fatalf("text %d: no quotes", i)
		}
		if !reflect.DeepEqual(shared, copied) {
			t.Fatalf("text %d: shared tokens gave %d quotes, copied %d, or different ones", i, len(shared), len(copied))
		}
		for k := range sents {
			if !slices.Equal(sents[k].Tokens, before[k].Tokens) {
				t.Fatalf("text %d: sentence %d's tokens changed by extraction", i, k)
			}
		}
	}
}
