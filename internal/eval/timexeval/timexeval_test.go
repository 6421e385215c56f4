package timexeval

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestScores checks the Task A figures on small hand-made cases whose
// answers were worked out by hand.
func TestScores(t *testing.T) {
	tx := func(s, e int, typ, v string) Timex { return Timex{Start: s, End: e, Type: typ, Value: v} }
	cases := []struct {
		name      string
		gold, sys []Timex
		sp, sr    float64 // strict precision, recall
		rp, rr    float64 // relaxed precision, recall
		valueF1   float64
		typeAcc   float64
		valueAcc  float64
		strictF1  float64
		relaxedF1 float64
	}{
		{
			name: "perfect",
			gold: []Timex{tx(0, 6, "DATE", "2025-02-27"), tx(10, 20, "DURATION", "P3D")},
			sys:  []Timex{tx(0, 6, "DATE", "2025-02-27"), tx(10, 20, "DURATION", "P3D")},
			sp:   1, sr: 1, rp: 1, rr: 1, valueF1: 1, typeAcc: 1, valueAcc: 1, strictF1: 1, relaxedF1: 1,
		},
		{
			// One exact match with a wrong value, one overlap only, one
			// spurious, one missed.
			name: "mixed",
			gold: []Timex{tx(0, 6, "DATE", "2025-02-27"), tx(10, 20, "DURATION", "P3D"), tx(30, 35, "DATE", "2025")},
			sys:  []Timex{tx(0, 6, "DATE", "2025-02-28"), tx(12, 20, "DURATION", "P3D"), tx(40, 45, "SET", "P1D")},
			// strict: 1 of 3 system, 1 of 3 gold; relaxed: 2 of 3, 2 of 3;
			// values: 1 of 2 pairs right; types: 2 of 2.
			sp: 1.0 / 3, sr: 1.0 / 3, rp: 2.0 / 3, rr: 2.0 / 3,
			strictF1: 1.0 / 3, relaxedF1: 2.0 / 3,
			valueAcc: 0.5, valueF1: 2.0 / 3 * 0.5, typeAcc: 1,
		},
		{
			// A system timex spanning two gold ones matches both; each gold
			// one pairs with it.
			name: "one covers two",
			gold: []Timex{tx(0, 6, "DATE", "2025-02-27"), tx(7, 14, "TIME", "2025-02-27TMO")},
			sys:  []Timex{tx(0, 14, "TIME", "2025-02-27TMO")},
			sp:   0, sr: 0, rp: 1, rr: 1, strictF1: 0, relaxedF1: 1,
			valueAcc: 0.5, valueF1: 0.5, typeAcc: 0.5,
		},
		{
			name: "nothing found",
			gold: []Timex{tx(0, 6, "DATE", "2025-02-27")},
			sys:  nil,
		},
		{
			name: "no gold",
			gold: nil,
			sys:  []Timex{tx(0, 6, "DATE", "2025-02-27")},
		},
		{
			// Touching spans share no byte: no relaxed match.
			name: "adjacent is not overlap",
			gold: []Timex{tx(0, 6, "DATE", "X")},
			sys:  []Timex{tx(6, 9, "DATE", "X")},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var n Counts
			n.Add(c.gold, c.sys)
			s := n.Scores()
			got := []float64{s.StrictPrecision, s.StrictRecall, s.StrictF1, s.RelaxedPrecision, s.RelaxedRecall, s.RelaxedF1, s.ValueF1, s.TypeAccuracy, s.ValueAccuracy()}
			want := []float64{c.sp, c.sr, c.strictF1, c.rp, c.rr, c.relaxedF1, c.valueF1, c.typeAcc, c.valueAcc}
			for k := range got {
				if !near(got[k], want[k]) {
					t.Errorf("figure %d = %v, want %v (all %v)", k, got[k], want[k], got)
				}
			}
		})
	}
}

// TestMicroAverage checks that counts add up across documents before the
// ratios are taken.
func TestMicroAverage(t *testing.T) {
	var n Counts
	n.Add([]Timex{{0, 5, "DATE", "A"}}, []Timex{{0, 5, "DATE", "A"}})
	n.Add([]Timex{{0, 5, "DATE", "B"}, {6, 9, "DATE", "C"}, {10, 12, "DATE", "D"}}, []Timex{{0, 5, "DATE", "B"}})
	s := n.Scores()
	if !near(s.RelaxedPrecision, 1) || !near(s.RelaxedRecall, 0.5) || !near(s.RelaxedF1, 2.0/3) {
		t.Errorf("got P %v R %v F1 %v, want 1, 0.5, 2/3", s.RelaxedPrecision, s.RelaxedRecall, s.RelaxedF1)
	}
}

func TestRead(t *testing.T) {
	in := `{"id":"d1","text":"Friday, 1998","dct":{"value":"1998-08-08"},"timexes":[{"type":"DATE","value":"1998-08-07","bspan":[0,6],"span":[0,6]}]}

{"id":"d2","text":"x","dct":{"value":"1998-12-05T09:42"},"timexes":[]}
`
	docs, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "d1" || len(docs[0].Timexes) != 1 || docs[0].Timexes[0] != (Timex{0, 6, "DATE", "1998-08-07"}) {
		t.Fatalf("Read = %+v", docs)
	}
	for _, v := range []string{docs[0].DCT, docs[1].DCT, "1998-12-05T09:42:00"} {
		if _, err := ParseDCT(v); err != nil {
			t.Errorf("ParseDCT(%q): %v", v, err)
		}
	}
	if _, err := ParseDCT("yesterday"); err == nil {
		t.Error("ParseDCT(yesterday) succeeded")
	}
	bad := `{"id":"d","text":"ab","dct":{"value":"1998-08-08"},"timexes":[{"type":"DATE","value":"X","bspan":[1,5]}]}`
	if _, err := Read(strings.NewReader(bad)); err == nil {
		t.Error("Read accepted a span outside the text")
	}
}
