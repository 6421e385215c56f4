//go:build !amd64

package ner

// sum sets out to the sum of rows vs (none skipped by the caller), in
// order: the same additions, in the same order, as weights.score makes
// for the features whose rows they are.
func (p *packed) sum(vs []uint64, out *[nLabels]float32) { p.sumGo(vs, out) }
