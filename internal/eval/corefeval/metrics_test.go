package corefeval

import (
	"math"
	"testing"
)

func labels(clusters ...[]string) map[string]string {
	m := map[string]string{}
	for i, c := range clusters {
		for _, id := range c {
			m[id] = string(rune('A' + i))
		}
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-4 }

func TestScore(t *testing.T) {
	tests := []struct {
		name           string
		key, resp      map[string]string
		muc, b3, ceafe PRF
	}{
		{
			// Worked by hand:
			// MUC R 2/5 P 2/3; B3 R 3.1667/7 P 6/7; CEAF-e best alignment
			// {abc}-{ab} 0.8 + {defg}-{fg} 0.6667.
			name: "split and merge",
			key:  labels([]string{"a", "b", "c"}, []string{"d", "e", "f", "g"}),
			resp: labels([]string{"a", "b"}, []string{"c", "d"}, []string{"e"}, []string{"f", "g"}),
			muc:  PRF{2.0 / 3, 0.4, 0.5},
			b3:   PRF{6.0 / 7, 3.1666667 / 7, 2 * (6.0 / 7) * (3.1666667 / 7) / (6.0/7 + 3.1666667/7)},
			ceafe: PRF{1.4666667 / 4, 1.4666667 / 2,
				2 * (1.4666667 / 4) * (1.4666667 / 2) / (1.4666667/4 + 1.4666667/2)},
		},
		{
			name:  "identical",
			key:   labels([]string{"a", "b"}, []string{"c"}),
			resp:  labels([]string{"b", "a"}, []string{"c"}),
			muc:   PRF{1, 1, 1},
			b3:    PRF{1, 1, 1},
			ceafe: PRF{1, 1, 1},
		},
		{
			// All singletons against one gold chain of three: no links
			// found (MUC 0), B3 P 1 R 1/3, CEAF-e one aligned pair 2/4.
			name:  "all singletons",
			key:   labels([]string{"a", "b", "c"}),
			resp:  labels([]string{"a"}, []string{"b"}, []string{"c"}),
			muc:   PRF{0, 0, 0},
			b3:    PRF{1, 1.0 / 3, 0.5},
			ceafe: PRF{0.5 / 3, 0.5, 0.25},
		},
		{
			// One response cluster over two gold chains {a,b} {c,d}:
			// MUC R 2/2 P 2/3; B3 P 1/2 R 1; CEAF-e 2*2/6 over 2 keys, 1 response.
			name:  "one big cluster",
			key:   labels([]string{"a", "b"}, []string{"c", "d"}),
			resp:  labels([]string{"a", "b", "c", "d"}),
			muc:   PRF{2.0 / 3, 1, 0.8},
			b3:    PRF{0.5, 1, 2.0 / 3},
			ceafe: PRF{2.0 / 3, 1.0 / 3, 4.0 / 9},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(tc.key, tc.resp)
			for _, c := range []struct {
				name      string
				got, want PRF
			}{{"muc", got.MUC, tc.muc}, {"b3", got.B3, tc.b3}, {"ceafe", got.CEAFe, tc.ceafe}} {
				if !near(c.got.Precision, c.want.Precision) || !near(c.got.Recall, c.want.Recall) || !near(c.got.F1, c.want.F1) {
					t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
				}
			}
			want := (tc.muc.F1 + tc.b3.F1 + tc.ceafe.F1) / 3
			if !near(got.CoNLL, want) {
				t.Errorf("conll = %v, want %v", got.CoNLL, want)
			}
		})
	}
}

func TestMaxAssignment(t *testing.T) {
	tests := []struct {
		name string
		sim  [][]float64
		want float64
	}{
		{"diagonal", [][]float64{{1, 0}, {0, 1}}, 2},
		{"crossed", [][]float64{{0.2, 0.9}, {0.8, 0.3}}, 1.7},
		{"greedy trap", [][]float64{{0.9, 0.8}, {0.7, 0}}, 1.5},
		{"wide", [][]float64{{0.1, 0.5, 0.4}}, 0.5},
		{"tall", [][]float64{{0.1}, {0.6}, {0.3}}, 0.6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := maxAssignment(tc.sim); !near(got, tc.want) {
				t.Errorf("maxAssignment = %v, want %v", got, tc.want)
			}
		})
	}
}
