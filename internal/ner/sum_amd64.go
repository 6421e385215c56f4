package ner

// sumRows is sum_amd64.s: out = the rows vs of v added in order, the same
// additions as sumRowsGo.
//
//go:noescape
func sumRows(v *float32, vs *uint64, n int, out *[nLabels]float32)

// sum sets out to the sum of rows vs (none skipped by the caller), in
// order: the same additions, in the same order, as weights.score makes
// for the features whose rows they are.
func (p *packed) sum(vs []uint64, out *[nLabels]float32) {
	if len(vs) == 0 {
		*out = [nLabels]float32{}
		return
	}
	sumRows(&p.v[0], &vs[0], len(vs), out)
}
