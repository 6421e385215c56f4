package ner

import "strings"

// Stage-2 templates: what stage 1 said about this token, its neighbours
// and the other mentions of the same word or phrase in the document.
const (
	x2Own byte = 100 + iota
	x2Ctx
	x2Maj
	x2Has
	x2MajOwn
	x2Sup
	x2Phrase
	x2Cased
)

// featSet is a list of features per token: f[off[i]:off[i+1]].
type featSet struct {
	f   []uint64
	off []int32
}

func (x *featSet) of(i int) []uint64 { return x.f[x.off[i]:x.off[i+1]] }

// stage2Feats computes the stage-2 features of a document from stage-1
// labels l1 (Krishnan & Manning 2006; Ratinov & Roth 2009).
func stage2Feats(d *doc, l1 []int) *featSet {
	n := len(d.words)
	ents := entitiesOf(d, l1)
	entOf := make([]int32, n)
	for i := range entOf {
		entOf[i] = -1
	}
	votes := map[string]*[nTypes + 1]uint16{}
	for i := range n {
		if !d.capd[i] {
			continue
		}
		v := votes[d.nw[i]]
		if v == nil {
			v = new([nTypes + 1]uint16)
			votes[d.nw[i]] = v
		}
		if v[typeOf(l1[i])+1] < 1<<15 {
			v[typeOf(l1[i])+1]++
		}
	}
	// sup: where a word sits inside longer stage-1 entities, as bits
	// type*3 + (0 first, 1 inner, 2 last).
	sup := map[string]uint16{}
	phrase := map[string]*[nTypes]uint16{}
	keys := make([]string, len(ents))
	for ei, c := range ents {
		for k := c.start; k < c.end; k++ {
			entOf[k] = int32(ei)
		}
		keys[ei] = strings.Join(d.nw[c.start:c.end], " ")
		p := phrase[keys[ei]]
		if p == nil {
			p = new([nTypes]uint16)
			phrase[keys[ei]] = p
		}
		if p[c.typ] < 1<<15 {
			p[c.typ]++
		}
		if c.end-c.start < 2 {
			continue
		}
		for k := c.start; k < c.end; k++ {
			pos := 1
			if k == c.start {
				pos = 0
			} else if k == c.end-1 {
				pos = 2
			}
			sup[d.nw[k]] |= 1 << (c.typ*3 + pos)
		}
	}
	h := hasher{out: make([]uint64, 0, n*6)}
	x := &featSet{off: make([]int32, n+1)}
	for si := 0; si+1 < len(d.sentStart); si++ {
		a, b := d.sentStart[si], d.sentStart[si+1]
		for i := a; i < b; i++ {
			x.off[i] = int32(len(h.out))
			own := l1[i]
			pl, nl := "<s>", "</s>"
			if i > a {
				pl = labelNames[l1[i-1]]
			}
			if i+1 < b {
				nl = labelNames[l1[i+1]]
			}
			h.f1(x2Own, labelNames[own])
			h.f3(x2Ctx, pl, labelNames[own], nl)
			if !d.capd[i] {
				continue
			}
			h.f2(x2Cased, labelNames[own], d.shape[i])
			v := *votes[d.nw[i]]
			v[typeOf(own)+1]--
			total, maj := 0, 0
			for t := range v {
				total += int(v[t])
				if v[t] > v[maj] {
					maj = t
				}
			}
			if total > 0 {
				h.fb(x2Maj, byte(maj))
				h.fb(x2MajOwn, byte(maj), byte(typeOf(own)+1))
				for t := 1; t <= nTypes; t++ {
					if v[t] > 0 {
						h.fb(x2Has, byte(t))
					}
				}
			}
			inLong := byte(0)
			if e := entOf[i]; e >= 0 && ents[e].end-ents[e].start > 1 {
				inLong = 1
			}
			if s := sup[d.nw[i]]; s != 0 {
				for bit := range 3 * nTypes {
					if s&(1<<bit) != 0 {
						h.fb(x2Sup, byte(bit), inLong)
					}
				}
			}
			if e := entOf[i]; e >= 0 {
				p := *phrase[keys[e]]
				p[ents[e].typ]--
				best, cnt := -1, uint16(0)
				for t := range p {
					if p[t] > cnt {
						best, cnt = t, p[t]
					}
				}
				if best >= 0 {
					h.fb(x2Phrase, byte(best), byte(ents[e].typ))
				}
			}
		}
	}
	x.off[n] = int32(len(h.out))
	x.f = h.out
	return x
}
