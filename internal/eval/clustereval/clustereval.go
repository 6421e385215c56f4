// Package clustereval scores a clustering of items (documents) against
// gold labels with B-cubed (Bagga & Baldwin 1998, per item, averaged) and
// pairwise precision, recall and F1 over unordered item pairs.
package clustereval

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Result holds both measures.
type Result struct {
	BCubed   PRF
	Pairwise PRF
}

// Score compares predicted with gold labels; both slices hold one label per
// item, in the same order.
func Score(gold, pred []string) Result {
	n := len(gold)
	type pair struct{ g, p string }
	gc, pc, both := map[string]int{}, map[string]int{}, map[pair]int{}
	for i := 0; i < n; i++ {
		gc[gold[i]]++
		pc[pred[i]]++
		both[pair{gold[i], pred[i]}]++
	}
	var r Result
	if n == 0 {
		return r
	}
	var p, rc float64
	for i := 0; i < n; i++ {
		k := float64(both[pair{gold[i], pred[i]}])
		p += k / float64(pc[pred[i]])
		rc += k / float64(gc[gold[i]])
	}
	r.BCubed = PRF{p / float64(n), rc / float64(n), f1(p/float64(n), rc/float64(n))}
	pairs := func(m map[string]int) float64 {
		s := 0.0
		for _, c := range m {
			s += float64(c) * float64(c-1) / 2
		}
		return s
	}
	var tp float64
	for _, c := range both {
		tp += float64(c) * float64(c-1) / 2
	}
	gp, pp := pairs(gc), pairs(pc)
	var pw PRF
	if pp > 0 {
		pw.Precision = tp / pp
	} else {
		pw.Precision = 1 // no predicted pair is wrong
	}
	if gp > 0 {
		pw.Recall = tp / gp
	} else {
		pw.Recall = 1
	}
	pw.F1 = f1(pw.Precision, pw.Recall)
	r.Pairwise = pw
	return r
}
