package ner

// Entity types in CoNLL-2003 order.
var types = [...]string{"PER", "ORG", "LOC", "MISC"}

const nTypes = len(types)

// Labels are BILOU tags: 0 is O, then for type t (0..3) and prefix p
// (B, I, L, U = 0..3) the label 1 + 4t + p.
const nLabels = 1 + 4*nTypes

const (
	pB = iota
	pI
	pL
	pU
)

// labelOf returns the label for type t and prefix p.
func labelOf(t, p int) int { return 1 + 4*t + p }

// typeOf returns the type of label l, or -1 for O.
func typeOf(l int) int {
	if l == 0 {
		return -1
	}
	return (l - 1) / 4
}

// prefixOf returns the BILOU prefix of label l (meaningless for O).
func prefixOf(l int) int { return (l - 1) % 4 }

// open reports whether label l leaves an entity open (B or I).
func open(l int) bool { return l != 0 && (prefixOf(l) == pB || prefixOf(l) == pI) }

// allowed reports whether label cur may follow prev; last says cur ends
// the sentence, where no entity may stay open.
func allowed(prev, cur int, last bool) bool {
	if open(prev) {
		if cur == 0 || typeOf(cur) != typeOf(prev) {
			return false
		}
		p := prefixOf(cur)
		if last {
			return p == pL
		}
		return p == pI || p == pL
	}
	if cur == 0 {
		return true
	}
	p := prefixOf(cur)
	if last {
		return p == pU
	}
	return p == pB || p == pU
}

// labelNames are printable names for each label ("O", "B-PER", ...).
var labelNames = func() [nLabels]string {
	var n [nLabels]string
	n[0] = "O"
	for t := range nTypes {
		for p, s := range []string{"B-", "I-", "L-", "U-"} {
			n[labelOf(t, p)] = s + types[t]
		}
	}
	return n
}()

// iob2 returns the IOB2 tag of a BILOU label.
func iob2(l int) string { return iob2Names[l] }

var iob2Names = func() [nLabels]string {
	var n [nLabels]string
	n[0] = "O"
	for l := 1; l < nLabels; l++ {
		t := types[typeOf(l)]
		switch prefixOf(l) {
		case pB, pU:
			n[l] = "B-" + t
		default:
			n[l] = "I-" + t
		}
	}
	return n
}()

// toBILOU converts a sequence of CoNLL tags (IOB1, IOB2 or BILOU) into
// BILOU labels, using conlleval's chunk rules.
func toBILOU(chunks []chunk, n int) []int {
	out := make([]int, n)
	for _, c := range chunks {
		if c.end-c.start == 1 {
			out[c.start] = labelOf(c.typ, pU)
			continue
		}
		out[c.start] = labelOf(c.typ, pB)
		for i := c.start + 1; i < c.end-1; i++ {
			out[i] = labelOf(c.typ, pI)
		}
		out[c.end-1] = labelOf(c.typ, pL)
	}
	return out
}

// chunk is an entity over tokens [start, end) of type typ (0..3).
type chunk struct{ start, end, typ int }

// typeIndex returns the index of a CoNLL type name, or -1.
func typeIndex(s string) int {
	for i, t := range types {
		if t == s {
			return i
		}
	}
	return -1
}
