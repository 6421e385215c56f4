package quote

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"storyline"
	"storyline/internal/text"
)

// Thresholds on the trained cue rate: a word is a cue candidate in running
// text at cueRate, and right beside a quotation (where a cue is expected)
// at nearQuoteRate. Reported speech also takes words from reportRate up,
// under the conditions of lowCueOK.
const (
	cueRate       = 0.40
	nearQuoteRate = 0.15
	reportRate    = 0.30
)

// speechVerbs are reporting verbs accepted as cues whatever the lexicon
// says (a floor for words rare in the training data, British spellings).
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "told": true, "tells": true,
	"asked": true, "warned": true, "warns": true, "stated": true, "explained": true, "emphasised": true,
	"emphasized": true, "stressed": true, "insisted": true, "insists": true, "noted": true, "argued": true,
	"wrote": true, "writes": true, "tweeted": true, "recalled": true, "claimed": true, "declared": true,
	"replied": true, "responded": true, "remarked": true, "acknowledged": true, "admitted": true,
	"conceded": true, "cautioned": true, "predicted": true, "promised": true, "vowed": true, "urged": true,
	"announced": true, "reiterated": true, "quipped": true, "joked": true, "countered": true,
	"continued": true, "concluded": true, "confirmed": true, "complained": true, "observed": true,
	"saying": true, "adding": true, "telling": true, "noting": true, "arguing": true, "warning": true,
	"insisting": true, "stressing": true, "explaining": true, "according": true, "pointed": true,
	"commented": true, "asserted": true, "maintained": true, "demanded": true, "suggested": true,
	"asks": true, "explains": true, "recalls": true, "replies": true, "responds": true, "tweets": true,
	"jokes": true, "admits": true, "declares": true, "shouted": true, "yelled": true, "exclaimed": true,
	"retorted": true, "wondered": true, "mused": true, "boasted": true, "bragged": true, "scoffed": true,
	"barked": true, "sings": true, "sang": true, "chanted": true, "chanting": true,
	"yelling": true, "screamed": true, "shouts": true, "yells": true, "chants": true,
}

// quoteOnlyVerbs are speech verbs (fSpeech, like speechVerbs) that report
// only the words in quote marks right after them: "his friends jeered,
// “…”", but "the crowd jeered him" reports no speech.
var quoteOnlyVerbs = map[string]bool{
	"jeered": true, "boomed": true, "thundered": true, "interjected": true, "hollered": true,
}

// phrasalSpeech are verbs that report speech only with their particle:
// "Varga shot back, “…”", "her husband cut in", but "was shot dead",
// "cut in half" (no speech: the particle is followed by a word that
// makes it a verb of motion or an amount, phrasalBreak).
// ("fired back" and "pushed back" are left to the cue lexicon, which
// reads "fired" and "pushed" as cues already: as speech verbs they took
// in "fired back in March, attacking …" after a quotation as its
// attribution.)
var phrasalSpeech = map[string]string{
	"shot": "back", "hit": "back", "snapped": "back", "cut": "in", "chimed": "in",
}

// phrasalWords are the keys of phrasalSpeech, for the word flags.
var phrasalWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range phrasalSpeech {
		m[w] = true
	}
	return m
}()

// phrasalBreak are words after the particle that make "shot back" or
// "cut in" no speech ("shot back up", "cut in half").
var phrasalBreak = map[string]bool{"up": true, "down": true, "half": true, "into": true, "to": true, "line": true}

// participles are cues whose speaker is the subject of the main clause.
func isParticiple(w string) bool {
	return strings.HasSuffix(w, "ing") && w != "according"
}

// doc is the working state of one extraction.
type doc struct {
	text      string
	toks      []text.Token
	tokSent   []int32
	sentStart []int32 // the first token of each sentence of tokSent, by id
	sents     []text.Sentence
	sentEnds  []int
	regs      []region
	tokReg    []int32  // region index of each token, -1 outside quotes
	flags     []uint16 // wordFlags of each token
	cueMemo   []float64
	lowRef    []uint64       // lower-cased token texts: offset | length<<32 in lowText (lower)
	lowBase   unsafe.Pointer // lowText's first byte
	wid       []int32        // word-table entry of each token, -1 when none
	xf        []uint32       // xflags and shape bits of each token (fastwords.go)
	tbl       *wordTable
	tokIdx    []int32 // tokAt's index, nil when tokens are out of order
	nNames    int     // the tokens isName accepts
	nameMemo  []uint8 // isName per token: 0 unknown, 1 no, 2 yes
	modMemo   []uint8
	sentAB    []uint64     // sentence bounds [a, b) per token as a | b<<32 (indexSentence), 0 until known
	newlines  []int        // offsets of line breaks (paraIndex), nil until counted
	maybeCue  []int32      // the tokens outside quotes whose cueScore may be above 0, in order
	reportCue []int32      // those of maybeCue whose cueScore may reach reportRate (xMayReport)
	regW      []int8       // regWords: the words of each region up to 9, -1 until counted; nil until asked
	spanText  bool         // every token's text is its span's, and the tokens are in order
	sorted    bool         // the tokens are in order
	clauses   *ClauseModel // the clause model, nil for the rules alone
	buf       *buffers
}

// Extract finds the quotations in text: direct quotes in quote marks,
// partial quotes (a reported clause holding quoted words) and indirect
// reported speech, each with its cue, the phrase naming its speaker and
// the speaker resolved to a name written in the report. sents may be nil
// (the text is split here); mentions may be nil (speaker phrases are then
// found by rule). Quotes come back in text order and never overlap.
func Extract(txt string, sents []text.Sentence, mentions []storyline.Mention) []storyline.Quote {
	return ExtractWith(DefaultClauseModel(), txt, sents, mentions)
}

// ExtractWith is Extract with clause model m in place of the embedded
// one; a nil m leaves the model out (the rules alone).
func ExtractWith(m *ClauseModel, txt string, sents []text.Sentence, mentions []storyline.Mention) []storyline.Quote {
	if sents == nil {
		sents = text.Split(txt)
	}
	buf := bufPool.Get().(*buffers)
	defer buf.release()
	d := newDoc(txt, sents, buf)
	d.clauses = m
	qs := d.extract()
	resolveSpeakers(txt, d, qs, mentions)
	out := make([]storyline.Quote, len(qs))
	spans := make([]storyline.Span, 2*len(qs)) // the speaker and cue spans, one allocation
	for i := range qs {
		qs[i].exportTo(&out[i], txt, spans[2*i:2*i+2:2*i+2])
	}
	if cap(qs) > cap(buf.quotes) {
		buf.quotes = qs[:0]
	}
	return out
}

// newDoc prepares the per-token state of one extraction in buf's arrays.
func newDoc(txt string, sents []text.Sentence, buf *buffers) *doc {
	d := &buf.d // (the doc itself is pooled with its arrays)
	*d = doc{text: txt, sents: sents, buf: buf}
	nt := 0
	for _, s := range sents {
		nt += len(s.Tokens)
	}
	ints := grow(buf.ints, 2*nt+len(sents))
	buf.ints = ints
	d.sentEnds = grow(buf.sentEnds, len(sents))[:0]
	starts := ints[2*nt : 2*nt : 2*nt+len(sents)] // first token of each sentence
	base := 0
	for _, s := range sents {
		if len(s.Tokens) > 0 {
			starts = append(starts, int32(base))
			base += len(s.Tokens)
		}
		d.sentEnds = append(d.sentEnds, s.End)
	}
	buf.sentEnds = d.sentEnds
	// the tokens end to end: Split's own array when they lie so in it
	// (read only here), else a copy in buf's
	if toks, ok := text.Contiguous(sents); ok {
		d.toks = toks
	} else {
		d.toks = grow(buf.toks, nt)[:0]
		for _, s := range sents {
			d.toks = append(d.toks, s.Tokens...)
		}
		buf.toks = d.toks
	}
	buf.big = len(txt) > 1<<16
	d.regs = regionsInto(buf.regs, txt, d.sentEnds)
	buf.regs = d.regs
	n := len(d.toks)
	d.tokSent = ints[0:n:n]
	d.tokReg = ints[nt : nt+n : nt+n]
	d.sentAB = grow(buf.sentAB, n)
	buf.sentAB = d.sentAB
	clear(d.sentAB)
	d.cueMemo = grow(buf.cue, n)
	d.lowRef = grow(buf.lowRef, n)
	bytes := grow(buf.bytes, 2*n)
	d.flags = grow(buf.flags, n)
	d.xf = grow(buf.xf, n)
	d.wid = grow(buf.wid, n)
	buf.cue, buf.lowRef, buf.bytes, buf.flags, buf.xf, buf.wid = d.cueMemo, d.lowRef, bytes, d.flags, d.xf, d.wid
	d.nameMemo, d.modMemo = bytes[:n], bytes[n:]
	clear(d.modMemo)
	nb := len(txt)>>tokBlock + 1
	tokIdx := grow(buf.tokIdx, nb+1)[:nb] // (and a slot past the end: indexRegions)
	buf.tokIdx = tokIdx
	tbl := loadWordTable()
	d.tbl = tbl
	toks := d.toks[:n]
	// (four passes over the tokens, each with few variables live: one
	// loop doing all of it kept most of them on the stack)
	sorted, inText := d.indexRegions(toks, tokIdx)
	if !inText {
		// some token lies outside the text: without those, again
		return newDoc(txt, tokensInText(sents, len(txt)), buf)
	}
	spanText := d.wordsOf(toks)
	d.joinSentences(toks, starts, sorted)
	d.maybeCue, d.reportCue = d.cueAndNames(buf.maybeCue[:0], buf.reportCue[:0])
	buf.maybeCue, buf.reportCue = d.maybeCue, d.reportCue
	d.spanText = spanText && sorted
	d.sorted = sorted
	if sorted {
		d.tokIdx = tokIdx
	}
	return d
}

// tokensInText returns sents without the tokens that do not lie within
// a text of n bytes (0 <= Start <= End <= n), in copies of the sentences
// that had some.
func tokensInText(sents []text.Sentence, n int) []text.Sentence {
	out := slices.Clone(sents)
	for k := range out {
		var toks []text.Token
		for _, t := range out[k].Tokens {
			if t.Start >= 0 && t.End <= n && t.Start <= t.End {
				toks = append(toks, t)
			}
		}
		if len(toks) < len(out[k].Tokens) {
			out[k].Tokens = toks
		}
	}
	return out
}

// indexRegions sets the region of each token (tokReg) and tokAt's
// index, and reports whether the tokens are in order; inText is false,
// and nothing is set, when some token does not lie within the text.
//
// Entry b of tokAt's index is the first token starting at or after byte
// b<<tokBlock. With the tokens in order, that is the first token starting
// in block b, or when none does, entry b+1. The loop over the tokens
// writes each token's index (plus one: 0 for none) to its block when it
// is the first there, and to the slot past the end of tokIdx otherwise,
// without a branch on which (a block holds 0 to 3 starts, which the
// processor cannot foresee); a pass backwards fills in the blocks where
// no token starts.
//
// A token is in a region when it starts and ends in it. The loop sets
// every token outside; with the tokens in order, a pass over the
// regions, which hold few of them, finds those inside with the index.
func (d *doc) indexRegions(toks []text.Token, tokIdx []int32) (sorted, inText bool) {
	tokReg := d.tokReg[:len(toks)]
	sorted, inText = indexStarts(toks, len(d.text), tokIdx, tokReg)
	if !inText {
		return false, false
	}
	if !sorted {
		d.regionsOfUnsorted(toks)
		return false, true
	}
	for ri, r := range d.regs {
		// (the regions are in order and disjoint, within the text)
		i := int(tokIdx[r.s>>tokBlock])
		for i < len(toks) && toks[i].Start < r.s {
			i++
		}
		for ; i < len(toks) && toks[i].Start < r.e; i++ {
			if toks[i].End <= r.e {
				tokReg[i] = int32(ri)
			}
		}
	}
	return true, true
}

// indexStarts is indexRegions's loop over the tokens: it fills tokIdx
// (which has a slot past its end), sets tokReg to -1 and reports whether
// the tokens are in order, and whether they lie within a text of n
// bytes (when not, it stops there). (A function of its own, with few
// variables live.)
func indexStarts(toks []text.Token, n int, tokIdx, tokReg []int32) (sorted, inText bool) {
	tokReg = tokReg[:len(toks)]
	sorted = true
	full := tokIdx[:len(tokIdx)+1]
	clear(full)
	spare := len(tokIdx) // the slot past the end
	if spare <= n>>tokBlock {
		panic("quote: tokIdx has no block for the end of the text")
	}
	fp := unsafe.Pointer(unsafe.SliceData(full))
	prevStart, prevBlk := 0, -1
	for i := range toks {
		s, e := toks[i].Start, toks[i].End
		// (0 <= Start <= End <= n, in two unsigned comparisons)
		if uint(e) > uint(n) || uint(s) > uint(e) {
			return false, false
		}
		tokReg[i] = -1
		if s < prevStart {
			sorted = false
		}
		prevStart = s
		// (0 <= s <= n: the block is within tokIdx, and at within
		// full, checked above, with no check per token)
		blk, at := s>>tokBlock, spare
		if blk != prevBlk {
			at = blk
		}
		*(*int32)(unsafe.Add(fp, 4*at)) = int32(i + 1)
		prevBlk = blk
	}
	next := int32(len(toks)) // the first token starting in a later block
	for b := len(tokIdx) - 1; b >= 0; b-- {
		if v := tokIdx[b]; v != 0 {
			next = v - 1
		}
		tokIdx[b] = next
	}
	return sorted, true
}

// regionsOfUnsorted sets tokReg for tokens out of order: each token's
// region is looked for at or after the last token's.
func (d *doc) regionsOfUnsorted(toks []text.Token) {
	regs := d.regs
	ri := 0 // the region at or after the token
	for i := range toks {
		s, e := toks[i].Start, toks[i].End
		for ri < len(regs) && regs[ri].e <= s {
			ri++
		}
		r := int32(-1)
		if ri < len(regs) && regs[ri].s <= s && e <= regs[ri].e {
			r = int32(ri)
		}
		d.tokReg[i] = r
	}
}

// joinSentences sets the sentence id of each token (tokSent) and marks
// with fJoined the first token of a sentence that continues the one
// before; starts holds the first token of each sentence, and is left
// holding the first token of each joined sentence (sentStart); sorted
// tells whether the tokens are in order.
func (d *doc) joinSentences(toks []text.Token, starts []int32, sorted bool) {
	txt := d.text
	tokSent, flags := d.tokSent[:len(toks)], d.flags[:len(toks)]
	eff := int32(-1) // sentence id after joining splits inside a parenthesis
	depth := 0       // parentheses open in the current sentence
	// the next ( and ) in the text at or after the sentence's first
	// token, len(txt) when none: only the sentences with one in their
	// text need the loop that counts them (most have none)
	open, shut := -1, -1
	for k, st := range starts {
		i := int(st)
		end := len(toks)
		if k+1 < len(starts) {
			end = int(starts[k+1])
		}
		// "Roger Wicker (R-Miss.) said", "Sen. Jack Reed
		// (D-R.I.), said": a sentence that opens with a closing
		// parenthesis, a comma or a lower-case word, or that ends
		// inside a parenthesis, continues the one before.
		// (a caller's sentences may hold an empty token at the end of
		// the text, or tokens that overlap: no byte, no gap to read)
		t := &toks[i]
		var c byte
		if t.Start < len(txt) {
			c = txt[t.Start]
		}
		if eff >= 0 && (depth > 0 || t.End-t.Start == 1 && (c == ')' || c == ']' || c == ',' || c == ';') || c >= 'a' && c <= 'z') && !(toks[i-1].End <= t.Start && strings.Contains(txt[toks[i-1].End:t.Start], "\n")) {
			flags[i] |= fJoined
		} else {
			eff++
			depth = 0
			// (eff <= k: the starts yet to read lie after)
			starts[eff] = st
		}
		if sorted {
			// (tokens in order: a token of one byte lies at or after
			// the first token's start, before the last's start + 1)
			lo, last := t.Start, &toks[end-1]
			hi := min(len(txt), max(last.End, last.Start+1))
			if open < lo {
				open = nextByte(txt, lo, '(')
			}
			if shut < lo {
				shut = nextByte(txt, lo, ')')
			}
			if open >= hi && shut >= hi {
				ts := tokSent[i:end]
				for j := range ts {
					ts[j] = eff
				}
				continue
			}
		}
		for j := i; j < end; j++ {
			if t := &toks[j]; t.End-t.Start == 1 {
				switch txt[t.Start] {
				case '(':
					depth++
				case ')':
					depth = max(depth-1, 0)
				}
			}
			tokSent[j] = eff
		}
	}
	d.sentStart = starts[:eff+1]
}

// nextByte returns the offset of the first c in txt at or after lo,
// len(txt) when there is none.
func nextByte(txt string, lo int, c byte) int {
	if k := strings.IndexByte(txt[lo:], c); k >= 0 {
		return lo + k
	}
	return len(txt)
}

// wordsOf looks up the word of each token: its lower-cased form (lower),
// word-table entry (wid), flags and xflags with shape bits (xf). It
// reports whether every token's text is its span's.
//
// Most tokens are words or marks of one to sixteen ASCII bytes whose
// text is their span's: lookupWords reads each in two eight-byte loads
// and finds its word with one probe of the table, without a branch on
// what the processor cannot foresee (capitals or not, in the table or
// not, the ending, eight bytes or more); wordOf takes the others, after
// it.
func (d *doc) wordsOf(toks []text.Token) (spanText bool) {
	txt := d.text
	// lt is the text with its ASCII capitals lowered, a zero byte (so
	// that an empty string at the end points inside the array), sixteen
	// bytes of any value (lookupWords reads sixteen bytes from the
	// start of a token, and masks off those past its end), then the
	// lower-cased texts of the tokens whose text is not their
	// span's lowered (non-ASCII capitals, or a text of their own).
	// (Lowering all of the text, eight bytes at a time, costs less than
	// lowering the tokens one by one: lower reads the bytes of tokens
	// only.)
	lt := grow(d.buf.lowText, len(txt)+1+16)
	lowerText(lt, txt)
	lt[len(txt)] = 0
	left := grow(d.buf.left, len(toks))
	d.buf.left = left
	spanText = true
	for _, i := range left[:d.lookupWords(toks, lt, left)] {
		r := d.lowRef[i]
		if r == 0 { // (lookupWords left the token)
			t := &toks[i]
			if tx, st := t.Text, t.Start; t.End-st == 3 && len(tx) == 3 && tx[0] == 0xe2 && tx[1] == 0x80 && tx[2]&0xc0 == 0x80 && tx == txt[st:st+3] {
				// a General Punctuation rune, its span's text: what
				// wordOf would find, known from the table
				p := &d.tbl.punct3[tx[2]&63]
				d.lowRef[i], d.flags[i], d.wid[i], d.xf[i] = uint64(st)|3<<32, p.fl, p.id, p.x
				continue
			}
			var ok bool
			lt, ok = d.wordOf(int(i), &toks[i], lt)
			spanText = spanText && ok
			continue
		}
		// a word that may lie further on in the table: its chunks read
		// again as lookupWords read them (sixteen bytes from its start
		// lie within the text)
		st, m := int(uint32(r)), int(r>>32)
		wm := &wordMasks[m-1]
		k0, k1 := load8b(lt, st)&wm.lo, load8b(lt, st+8)&wm.hi
		id, fl, xw := d.tbl.lookupKey(unsafe.String(&lt[st], m), hash16(m, k0, k1), k0)
		d.flags[i], d.wid[i] = fl, id
		d.xf[i] |= xw
	}
	d.buf.lowText = lt
	d.lowBase = unsafe.Pointer(unsafe.SliceData(lt))
	return spanText
}

// lookupWords is wordsOf's pass over the tokens. For each token of one
// to sixteen ASCII bytes whose text is its span's (and with eight bytes
// of text before its start, for the load of its ending), it
// reads the lowered bytes of its word in lt as two chunks (as key8Of
// and key8bOf pack them), probes the place of the table their hash
// picks and sets lowRef, wid, flags and xf. It leaves to wordsOf the
// words that may lie further on in the table than that place (rare,
// with the shorter words inserted first), and the other tokens, with
// lowRef 0 (a word's lowRef has its length, never 0), writing them to
// left, in order; it returns how many there are.
//
// (One pass: two, the first writing the chunks to an array the second
// read, cost more, for all that each kept its variables in registers.)
func (d *doc) lookupWords(toks []text.Token, lt []byte, left []int32) int {
	n := len(toks)
	lowRef, flags, xf, wid, left := d.lowRef[:n], d.flags[:n], d.xf[:n], d.wid[:n], left[:n]
	txt := d.text
	nl := 0
	slots := d.tbl.slots[:] // (a slice: no nil check per token)
	tp := unsafe.Pointer(unsafe.StringData(txt))
	// (the tokens lie within the text, indexRegions checked, and lt has
	// sixteen bytes past the text: the sixteen bytes from a start lie
	// within lt)
	_ = lt[len(txt)+16]
	lp := unsafe.Pointer(unsafe.SliceData(lt))
	for i := range toks {
		t := &toks[i]
		st, e := t.Start, t.End
		m := e - st
		// (the text is the span's: its bytes lie at the span's start in
		// txt, and it has the span's length)
		if uint(m-1) < 16 && st >= 8 && (uintptr(unsafe.Pointer(unsafe.StringData(t.Text)))-uintptr(tp))^uintptr(st)|uintptr(len(t.Text)^m) == 0 {
			wm := &wordMasks[(m-1)&15]
			k0 := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(lp, st))[:]) & wm.lo
			k1 := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(lp, st+8))[:]) & wm.hi
			if (k0|k1)&hi8 == 0 {
				// the shape: from the first byte as written, and the
				// lowered ending, in the eight bytes up to the
				// token's end
				c := *(*byte)(unsafe.Add(tp, st))
				end := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(lp, e-8))[:])
				sh := (asciiShape[c&0x7f] | sLy*b2u(end>>48 == 'l'|'y'<<8) | sIng*b2u(end>>40 == 'i'|'n'<<8|'g'<<16)) & wm.shape
				// the first place probed: the word's when it has the
				// word's bytes, else the word is not in the table
				// unless more
				sl := &slots[hash16(m, k0, k1)%tableSlots]
				hit := b2u(sl.key8^k0|sl.key8b^k1|uint64(sl.n)^uint64(m) == 0)
				mk := -hit
				lowRef[i] = uint64(st) | uint64(m)<<32
				flags[i], wid[i] = sl.flags&uint16(mk), int32(uint32(sl.k-1)&mk|^mk)
				xf[i] = sh | sl.x&mk
				// (without a branch: written always, kept when left;
				// nl <= i)
				*(*int32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(left)), 4*nl)) = int32(i)
				nl += int(^hit & uint32(sl.more))
				continue
			}
		}
		lowRef[i] = 0
		left[nl] = int32(i)
		nl++
	}
	return nl
}

// lowerText copies txt to lt with its ASCII capitals lowered.
func lowerText(lt []byte, txt string) {
	lt = lt[:len(txt)]
	i := 0
	if len(txt) >= 8 {
		tp := unsafe.Pointer(unsafe.StringData(txt))
		lp := unsafe.Pointer(unsafe.SliceData(lt))
		// (the constants of ge8 and le8 loaded once, in registers: as
		// constants, they were written into registers anew every eight
		// bytes)
		lo, ge, le := lowerConsts[0], lowerConsts[1], lowerConsts[2]
		for ; i <= len(txt)-8; i += 8 {
			// (the high bits off, no carry between bytes) the bytes
			// at or above 'A' and not above 'Z', and below 0x80, get
			// 0x20 or-ed in: ge8(y, 'A') & le8(y, 'Z') &^ x
			x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(tp, i))[:])
			y := x & lo
			binary.LittleEndian.PutUint64((*[8]byte)(unsafe.Add(lp, i))[:], x|(y+ge)&^(y+le)&^x&^lo>>2)
		}
	}
	for ; i < len(txt); i++ {
		lt[i] = lowerASCII[txt[i]]
	}
}

// lowerConsts are the constants of lowerText: the low seven bits of each
// byte, and what ge8 adds for 'A' and le8 for 'Z'.
var lowerConsts = [3]uint64{^hi8, 0x0101010101010101 * (0x80 - 'A'), 0x0101010101010101 * (0x7f - 'Z')}

// wordMasks[m-1] masks the m bytes of a word in its two chunks, and
// the shape bits a word of m bytes may have (sPunct1 and sBreakMark for
// one byte, sLy from two, sIng from three).
var wordMasks = func() (k [16]struct {
	lo, hi uint64
	shape  uint32
}) {
	for m := 1; m <= 16; m++ {
		w := &k[m-1]
		for b := range m {
			*[]*uint64{&w.lo, &w.hi}[b/8] |= 0xff << (8 * (b % 8))
		}
		w.shape = ^uint32(0)
		if m != 1 {
			w.shape &^= sPunct1 | sBreakMark
		}
		if m < 2 {
			w.shape &^= sLy
		}
		if m < 3 {
			w.shape &^= sIng
		}
	}
	return k
}()

// wordOf is wordsOf for token i, t, for any token; it returns lt with
// what it appended and whether the token's text is its span's.
func (d *doc) wordOf(i int, t *text.Token, lt []byte) ([]byte, bool) {
	txt, tbl := d.text, d.tbl
	spanText := true
	tx := t.Text
	var lw string
	ref := uint64(t.Start) | uint64(t.End-t.Start)<<32 // (the span's, in lt)
	var x, xw uint32
	var fl uint16
	var id int32
	ascii := false
	if n := len(tx); n > 0 && t.End-t.Start == n && tx == txt[t.Start:t.End] {
		// the token's text is its span's (lowerTok)
		var h uint32
		var key8 uint64
		var caps bool
		h, key8, caps, ascii = lowerASCIIWord(txt, t.Start, n)
		if ascii {
			if caps {
				lowerInPlace(lt[t.Start:t.End])
			}
			lw = unsafe.String(&lt[t.Start], n)
			id, fl, xw = tbl.lookupKey(lw, h, key8)
			x = shapeOf(tx, lw)
		}
	} else if tx != txt[t.Start:t.End] {
		spanText = false
	}
	if !ascii {
		var hi byte
		for k := 0; k < len(tx); k++ {
			hi |= tx[k]
		}
		if hi < utf8.RuneSelf && t.End-t.Start == len(tx) {
			// lowerTok: the span's bytes, ASCII capitals lowered
			lowerInPlace(lt[t.Start:t.End])
			lw = unsafe.String(&lt[t.Start], t.End-t.Start)
			// (the case-exact lists are looked up by token text:
			// let them decide for a token whose text is not its
			// span's)
			x = xSentOpener | xDetCap
		} else {
			lw = lowerRunes(tx)
			switch {
			case lw == "":
				// (the zero byte after the text: an empty string
				// appended would point past the array, at another
				// object, or at none)
				ref = uint64(len(txt))
			case t.End-t.Start != len(lw) || lw != unsafe.String(&lt[t.Start], len(lw)):
				ref = uint64(len(lt)) | uint64(len(lw))<<32
				lt = append(lt, lw...)
			}
		}
		id, fl, xw = tbl.lookupKey(lw, wordHash(lw), key8Of(lw))
		x |= shapeOf(tx, lw)
	}
	if tx != "" && breakMark[tx[0]]&(uint8(x/sPunct1&1)|2) != 0 {
		x |= sBreakMark
	}
	d.lowRef[i] = ref
	d.flags[i] = fl
	d.wid[i] = id
	d.xf[i] = x | xw
	return lt, spanText
}

// lowerInPlace lowers the ASCII capitals of b.
func lowerInPlace(b []byte) {
	for k, c := range b {
		b[k] = lowerASCII[c]
	}
}

// cueAndNames sets for each token what can be told of its cue score
// and whether isName holds (cueMemo, nameMemo, nNames), from the bits of
// its word and shape; it returns the tokens outside quotes whose cue
// score may be above 0, in maybeCue's array, and those of them whose
// word may reach reportRate (xMayReport), in reportCue's.
func (d *doc) cueAndNames(maybeCue, reportCue []int32) ([]int32, []int32) {
	n := len(d.toks)
	xf, tokReg := d.xf[:n], d.tokReg[:n]
	cue, names := d.cueMemo[:n], d.nameMemo[:n]
	maybeCue = grow(maybeCue, n) // (filled by index: no append in the loop)
	m, nNames := cueNameBits(xf, tokReg, cue, names, maybeCue)
	d.nNames = nNames
	// (a pass of its own over the candidates, a third of the tokens)
	reportCue = grow(reportCue, m)
	r := 0
	rc := unsafe.Pointer(unsafe.SliceData(reportCue))
	for _, c := range maybeCue[:m] {
		// (written always, kept when it may report: r stays within
		// the candidates seen)
		*(*int32)(unsafe.Add(rc, 4*r)) = c
		r += int(xf[c] / xMayReport & 1)
	}
	for _, c := range reportCue[:r] {
		if d.flags[c]&fPhrasal != 0 {
			d.phrasal(int(c))
		}
	}
	return maybeCue[:m], reportCue[:r]
}

// phrasal gives token i, a word of phrasalSpeech, the class of speech
// verbs when its particle follows it in the sentence and no word of
// phrasalBreak after that ("Lind shot back, “…”").
func (d *doc) phrasal(i int) {
	p := i + 1
	if p >= len(d.toks) || d.tokSent[p] != d.tokSent[i] || d.lower(p) != phrasalSpeech[d.lower(i)] || d.xf[i]&sLower == 0 {
		return
	}
	if p+1 < len(d.toks) && phrasalBreak[d.lower(p+1)] {
		return
	}
	d.flags[i] |= fSpeech
}

// cueNameBits is cueAndNames's loop over the tokens, with xf, tokReg,
// cue, names and maybeCue of a length each: it returns the candidates it
// wrote to maybeCue and the names. (A function of its own: in
// cueAndNames, what it does after the loop stayed in registers, and the
// loop reloaded its own values from the stack.)
func cueNameBits(xf []uint32, tokReg []int32, cue []float64, names []uint8, maybeCue []int32) (m, nNames int) {
	tokReg, cue, names, maybeCue = tokReg[:len(xf)], cue[:len(xf)], names[:len(xf)], maybeCue[:len(xf)]
	mc := unsafe.Pointer(unsafe.SliceData(maybeCue))
	// (without a branch on what the processor cannot foresee: whether
	// a token may be a cue, whether it may be a name)
	for i, x := range xf {
		// cueScore is 0 unless the token's word is a cue candidate in
		// the token's shape (and 0 is 0 in the float32 memo too: the
		// first call would give what the later ones give); -1 is
		// unknown
		c := uint32(cueCandTab[x>>cueCandShift&511]) // (cueCand)
		cue[i] = cueUnknown[c&1]
		// (written always, kept when a candidate: m <= i)
		*(*int32)(unsafe.Add(mc, 4*m)) = int32(i)
		m += int(c & (uint32(tokReg[i]) >> 31)) // (outside quotes)
		nm := b2u(x&(sCap|xNoName) == sCap)
		names[i] = uint8(1 + nm)
		nNames += int(nm)
	}
	return m, nNames
}

// cueUnknown[c] is the cue memo of a token before cueScore is asked:
// 0 for a token that is no candidate (c 0), -1, unknown, for one.
var cueUnknown = [2]float64{0, -1}

// cueCand reports whether a token with xflags and shape bits x may have
// a cue score above 0: its word is a cue candidate in the token's shape.
// cueAndNames reads it from cueCandBits.
func cueCand(x uint32) bool {
	return x&xCueAny != 0 || x&(sWord|sLower|xCueLower) == sWord|sLower|xCueLower || x&(sCap|xCueCap) == sCap|xCueCap
}

// cueCandShift is the lowest of the five bits cueCand reads besides
// xCueAny (xCueLower, xCueCap, sWord, sLower, sCap: bits 14 to 18), and
// bit j of cueCandBits is cueCand of those five bits set as in j: one
// shift and one mask per token instead of three tests.
const cueCandShift = 14

// cueCandTab[x>>cueCandShift&511] is cueCand(x) as 0 or 1: the nine
// bits from cueCandShift are the five of cueCandBits, three it does not
// read and xCueAny. (One load per token, and no shift by a variable,
// which takes a register of its own.)
var cueCandTab = func() (t [512]uint8) {
	for j := range uint32(len(t)) {
		t[j] = uint8(cueCandBits>>(j&31)&1 | j>>(22-cueCandShift)&1)
	}
	return t
}()

var cueCandBits = func() (k uint32) {
	for j := range uint32(32) {
		if cueCand(j << cueCandShift) {
			k |= 1 << j
		}
	}
	return k
}()

// lowerASCII maps ASCII capitals to small letters and every other byte
// to itself.
var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// lowerRunes is strings.ToLower, with a shortcut for text of ASCII
// non-capitals and General Punctuation (quote marks, dashes), which
// lower-casing leaves as it is.
func lowerRunes(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x2000 || r > 0x206F {
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}

// buffers are the per-token arrays of one extraction, kept in a pool so
// that a stream of reports does not reallocate them (and the collector
// does not rescan them) for every report.
type buffers struct {
	toks      []text.Token
	wid       []int32
	xf        []uint32
	tokIdx    []int32
	sentAB    []uint64
	ints      []int32
	cue       []float64
	lowRef    []uint64
	lowText   []byte
	left      []int32 // wordsOf
	bytes     []uint8
	flags     []uint16
	sentEnds  []int
	regs      []region
	newlines  []int
	maybeCue  []int32
	reportCue []int32
	regW      []int8
	quotes    []cand       // extract's list
	add       []cand       // reported's list
	cands     []cand       // sortByStart
	keys      []uint64     // sortByStart
	clauses   []clauseCand // learnedClauses
	marks     []bool       // reported: cues used and speaker tokens
	slab      []person     // buildPersons
	ptrs      []*person    // buildPersons
	byLast    []int32      // the resolver's surname table (buildPersons)
	bagArena  []uint64     // resolveSpeakers: the bags of quotations
	big       bool         // the text is long: release clears the arrays
	rs        resolver     // buildPersons
	d         doc          // newDoc
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// release drops references into the last text and returns b to the pool.
func (b *buffers) release() {
	if b.big {
		// (a short text may stay referenced from the arrays until
		// the buffers are used again or the pool drops them: clearing
		// them costs more)
		clear(b.toks)
		clear(b.slab)
		clear(b.quotes[:cap(b.quotes)])
	}
	b.d, b.rs = doc{}, resolver{}
	bufPool.Put(b)
}

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// cand is a quote under construction.
type cand struct {
	s, e         int
	kind         storyline.QuoteKind
	spkS, spkE   int // -1 when none
	accTok       int // "according" of an outer source after the attribution ("X said, according to Y"), 0 when none
	cueS, cueE   int // -1 when none
	speaker      string
	inheritFrom  int // index of the quote whose speaker this continues, -1
	cueTok       int
	firstRegion  int
	fromRegion   bool
	participleOf bool // speaker is the subject of the clause of a participle cue
	openToNext   bool // an unattributed quote left open into the next paragraph
	lone         bool // an unattributed quoted sentence after one that reports speech (mergeLone)
	tail         bool // a lone quote ending a sentence of other words: merged, or else dropped
}

// exportTo makes the quote record in q, a zero Quote; spans holds room
// for its speaker and cue spans. (Only the fields that are set are
// written: each is a pointer the collector may have to see.)
func (c *cand) exportTo(q *storyline.Quote, txt string, spans []storyline.Span) {
	q.Span = storyline.Span{Start: c.s, End: c.e}
	q.Text = txt[c.s:c.e]
	if c.kind != "" {
		q.Kind = c.kind
	}
	if c.speaker != "" {
		q.Speaker = c.speaker
	}
	if c.spkS >= 0 {
		spans[0] = storyline.Span{Start: c.spkS, End: c.spkE}
		q.SpeakerSpan = &spans[0]
		q.SpeakerText = txt[c.spkS:c.spkE]
	}
	if c.cueS >= 0 {
		spans[1] = storyline.Span{Start: c.cueS, End: c.cueE}
		q.CueSpan = &spans[1]
		q.Cue = txt[c.cueS:c.cueE]
	}
}

// tokAt returns the index of the first token starting at or after byte b.
func (d *doc) tokAt(b int) int {
	if k := b >> tokBlock; uint(k) < uint(len(d.tokIdx)) {
		// (tokIdx is nil when the tokens are out of order)
		i := int(d.tokIdx[k])
		toks := d.toks
		// (the first two steps without a branch on their outcome, which
		// the processor cannot foresee: a block holds 0 to 3 starts)
		if i < len(toks) {
			i += int(b2u(toks[i].Start < b))
		}
		if i < len(toks) {
			i += int(b2u(toks[i].Start < b))
		}
		for i < len(toks) && toks[i].Start < b {
			i++
		}
		return i
	}
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b })
}

// tokBlock is log2 of the bytes of text per entry of tokIdx.
const tokBlock = 4

// lower returns token i lower-cased. (The texts are kept as offsets into
// one byte array, with no pointer: writing a string per token cost a
// write barrier each while the collector runs.)
func (d *doc) lower(i int) string {
	r := d.lowRef[i]
	return unsafe.String((*byte)(unsafe.Add(d.lowBase, uint32(r))), int(r>>32))
}

// cueScore returns the cue rate of token i (1 for listed speech verbs).
func (d *doc) cueScore(i int) float64 {
	if d.cueMemo[i] >= 0 {
		return d.cueMemo[i]
	}
	return d.cueScore1(i)
}

func (d *doc) cueScore1(i int) float64 {
	x, fl := d.xf[i], d.flags[i]
	v := 0.0
	// (xCueAny: the word is "according")
	if x&sWord != 0 && x&(sLower|xCueAny) != 0 && fl&fAux == 0 && !(x&sLy != 0 && fl&fSpeech == 0) {
		if fl&fSpeech != 0 {
			v = 1
		} else if id := d.wid[i]; id >= 0 {
			if k := d.tbl.ents[id].lex; k >= 0 {
				e := &d.tbl.lexes[k]
				v = max(e.word, 0)
				if e.clsHas != 0 && e.top >= nearQuoteRate {
					next := classEnd
					if i+1 < len(d.toks) {
						next = d.classOfTok(i + 1)
					}
					if e.clsHas&(1<<next) != 0 {
						v = d.tbl.rates[int(e.clsOff)+next]
					}
				}
				if v > 0 && d.tbl.ents[id].y&yNaming != 0 && d.namingRelative(i) {
					v = 0
				}
				if v > 0 && v < cueRate && d.tbl.ents[id].y&yEvidenceVerb != 0 && d.evidenceSubject(i) {
					v = cueRate
				}
			}
		}
		if x&xCueAny != 0 && (i+1 >= len(d.toks) || d.lower(i+1) != "to") {
			v = 0
		}
	}
	if v == 0 && fl&fHeadline != 0 && x&sCap != 0 && i > 0 && !d.breakBefore(i) {
		// a headline in title case: "Trump Says ‘...’", "NATO Chief Calls for ..."
		v = 1
	}
	d.cueMemo[i] = v
	return v
}

// evidenceSubject reports whether the verb at token i ("show", "found")
// has records, polls or a study for its subject, within a few words
// before it and no verb or comma between: "public records show ...",
// "a study by the board found ...". Such a verb reports what the
// evidence says: where one of evidenceNouns stands right before one of
// evidenceVerbs on PolNeAR train, the verb is an annotated cue 105 times
// of 119. After other subjects it mostly is not ("the ferries show their
// age"), and the lexicon's rate of "show" before a lower-case word is
// 0.23.
func (d *doc) evidenceSubject(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if d.in(k, yEvidenceNoun) {
			return true
		}
		if x := d.toks[k].Text[0]; !(x >= '0' && x <= '9') && d.xf[k]&sWord == 0 || d.verbish(k) || d.flags[k]&fAux != 0 || d.breakBefore(k+1) {
			return false
		}
	}
	return false
}

// evidenceVerbs report what records, polls and studies say.
var evidenceVerbs = map[string]bool{
	"show": true, "shows": true, "showed": true, "find": true, "finds": true, "found": true,
	"suggest": true, "suggests": true, "suggested": true, "indicate": true, "indicates": true, "indicated": true,
	"reveal": true, "reveals": true, "revealed": true,
}

// evidenceNouns are the records, polls and studies that evidenceVerbs
// report for.
var evidenceNouns = map[string]bool{
	"records": true, "record": true, "polls": true, "poll": true, "data": true, "figures": true,
	"documents": true, "results": true, "findings": true, "survey": true, "surveys": true, "study": true,
	"studies": true, "report": true, "reports": true, "analysis": true, "estimates": true, "tallies": true,
	"numbers": true, "filings": true, "statistics": true, "research": true, "review": true, "audit": true,
	"investigation": true, "inquiry": true, "paper": true, "probe": true, "emails": true, "memo": true,
	"polling": true, "count": true, "returns": true,
}

// namingRelative reports whether token i is a naming participle that
// gives a newly introduced thing or person its name ("a group called
// Harbour First", "a play titled “The Last Crane”", "a docker named
// Ana Holt"): a name, not speech. The phrase before it opens with an
// indefinite article and holds only lower-case words.
func (d *doc) namingRelative(i int) bool {
	if i < 2 || !strings.HasSuffix(d.lower(i), "ed") { // (the caller checked yNaming)
		return false
	}
	if n := i + 1; n >= len(d.toks) || d.tokReg[n] < 0 && (d.xf[n]&sCap == 0 || d.flags[n]&fPron != 0) {
		return false // "a union leader called it ...": an object, so a verb
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if d.breakBefore(k + 1) {
			return false
		}
		switch d.lower(k) {
		case "a", "an", "another":
			return k < i-1
		}
		if d.xf[k]&sLower == 0 || d.flags[k]&(fPron|fAux|fConn|fDet) != 0 {
			return false
		}
	}
	return false
}

// headlineVerbs are reporting verbs recognised in title case inside a
// sentence, as headlines write them.
var headlineVerbs = map[string]bool{
	"says": true, "said": true, "tells": true, "told": true, "calls": true, "warns": true,
	"vows": true, "urges": true, "slams": true, "blasts": true, "claims": true, "admits": true,
	"denies": true, "insists": true, "asks": true, "declares": true, "praises": true, "accuses": true,
}

// isCue reports whether token i (any int) lies outside quotes and its
// cue score reaches th. (Inlined: th is a constant at every call, and so
// is mayBit(th).)
func (d *doc) isCue(i int, th float64) bool {
	return d.isCueBit(i, mayBit(th), th)
}

// isCueBit is isCue with bit mayBit(th). Outside quotes and the word's
// bit make one test, without a branch on either: many tokens asked
// about fail one of them, which the processor cannot foresee.
func (d *doc) isCueBit(i int, bit uint32, th float64) bool {
	if uint(i) >= uint(len(d.tokReg)) { // (tokReg and xf have a place per token)
		return false
	}
	if b2u(d.xf[i]&bit == bit)&(uint32(d.tokReg[i])>>31) == 0 {
		return false
	}
	return d.cueScore(i) >= th
}

// mayBit is the bit of the xflags that tells whether a cue score may
// reach th (xMayReport, xMayNear), 0 when any may.
func mayBit(th float64) uint32 {
	switch {
	case th >= reportRate:
		return xMayReport
	case th >= nearQuoteRate:
		return xMayNear
	}
	return 0
}

// mayReach reports whether the cue score of token i may reach th, from
// its word's bits (mayBit): false when it cannot, which spares cueScore1
// the many candidates of the lexicon with low rates. (th is a constant
// at every call: the switch goes at compile time.)
func (d *doc) mayReach(i int, th float64) bool {
	bit := mayBit(th)
	return d.xf[i]&bit == bit
}

// cueBelow reports whether the cue score of token i is below th.
func (d *doc) cueBelow(i int, th float64) bool {
	return !d.mayReach(i, th) || d.cueScore(i) < th
}

// cueSpan returns the byte span of the cue at token i, taking in "to"
// after "according" and particles ("out", "for", "on") that belong to it.
func (d *doc) cueSpan(i int) (int, int) {
	s, e := d.toks[i].Start, d.toks[i].End
	if i+1 < len(d.toks) && d.tokSent[i+1] == d.tokSent[i] {
		switch n := d.lower(i + 1); {
		case d.lower(i) == "according" && n == "to",
			n == "out" && d.lower(i) == "pointed",
			d.flags[i]&(fPhrasal|fSpeech) == fPhrasal|fSpeech,
			n == "for" && strings.HasPrefix(d.lower(i), "call"):
			e = d.toks[i+1].End
		}
	}
	return s, e
}

// aux are words that may stand between a speaker and a cue.
var aux = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "will": true, "would": true, "is": true,
	"was": true, "repeatedly": true, "previously": true, "then": true, "later": true, "again": true,
	"recently": true, "publicly": true, "often": true, "did": true, "does": true, "do": true,
	"could": true, "may": true, "might": true, "can": true, "should": true, "must": true,
	"already": true, "been": true, "reportedly": true, "further": true, "even": true, "still": true,
	"just": true, "once": true, "flatly": true, "quickly": true, "simply": true, "firmly": true,
	"explicitly": true, "privately": true, "openly": true, "separately": true, "earlier": true,
	"finally": true, "frequently": true, "loudly": true, "insistently": true, "now": true, "are": true,
	"were": true, "not": true, "never": true, "always": true, "first": true, "n't": true, "n’t": true,
	"ca": true, "wo": true, "sha": true, // ("can't", "won't", "shan't" split before "n't")
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// npStop are lower-case words that never belong to a speaker phrase.
var npStop = map[string]bool{
	"that": true, "and": true, "but": true, "or": true, "who": true, "which": true, "when": true,
	"as": true, "after": true, "while": true, "if": true, "because": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "to": true, "from": true, "by": true, "than": true,
	"so": true, "where": true, "what": true, "how": true, "why": true, "is": true, "was": true,
	"are": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"not": true, "it": true, "this": true, "there": true, "into": true, "about": true, "over": true,
	"also": true, "whether": true, "before": true, "since": true, "until": true, "though": true,
	"although": true, "during": true, "against": true, "then": true, "even": true, "just": true,
	"would": true, "will": true, "could": true, "can": true, "may": true, "might": true, "should": true,
	"must": true, "do": true, "does": true, "did": true, "said": true, "says": true, "say": true,
	"out": true, "up": true, "all": true, "more": true, "most": true, "very": true, "too": true,
	"now": true, "only": true, "still": true, "yet": true, "however": true, "meanwhile": true,
	"where's": true, "here": true, "without": true, "through": true, "under": true, "between": true,
}

// degreeWord reports whether the stop word at token i belongs to a
// noun phrase as a word of degree or quantity: "most" or "more" before
// a word of the phrase ("the most senior harbour official", "most
// pollsters", "most of them"), "than" after "more" or "fewer" before a
// count ("more than forty dockers").
func (d *doc) degreeWord(i int) bool {
	if i+1 >= len(d.toks) || d.tokSent[i+1] != d.tokSent[i] || d.tokReg[i+1] >= 0 {
		return false
	}
	n := i + 1
	switch d.lower(i) {
	case "most", "more":
		if d.lower(n) == "of" {
			return true
		}
		if d.lower(n) == "than" {
			return d.degreeWord(n)
		}
	case "than":
		if i == 0 {
			return false
		}
		if p := d.lower(i - 1); p != "more" && p != "fewer" {
			return false
		}
		r, _ := utf8.DecodeRuneInString(d.toks[n].Text)
		return unicode.IsDigit(r) || d.flags[n]&fDet != 0 || numberWords[d.lower(n)]
	default:
		return false
	}
	x := d.xf[n]
	return x&(sLower|sCap) != 0 && d.flags[n]&(fStop|fVerb|fAux|fPron) == 0 && !d.verbish(n) && d.npTokOK(n)
}

// numberWords are counts written out, for degreeWord.
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "a": true, "half": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "hundred": true, "dozen": true}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true,
}

// parentheticals are the phrases set off by commas between a subject and
// its verb ("Supporters, on the other hand, argued").
var parentheticals = map[string]bool{
	"on the other hand": true, "at the same time": true, "for example": true, "for instance": true, "in turn": true,
	"of course": true, "in fact": true, "by contrast": true, "in contrast": true, "in response": true,
	"for their part": true, "for his part": true, "for her part": true, "for its part": true, "in particular": true,
	"as well": true, "at least": true, "at the time": true, "in private": true, "in public": true,
}

// npAdverbs are adverbs that may stand between a speaker phrase and its
// verb ("Her campaign workers here said", "Carter however said").
var npAdverbs = map[string]bool{"however": true, "instead": true, "nonetheless": true, "nevertheless": true, "meanwhile": true, "here": true, "there": true, "now": true, "then": true, "still": true, "too": true, "again": true, "later": true, "once": true, "today": true, "yesterday": true}

// lyAdjectives end in -ly but are no adverbs ("according to early
// returns", "a daily newspaper").
var lyAdjectives = map[string]bool{"early": true, "daily": true, "weekly": true, "monthly": true, "quarterly": true, "yearly": true, "elderly": true}

// standAlone are determiners that stand for a speaker on their own
// ("..., tweeted another.").
var standAlone = map[string]bool{"another": true, "one": true, "others": true, "some": true, "many": true, "several": true, "both": true}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "another": true, "one": true, "two": true, "three": true,
	"some": true, "many": true, "several": true, "other": true, "both": true, "these": true, "those": true,
}

// sentenceOpeners are capitalised words at a sentence start that are not
// part of a name.
var sentenceOpeners = map[string]bool{
	"But": true, "And": true, "When": true, "If": true, "As": true, "After": true, "While": true,
	"Yet": true, "So": true, "Still": true, "However": true, "Meanwhile": true, "Then": true,
	"Now": true, "In": true, "On": true, "At": true, "For": true, "That": true, "This": true,
	"Because": true, "Although": true, "Though": true, "Instead": true, "Also": true, "Asked": true,
	"Speaking": true, "During": true, "Before": true, "Since": true, "Notably": true, "Today": true,
	"Will": true, "Can": true, "Should": true, "Would": true, "Could": true, "Did": true, "Does": true,
	"Do": true, "Is": true, "Are": true, "Was": true, "What": true, "Who": true, "Why": true, "How": true,
	"Where": true, "Has": true, "Have": true, "Read": true, "Watch": true, "Despite": true, "With": true,
	"Under": true, "From": true, "By": true, "To": true, "Of": true, "Unlike": true, "Like": true,
	"Here": true, "There": true, "Even": true, "Only": true, "Just": true, "Not": true, "No": true,
	"Among": true, "Amid": true, "Following": true, "Throughout": true, "Without": true, "Within": true,
	"Upon": true, "Against": true, "Across": true, "Through": true, "Between": true, "Once": true,
	// sentence adverbs ("Perhaps Varga said …" names Varga)
	"Perhaps": true, "Maybe": true, "Clearly": true, "Certainly": true, "Indeed": true, "Surely": true,
	"Obviously": true, "Apparently": true, "Finally": true, "Later": true, "Earlier": true,
	"Eventually": true, "Ultimately": true, "Again": true, "Separately": true, "Similarly": true,
	"Likewise": true, "Moreover": true, "Furthermore": true, "Additionally": true, "Overall": true,
	"Thus": true, "Therefore": true, "Otherwise": true, "Nonetheless": true, "Nevertheless": true,
	"Initially": true, "Privately": true, "Publicly": true, "Previously": true, "Recently": true,
	"Already": true, "Frankly": true, "Honestly": true, "Basically": true, "Essentially": true,
	"Actually": true, "Sometimes": true, "Often": true, "Usually": true, "Soon": true, "Currently": true,
	"Increasingly": true, "Unfortunately": true, "Fortunately": true, "Interestingly": true,
	"Ironically": true, "Yesterday": true, "Tonight": true, "Originally": true, "Typically": true,
	"Generally": true, "Historically": true, "Personally": true, "Specifically": true, "Importantly": true,
}

// plainVerbs are verb forms, mostly irregular past tenses, that no
// noun phrase holds ("he made clear Tuesday night that ...", "who spent
// much of his speech defending ..."). It is not pastIrregular: "put",
// "read" and "held" also stand inside phrases ("a read", "held
// hostages"), and flagging them too changes train predictions for the
// worse (all F1 0.7543 -> 0.7542).
var plainVerbs = map[string]bool{
	"made": true, "spent": true, "sent": true, "wrote": true, "gave": true, "took": true, "brought": true,
	"began": true, "got": true, "spoke": true, "went": true, "came": true, "became": true, "thought": true,
	"knew": true, "saw": true, "kept": true, "felt": true, "meant": true, "ran": true, "sought": true,
	"heard": true, "goes": true, "seems": true, "seemed": true,
	"makes": true, "gives": true, "takes": true, "sends": true, "spends": true, "brings": true, "keeps": true,
}

// demonstrativeHeads open sentences and may be their subject too ("That
// suggests a lack of confidence").
var demonstrativeHeads = map[string]bool{"That": true, "This": true, "What": true, "Who": true, "Here": true, "There": true}

func isCap(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0] >= 'A' && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// npTokOK reports whether token i may sit inside a speaker phrase.
func (d *doc) npTokOK(i int) bool {
	if x := d.xf[i]; x&(sLower|sCap) != 0 {
		// a word (its first rune a letter, most tokens asked about):
		// the switch below, without the texts of marks it cannot be,
		// and its words told by their entries, in one test
		switch id, tb := d.wid[i], d.tbl; {
		case b2u(id == tb.idOf)|b2u(id == tb.idThe)|b2u(id == tb.idPercent) != 0:
			return true
		case d.tokReg[i] >= 0:
			return false
		case x&sCap != 0:
			return true
		case d.flags[i]&(fDet|fPron) != 0:
			return true
		}
		if d.flags[i]&fStop != 0 {
			return d.degreeWord(i)
		}
		return d.flags[i]&fVerb == 0 && (x&sLy == 0 || x&xLyAdj != 0) && d.cueBelow(i, cueRate)
	}
	t := d.toks[i].Text
	lt := d.lower(i)
	switch {
	case t == "-":
		// a hyphen inside a name, not a dash between clauses
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case t == "'s" || t == "’s" || t == "’" || lt == "of" || lt == "the" || t == "&":
		return true
	case t == "%":
		// "47% say"
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case lt == "percent":
		return true
	case d.tokReg[i] >= 0:
		return false
	case d.xf[i]&sCap != 0:
		return true
	case d.flags[i]&(fDet|fPron) != 0:
		return true
	case d.xf[i]&sLower != 0:
		if d.flags[i]&fStop != 0 {
			return d.degreeWord(i)
		}
		return d.flags[i]&fVerb == 0 && (d.xf[i]&sLy == 0 || d.xf[i]&xLyAdj != 0) && d.cueBelow(i, cueRate)
	default:
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsDigit(r)
	}
}

// npLeft finds the speaker phrase that ends right before token j (after
// skipping auxiliaries and short adjuncts), not reaching before token lo.
// It returns token indexes [a, b) or ok false.
func (d *doc) npLeft(j, lo int) (a, b int, ok bool) {
	k := j - 1
	for k >= lo {
		lt := d.lower(k)
		switch {
		case d.flags[k]&fAux != 0 && !(k == j-1 && d.xf[k]&sCap != 0 && j < len(d.toks) && (d.verbish(j) || d.flags[j]&fSpeech != 0)) || d.xf[k]&(sLy|sLower) == sLy|sLower && len(lt) > 4:
			// (a capitalised modal right before a finite verb is a
			// name: "Theresa May said", "Will wrote")
			k--
			continue
		case d.xf[k]&xNpAdverb != 0 && k-1 >= lo && d.xf[k]&sLower != 0:
			k--
			continue
		case (lt == "both" || lt == "each") && k == j-1 && k-1 >= lo:
			k-- // "Richards and Menendez both stressed"
			continue
		case d.xf[k]&xWeekday != 0 && k-1 >= lo && d.lower(k-1) == "on":
			k -= 2
			continue
		case lt == "," && k-2 >= lo && d.lower(k-2) == "," && d.xf[k-1]&sLower != 0:
			k -= 3 // ", meanwhile,"
			continue
		case lt == "," && d.parenthetical(k, lo) > 0:
			k -= d.parenthetical(k, lo) + 2 // ", on the other hand,"
			continue
		}
		break
	}
	if k < lo {
		return 0, 0, false
	}
	if k > lo && k < j-1 && d.xf[k]&sLower != 0 && strings.HasSuffix(d.lower(k), "ed") && d.flags[k-1]&(fAux|fPron|fStop|fDet) == 0 && d.npTokOK(k-1) && !d.verbish(k-1) {
		// "A poll released on Tuesday found": the participle and the
		// adjunct skipped after it belong to the phrase before.
		k--
	}
	end := k + 1
	// A party label: Sen. Chuck Schumer (D-N.Y.) said
	if d.toks[k].Text == ")" {
		m := k - 1
		for m >= lo && m > k-8 && d.toks[m].Text != "(" {
			m--
		}
		if m > lo && d.toks[m].Text == "(" {
			k = m - 1
		}
	}
	// An appositive closed by a comma: "Bernstein, a local resident, said",
	// "Clinton, who served as secretary of state, conceded".
	if d.toks[k].Text == "," && k-2 > lo && d.toks[k-1].Text == ")" {
		// "Sen. Jack Reed (D-R.I.), said": a party label and a comma
		m := k - 2
		for m > lo && m > k-10 && d.toks[m].Text != "(" {
			m--
		}
		if m > lo && d.toks[m].Text == "(" && d.npTokOK(m-1) {
			k = m - 1
		}
	}
	if isDash(d.toks[k].Text) && k-3 > lo {
		// "Jason Sims — a teacher from Mount Pleasant — says", "Donald
		// Trump - who previously said ... - said": an appositive
		// between dashes
		for m := k - 2; m > lo && m >= k-30; m-- {
			if d.tokReg[m] >= 0 || d.toks[m].Text == "." || d.newlineBetween(d.toks[m].End, d.toks[m+1].Start) {
				break
			}
			if isDash(d.toks[m].Text) {
				if f := d.lower(m + 1); d.xf[m-1]&sCap != 0 && d.npTokOK(m-1) && (d.xf[m+1]&xDeterminer != 0 || f == "who" || d.xf[m+1]&sLower != 0 && !d.verbish(m+1)) {
					k = m - 1
				}
				break
			}
		}
	}
	if k-1 > lo && d.tokReg[k] >= 0 && d.tokReg[k-1] == d.tokReg[k] && d.toks[k-1].Text == "," && d.titleLike(d.regs[d.tokReg[k]]) {
		// "Hemsley, the co-author of “Going Viral,” said": the comma
		// closing the appositive stands inside the title's marks
		k--
	}
	if d.toks[k].Text == "," {
		c := -1
		for m := k - 1; m >= lo && m >= k-22; m-- {
			x := d.toks[m].Text
			if d.tokReg[m] >= 0 && !d.titleLike(d.regs[d.tokReg[m]]) || x == ";" || x == ":" || x == "!" || x == "?" || x == "." && !(m > lo && d.xf[m-1]&sCap != 0 && d.toks[m-1].End == d.toks[m].Start) {
				break
			}
			if x == "," {
				if m-1 >= lo && d.tokReg[m-1] < 0 && (d.xf[m-1]&sCap != 0 || d.toks[m-1].Text == ")" || d.xf[m-1]&xPronoun != 0 || d.npTokOK(m-1) && !d.verbish(m-1) && m+1 <= k-1 && (d.xf[m+1]&sCap != 0 || d.lower(m+1) == "who")) {
					// take the leftmost such comma ("Jeffrey Salkin, a
					// Hollywood, Fla., rabbi, said") unless its phrase
					// follows a preposition ("In Washington, ...")
					p := m - 1
					for p-1 >= lo && p > m-6 && d.npTokOK(p-1) {
						p--
					}
					if c < 0 || !(p-1 >= lo && d.xf[p-1]&xPrep != 0) {
						c = m
					}
				}
			}
		}
		if c >= 0 && c-1 >= lo && d.toks[c-1].Text == ")" {
			// "Sen. Rob Portman (R-Ohio), another incumbent, said"
			m := c - 2
			for m >= lo && m > c-10 && d.toks[m].Text != "(" {
				m--
			}
			if m > lo && d.toks[m].Text == "(" {
				c = m
			} else {
				c = -1
			}
		}
		if c < 0 || c-1 < lo || !d.npTokOK(c-1) {
			return 0, 0, false
		}
		// the appositive must open like one: a determiner, a title, "who"
		if f := d.lower(c + 1); !(d.xf[c+1]&xDeterminer != 0 || f == "who" || d.xf[c+1]&sCap != 0 || d.xf[c+1]&sLower != 0 && !d.verbish(c+1) || f != "" && f[0] >= '0' && f[0] <= '9') {
			return 0, 0, false
		}
		k = c - 1
	}
	if (d.lower(k) == "who" || d.lower(k) == "which" && k-1 > lo && d.xf[k-2]&sCap != 0) && k > lo && d.toks[k-1].Text == "," && j < len(d.toks) && d.flags[j]&fSpeech != 0 {
		// "Ted Cruz, who said he would ...": PolNeAR's source is "who"
		return k, k + 1, true
	}
	if !d.npTokOK(k) {
		return 0, 0, false
	}
	lt := d.lower(k)
	if (lt == "him" || lt == "her" || lt == "them") && k-2 > lo && (d.lower(k-1) == "to" || d.lower(k-1) == "with") && d.toks[k-2].Text != "," {
		// "a source close to him said", "a person familiar with them"
		if a, _, ok := d.npLeft(k-1, lo); ok && a < k-1 && d.xf[k-2]&sLower != 0 {
			return a, k + 1, true
		}
	}
	if d.xf[k]&xPronoun != 0 || lt == "who" {
		return k, k + 1, true
	}
	if d.xf[k]&xStandAlone != 0 && (k == lo || d.tokSent[k-1] != d.tokSent[k] || d.flags[k-1]&fConn != 0) {
		// "Several said", "but many argued": a quantifier standing
		// for the speakers on its own at the start of a clause
		return k, k + 1, true
	}
	if d.xf[k]&xDeterminer != 0 || lt == "of" || lt == "the" || d.verbish(k) || d.xf[k]&(sIng|sLower) == sIng|sLower {
		return 0, 0, false
	}
	if d.xf[k]&xSentOpener != 0 && sentenceOpeners[d.toks[k].Text] && !demonstrativeHeads[d.toks[k].Text] && (k == 0 || d.tokSent[k-1] != d.tokSent[k]) {
		return 0, 0, false // "When asked about it, Cruz said": no phrase
	}
	a = k
	for m := k - 1; m >= lo && m > k-8; m-- {
		if !d.npTokOK(m) {
			break
		}
		if d.xf[m]&xPronoun != 0 {
			break
		}
		if m == lo || d.tokSent[m-1] != d.tokSent[m] || d.toks[m-1].Text == "\"" || d.toks[m-1].Text == "“" {
			if d.xf[m]&xSentOpener != 0 && sentenceOpeners[d.toks[m].Text] {
				break
			}
		}
		a = m
		if d.xf[m]&xDeterminer != 0 && !(m-1 >= lo && d.lower(m-1) == "of") {
			break
		}
	}
	// Do not start on "of", "'s" or a hyphen.
	for a < end && (d.lower(a) == "of" || d.toks[a].Text == "'s" || d.toks[a].Text == "’s" || d.toks[a].Text == "-") {
		a++
	}
	if a >= end {
		return 0, 0, false
	}
	if a-3 >= lo && (d.lower(a-2) == "close" && d.lower(a-1) == "to" || d.lower(a-2) == "familiar" && d.lower(a-1) == "with") && d.npTokOK(a-3) && d.xf[a-3]&xPronoun == 0 {
		// "people close to Clinton say", "a source familiar with the
		// talks said": the phrase runs on to the head before "close"
		if a2, _, ok := d.npLeft(a-2, lo); ok && a2 < a-2 {
			return a2, end, true
		}
	}
	if a-2 >= lo && (d.lower(a-1) == "for" || d.lower(a-1) == "to") && agentNouns[d.lower(a-2)] {
		// "a spokesman for Mayor Lind said", "an aide to Varga said":
		// the spokesman speaks, not the one spoken for
		if a2, _, ok := d.npLeft(a-1, lo); ok && a2 < a-1 {
			for m := a2; m < a-2; m++ {
				if strings.HasSuffix(d.toks[m].Text, ".") {
					a2 = m + 1 // "at 9 a.m. Lawyers for …": a sentence the splitter ran on
				}
			}
			return a2, end, true
		}
	}
	return a, end, true
}

// agentNouns speak for someone named after "for" or "to" ("a spokeswoman
// for the board", "an aide to the mayor").
var agentNouns = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokesmen": true, "spokeswomen": true,
	"aide": true, "aides": true, "adviser": true, "advisers": true, "advisor": true, "advisors": true,
	"lawyer": true, "lawyers": true, "attorney": true, "attorneys": true, "staffer": true, "staffers": true,
	"representative": true, "representatives": true, "assistant": true,
}

// npRight finds the speaker phrase starting at token j ("said Christie",
// "according to the report"), ending before token hi.
func (d *doc) npRight(j, hi int) (a, b int, ok bool) { return d.npRightAdj(j, hi, false) }

// npRightAdj is npRight that, when adj is true, reads a word in -ed after
// a determiner or a count as an adjective of the phrase (adjectiveEd):
// for the speaker after a speech verb ("said the printed union card").
func (d *doc) npRightAdj(j, hi int, adj bool) (a, b int, ok bool) {
	if j >= hi || j >= len(d.toks) {
		return 0, 0, false
	}
	if !d.npTokOK(j) {
		return 0, 0, false
	}
	if d.xf[j]&xPronoun != 0 {
		return j, j + 1, true
	}
	b = j
	for m := j; m < hi && m < j+9; m++ {
		if !d.npTokOK(m) || (m > j && (d.xf[m]&xPronoun != 0 || d.verbish(m) && !(adj && d.adjectiveEd(m, hi)))) {
			// ("according to a translation provided by ...": a
			// participle ends the phrase)
			break
		}
		if d.tokSent[m] != d.tokSent[j] {
			break
		}
		b = m + 1
	}
	for b > j && (d.lower(b-1) == "of" || d.lower(b-1) == "the" || d.xf[b-1]&xDeterminer != 0) {
		b--
	}
	if b <= j && d.xf[j]&xStandAlone != 0 && j+1 < len(d.toks) && (d.toks[j+1].Text == "." || d.toks[j+1].Text == ",") {
		// "tweeted another."
		return j, j + 1, true
	}
	if b <= j {
		return 0, 0, false
	}
	return j, b, true
}

// adjectiveEd reports whether the word in -ed at token m, inside a
// phrase before token hi, modifies the noun after it: it follows a
// determiner or a count and a word of the phrase follows ("said the
// printed union card", "said one retired harbour pilot").
func (d *doc) adjectiveEd(m, hi int) bool {
	if m+1 >= hi || !strings.HasSuffix(d.lower(m), "ed") || !d.npTokOK(m+1) || d.verbish(m+1) || d.xf[m+1]&(xPronoun|xDeterminer) != 0 {
		return false
	}
	p := d.lower(m - 1)
	return d.xf[m-1]&xDeterminer != 0 || p == "one" || p == "two" || p == "three" || p == "several" || p == "some" || p == "many"
}

func (d *doc) span(a, b int) (int, int) { return d.toks[a].Start, d.toks[b-1].End }

// sentBounds returns the token range [a, b) of the sentence holding token i.
func (d *doc) sentBounds(i int) (int, int) {
	if ab := d.sentAB[i]; ab != 0 {
		return int(uint32(ab)), int(ab >> 32)
	}
	return d.indexSentence(i)
}

// indexSentence records for the tokens of the sentence holding token i
// the bounds of that sentence: the splitter's sentences, further cut
// where breakBefore sees a full stop before an opening quote mark the
// splitter passed over. Sentences are indexed when first asked for, all
// those of one splitter's (joined) sentence at once.
//
// breakBefore is true at both ends of the tokens of one tokSent, so the
// cuts lie within them. There it can only be true after a mark that
// breakMark lets through, or across a line break. Tokens in order lie
// within their first's start and their last's end, so when that text
// holds no line break, full breakBefore runs only after the marks (the
// splitter keeps line breaks out of its sentences: most of the time).
func (d *doc) indexSentence(i int) (int, int) {
	ts := d.tokSent
	// (the tokens of one tokSent lie together, from its sentStart to
	// the next's)
	id := ts[i]
	ga, gb := int(d.sentStart[id]), len(ts)
	if int(id)+1 < len(d.sentStart) {
		gb = int(d.sentStart[id+1])
	}
	toks, xf := d.toks[ga:gb], d.xf[ga:gb]
	every := !d.sorted || strings.IndexByte(d.text[toks[0].Start:toks[len(toks)-1].End], '\n') >= 0
	a := ga
	for k := 1; k < len(toks); k++ {
		if every || xf[k-1]&sBreakMark != 0 {
			if t := ga + k; d.breakBefore(t) {
				d.setSentence(a, t)
				a = t
			}
		}
	}
	d.setSentence(a, gb)
	ab := d.sentAB[i]
	return int(uint32(ab)), int(ab >> 32)
}

// setSentence records [a, b) as the sentence of its tokens.
func (d *doc) setSentence(a, b int) {
	ab := uint64(a) | uint64(b)<<32
	sab := d.sentAB[a:b]
	for k := range sab {
		sab[k] = ab
	}
}

// contentEnd trims final punctuation and space off the end of a content
// span ending at byte e.
func (d *doc) contentEnd(s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(d.text[s:e])
		if unicode.IsSpace(r) || strings.ContainsRune(".,;:!?", r) {
			e -= n
			continue
		}
		if (r == '-' || r == '—' || r == '–' || r == '―') && e-n > s {
			// a dash standing apart closes a clause ("... Saddam Hussein - “He ...")
			if p, _ := utf8.DecodeLastRuneInString(d.text[s : e-n]); unicode.IsSpace(p) {
				e -= n
				continue
			}
		}
		break
	}
	return e
}

func (d *doc) kindOf(s, e int, hasQuote bool) storyline.QuoteKind {
	k := sort.Search(len(d.regs), func(i int) bool { return d.regs[i].s >= s })
	if k < len(d.regs) && d.regs[k].s == s {
		return storyline.Direct
	}
	if hasQuote {
		return storyline.Partial
	}
	return storyline.Indirect
}

// Word classes, one bit each, looked up once per token.
const (
	fAux uint16 = 1 << iota
	fStop
	fDet
	fPron
	fSpeech
	fConn
	fOpener // a capitalised form opens sentences, not names
	fTitle
	fRole
	fHeadline
	fJoined // the token continues a sentence the splitter ended before it
	fVerb   // a verb form that never belongs to a noun phrase ("made", "spent")
	// a verb that is a speech verb with its particle ("shot back", "cut
	// in"): phrasalSpeech; cueAndNames gives the token fSpeech there
	fPhrasal
)

// loadWordFlags builds the word-class table (for loadWordTable, which
// keeps what the table tells in a form the collector need not scan).
func loadWordFlags() *wordFlags {
	m := map[string]uint16{}
	for w := range headlineVerbs {
		m[w] |= fHeadline
	}
	for _, set := range []struct {
		words map[string]bool
		flag  uint16
	}{{aux, fAux}, {npStop, fStop}, {determiners, fDet}, {pronouns, fPron}, {speechVerbs, fSpeech}, {quoteOnlyVerbs, fSpeech}, {connectives, fConn}, {titleWords, fTitle}, {plainVerbs, fVerb}, {phrasalWords, fPhrasal}} {
		for w, ok := range set.words {
			if ok {
				m[w] |= set.flag
			}
		}
	}
	for _, set := range []map[string]bool{sentenceOpeners, determinerCap} {
		for w := range set {
			m[strings.ToLower(w)] |= fOpener
		}
	}
	for w, r := range roleNouns {
		if r != "" || w == "prime" || w == "foreign" {
			m[w] |= fRole
		}
	}
	wf := &wordFlags{m: map[string]wordInfo{}}
	for w, f := range m {
		wf.m[w] = wordInfo{flags: f}
	}
	for w, e := range loadLexicon().fast {
		wi := wf.m[w]
		wi.lex = e
		wf.m[w] = wi
	}
	for w := range wf.m {
		if len(w) < 32 && w != "" {
			wf.maybe[w[0]] |= 1 << len(w)
		}
	}
	return wf
}

// wordInfo is what one table lookup tells about a lower-cased word: its
// word classes and its cue-lexicon entry.
type wordInfo struct {
	flags uint16
	x     uint32 // xflags (fastwords.go)
	y     uint32 // y bits (fastwords.go)
	lex   *lexEntry
}

// wordFlags is the word-class table with a prefilter: maybe[b] has bit n
// set when some entry of length n starts with byte b, so most words skip
// the map lookup.
type wordFlags struct {
	m     map[string]wordInfo
	maybe [256]uint32
}

// parenthetical returns the number of words of a phrase listed in
// parentheticals that ends at the comma at token k and opens after a
// comma (0 when none).
func (d *doc) parenthetical(k, lo int) int {
	for n := 2; n <= 4; n++ {
		if k-n-1 < lo || d.toks[k-n-1].Text != "," {
			continue
		}
		var arr [48]byte
		b := arr[:0]
		for i := k - n; i < k; i++ {
			if i > k-n {
				b = append(b, ' ')
			}
			b = append(b, d.lower(i)...)
		}
		if parentheticals[string(b)] { // (no allocation for the lookup)
			return n
		}
	}
	return 0
}

// sortByStart orders cs by start as a stable sort would (equal starts
// keep their order), without moving the large records more than once:
// most lists come sorted; the others are sorted by keys (start, index)
// and permuted through a scratch array.
func (d *doc) sortByStart(cs []cand) {
	i := 1
	for i < len(cs) && cs[i-1].s <= cs[i].s {
		i++
	}
	if i >= len(cs) {
		return
	}
	if len(d.text) >= 1<<31 {
		slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(a.s, b.s) })
		return
	}
	keys := grow(d.buf.keys, len(cs))
	for k := range cs {
		if cs[k].s < 0 {
			slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(a.s, b.s) })
			return
		}
		keys[k] = uint64(cs[k].s)<<32 | uint64(k)
	}
	slices.Sort(keys)
	tmp := append(d.buf.cands[:0], cs...)
	for k, key := range keys {
		cs[k] = tmp[uint32(key)]
	}
	clear(tmp) // (no references into this text stay behind)
	d.buf.keys, d.buf.cands = keys, tmp[:0]
}

// tokensOf yields, in order, the tokens whose text is w: found in the
// text by a byte search when every token's text is its span's.
func (d *doc) tokensOf(w string) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		if !d.spanText || w == "" {
			for i := range d.toks {
				if d.toks[i].Text == w && !yield(i) {
					return
				}
			}
			return
		}
		for o := 0; o < len(d.text); {
			j := strings.Index(d.text[o:], w)
			if j < 0 {
				return
			}
			b := o + j
			for i := d.tokAt(b); i < len(d.toks) && d.toks[i].Start == b; i++ {
				if d.toks[i].End-b == len(w) && !yield(i) {
					return
				}
			}
			o = b + 1
		}
	}
}
