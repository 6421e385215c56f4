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
	rw        []string // restored case
	shape     []string
	capd      []bool // restored form starts upper-case
	capsLine  []bool // sentence has no lower-case letter
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
func prepare(sents [][]string, lx *lexicon, sw *weights) *doc {
	casing := lx.casing
	r := loadResources()
	d := &doc{}
	n := 0
	for _, s := range sents {
		d.sentStart = append(d.sentStart, n)
		n += len(s)
	}
	d.sentStart = append(d.sentStart, n)
	d.words = make([]string, 0, n)
	d.capsLine = make([]bool, 0, n)
	titleLine := make([]bool, 0, n)
	for _, s := range sents {
		caps := false
		for _, w := range s {
			if hasLower(w) {
				caps = false
				break
			}
			if !caps && hasLetter(w) && utf8.RuneCountInString(w) > 1 {
				caps = true
			}
		}
		title := !caps && isTitleCase(s, r)
		for _, w := range s {
			d.words = append(d.words, w)
			d.capsLine = append(d.capsLine, caps || title)
			titleLine = append(titleLine, title)
		}
	}

	// The document's own casing: the majority form of each word at a
	// non-initial place in a mixed-case sentence.
	store := make([]wordInfo, 0, n)
	infos := make(map[string]*wordInfo, n/2+1)
	get := func(k string) *wordInfo {
		if p := infos[k]; p != nil {
			return p
		}
		store = append(store, wordInfo{})
		p := &store[len(store)-1]
		infos[k] = p
		return p
	}
	for si := range sents {
		for i := d.sentStart[si] + 1; i < d.sentStart[si+1]; i++ {
			w := d.words[i]
			if d.capsLine[i] || !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			info := get(lw)
			if lw == w {
				info.lower = true
			}
			info.count(w)
		}
	}
	d.rw = make([]string, n)
	d.nw = make([]string, n)
	d.shape = make([]string, n)
	d.capd = make([]bool, n)
	for i, w := range d.words {
		rw := w
		if d.capsLine[i] && hasLetter(w) {
			lw := strings.ToLower(w)
			if info := infos[lw]; info != nil && info.best != "" {
				rw = info.best
			} else if c, ok := casing[lw]; ok {
				rw = c
			} else if f := r.words[lw]; f&wCommon != 0 && f&wProper == 0 {
				rw = lw
			} else if titleLine[i] {
				// keep the headline's spelling
			} else if f&wProper != 0 {
				rw = r.proper[lw]
			} else if utf8.RuneCountInString(w) > 1 {
				rw = titleCase(w)
			}
		}
		if c, ok := respell[rw]; ok && !d.capsLine[i] {
			rw = c
		}
		d.rw[i] = rw
		d.nw[i] = normDigits(rw)
		d.shape[i] = shapeOf(rw)
		d.capd[i] = startsUpper(rw)
	}

	clu := make([]string, n)
	for i := range n {
		c, ok := lx.clusters[d.rw[i]]
		if !ok {
			c, ok = lx.clusters[d.words[i]]
		}
		if ok {
			clu[i] = digits3(c)
		} else {
			clu[i] = "?"
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
					get(d.nw[k]).runPos |= p
				}
			}
			i = j
		}
	}
	inRun := make([]bool, n)
	for i := range n {
		if d.capd[i] && ((i > 0 && d.capd[i-1] && !isSentStart(d, i)) || (i+1 < n && d.capd[i+1] && !isSentStart(d, i+1))) {
			inRun[i] = true
		}
	}

	// Other occurrences of each capitalised word.
	for i := range n {
		if d.capd[i] {
			info := get(d.nw[i])
			info.occ = append(info.occ, int32(i))
		}
	}

	// Topic: the first word of a headline such as "SOCCER - ...".
	topic := ""
	if len(sents) > 0 && len(sents[0]) > 2 && sents[0][1] == "-" {
		topic = d.nw[0]
	} else if len(sents) > 1 && len(sents[1]) > 2 && sents[1][1] == "-" && len(sents[0]) < 2 {
		topic = d.nw[1]
	}

	gaz := make([][len(gazLists)]uint8, n)
	var buf []byte
	for si := range sents {
		a, b := d.sentStart[si], d.sentStart[si+1]
		buf = r.matchGazetteers(d.nw[a:b], d.capd[a:b], gaz[a:b], buf)
	}

	var h hasher
	if sw != nil {
		h.out = make([]uint64, 0, 256)
		d.emit = make([][nLabels]float32, n)
	} else {
		h.out = make([]uint64, 0, n*64)
		d.off = make([]int32, n+1)
	}
	for si := range sents {
		a, b := d.sentStart[si], d.sentStart[si+1]
		numeric := 0
		for i := a; i < b; i++ {
			if strings.ContainsAny(d.words[i], "0123456789") {
				numeric++
			}
		}
		row := b-a >= 3 && numeric*10 >= (b-a)*4
		lenClass := "long"
		switch {
		case b-a == 1:
			lenClass = "1"
		case b-a <= 3:
			lenClass = "3"
		case b-a <= 8:
			lenClass = "8"
		}
		for i := a; i < b; i++ {
			if sw != nil {
				h.out = h.out[:0]
			} else {
				d.off[i] = int32(len(h.out))
			}
			w, nw, rw, sh := d.words[i], d.nw[i], d.rw[i], d.shape[i]
			pw, pw2, nxw, nxw2 := "<s>", "<s>", "</s>", "</s>"
			psh, nsh := "<s>", "</s>"
			prw, nrw := "<s>", "</s>"
			if i-1 >= a {
				pw, psh, prw = d.nw[i-1], d.shape[i-1], d.rw[i-1]
			}
			if i-2 >= a {
				pw2 = d.nw[i-2]
			}
			if i+1 < b {
				nxw, nsh, nrw = d.nw[i+1], d.shape[i+1], d.rw[i+1]
			}
			if i+2 < b {
				nxw2 = d.nw[i+2]
			}
			h.f1(fBias, "")
			if lx.clusters != nil {
				pc, nc := "<s>", "</s>"
				if i > a {
					pc = clu[i-1]
				}
				if i+1 < b {
					nc = clu[i+1]
				}
				h.f1(fClu, clu[i])
				h.f1(fCluPrev, pc)
				h.f1(fCluNext, nc)
				h.f2(fCluShape, clu[i], sh)
			}
			h.f1(fWord, nw)
			h.f1(fCased, rw)
			h.f1(fShape, sh)
			if hasLetter(nw) {
				for k, t := range [...]byte{fPre1, fPre2, fPre3} {
					if len(nw) > k+1 {
						h.f1(t, nw[:k+1])
					}
				}
				for k, t := range [...]byte{fSuf1, fSuf2, fSuf3, fSuf4} {
					if len(nw) > k+1 {
						h.f1(t, nw[len(nw)-k-1:])
					}
				}
			}
			h.f1(fPrevW, pw)
			h.f1(fNextW, nxw)
			h.f1(fPrev2W, pw2)
			h.f1(fNext2W, nxw2)
			h.f2(fPrevWW, pw, nw)
			h.f2(fWNextW, nw, nxw)
			h.f1(fPrevShape, psh)
			h.f1(fNextShape, nsh)
			h.f3(fShape3, psh, sh, nsh)
			if d.capd[i] {
				h.f2(fPrevCased, prw, sh)
				h.f2(fNextCased, nrw, sh)
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
			h.f2(fFlags, string(rune('0'+flags)), sh)
			h.f2(fLen, lenClass, sh)
			var cf byte
			if d.capd[i] {
				cf = 1
			}
			h.fb(fDict, r.words[nw], cf, flags&1)
			if d.capsLine[i] {
				h.f2(fCapsShape, sh, w)
			}
			for li := range gazLists {
				if p := gaz[i][li]; p != 0 {
					h.fb(fGaz, byte(li), p)
				}
				if i-1 >= a && gaz[i-1][li] != 0 {
					h.fb(fGazPrev, byte(li), gaz[i-1][li])
				}
				if i+1 < b && gaz[i+1][li] != 0 {
					h.fb(fGazNext, byte(li), gaz[i+1][li])
				}
			}
			if topic != "" {
				h.f1(fTopic, topic)
				h.f2(fTopicShape, topic, sh)
			}
			if row {
				h.f1(fRow, sh)
			}
			if d.capd[i] {
				var ir byte
				if inRun[i] {
					ir = 1
				}
				info := infos[nw]
				h.fb(fLonger, info.runPos, ir)
				if info.lower {
					h.f1(fSeenLower, "")
				}
				if info.best != "" {
					h.f1(fDocCase, shapeOf(info.best))
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
					if j > 0 && !isSentStart(d, j) {
						h.f1(fAggPrev, d.nw[j-1])
					}
					if j+1 < n && !isSentStart(d, j+1) {
						h.f1(fAggNext, d.nw[j+1])
					}
				}
			}
			if sw != nil {
				sw.score(h.out, &d.emit[i])
			}
		}
	}
	if sw == nil {
		d.off[n] = int32(len(h.out))
		d.static = h.out
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

// respell maps spellings modern copy uses to the ones the 1996 training
// text uses ("US" was "U.S." there), in mixed-case sentences only (in an
// ALL-CAPS line "US" may be the pronoun).
var respell = map[string]string{"US": "U.S.", "UN": "U.N."}

// isTitleCase reports whether a sentence is a Title Case headline ("Zelensky
// Sets Expectations Ahead of Talks"): at least three words, none in lower
// case but the short function words headline style leaves so, and at
// least two capitalised common words after the first that are not titles
// (running text capitalises "President" too).
func isTitleCase(s []string, r *resources) bool {
	words, capCommon := 0, 0
	for i, w := range s {
		if !hasLetter(w) {
			continue
		}
		words++
		if i == 0 {
			continue
		}
		if !startsUpper(w) {
			if !headlineLower[w] {
				return false
			}
			continue
		}
		lw := strings.ToLower(w)
		if f := r.words[lw]; f&wCommon != 0 && f&wProper == 0 && !titles[lw] {
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

// wordInfo is what a document says about one lower-cased word.
type wordInfo struct {
	forms  []formCount // spellings at non-initial places in mixed-case sentences
	best   string      // the most frequent of them
	bestN  int
	lower  bool    // seen in lower case there
	runPos byte    // 1 first, 2 inner, 4 last word of a capitalised run
	occ    []int32 // capitalised occurrences
}

type formCount struct {
	w string
	n int
}

// count records one more occurrence of spelling w.
func (wi *wordInfo) count(w string) {
	k := -1
	for j := range wi.forms {
		if wi.forms[j].w == w {
			k = j
			break
		}
	}
	if k < 0 {
		wi.forms = append(wi.forms, formCount{w, 0})
		k = len(wi.forms) - 1
	}
	wi.forms[k].n++
	if n := wi.forms[k].n; n > wi.bestN {
		wi.best, wi.bestN = w, n
	}
}

// isSentStart reports whether token i opens a sentence.
func isSentStart(d *doc, i int) bool {
	lo, hi := 0, len(d.sentStart)-1
	for lo < hi {
		m := (lo + hi) / 2
		if d.sentStart[m] < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return d.sentStart[lo] == i
}

// history counts, per word, the types given so far to its capitalised
// occurrences in a document (index 0 = O).
type history map[string]*[nTypes + 1]uint16

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
	if d.capd[i] {
		if c := hist[d.nw[i]]; c != nil {
			best := 0
			for t := 1; t <= nTypes; t++ {
				if c[t] > c[best] {
					best = t
				}
			}
			h.fb(fHist, byte(best))
			h.f2(fHistShape, digits[best], d.shape[i])
		}
	}
}
