package corefeval

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
)

// FuzzReadJSONL feeds arbitrary lines to the docs and mentions readers:
// they must return an error or records, never panic.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"doc_id":"d1","text":"a b","sentences":[[0,3]]}` + "\n"))
	f.Add([]byte(`{"mention_id":"d1:1","doc_id":"d1","kind":"entity","start":0,"end":1,"attrs":{"head":"a"}}`))
	f.Add([]byte("\n\n{}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = scanJSONL(bytes.NewReader(data), "fuzz", func(line []byte) error {
			var d Doc
			_ = json.Unmarshal(line, &d)
			var m Mention
			return json.Unmarshal(line, &m)
		})
	})
}

// FuzzScore checks that every measure lies in [0, 1] and that a
// clustering scored against itself is perfect.
func FuzzScore(f *testing.F) {
	f.Add([]byte{0, 0, 1, 2, 2, 2}, []byte{0, 1, 1, 2, 3, 3})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		n := min(len(a), len(b), 64)
		key, resp := map[string]string{}, map[string]string{}
		for i := 0; i < n; i++ {
			id := strconv.Itoa(i)
			key[id] = strconv.Itoa(int(a[i] % 8))
			resp[id] = strconv.Itoa(int(b[i] % 8))
		}
		r := Score(key, resp)
		for _, x := range []float64{r.MUC.F1, r.B3.F1, r.CEAFe.F1, r.CoNLL, r.B3.Precision, r.CEAFe.Recall} {
			if x < -1e-9 || x > 1+1e-9 {
				t.Fatalf("measure %v out of [0,1]: %+v", x, r)
			}
		}
		if n > 0 {
			self := Score(key, key)
			if self.B3.F1 < 1-1e-9 || self.CEAFe.F1 < 1-1e-9 {
				t.Fatalf("self score not perfect: %+v", self)
			}
		}
	})
}
