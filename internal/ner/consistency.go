package ner

import "strings"

// consistency switches the document-level post-pass on; tests and
// experiments may turn it off.
var consistency = false

// entitiesOf returns the entities of a BILOU label sequence over d.
func entitiesOf(d *doc, labels []int) []chunk {
	var out []chunk
	for si := 0; si+1 < len(d.sentStart); si++ {
		a, b := d.sentStart[si], d.sentStart[si+1]
		start := -1
		for i := a; i < b; i++ {
			l := labels[i]
			if l == 0 {
				start = -1
				continue
			}
			switch prefixOf(l) {
			case pU:
				out = append(out, chunk{i, i + 1, typeOf(l)})
				start = -1
			case pB:
				start = i
			case pL:
				if start >= 0 {
					out = append(out, chunk{start, i + 1, typeOf(l)})
				}
				start = -1
			}
		}
	}
	return out
}

// applyConsistency makes one document's labels agree with each other:
// an entity string tagged with several types takes its majority type, and
// a one-word entity that is the first or last word of a longer PER name in
// the document becomes PER ("Blinker" after "Reggie Blinker").
func applyConsistency(d *doc, labels []int) {
	if !consistency {
		return
	}
	ents := entitiesOf(d, labels)
	key := func(c chunk) string { return strings.Join(d.nw[c.start:c.end], " ") }
	votes := map[string]*[nTypes]int{}
	perPart := map[string]bool{}
	for _, c := range ents {
		k := key(c)
		v := votes[k]
		if v == nil {
			v = new([nTypes]int)
			votes[k] = v
		}
		v[c.typ]++
		if c.typ == 0 && c.end-c.start >= 2 {
			perPart[d.nw[c.start]] = true
			perPart[d.nw[c.end-1]] = true
		}
	}
	for _, c := range ents {
		typ := c.typ
		v := votes[key(c)]
		for t := range nTypes {
			if v[t] > v[typ] {
				typ = t
			}
		}
		if c.end-c.start == 1 && perPart[d.nw[c.start]] {
			typ = 0
		}
		if typ == c.typ {
			continue
		}
		for i := c.start; i < c.end; i++ {
			labels[i] = labelOf(typ, prefixOf(labels[i]))
		}
	}
}
