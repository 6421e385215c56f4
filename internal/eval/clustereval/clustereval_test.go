package clustereval

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		b3, pw     PRF
	}{
		{"perfect", []string{"a", "a", "b"}, []string{"x", "x", "y"}, PRF{1, 1, 1}, PRF{1, 1, 1}},
		// gold {1,2,3}{4,5}; pred {1,2}{3,4,5}.
		// B3 P = (1+1+1/3+2/3+2/3)/5 = 11/15; R = (2/3+2/3+1/3+1+1)/5 = 11/15.
		// pairs: gold 3+1 = 4, pred 1+3 = 4, shared {1,2},{4,5} = 2.
		{"shifted", []string{"a", "a", "a", "b", "b"}, []string{"x", "x", "y", "y", "y"},
			PRF{11.0 / 15, 11.0 / 15, 11.0 / 15}, PRF{0.5, 0.5, 0.5}},
		// all in one cluster: B3 P = (2/4*2+2/4*2)/4 = 0.5, R = 1; pairs 2 of 6.
		{"one cluster", []string{"a", "a", "b", "b"}, []string{"x", "x", "x", "x"},
			PRF{0.5, 1, 2.0 / 3}, PRF{2.0 / 6, 1, 0.5}},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(tc.gold, tc.pred)
			if !near(got.BCubed.Precision, tc.b3.Precision) || !near(got.BCubed.Recall, tc.b3.Recall) || !near(got.BCubed.F1, tc.b3.F1) {
				t.Errorf("bcubed = %+v, want %+v", got.BCubed, tc.b3)
			}
			if !near(got.Pairwise.Precision, tc.pw.Precision) || !near(got.Pairwise.Recall, tc.pw.Recall) || !near(got.Pairwise.F1, tc.pw.F1) {
				t.Errorf("pairwise = %+v, want %+v", got.Pairwise, tc.pw)
			}
		})
	}
}
