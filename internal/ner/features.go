package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Feature templates. Each feature is the xxh3 hash of its template byte
// followed by its value, so templates never collide by construction.
const (
	fBias byte = iota + 1
	fWord
	fCased
	fShape
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevW
	fNextW
	fPrev2W
	fNext2W
	fPrevWW
	fWNextW
	fPrevShape
	fNextShape
	fShape3
	fFlags
	fDict
	fGaz
	fGazPrev
	fGazNext
	fTopic
	fTopicShape
	fRow
	fLonger
	fSeenLower
	fAggPrev
	fAggNext
	fCapsShape
	fPrevCased
	fNextCased
	fLen
	fDocCase
	fClu
	fCluPrev
	fCluNext
	fCluShape
	// dynamic templates, computed while decoding
	fPrevL
	fPrev2L
	fPrevLW
	fHist
	fHistShape
)

// doc is one document prepared for tagging: its tokens flattened in
// order, with the per-token facts every feature needs.
type doc struct {
	sentStart []int // token index where each sentence starts; len = sentences+1
	words     []string
	nw        []string // restored, lower-cased, digits as 0
	shape     []string
	shp       []int32 // shape ids in the featCache that prepared the document
	hkey      []int32 // index of a capitalised token's nw in the history, else -1
	nLocal    int     // size of the history
	capd      []bool  // restored form starts upper-case
	capsLine  []bool  // sentence has no lower-case letter
	static    []uint64
	off       []int32 // static features of token i: static[off[i]:off[i+1]]
	// emit holds the label scores of the static features when prepare
	// scored them at once (static and off are then nil).
	emit  [][nLabels]float32
	order []int // sentences in decoding order
}

// shapeOf returns the collapsed shape of w: X for upper-case, x for
// lower-case, d for digits, other runes as they are, runs collapsed
// ("Xx", "X.X.", "d-d").
func shapeOf(w string) string {
	var b [32]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// normDigits lower-cases w and writes every digit as 0.
func normDigits(w string) string {
	lw := strings.ToLower(w)
	if !strings.ContainsAny(lw, "0123456789") {
		return lw
	}
	b := []byte(lw)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// titleCase returns w with its first letter upper-case and the rest lower.
func titleCase(w string) string {
	lw := strings.ToLower(w)
	r, n := utf8.DecodeRuneInString(lw)
	return string(unicode.ToUpper(r)) + lw[n:]
}

// hasher builds feature hashes without allocating.
type hasher struct {
	buf []byte
	out []uint64
}

func (h *hasher) f1(t byte, a string) {
	h.buf = append(h.buf[:0], t)
	h.buf = append(h.buf, a...)
	h.out = append(h.out, xxh3.Hash(h.buf))
}

func (h *hasher) f2(t byte, a, b string) {
	h.buf = append(h.buf[:0], t)
	h.buf = append(h.buf, a...)
	h.buf = append(h.buf, 0)
	h.buf = append(h.buf, b...)
	h.out = append(h.out, xxh3.Hash(h.buf))
}

func (h *hasher) f3(t byte, a, b, c string) {
	h.buf = append(h.buf[:0], t)
	h.buf = append(h.buf, a...)
	h.buf = append(h.buf, 0)
	h.buf = append(h.buf, b...)
	h.buf = append(h.buf, 0)
	h.buf = append(h.buf, c...)
	h.out = append(h.out, xxh3.Hash(h.buf))
}

func (h *hasher) fb(t byte, bs ...byte) {
	h.buf = append(h.buf[:0], t)
	h.buf = append(h.buf, bs...)
	h.out = append(h.out, xxh3.Hash(h.buf))
}

// prepare restores case in ALL-CAPS sentences and computes the static
// features of every token of a document.
//
// With weights sw it does not keep the features but scores them at once
// into d.emit (the tagging path); without, it keeps them in d.static
// (training, and the second stage).
func prepare(c *featCache, sents [][]string, lx *lexicon, sw *weights) *doc {
	c.startDoc(lx, sw)
	// Tagging reuses the cache's buffers: the document lives only until
	// its labels are out. Training keeps every document.
	sc := &scratch{}
	if sw != nil {
		sc = &c.scratch
	}
	d := &sc.doc
	*d = doc{sentStart: d.sentStart[:0], order: d.order[:0]}
	n := 0
	for _, s := range sents {
		d.sentStart = append(d.sentStart, n)
		n += len(s)
	}
	d.sentStart = append(d.sentStart, n)

	// One allocation for the per-token slices.
	ints := grow(&sc.ints, 6*n)
	wid, rwid, nwid, cluK := ints[:n:n], ints[n:2*n:2*n], ints[2*n:3*n:3*n], ints[3*n:4*n:4*n]
	d.shp, d.hkey = ints[4*n:5*n:5*n], ints[5*n:6*n:6*n]
	bools := grow(&sc.bools, 5*n)
	d.capsLine, d.capd = bools[:n:n], bools[n:2*n:2*n]
	titleLine, inRun, sentOpen := bools[2*n:3*n:3*n], bools[3*n:4*n:4*n], bools[4*n:5*n:5*n]
	strs := grow(&sc.strs, 3*n)
	d.words, d.nw, d.shape = strs[:n:n], strs[n:2*n:2*n], strs[2*n:3*n:3*n]

	k := 0
	for si, s := range sents {
		if len(s) > 0 {
			sentOpen[d.sentStart[si]] = true
		}
		caps := false
		for _, w := range s {
			id := c.intern(w)
			f := c.rawRole(id).raw
			d.words[k], wid[k] = w, id
			k++
			if f&rawLower != 0 {
				caps = false
				break
			}
			if !caps && f&rawLetter != 0 && f&rawMulti != 0 {
				caps = true
			}
		}
		for ; k < d.sentStart[si+1]; k++ {
			w := s[k-d.sentStart[si]]
			id := c.intern(w)
			c.rawRole(id)
			d.words[k], wid[k] = w, id
		}
		title := !caps && c.isTitleCase(wid[d.sentStart[si]:d.sentStart[si+1]])
		for i := d.sentStart[si]; i < d.sentStart[si+1]; i++ {
			d.capsLine[i] = caps || title
			titleLine[i] = title
		}
	}

	// The document's own casing: the majority form of each word at a
	// non-initial place in a mixed-case sentence.
	for si := range sents {
		for i := d.sentStart[si] + 1; i < d.sentStart[si+1]; i++ {
			rec := &c.recs[wid[i]]
			if d.capsLine[i] || rec.raw&rawLetter == 0 {
				continue
			}
			lw := rec.lw
			info := c.local(lw)
			if lw == wid[i] {
				info.lower = true
			}
			info.count(wid[i])
		}
	}
	for i := range n {
		id := wid[i]
		rw := id
		if rec := &c.recs[id]; d.capsLine[i] && rec.raw&rawLetter != 0 {
			lw := rec.lw
			multi := rec.raw&rawMulti != 0
			if info := c.lookupLocal(lw); info != nil && info.best >= 0 {
				rw = info.best
			} else if lr := c.lwRole(lw); lr.casing >= 0 {
				rw = lr.casing
			} else if f := lr.words; f&wCommon != 0 && f&wProper == 0 {
				rw = lw
			} else if titleLine[i] {
				// keep the headline's spelling
			} else if f&wProper != 0 {
				rw = lr.proper
			} else if multi {
				rw = c.titleOf(id)
			}
		}
		r := c.rwRole(rw)
		if r.respell >= 0 && !d.capsLine[i] {
			rw = r.respell
			r = c.rwRole(rw)
		}
		rwid[i], nwid[i], d.shp[i], d.capd[i] = rw, r.nw, r.shape, r.capd
		d.nw[i] = c.recs[r.nw].s
		d.shape[i] = c.shapes[r.shape].s
	}

	if lx.clusters != nil {
		for i := range n {
			k := c.recs[rwid[i]].clu
			if k < 0 {
				k = c.recs[wid[i]].clu
			}
			cluK[i] = k
		}
	}

	// Capitalised runs in mixed-case sentences: where each word sits.
	for si := range sents {
		a, b := d.sentStart[si], d.sentStart[si+1]
		for i := a; i < b; {
			if d.capsLine[i] || !d.capd[i] {
				i++
				continue
			}
			j := i
			for j < b && d.capd[j] {
				j++
			}
			if j-i >= 2 {
				for k := i; k < j; k++ {
					var p byte = 2
					if k == i {
						p = 1
					} else if k == j-1 {
						p = 4
					}
					c.local(nwid[k]).runPos |= p
				}
			}
			i = j
		}
	}
	for i := range n {
		if d.capd[i] && ((i > 0 && d.capd[i-1] && !sentOpen[i]) || (i+1 < n && d.capd[i+1] && !sentOpen[i+1])) {
			inRun[i] = true
		}
	}

	// Other occurrences of each capitalised word.
	for i := range n {
		d.hkey[i] = -1
		if d.capd[i] {
			info := c.local(nwid[i])
			info.occ = append(info.occ, int32(i))
			d.hkey[i] = c.recs[nwid[i]].local
		}
	}
	d.nLocal = len(c.infos)

	// Topic: the first word of a headline such as "SOCCER - ...".
	topic := ""
	if len(sents) > 0 && len(sents[0]) > 2 && sents[0][1] == "-" {
		topic = d.nw[0]
	} else if len(sents) > 1 && len(sents[1]) > 2 && sents[1][1] == "-" && len(sents[0]) < 2 {
		topic = d.nw[1]
	}
	var topicV uint64
	topicID := int32(-1)
	if topic != "" {
		topicID = c.intern(topic)
		topicV = c.val(c.h1(fTopic, topic))
	}

	gaz := grow(&sc.gaz, n)
	first := grow(&sc.u8, 2*n)
	gaz1 := first[n:]
	for i := range n {
		rec := &c.recs[nwid[i]]
		first[i], gaz1[i] = rec.first, rec.gaz1
	}
	var buf []byte
	for si := range sents {
		a, b := d.sentStart[si], d.sentStart[si+1]
		buf = c.r.matchGazetteers(d.nw[a:b], first[a:b], gaz1[a:b], d.capd[a:b], gaz[a:b], buf)
	}

	var out []uint64 // training: the features' hashes
	rows := c.rows[:0]
	if sw != nil {
		d.emit = grow(&sc.emit, n)
	} else {
		out = make([]uint64, 0, n*64)
		d.off = make([]int32, n+1)
	}
	emit := func(v uint64) {
		if sw == nil {
			out = append(out, v)
		} else if v != none {
			rows = append(rows, v)
		}
	}
	for si := range sents {
		a, b := d.sentStart[si], d.sentStart[si+1]
		numeric := 0
		for i := a; i < b; i++ {
			if c.recs[wid[i]].raw&rawDigit != 0 {
				numeric++
			}
		}
		row := b-a >= 3 && numeric*10 >= (b-a)*4
		lenClass := 3
		switch {
		case b-a == 1:
			lenClass = 0
		case b-a <= 3:
			lenClass = 1
		case b-a <= 8:
			lenClass = 2
		}
		for i := a; i < b; i++ {
			if sw != nil {
				rows = rows[:0]
			} else {
				d.off[i] = int32(len(out))
			}
			nw, sh := d.nw[i], d.shp[i]
			shv := &c.shapes[sh].v
			pw, pw2, nxw, nxw2 := c.sBeg, c.sBeg, c.sEnd, c.sEnd
			psh, nsh := c.shBeg, c.shEnd
			prw, nrw := c.sBeg, c.sEnd
			if i-1 >= a {
				pw, psh, prw = nwid[i-1], d.shp[i-1], rwid[i-1]
			}
			if i-2 >= a {
				pw2 = nwid[i-2]
			}
			if i+1 < b {
				nxw, nsh, nrw = nwid[i+1], d.shp[i+1], rwid[i+1]
			}
			if i+2 < b {
				nxw2 = nwid[i+2]
			}
			emit(c.bias)
			if lx.clusters != nil {
				pc, nc := c.cluBeg, c.cluEnd
				if i > a {
					pc = c.cluOf(cluK[i-1]).prev
				}
				if i+1 < b {
					nc = c.cluOf(cluK[i+1]).next
				}
				emit(c.cluOf(cluK[i]).self)
				emit(pc)
				emit(nc)
				emit(c.cluShapeOf(cluK[i], sh))
			}
			nwr := &c.recs[nwid[i]]
			nv := c.nwVals(nwid[i])
			emit(nv[nwWord])
			emit(c.recs[rwid[i]].cased)
			emit(shv[shShape])
			for k := range int(nwr.npre) {
				emit(nv[nwPre+k])
			}
			for k := range int(nwr.nsuf) {
				emit(nv[nwSuf+k])
			}
			emit(c.nwVals(pw)[nwPrevW])
			emit(c.nwVals(nxw)[nwNextW])
			emit(c.nwVals(pw2)[nwPrev2W])
			emit(c.nwVals(nxw2)[nwNext2W])
			emit(c.pair(fPrevWW, pw, nwid[i], c.recs[pw].s, nw))
			emit(c.pair(fWNextW, nwid[i], nxw, nw, c.recs[nxw].s))
			emit(c.shapes[psh].v[shPrev])
			emit(c.shapes[nsh].v[shNext])
			emit(c.shape3Of(psh, sh, nsh))
			if d.capd[i] {
				emit(c.pair(fPrevCased, prw, sh, c.recs[prw].s, d.shape[i]))
				emit(c.pair(fNextCased, nrw, sh, c.recs[nrw].s, d.shape[i]))
			}
			var flags byte
			if i == a {
				flags |= 1
			}
			if d.capsLine[i] {
				flags |= 2
			}
			if row {
				flags |= 4
			}
			emit(shv[shFlags+int(flags)])
			emit(shv[shLen+lenClass])
			var cf byte
			if d.capd[i] {
				cf = 1
			}
			emit(c.dict[nwr.dict&3][cf][flags&1])
			if d.capsLine[i] {
				emit(c.pair(fCapsShape, sh, wid[i], d.shape[i], d.words[i]))
			}
			for li := range gazLists {
				if p := gaz[i][li]; p != 0 {
					emit(c.gaz[0][li][p])
				}
				if i-1 >= a && gaz[i-1][li] != 0 {
					emit(c.gaz[1][li][gaz[i-1][li]])
				}
				if i+1 < b && gaz[i+1][li] != 0 {
					emit(c.gaz[2][li][gaz[i+1][li]])
				}
			}
			if topic != "" {
				emit(topicV)
				emit(c.pair(fTopicShape, topicID, sh, topic, d.shape[i]))
			}
			if row {
				emit(shv[shRow])
			}
			if d.capd[i] {
				var ir byte
				if inRun[i] {
					ir = 1
				}
				info := c.lookupLocal(nwid[i])
				emit(c.longer[info.runPos][ir])
				if info.lower {
					emit(c.seenLower)
				}
				if info.best >= 0 {
					emit(c.shapes[c.rwRole(info.best).shape].v[shDocCase])
				}
				k := 0
				for _, j := range info.occ {
					j := int(j)
					if j == i {
						continue
					}
					if k++; k > 6 {
						break
					}
					if j > 0 && !sentOpen[j] {
						emit(c.nwVals(nwid[j-1])[nwAggPrev])
					}
					if j+1 < n && !sentOpen[j+1] {
						emit(c.nwVals(nwid[j+1])[nwAggNext])
					}
				}
			}
			if sw != nil {
				c.pw.sum(rows, &d.emit[i])
			}
		}
	}
	c.rows = rows
	if sw == nil {
		d.off[n] = int32(len(out))
		d.static = out
	}

	// Decode mixed-case sentences first so that ALL-CAPS headlines can
	// draw on what the body said.
	for si := range sents {
		if d.sentStart[si] < d.sentStart[si+1] && !d.capsLine[d.sentStart[si]] {
			d.order = append(d.order, si)
		}
	}
	for si := range sents {
		if d.sentStart[si] < d.sentStart[si+1] && d.capsLine[d.sentStart[si]] {
			d.order = append(d.order, si)
		}
	}
	return d
}

// scratch holds the buffers of one prepared document.
type scratch struct {
	doc   doc
	ints  []int32
	bools []bool
	strs  []string
	gaz   [][len(gazLists)]uint8
	u8    []uint8
	emit  [][nLabels]float32
}

// grow returns (*s)[:n] zeroed, reallocating *s if it is too small.
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	r := (*s)[:n]
	clear(r)
	return r
}

// respell maps spellings modern copy uses to the ones the 1996 training
// text uses ("US" was "U.S." there), in mixed-case sentences only (in an
// ALL-CAPS line "US" may be the pronoun).
var respell = map[string]string{"US": "U.S.", "UN": "U.N."}

// isTitleCase reports whether a sentence is a Title Case headline ("Zelensky
// Sets Expectations Ahead of Talks"): at least three words, none in lower
// case but the short function words headline style leaves so, and at
// least two capitalised common words after the first that are not titles
// (running text capitalises "President" too).
func (c *featCache) isTitleCase(s []int32) bool {
	words, capCommon := 0, 0
	for i, id := range s {
		f := c.recs[id].raw
		if f&rawLetter == 0 {
			continue
		}
		words++
		if i == 0 {
			continue
		}
		if f&rawUpper == 0 {
			if f&rawHeadLower == 0 {
				return false
			}
			continue
		}
		if f&rawCapCommon != 0 {
			capCommon++
		}
	}
	return words >= 3 && capCommon >= 2
}

// headlineLower are the words Title Case headlines leave in lower case.
var headlineLower = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "for": true, "to": true, "in": true, "on": true, "at": true, "by": true,
	"as": true, "vs": true, "vs.": true, "v": true, "per": true, "via": true, "with": true,
	"from": true, "into": true, "over": true, "'s": true, "’s": true, "n't": true, "n’t": true,
}

// history counts, per word, the types given so far to its capitalised
// occurrences in a document (index 0 = O), by doc.hkey.
type history [][nTypes + 1]uint16

// best returns the type given most often to the word of token i so far,
// or -1 if it has no history (not capitalised or not seen yet).
func (h history) best(d *doc, i int) int {
	if !d.capd[i] {
		return -1
	}
	c := &h[d.hkey[i]]
	best := 0
	for t := 1; t <= nTypes; t++ {
		if c[t] > c[best] {
			best = t
		}
	}
	if c[best] == 0 {
		return -1
	}
	return best
}

// add records label l for token i.
func (h history) add(d *doc, i, l int) {
	if d.capd[i] {
		c := &h[d.hkey[i]]
		if c[typeOf(l)+1] < 1<<15 {
			c[typeOf(l)+1]++
		}
	}
}

// digits3 writes a cluster id as a short string.
func digits3(c uint16) string {
	return string([]byte{'0' + byte(c/100%10), '0' + byte(c/10%10), '0' + byte(c%10)})
}

var digits = [...]string{"0", "1", "2", "3", "4"}

// dynamic appends the features that depend on earlier decisions.
func dynamic(h *hasher, d *doc, i, a int, prev, prev2 int, hist history) {
	h.fb(fPrevL, byte(prev))
	h.fb(fPrev2L, byte(prev2), byte(prev))
	h.f2(fPrevLW, labelNames[prev], d.nw[i])
	histFeatures(h, d, i, hist)
}

// histFeatures appends the type most often given so far to the word's
// other capitalised occurrences in the document.
func histFeatures(h *hasher, d *doc, i int, hist history) {
	if best := hist.best(d, i); best >= 0 {
		h.fb(fHist, byte(best))
		h.f2(fHistShape, digits[best], d.shape[i])
	}
}
