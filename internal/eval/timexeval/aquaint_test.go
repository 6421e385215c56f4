package timexeval_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"storyline/internal/eval/timexeval"
	"storyline/internal/timex"
)

// TestAQUAINT scores the tagger on the shared TempEval-3 AQUAINT file and
// holds it to the acceptance figures. TIMEX_EVAL=path scores
// another file in the same format and TIMEX_PRED=path writes the
// predictions there.
func TestAQUAINT(t *testing.T) {
	path := os.Getenv("TIMEX_EVAL")
	if path == "" {
		path = filepath.Join("..", "..", "..", "..", "shared", "data", "tempeval3", "aquaint.jsonl")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../shared not present")
	}
	docs, err := timexeval.Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var pred *os.File
	if p := os.Getenv("TIMEX_PRED"); p != "" {
		if pred, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer pred.Close()
	}
	var c timexeval.Counts
	for _, d := range docs {
		dct, err := timexeval.ParseDCT(d.DCT)
		if err != nil {
			t.Fatal(err)
		}
		var sys []timexeval.Timex
		for _, x := range timex.Extract(d.Text, dct) {
			sys = append(sys, timexeval.Timex{Start: x.Span.Start, End: x.Span.End, Type: string(x.Type), Value: x.Value})
		}
		c.Add(d.Timexes, sys)
		if pred != nil {
			b, _ := json.Marshal(map[string]any{"id": d.ID, "timexes": sys})
			pred.Write(append(b, '\n'))
		}
	}
	s := c.Scores()
	b, _ := json.Marshal(s)
	t.Logf("%s", b)
	// The acceptance floors are relaxed F1 0.90 and value F1 0.80; relaxed
	// is held a little higher, just under the measured figure (docs/timex.md).
	if os.Getenv("TIMEX_EVAL") == "" && (s.RelaxedF1 < 0.94 || s.ValueF1 < 0.80) {
		t.Errorf("relaxed F1 %.4f (want ≥ 0.94), value F1 %.4f (want ≥ 0.80)", s.RelaxedF1, s.ValueF1)
	}
}
