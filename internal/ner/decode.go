package ner

import "math"

// scorer fills out with the score of each label for features fs.
type scorer func(fs []uint64, out *[nLabels]float32)

// decoder holds the buffers one goroutine reuses across documents.
type decoder struct {
	h      hasher
	scores [nLabels]float32
	c      *featCache // prepares documents (tagging)
	hist   history
}

// cache returns the decoder's feature cache.
func (dc *decoder) cache(lx *lexicon, w *weights) *featCache {
	if dc.c == nil {
		dc.c = newFeatCache(lx, w)
	}
	return dc.c
}

// history returns an empty history for document d.
func (dc *decoder) history(d *doc) history {
	if cap(dc.hist) < d.nLocal {
		dc.hist = make(history, d.nLocal)
	}
	dc.hist = dc.hist[:d.nLocal]
	clear(dc.hist)
	return dc.hist
}

// decode tags a prepared document greedily, left to right within each
// sentence, sentences in d.order. With gold labels it calls update on
// every mistake (and keeps going with its own prediction, so training
// sees the histories decoding will see).
// x, when not nil, holds more features per token (stage 2).
func (dc *decoder) decode(d *doc, x *featSet, score scorer, gold []int, update func(fs []uint64, gold, pred int)) []int {
	n := len(d.words)
	labels := make([]int, n)
	hist := dc.history(d)
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
			hist.add(d, i, best)
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
	hist := dc.history(d)
	var trans [nLabels][nLabels]float32
	var tf [nLabels]uint64
	for p := range nLabels {
		tf[p] = transFeature(&dc.h, p)
		score(tf[p:p+1], &trans[p])
	}
	transC := transClosed(&trans)
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
				// The tagging path: the static features are scored
				// already, the history's feature rows are in the cache.
				c := dc.c
				dc.scores = [nLabels]float32{}
				if best := hist.best(d, i); best >= 0 {
					if v := c.hist[best]; v != none {
						c.pw.add(v, &dc.scores)
					}
					if v := c.shapes[d.shp[i]].v[shHist+best]; v != none {
						c.pw.add(v, &dc.scores)
					}
				}
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
			dc.step(&trans, &transC, delta, back, i-a, i == b-1)
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
			hist.add(d, i, labels[i])
		}
	}
	return labels
}

// transClosed returns the transitions from the closed labels:
// [l][j] is the transition from closed[j] to l.
func transClosed(trans *[nLabels][nLabels]float32) (tc [nLabels][len(closed)]float32) {
	for l := range nLabels {
		for j, p := range closed {
			tc[l][j] = trans[p][l]
		}
	}
	return tc
}

// closed are the labels after which no entity is open (O, L-*, U-*), in
// label order: the only labels that may precede O, B-* and U-*.
var closed = [...]int{0, 3, 4, 7, 8, 11, 12, 15, 16}

// opening are the labels that may follow a closed one (O, B-*, U-*);
// openingLast those that may also end a sentence (O, U-*).
var (
	opening     = [...]int{0, 1, 4, 5, 8, 9, 12, 13, 16}
	openingLast = [...]int{0, 4, 8, 12, 16}
)

var negInf = float32(math.Inf(-1))

// step fills delta[k] and back[k] from delta[k-1] for the token with
// label scores dc.scores (last: it ends the sentence). back is -1 and
// delta -Inf where no allowed sequence reaches a label. Each label takes
// the first predecessor, in label order, with the highest score, so ties
// go as they would in a plain loop over all allowed pairs.
func (dc *decoder) step(trans *[nLabels][nLabels]float32, transC *[nLabels][len(closed)]float32, delta [][nLabels]float32, back [][nLabels]int8, k int, last bool) {
	dk, bk := &delta[k], &back[k]
	sc := &dc.scores
	if k == 0 {
		for l := range nLabels {
			if allowed(0, l, last) {
				bk[l] = 0
				dk[l] = trans[0][l] + sc[l]
			} else {
				bk[l] = -1
				dk[l] = negInf
			}
		}
		return
	}
	dp := &delta[k-1]
	// O, B-* and U-* follow a closed label. -Inf + x = -Inf is never > best,
	// so labels no sequence reaches drop out by themselves.
	var cl [len(closed)]float32
	for j, p := range closed {
		cl[j] = dp[p]
	}
	targets := opening[:]
	if last {
		// No entity may open on the last token.
		for _, l := range [...]int{1, 5, 9, 13} {
			bk[l], dk[l] = -1, negInf
		}
		targets = openingLast[:]
	}
	for _, l := range targets {
		best, bj := negInf, -1
		tc := &transC[l]
		for j := range cl {
			if s := cl[j] + tc[j]; s > best {
				best, bj = s, j
			}
		}
		if bj < 0 {
			bk[l], dk[l] = -1, negInf
		} else {
			bk[l], dk[l] = int8(closed[bj]), best+sc[l]
		}
	}
	// I-t and L-t follow B-t or I-t.
	for t := range nTypes {
		lb, li, ll := labelOf(t, pB), labelOf(t, pI), labelOf(t, pL)
		for _, l := range [2]int{li, ll} {
			if l == li && last {
				bk[l], dk[l] = -1, negInf
				continue
			}
			best, bp := negInf, -1
			if s := dp[lb] + trans[lb][l]; s > best {
				best, bp = s, lb
			}
			if s := dp[li] + trans[li][l]; s > best {
				best, bp = s, li
			}
			if bp < 0 {
				bk[l], dk[l] = -1, negInf
			} else {
				bk[l], dk[l] = int8(bp), best+sc[l]
			}
		}
	}
}
