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

// run tags a document with weights w, by Viterbi or greedily.
func (dc *decoder) run(viterbi bool, d *doc, x *featSet, w *weights) []int {
	if viterbi {
		return dc.viterbi(d, x, w.score, nil, nil)
	}
	return dc.decode(d, x, w.score, nil, nil)
}

// transFeature is the feature whose weight row scores every label that
// follows label prev (the transition weights of Viterbi decoding).
func transFeature(h *hasher, prev int) uint64 {
	h.out = h.out[:0]
	h.fb(fPrevL, byte(prev))
	return h.out[0]
}

// viterbi tags a prepared document sentence by sentence with exact
// first-order Viterbi decoding over BILOU labels; the document history
// features see the labels of the sentences decoded before. With gold
// labels it makes a structured-perceptron update (Collins 2002) through
// add wherever the best sequence differs from the gold one.
func (dc *decoder) viterbi(d *doc, x *featSet, score scorer, gold []int, add func(fs []uint64, label int, delta int32)) []int {
	n := len(d.words)
	labels := make([]int, n)
	hist := history{}
	var trans [nLabels + 1][nLabels]float32
	var tf [nLabels]uint64
	for p := range nLabels {
		tf[p] = transFeature(&dc.h, p)
		score(tf[p:p+1], &trans[p])
	}
	var feats [][]uint64
	var delta [][nLabels]float32
	var back [][nLabels]int8
	for _, si := range d.order {
		a, b := d.sentStart[si], d.sentStart[si+1]
		m := b - a
		if cap(delta) < m {
			delta = make([][nLabels]float32, m)
			back = make([][nLabels]int8, m)
		}
		delta, back = delta[:m], back[:m]
		feats = feats[:0]
		for i := a; i < b; i++ {
			if d.emit != nil {
				dc.h.out = dc.h.out[:0]
				histFeatures(&dc.h, d, i, hist)
				score(dc.h.out, &dc.scores)
				for l, v := range d.emit[i] {
					dc.scores[l] += v
				}
			} else {
				dc.h.out = append(dc.h.out[:0], d.static[d.off[i]:d.off[i+1]]...)
				if x != nil {
					dc.h.out = append(dc.h.out, x.of(i)...)
				}
				histFeatures(&dc.h, d, i, hist)
				if gold != nil {
					feats = append(feats, append([]uint64(nil), dc.h.out...))
				}
				score(dc.h.out, &dc.scores)
			}
			k := i - a
			last := i == b-1
			for l := range nLabels {
				best, bp := float32(0), -1
				if k == 0 {
					if allowed(0, l, last) {
						best, bp = trans[0][l], 0
					}
				} else {
					ps := preds[l]
					if last {
						ps = predsLast[l]
					}
					for _, p8 := range ps {
						p := int(p8)
						if back[k-1][p] < 0 {
							continue
						}
						if s := delta[k-1][p] + trans[p][l]; bp < 0 || s > best {
							best, bp = s, p
						}
					}
				}
				back[k][l] = int8(bp)
				delta[k][l] = best + dc.scores[l]
			}
		}
		bl := -1
		for l := range nLabels {
			if back[m-1][l] >= 0 && (bl < 0 || delta[m-1][l] > delta[m-1][bl]) {
				bl = l
			}
		}
		for k := m - 1; k >= 0; k-- {
			labels[a+k] = bl
			bl = int(back[k][bl])
		}
		if gold != nil {
			for k := range m {
				i := a + k
				g, p := gold[i], labels[i]
				gp, pp := 0, 0
				if k > 0 {
					gp, pp = gold[i-1], labels[i-1]
				}
				if g != p {
					add(feats[k], g, 1)
					add(feats[k], p, -1)
				}
				if g != p || gp != pp {
					add(tf[gp:gp+1], g, 1)
					add(tf[pp:pp+1], p, -1)
				}
			}
		}
		for i := a; i < b; i++ {
			if d.capd[i] {
				c := hist[d.nw[i]]
				if c == nil {
					c = new([nTypes + 1]uint16)
					hist[d.nw[i]] = c
				}
				if c[typeOf(labels[i])+1] < 1<<15 {
					c[typeOf(labels[i])+1]++
				}
			}
		}
	}
	return labels
}
