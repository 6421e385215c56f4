package ner

import "math/bits"

// packed is the tagging form of a weight table: the same open-addressing
// table of feature hashes, but each slot holds its row's non-zero weights
// directly as a label bit mask and an offset into one array of weights,
// in label order. Most rows have two to four non-zero labels of 17, so the
// weights take about a fifth of the dense rows' memory and mostly stay in
// the processor's cache. Adding only the non-zero weights gives the same
// sums as adding the whole row: x + 0 = x for every x a sum that starts at
// +0 can hold.
type packed struct {
	slots  []pslot
	mask   uint64
	v      []float32
	filter []uint64 // bit (key >> filterShift) is set for every key in slots
}

// The filter has 2^21 bits (256 KB, 3.5% of them set by the shipped
// model's 73,743 features): most features a text has that the model
// lacks (word pairs above all) are turned away without a probe into the
// 4 MB table.
const filterShift = 64 - 21

// pslot maps a feature hash (0 = empty) to its row value: the label mask
// in the high 32 bits, the offset into v in the low 32.
type pslot struct {
	key uint64
	val uint64
}

// pack builds the packed form of m (once; safe for concurrent use).
// Rows are laid out by falling number of non-zero weights: features that
// fire often are updated often in training and have dense rows, so the
// rows most lookups need share a small, cache-resident part of v.
func (m *weights) pack() *packed {
	m.packOnce.Do(func() {
		// Its own table, half as large as m's (load factor 0.56 for the
		// shipped model): less memory to miss in, and the filter turns
		// away most lookups that would probe long.
		size := 1 << bits.Len(uint(m.numFeatures()*3/2))
		p := &packed{slots: make([]pslot, size), mask: uint64(size - 1), filter: make([]uint64, 1<<21/64)}
		// Rows by falling number of non-zero weights (a counting sort;
		// row order within a count), read in row order.
		nRows := m.numFeatures()
		nzs := make([]uint32, nRows)
		var count [nLabels + 2]int
		for r := range nRows {
			var nz uint32
			for l, x := range (*[nLabels]float32)(m.w[r*nLabels : r*nLabels+nLabels]) {
				if x != 0 {
					nz |= 1 << l
				}
			}
			nzs[r] = nz
			count[nLabels-bits.OnesCount32(nz)+1]++
		}
		for k := 1; k < len(count); k++ {
			count[k] += count[k-1]
		}
		order := make([]int32, nRows)
		nv := 0
		for r, nz := range nzs {
			c := bits.OnesCount32(nz)
			k := nLabels - c
			order[count[k]] = int32(r)
			count[k]++
			if c >= denseMin {
				nv += nLabels
			} else {
				nv += c
			}
		}
		p.v = make([]float32, 0, nv)
		vals := make([]uint64, nRows) // row value by row
		for _, r := range order {
			row := (*[nLabels]float32)(m.w[int(r)*nLabels : int(r)*nLabels+nLabels])
			nz := uint64(nzs[r])
			off := uint64(len(p.v))
			if bits.OnesCount64(nz) >= denseMin {
				nz = fullMask
				p.v = append(p.v, row[:]...)
			} else {
				for _, x := range row {
					if x != 0 {
						p.v = append(p.v, x)
					}
				}
			}
			vals[r] = nz<<32 | off
		}
		// Keys in m's slot order: their home slots here come nearly in
		// order too, so the table fills without a cache miss per key.
		for _, e := range m.slots {
			if e.key == 0 {
				continue
			}
			s := e.key & p.mask
			for p.slots[s].key != 0 {
				s = (s + 1) & p.mask
			}
			p.slots[s] = pslot{e.key, vals[e.row]}
			f := e.key >> filterShift
			p.filter[f/64] |= 1 << (f % 64)
		}
		m.packed = p
	})
	return m.packed
}

// lookup returns the row value of feature hash k, or none.
func (p *packed) lookup(k uint64) uint64 {
	k = fix(k)
	if f := k >> filterShift; p.filter[f/64]&(1<<(f%64)) == 0 {
		return none
	}
	s := k & p.mask
	for {
		switch e := &p.slots[s]; e.key {
		case k:
			return e.val
		case 0:
			return none
		}
		s = (s + 1) & p.mask
	}
}

// fullMask marks a row stored whole, zeros included; rows with at least
// denseMin non-zero weights are (adding a zero changes no sum).
const (
	fullMask = 1<<nLabels - 1
	denseMin = 9
)

// add adds the row with value v (not none) into out.
func (p *packed) add(v uint64, out *[nLabels]float32) {
	m := uint32(v >> 32)
	if m == fullMask {
		o := int(uint32(v))
		row := (*[nLabels]float32)(p.v[o : o+nLabels])
		for l := range out {
			out[l] += row[l]
		}
		return
	}
	ws := p.v[uint32(v):]
	for k := 0; m != 0; k++ {
		out[bits.TrailingZeros32(m)] += ws[k]
		m &= m - 1
	}
}

// sumGo is sum in Go: out is the sum of rows vs, added in order.
func (p *packed) sumGo(vs []uint64, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	for _, v := range vs {
		p.add(v, out)
	}
}
