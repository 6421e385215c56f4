package ner

import (
	"strings"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// featCache makes feature computation cheap for words seen before. Every
// distinct string gets an id and a record of what the tagger derives from
// it (lower-case form, restored spelling's normal form, shape, cluster,
// dictionary flags) and of the features that depend on it alone, so a
// token costs one map lookup instead of a dozen string operations, hashes
// and weight-table probes. The features are the same hashes as before
// (xxh3 of the template byte and the value), so models stay valid; in
// tagging mode the cache keeps each feature's weight row instead of its
// hash.
//
// A cache belongs to one goroutine (a decoder) and persists across
// documents; it is emptied when it grows past its limits.
type featCache struct {
	w  *weights // nil: values are feature hashes (training); else weight rows
	pw *packed  // w.pack()
	lx *lexicon
	r  *resources

	ids  map[string]int32
	recs []strRec
	vals []uint64 // per-word features: nwFeats values from recs[i].feat

	shapeIDs map[string]int32
	shapes   []shapeRec

	shape3   map[uint64]uint64 // fShape3 by the three shape ids
	cluShape map[uint64]uint64 // fCluShape by cluster index and shape id

	clu        []cluVals // by cluster id
	cluUnknown cluVals   // "?"
	cluBeg     uint64    // fCluPrev of "<s>"
	cluEnd     uint64    // fCluNext of "</s>"

	bias, seenLower uint64
	dict            [4][2][2]uint64 // fDict by word flags, capitalised, sentence-initial
	gaz             [3][len(gazLists)][5]uint64
	longer          [8][2]uint64
	hist            [nTypes + 1]uint64

	sBeg, sEnd   int32 // string ids of "<s>" and "</s>"
	shBeg, shEnd int32 // shape ids of "<s>" and "</s>"

	// per document: words that have a docWord (infos of prepare)
	gen   uint32
	infos []docWord

	pairs *[pairSlots]pairEnt // recent two-value features

	buf     []byte
	rows    []uint64
	scratch scratch // the document being tagged
}

// none is the value of a feature the model has no weights for.
const none = ^uint64(0)

// Cache limits: past them the cache starts again empty (checked between
// documents).
// (Variables so that a test can make them small.)
var (
	maxRecs   = 1 << 17
	maxShapes = 1 << 14
	maxPairs  = 1 << 16
)

// Roles a string's record has been computed for.
const (
	roleRaw = 1 << iota // as a token as written
	roleRW              // as a restored spelling
	roleNW              // as a normal form (lower case, digits as 0)
	roleLW              // as a lower-cased token (casing restoration)
)

// Flags of a string as a token as written.
const (
	rawLower      = 1 << iota // has a lower-case letter
	rawLetter                 // has a letter
	rawMulti                  // more than one rune
	rawUpper                  // starts upper-case
	rawDigit                  // has an ASCII digit
	rawHeadLower              // a word Title Case headlines leave in lower case
	rawCapCommon              // lower-cased, a common word that is not a title
	rawRespellAny             // respell has it
)

// strRec is what the cache knows about one string.
type strRec struct {
	s     string
	roles uint8
	raw   uint8 // raw flags
	clu   int32 // lx.clusters[s], or -1
	lw    int32 // id of strings.ToLower(s)
	title int32 // id of titleCase(s), or -1 until needed

	// as a restored spelling
	nw      int32 // id of normDigits(s)
	shape   int32 // shape id of shapeOf(s)
	respell int32 // id of respell[s], or -1
	capd    bool
	cased   uint64 // fCased

	// as a normal form
	dict, first, gaz1 uint8 // r.words, r.first, r.gaz of the word alone
	npre, nsuf        uint8 // prefix and suffix features present
	feat              int32 // offset of its nwFeats values in vals

	// as a lower-cased token
	casing int32 // id of lx.casing[s], or -1
	words  uint8 // r.words[s]
	proper int32 // id of r.proper[s]

	// per document
	gen   uint32
	local int32
}

// Per-word feature values, at rec.feat in vals.
const (
	nwWord    = 0
	nwPre     = 1  // 3: prefixes of 1..3 bytes, the first npre present
	nwSuf     = 4  // 4: suffixes of 1..4 bytes, the first nsuf present
	nwPrevW   = 8  // as the word before
	nwNextW   = 9  // as the word after
	nwPrev2W  = 10 // two before
	nwNext2W  = 11 // two after
	nwAggPrev = 12 // before another occurrence of a capitalised word
	nwAggNext = 13 // after one
	nwFeats   = 14
)

// Per-shape feature values.
const (
	shShape   = 0
	shPrev    = 1
	shNext    = 2
	shRow     = 3
	shFlags   = 4                   // 8: by sentence flags
	shLen     = shFlags + 8         // 4: by sentence length class
	shHist    = shLen + 4           // nTypes+1: by history type
	shDocCase = shHist + nTypes + 1 // as the shape of the usual spelling
	shFeats   = shDocCase + 1
)

type shapeRec struct {
	s string
	v [shFeats]uint64
}

type cluVals struct {
	ok               bool
	self, prev, next uint64
}

// docWord is what a document says about one lower-cased word.
type docWord struct {
	forms  []formCount // spellings at non-initial places in mixed-case sentences
	best   int32       // the most frequent of them (string id), or -1
	bestN  int
	lower  bool    // seen in lower case there
	runPos byte    // 1 first, 2 inner, 4 last word of a capitalised run
	occ    []int32 // capitalised occurrences
}

type formCount struct {
	w int32
	n int
}

// count records one more occurrence of spelling w.
func (wi *docWord) count(w int32) {
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

var lenClasses = [4]string{"1", "3", "8", "long"}

// newFeatCache returns an empty cache for lexicon lx and, in tagging mode,
// weights w.
func newFeatCache(lx *lexicon, w *weights) *featCache {
	c := &featCache{}
	c.reset(lx, w)
	return c
}

// reset empties the cache and binds it to lx and w.
func (c *featCache) reset(lx *lexicon, w *weights) {
	c.w, c.lx, c.r = w, lx, loadResources()
	c.pw = nil
	if w != nil {
		c.pw = w.pack()
	}
	c.ids = make(map[string]int32, 4096)
	c.recs = c.recs[:0]
	c.vals = c.vals[:0]
	c.shapeIDs = make(map[string]int32, 256)
	c.shapes = c.shapes[:0]
	c.shape3 = make(map[uint64]uint64, 1024)
	c.cluShape = make(map[uint64]uint64, 1024)
	c.clu = c.clu[:0]
	c.infos = c.infos[:0]
	c.gen = 1
	if c.pairs == nil {
		c.pairs = new([pairSlots]pairEnt)
	} else {
		clear(c.pairs[:])
	}

	c.cluUnknown = cluVals{true, c.val(c.h1(fClu, "?")), c.val(c.h1(fCluPrev, "?")), c.val(c.h1(fCluNext, "?"))}
	c.cluBeg = c.val(c.h1(fCluPrev, "<s>"))
	c.cluEnd = c.val(c.h1(fCluNext, "</s>"))
	c.bias = c.val(c.h1(fBias, ""))
	c.seenLower = c.val(c.h1(fSeenLower, ""))
	for f := range c.dict {
		for cf := range 2 {
			for s := range 2 {
				c.dict[f][cf][s] = c.val(c.hb(fDict, byte(f), byte(cf), byte(s)))
			}
		}
	}
	for k, t := range [3]byte{fGaz, fGazPrev, fGazNext} {
		for li := range gazLists {
			for p := range 5 {
				c.gaz[k][li][p] = c.val(c.hb(t, byte(li), byte(p)))
			}
		}
	}
	for p := range c.longer {
		for ir := range 2 {
			c.longer[p][ir] = c.val(c.hb(fLonger, byte(p), byte(ir)))
		}
	}
	for b := range c.hist {
		c.hist[b] = c.val(c.hb(fHist, byte(b)))
	}
	c.sBeg = c.intern("<s>")
	c.sEnd = c.intern("</s>")
	c.nwRole(c.sBeg)
	c.nwRole(c.sEnd)
	c.shBeg = c.shapeID("<s>")
	c.shEnd = c.shapeID("</s>")
}

// startDoc readies the cache for a new document of prepare.
func (c *featCache) startDoc(lx *lexicon, w *weights) {
	if c.lx != lx || c.w != w || len(c.recs) > maxRecs || len(c.shapes) > maxShapes ||
		len(c.shape3) > maxPairs || len(c.cluShape) > maxPairs || c.gen == ^uint32(0) {
		c.reset(lx, w)
	}
	c.gen++
	c.infos = c.infos[:0]
}

// val turns a feature hash into the cache's value: the hash itself while
// training, else the feature's weight row (none when absent).
func (c *featCache) val(h uint64) uint64 {
	if c.pw == nil {
		return h
	}
	return c.pw.lookup(h)
}

func (c *featCache) h1(t byte, a string) uint64 {
	c.buf = append(c.buf[:0], t)
	c.buf = append(c.buf, a...)
	return xxh3.Hash(c.buf)
}

func (c *featCache) h2(t byte, a, b string) uint64 {
	c.buf = append(c.buf[:0], t)
	c.buf = append(c.buf, a...)
	c.buf = append(c.buf, 0)
	c.buf = append(c.buf, b...)
	return xxh3.Hash(c.buf)
}

func (c *featCache) h3(t byte, a, b, d string) uint64 {
	c.buf = append(c.buf[:0], t)
	c.buf = append(c.buf, a...)
	c.buf = append(c.buf, 0)
	c.buf = append(c.buf, b...)
	c.buf = append(c.buf, 0)
	c.buf = append(c.buf, d...)
	return xxh3.Hash(c.buf)
}

func (c *featCache) hb(t byte, bs ...byte) uint64 {
	c.buf = append(c.buf[:0], t)
	c.buf = append(c.buf, bs...)
	return xxh3.Hash(c.buf)
}

// intern returns the id of s, adding a record for it if needed.
func (c *featCache) intern(s string) int32 {
	if id, ok := c.ids[s]; ok {
		return id
	}
	s = strings.Clone(s) // do not keep the caller's text alive
	id := int32(len(c.recs))
	cl := int32(-1)
	if v, ok := c.lx.clusters[s]; ok {
		cl = int32(v)
	}
	c.recs = append(c.recs, strRec{s: s, clu: cl, lw: -1, title: -1, nw: -1, shape: -1, respell: -1, casing: -1, proper: -1, feat: -1})
	c.ids[s] = id
	return id
}

// rawRole computes the facts of string id as a token as written.
func (c *featCache) rawRole(id int32) *strRec {
	if c.recs[id].roles&roleRaw != 0 {
		return &c.recs[id]
	}
	w := c.recs[id].s
	var f uint8
	if hasLower(w) {
		f |= rawLower
	}
	if hasLetter(w) {
		f |= rawLetter
	}
	if utf8.RuneCountInString(w) > 1 {
		f |= rawMulti
	}
	if startsUpper(w) {
		f |= rawUpper
	}
	if strings.ContainsAny(w, "0123456789") {
		f |= rawDigit
	}
	if headlineLower[w] {
		f |= rawHeadLower
	}
	lw := lowerASCII(w)
	if fl := c.r.words[lw]; fl&wCommon != 0 && fl&wProper == 0 && !titles[lw] {
		f |= rawCapCommon
	}
	lid := c.intern(lw)
	rec := &c.recs[id]
	rec.raw, rec.lw = f, lid
	rec.roles |= roleRaw
	return rec
}

// titleOf returns the id of titleCase(s) for string id.
func (c *featCache) titleOf(id int32) int32 {
	if t := c.recs[id].title; t >= 0 {
		return t
	}
	t := c.intern(titleCase(c.recs[id].s))
	c.recs[id].title = t
	return t
}

// lwRole computes the casing facts of string id as a lower-cased token.
func (c *featCache) lwRole(id int32) *strRec {
	if c.recs[id].roles&roleLW != 0 {
		return &c.recs[id]
	}
	lw := c.recs[id].s
	casing, proper := int32(-1), int32(-1)
	if v, ok := c.lx.casing[lw]; ok {
		casing = c.intern(v)
	}
	words := c.r.words[lw]
	if words&wProper != 0 {
		proper = c.intern(c.r.proper[lw])
	}
	rec := &c.recs[id]
	rec.casing, rec.words, rec.proper = casing, words, proper
	rec.roles |= roleLW
	return rec
}

// rwRole computes the facts of string id as a restored spelling.
func (c *featCache) rwRole(id int32) *strRec {
	if c.recs[id].roles&roleRW != 0 {
		return &c.recs[id]
	}
	rw := c.recs[id].s
	nw := c.intern(normDigits(rw))
	sh := c.shapeID(shapeOf(rw))
	resp := int32(-1)
	if v, ok := respell[rw]; ok {
		resp = c.intern(v)
	}
	cased := c.val(c.h1(fCased, rw))
	c.nwRole(nw)
	rec := &c.recs[id]
	rec.nw, rec.shape, rec.respell, rec.cased = nw, sh, resp, cased
	rec.capd = startsUpper(rw)
	rec.roles |= roleRW
	return rec
}

// nwRole computes the facts and features of string id as a normal form.
func (c *featCache) nwRole(id int32) *strRec {
	if c.recs[id].roles&roleNW != 0 {
		return &c.recs[id]
	}
	nw := c.recs[id].s
	var v [nwFeats]uint64
	v[nwWord] = c.val(c.h1(fWord, nw))
	var npre, nsuf uint8
	if hasLetter(nw) {
		for k, t := range [...]byte{fPre1, fPre2, fPre3} {
			if len(nw) > k+1 {
				v[nwPre+int(npre)] = c.val(c.h1(t, nw[:k+1]))
				npre++
			}
		}
		for k, t := range [...]byte{fSuf1, fSuf2, fSuf3, fSuf4} {
			if len(nw) > k+1 {
				v[nwSuf+int(nsuf)] = c.val(c.h1(t, nw[len(nw)-k-1:]))
				nsuf++
			}
		}
	}
	v[nwPrevW] = c.val(c.h1(fPrevW, nw))
	v[nwNextW] = c.val(c.h1(fNextW, nw))
	v[nwPrev2W] = c.val(c.h1(fPrev2W, nw))
	v[nwNext2W] = c.val(c.h1(fNext2W, nw))
	v[nwAggPrev] = c.val(c.h1(fAggPrev, nw))
	v[nwAggNext] = c.val(c.h1(fAggNext, nw))
	feat := int32(len(c.vals))
	c.vals = append(c.vals, v[:]...)
	rec := &c.recs[id]
	rec.feat, rec.npre, rec.nsuf = feat, npre, nsuf
	rec.dict = c.r.words[nw]
	rec.first = c.r.first[nw]
	if rec.first > 0 {
		rec.gaz1 = c.r.gaz.get(xxh3.HashString(nw))
	}
	rec.roles |= roleNW
	return rec
}

// nwVals returns the per-word feature values of normal form id.
func (c *featCache) nwVals(id int32) []uint64 {
	f := c.recs[id].feat
	return c.vals[f : f+nwFeats : f+nwFeats]
}

// shapeID returns the id of shape sh, computing its features if new.
func (c *featCache) shapeID(sh string) int32 {
	if id, ok := c.shapeIDs[sh]; ok {
		return id
	}
	sh = strings.Clone(sh)
	var v [shFeats]uint64
	v[shShape] = c.val(c.h1(fShape, sh))
	v[shPrev] = c.val(c.h1(fPrevShape, sh))
	v[shNext] = c.val(c.h1(fNextShape, sh))
	v[shRow] = c.val(c.h1(fRow, sh))
	for f := range 8 {
		v[shFlags+f] = c.val(c.h2(fFlags, string(rune('0'+f)), sh))
	}
	for k, s := range lenClasses {
		v[shLen+k] = c.val(c.h2(fLen, s, sh))
	}
	for b := range nTypes + 1 {
		v[shHist+b] = c.val(c.h2(fHistShape, digits[b], sh))
	}
	v[shDocCase] = c.val(c.h1(fDocCase, sh))
	id := int32(len(c.shapes))
	c.shapes = append(c.shapes, shapeRec{sh, v})
	c.shapeIDs[sh] = id
	return id
}

// cluOf returns the cluster features of cluster id k (-1: unknown).
func (c *featCache) cluOf(k int32) *cluVals {
	if k < 0 {
		return &c.cluUnknown
	}
	if int(k) >= len(c.clu) {
		c.clu = append(c.clu, make([]cluVals, int(k)+1-len(c.clu))...)
	}
	cv := &c.clu[k]
	if !cv.ok {
		s := digits3(uint16(k))
		*cv = cluVals{true, c.val(c.h1(fClu, s)), c.val(c.h1(fCluPrev, s)), c.val(c.h1(fCluNext, s))}
	}
	return cv
}

// cluString is the feature value of cluster id k (-1: unknown).
func cluString(k int32) string {
	if k < 0 {
		return "?"
	}
	return digits3(uint16(k))
}

// cluShapeOf returns fCluShape of cluster k and shape sh.
func (c *featCache) cluShapeOf(k, sh int32) uint64 {
	key := uint64(uint32(k+1))<<32 | uint64(uint32(sh))
	if v, ok := c.cluShape[key]; ok {
		return v
	}
	v := c.val(c.h2(fCluShape, cluString(k), c.shapes[sh].s))
	c.cluShape[key] = v
	return v
}

// shape3Of returns fShape3 of shapes a, b, d.
func (c *featCache) shape3Of(a, b, d int32) uint64 {
	const bits = 21
	if a >= 1<<bits || b >= 1<<bits || d >= 1<<bits {
		return c.val(c.h3(fShape3, c.shapes[a].s, c.shapes[b].s, c.shapes[d].s))
	}
	key := uint64(a)<<(2*bits) | uint64(b)<<bits | uint64(d)
	if v, ok := c.shape3[key]; ok {
		return v
	}
	v := c.val(c.h3(fShape3, c.shapes[a].s, c.shapes[b].s, c.shapes[d].s))
	c.shape3[key] = v
	return v
}

// pairSlots is the size of the direct-mapped cache of two-value
// features (64 KB).
const (
	pairBits  = 12
	pairSlots = 1 << pairBits
)

type pairEnt struct{ key, val uint64 }

// pair returns template t's feature of values sa and sb, whose ids (string
// or shape ids, as the template takes) are a and b: from the cache of
// recent pairs, else hashed and looked up.
func (c *featCache) pair(t byte, a, b int32, sa, sb string) uint64 {
	if uint32(a) >= 1<<28 || uint32(b) >= 1<<28 {
		return c.val(c.h2(t, sa, sb))
	}
	key := uint64(t)<<56 | uint64(a)<<28 | uint64(b)
	e := &c.pairs[(key*0x9e3779b97f4a7c15)>>(64-pairBits)]
	if e.key == key {
		return e.val
	}
	v := c.val(c.h2(t, sa, sb))
	*e = pairEnt{key, v}
	return v
}

// local returns the document's docWord of string id, creating it.
func (c *featCache) local(id int32) *docWord {
	rec := &c.recs[id]
	if rec.gen == c.gen {
		return &c.infos[rec.local]
	}
	rec.gen, rec.local = c.gen, int32(len(c.infos))
	if len(c.infos) < cap(c.infos) {
		c.infos = c.infos[:len(c.infos)+1]
		wi := &c.infos[len(c.infos)-1]
		*wi = docWord{forms: wi.forms[:0], best: -1, occ: wi.occ[:0]}
		return wi
	}
	c.infos = append(c.infos, docWord{best: -1})
	return &c.infos[len(c.infos)-1]
}

// lookupLocal returns the document's docWord of string id, or nil.
func (c *featCache) lookupLocal(id int32) *docWord {
	if rec := &c.recs[id]; rec.gen == c.gen {
		return &c.infos[rec.local]
	}
	return nil
}

// lowerASCII is strings.ToLower without allocating when s is ASCII with
// no upper-case letter.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
