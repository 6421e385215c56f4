package ner

// scorer fills out with the score of each label for features fs.
type scorer func(fs []uint64, out *[nLabels]float32)

// decoder holds the buffers one goroutine reuses across documents.
type decoder struct {
	h      hasher
	scores [nLabels]float32
}

// decode tags a prepared document greedily, left to right within each
// sentence, sentences in d.order. With gold labels it calls update on
// every mistake (and keeps going with its own prediction, so training
// sees the histories decoding will see).
// x, when not nil, holds more features per token (stage 2).
func (dc *decoder) decode(d *doc, x *featSet, score scorer, gold []int, update func(fs []uint64, gold, pred int)) []int {
	n := len(d.words)
	labels := make([]int, n)
	hist := history{}
	for _, si := range d.order {
		a, b := d.sentStart[si], d.sentStart[si+1]
		prev, prev2 := 0, 0
		for i := a; i < b; i++ {
			dc.h.out = append(dc.h.out[:0], d.static[d.off[i]:d.off[i+1]]...)
			if x != nil {
				dc.h.out = append(dc.h.out, x.of(i)...)
			}
			dynamic(&dc.h, d, i, a, prev, prev2, hist)
			score(dc.h.out, &dc.scores)
			last := i == b-1
			best := -1
			for l := range nLabels {
				if !allowed(prev, l, last) {
					continue
				}
				if best < 0 || dc.scores[l] > dc.scores[best] {
					best = l
				}
			}
			if gold != nil && best != gold[i] {
				update(dc.h.out, gold[i], best)
			}
			labels[i] = best
			if d.capd[i] {
				c := hist[d.nw[i]]
				if c == nil {
					c = new([nTypes + 1]uint16)
					hist[d.nw[i]] = c
				}
				if c[typeOf(best)+1] < 1<<15 {
					c[typeOf(best)+1]++
				}
			}
			prev2, prev = prev, best
		}
	}
	return labels
}
