package quote

import (
	"encoding/binary"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// The word table: every lower-cased word any word list of the package
// knows, looked up once per token in newDoc (one hash of the token's
// bytes, an open-addressing probe) instead of once per question asked
// about the token (a Go map lookup each time). What a lookup tells is a
// wordInfo: the word classes of the lists (flags, xflags) and the cue
// lexicon entry.

// More word classes, one bit each, beside the flags attribute.go reads.
const (
	xNpAdverb uint32 = 1 << iota
	xWeekday
	xLyAdj
	xStandAlone
	xSentOpener // the capitalised form is a sentenceOpeners key
	xDetCap     // the capitalised form is a determinerCap key
	xPrep       // prepositions
	xRole       // a roleNouns key
	xAlias      // a groupAliases key
	xTitleWord  // titleWords
	xPronoun    // pronouns
	xDeterminer // determiners
	xTime       // timeHeads or timeWords or weekdays
	xRelOpener  // relWords or clauseOpeners
)

// What newDoc asks of every token's word, decided once per word when
// the table is built (bits the list flags above leave free).
const (
	// the word's cue score may be above 0 when the token is a lower-case
	// word: no auxiliary, no -ly adverb unless a speech verb, and a
	// speech verb or in the cue lexicon
	xCueLower uint32 = 1 << 14
	// the word's cue score may be above 0 when the token is capitalised:
	// a headline verb
	xCueCap uint32 = 1 << 15
	// the word's cue score may be above 0 whatever the token's shape:
	// "according"
	xCueAny uint32 = 1 << 22
	// a capitalised token of the word is no name: a sentence opener, a
	// title or a role (fOpener, fTitle, fRole)
	xNoName uint32 = 1 << 23
	// the word's cue score may reach reportRate: a speech or headline
	// verb, or a word of the cue lexicon with some rate (top, the
	// highest) at reportRate or above; the cue score of any other word
	// stays below it
	xMayReport uint32 = 1 << 29
	// the word's cue score may reach nearQuoteRate: as xMayReport, with
	// nearQuoteRate
	xMayNear uint32 = 1 << 30
)

// Word classes asked about near cues and speakers only, kept in the
// table entry (wordEnt.y) rather than per token: d.in reads them.
const (
	yPhraseJoin    uint32 = 1 << iota // phraseJoins
	yTimeHead                         // timeHeads
	yTimeWord                         // timeWords
	yTimeDet                          // timeDets
	yPastIrregular                    // pastIrregular
	yRaising                          // raisingVerbs
	yNaming                           // namingVerbs
	yCatenative                       // catenatives
	yOrgHead                          // orgHeads
	yGroupNoun                        // groupNouns
	yQuantifier                       // quantifiers
	yMonth                            // months
	yTimeCount                        // timeCounts
	yTimeUnit                         // timeUnits
	yMedium                           // mediumNouns
	yEvidenceVerb                     // evidenceVerbs
	yEvidenceNoun                     // evidenceNouns
)

// yLists are the lists the y bits stand for.
var yLists = []struct {
	words map[string]bool
	bit   uint32
}{{phraseJoins, yPhraseJoin}, {timeHeads, yTimeHead}, {timeWords, yTimeWord}, {timeDets, yTimeDet},
	{pastIrregular, yPastIrregular}, {raisingVerbs, yRaising}, {namingVerbs, yNaming}, {catenatives, yCatenative},
	{orgHeads, yOrgHead}, {groupNouns, yGroupNoun}, {quantifiers, yQuantifier}, {months, yMonth}, {timeCounts, yTimeCount},
	{timeUnits, yTimeUnit}, {mediumNouns, yMedium}, {evidenceVerbs, yEvidenceVerb}, {evidenceNouns, yEvidenceNoun}}

// in reports whether the word of token i is in one of the lists of the
// y bits in set: a map lookup of d.lower(i) without hashing it again.
func (d *doc) in(i int, set uint32) bool {
	id := d.wid[i]
	return id >= 0 && d.tbl.ents[id].y&set != 0
}

// xClassShift: bits 24 to 28 of the xflags hold 1 + the classID of a
// word that is a class of its own ("that", ",", "to", ...), 0 for others.
const xClassShift = 24

// Token shape bits, computed once per token.
const (
	sWord   uint32 = 1 << (iota + 16) // isWordTok of the lower-cased form
	sLower                            // isLowerWord of the text
	sCap                              // isCap of the text
	sLy                               // lower-cased form ends in "ly"
	sIng                              // lower-cased form ends in "ing"
	sPunct1                           // a one-byte token that is neither letter nor digit
)

// sBreakMark: a sentence may end after the token, by its mark (its text
// opens with a byte breakMark lets through: ".", "!", "?", "'" or '"' of
// one byte, or "”"); indexSentence reads it.
const sBreakMark uint32 = 1 << 31

// tableSlots is the size of the word table: a power of two, at least
// four times the words (3,529 in the lists now), so that most sit in the
// place their hash picks. (A constant: the index needs no mask in a
// register, nor a bounds check.)
const tableSlots = 1 << 14

// wordTable is an open-addressing hash table from lower-cased words to
// their wordInfo, read-only after it is built.
type wordTable struct {
	slots *[tableSlots]slot
	blob  string   // the keys, end to end
	offs  []uint32 // key k is blob[offs[k]:offs[k+1]]
	ents  []wordEnt
	lexes []lexFast   // cue-lexicon entries, by wordEnt.lex
	rates []float64   // the rates by class of the entries that have some, numClasses each
	maybe [256]uint32 // bit n of maybe[b]: some key of length n starts with b
	// what wordOf finds for a token of one General Punctuation rune
	// from U+2000 to U+203F ("\xe2\x80" and a byte from 0x80, which
	// gives its place: quote marks, dashes, the ellipsis), the most
	// frequent tokens that are not ASCII (wordsOf)
	punct3 [64]struct {
		id int32
		fl uint16
		x  uint32
	}
	// the entries of "of", "the" and "percent", which npTokOK asks
	// about (-2, no token's wid, for a word not in the table)
	idOf, idThe, idPercent int32
}

// b2u returns 1 for true, 0 for false (compiled without a branch).
func b2u(b bool) uint32 {
	var u uint32
	if b {
		u = 1
	}
	return u
}

// asciiShape holds the shape bits of a token by its first byte, for an
// ASCII token: sPunct1 and sBreakMark stand for the one-byte tokens,
// which the caller clears for longer ones.
var asciiShape = func() (s [128]uint32) {
	for c := range s {
		switch {
		case c >= 'a' && c <= 'z':
			s[c] = sLower | sWord
		case c >= 'A' && c <= 'Z':
			s[c] = sCap | sWord
		case c >= '0' && c <= '9':
		default:
			s[c] = sPunct1
			if breakMark[c]&1 != 0 {
				s[c] |= sBreakMark
			}
		}
	}
	return s
}()

// slot is one place of the table: its key's first sixteen bytes (two
// chunks, zero past the key's end) and length, the key's index + 1 (0
// when the place is empty) and what the key's entry
// tells, so that a
// lookup of a word of up to sixteen bytes reads one place and compares
// it whole; more is 1 when some key whose hash picks this place lies
// further on (a word that is not this place's key is in the table only
// then).
type slot struct {
	key8, key8b uint64
	x           uint32
	k           int32
	flags       uint16
	n           uint8
	more        uint8
}

// key8Of packs the first eight bytes of w, the first lowest.
func key8Of(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 8; i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

// key8bOf is key8Of of w's second eight bytes (0 when w is shorter).
func key8bOf(w string) uint64 {
	if len(w) <= 8 {
		return 0
	}
	return key8Of(w[8:])
}

// lexFast is a lexEntry as the table holds it, small: its rates by
// class of the next token (clsHas bit k set when there is one for class
// k) are in the table's rates from clsOff.
type lexFast struct {
	word, top float64
	clsHas    uint32
	clsOff    int32
}

// wordEnt is a wordInfo as the table holds it: with no pointer, so that
// the collector has nothing to scan in the table.
type wordEnt struct {
	flags uint16
	x     uint32
	y     uint32 // the y bits
	lex   int32  // index into lexes, -1 when none
}

// wordHash hashes w: its first two chunks of eight bytes (the bytes
// packed first lowest, as key8Of packs them; the second chunk is 0 for a
// word of up to eight bytes) and its length mixed into one word, then
// the further chunks one multiplication each, the high half of a last
// product. (A word of up to sixteen bytes, most words, costs two
// multiplications: hash16.)
func wordHash(w string) uint32 {
	x := key8Of(w) ^ key8bOf(w)*hashMul2 ^ uint64(len(w))
	for off := 16; off < len(w); off += 8 {
		x = x*hashMul ^ key8Of(w[off:])
	}
	return uint32(x * hashMul >> 32)
}

// hash16 is wordHash of a word of n <= 16 bytes given its two chunks.
func hash16(n int, k0, k1 uint64) uint32 {
	return uint32((k0 ^ k1*hashMul2 ^ uint64(n)) * hashMul >> 32)
}

// load8 returns the eight bytes of s from i (i+8 <= len(s)), the
// first lowest.
func load8(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:i+8]), 8))
}

// load8b is load8 of a byte slice.
func load8b(b []byte, i int) uint64 {
	return binary.LittleEndian.Uint64(b[i : i+8])
}

// Byte classes of ASCII, eight bytes at a time: each byte below 0x80
// gets its high bit set when it is at least lo (ge) or at most hi (le).
const hi8 uint64 = 0x8080808080808080 // the high bit of each byte

func ge8(x uint64, lo byte) uint64 { return (x + 0x0101010101010101*uint64(0x80-lo)) & hi8 }
func le8(x uint64, hi byte) uint64 { return ^(x + 0x0101010101010101*uint64(0x7f-hi)) & hi8 }

// zeroBytes has the high bit of each zero byte of x set (and maybe of
// bytes after a zero byte, never before the first one).
func zeroBytes(x uint64) uint64 {
	return (x - 0x0101010101010101) &^ x & hi8
}

const (
	hashMul  = 0x9E3779B97F4A7C15
	hashMul2 = 0xC2B2AE3D27D4EB4F // (mixes the second chunk into the first)
)

// lowerASCIIWord reads the n bytes of txt from s, eight at a time, and
// returns the wordHash and key8Of of their lower-cased form and whether
// there were capitals; ok is false when a byte is not ASCII.
func lowerASCIIWord(txt string, s, n int) (h uint32, key8 uint64, caps, ok bool) {
	var hh, up uint64
	// (the second chunk is read, as 0, for a word of eight bytes or
	// less: wordHash mixes the first two together)
	for off := 0; off < max(n, 16); off += 8 {
		var x uint64
		switch p := s + off; {
		case off >= n:
		case p+8 <= len(txt):
			x = load8(txt, p)
			if r := n - off; r < 8 {
				x &= 1<<(8*r) - 1
			}
		default:
			for j := off; j < n && j < off+8; j++ {
				x |= uint64(txt[s+j]) << (8 * (j - off))
			}
		}
		if x&hi8 != 0 {
			return 0, 0, false, false
		}
		// (no carry between bytes: each is below 0x80) the bytes at or
		// above 'A' and not above 'Z' get 0x20 or-ed in
		u := ge8(x, 'A') & le8(x, 'Z')
		up |= u
		x |= u >> 2
		switch off {
		case 0:
			key8 = x
		case 8:
			hh = key8 ^ x*hashMul2 ^ uint64(n)
		default:
			hh = hh*hashMul ^ x
		}
	}
	return uint32(hh * hashMul >> 32), key8, up != 0, true
}

func (t *wordTable) lookup(w string) int32 {
	k, _, _ := t.lookupKey(w, wordHash(w), key8Of(w))
	return k
}

// lookupKey looks w up given its wordHash and key8Of; it returns the
// entry's index (-1 when w has none), flags and xflags.
func (t *wordTable) lookupKey(w string, h uint32, key8 uint64) (int32, uint16, uint32) {
	if len(w) >= 32 || w == "" || t.maybe[w[0]]&(1<<len(w)) == 0 {
		return -1, 0, 0
	}
	key8b := key8bOf(w)
	for i := h % tableSlots; ; i = (i + 1) % tableSlots {
		sl := &t.slots[i]
		if sl.k == 0 {
			return -1, 0, 0
		}
		if sl.key8 != key8 || sl.key8b != key8b || int(sl.n) != len(w) {
			continue
		}
		if len(w) <= 16 || t.blob[t.offs[sl.k-1]+16:t.offs[sl.k]] == w[16:] {
			return sl.k - 1, sl.flags, sl.x
		}
	}
}

func (t *wordTable) insert(w string, e wordEnt, blob *strings.Builder) {
	h := wordHash(w)
	for i := h % tableSlots; ; i = (i + 1) % tableSlots {
		if t.slots[i].k == 0 {
			if i != h%tableSlots {
				t.slots[h%tableSlots].more = 1
			}
			blob.WriteString(w)
			t.offs = append(t.offs, uint32(blob.Len()))
			t.ents = append(t.ents, e)
			t.slots[i] = slot{key8: key8Of(w), key8b: key8bOf(w), x: e.x, k: int32(len(t.ents)), flags: e.flags, n: uint8(len(w)), more: t.slots[i].more}
			return
		}
	}
}

// loadWordTable builds the table once from the word lists; it is
// read-only after.
var loadWordTable = sync.OnceValue(func() *wordTable {
	wf := loadWordFlags()
	x := map[string]uint32{}
	for _, set := range []struct {
		words map[string]bool
		flag  uint32
	}{{npAdverbs, xNpAdverb}, {weekdays, xWeekday}, {lyAdjectives, xLyAdj}, {standAlone, xStandAlone},
		{prepositions, xPrep}, {titleWords, xTitleWord}, {pronouns, xPronoun}, {determiners, xDeterminer},
		{timeHeads, xTime}, {timeWords, xTime}, {weekdays, xTime}, {relWords, xRelOpener}, {clauseOpeners, xRelOpener}} {
		for w, ok := range set.words {
			if ok {
				x[w] |= set.flag
			}
		}
	}
	for w := range sentenceOpeners {
		x[strings.ToLower(w)] |= xSentOpener
	}
	for w := range determinerCap {
		x[strings.ToLower(w)] |= xDetCap
	}
	for w := range roleNouns {
		x[w] |= xRole
	}
	for w := range groupAliases {
		x[w] |= xAlias
	}
	for k, w := range classNames[:classQ] {
		x[w] |= uint32(k+1) << xClassShift
	}
	all := map[string]wordInfo{}
	for w, e := range wf.m {
		all[w] = e
	}
	for w, f := range x {
		e := all[w]
		e.x = f
		all[w] = e
	}
	for _, set := range yLists {
		for w, ok := range set.words {
			if ok {
				e := all[w]
				e.y |= set.bit
				all[w] = e
			}
		}
	}
	for w, e := range all {
		if e.flags&fAux == 0 && (!strings.HasSuffix(w, "ly") || e.flags&fSpeech != 0) && (e.flags&(fSpeech|fPhrasal) != 0 || e.lex != nil) {
			e.x |= xCueLower
		}
		if e.flags&fHeadline != 0 {
			e.x |= xCueCap
		}
		if w == "according" {
			e.x |= xCueAny
		}
		if e.flags&(fOpener|fTitle|fRole) != 0 {
			e.x |= xNoName
		}
		if e.flags&(fSpeech|fHeadline|fPhrasal) != 0 || e.lex != nil && e.lex.top >= reportRate {
			e.x |= xMayReport
		}
		if e.flags&(fSpeech|fHeadline|fPhrasal) != 0 || e.lex != nil && e.lex.top >= nearQuoteRate {
			e.x |= xMayNear
		}
		all[w] = e
	}
	t := &wordTable{offs: []uint32{0}}
	if len(all) >= tableSlots/2 {
		panic("quote: the word lists outgrew the word table")
	}
	t.slots = new([tableSlots]slot)
	// in sorted order, so that the table is the same from run to run;
	// the shorter words first: the words of most tokens are short
	// ("the", "said", ","), and a word inserted early sits in the place
	// its hash picks, where the first probe finds it
	words := make([]string, 0, len(all))
	for w := range all {
		words = append(words, w)
	}
	sort.Slice(words, func(a, b int) bool {
		if len(words[a]) != len(words[b]) {
			return len(words[a]) < len(words[b])
		}
		return words[a] < words[b]
	})
	var blob strings.Builder
	lexOf := map[*lexEntry]int32{}
	for _, w := range words {
		if len(w) >= 32 || w == "" {
			continue
		}
		e := all[w]
		we := wordEnt{flags: e.flags, x: e.x, y: e.y, lex: -1}
		if e.lex != nil {
			k, ok := lexOf[e.lex]
			if !ok {
				k = int32(len(t.lexes))
				lexOf[e.lex] = k
				le := lexFast{word: e.lex.word, top: e.lex.top}
				for c, r := range e.lex.cls {
					if k := classIndex(c); k >= 0 {
						if le.clsHas == 0 {
							le.clsOff = int32(len(t.rates))
							t.rates = append(t.rates, make([]float64, numClasses)...)
						}
						t.rates[int(le.clsOff)+k] = r
						le.clsHas |= 1 << k
					}
				}
				t.lexes = append(t.lexes, le)
			}
			we.lex = k
		}
		t.insert(w, we, &blob)
		t.maybe[w[0]] |= 1 << len(w)
	}
	t.blob = blob.String()
	idOr2 := func(w string) int32 {
		if id := t.lookup(w); id >= 0 {
			return id
		}
		return -2
	}
	t.idOf, t.idThe, t.idPercent = idOr2("of"), idOr2("the"), idOr2("percent")
	for b := range t.punct3 {
		// (as wordOf finds it: the rune lowers to itself)
		w := string([]byte{0xe2, 0x80, byte(0x80 + b)})
		p := &t.punct3[b]
		var xw uint32
		p.id, p.fl, xw = t.lookupKey(w, wordHash(w), key8Of(w))
		x := shapeOf(w, w)
		if breakMark[w[0]]&(uint8(x/sPunct1&1)|2) != 0 {
			x |= sBreakMark
		}
		p.x = x | xw
	}
	return t
})

// classOfTok is classID for token i.
func (d *doc) classOfTok(i int) int {
	if c := d.xf[i] >> xClassShift & 31; c != 0 {
		return int(c) - 1
	}
	t := d.toks[i].Text
	if t != "" && t[0] < utf8.RuneSelf {
		switch c := t[0]; {
		case c == '"' || c == '\'':
			return classQ
		case c >= 'A' && c <= 'Z':
			return classCap
		case c >= 'a' && c <= 'z':
			return classWord
		}
		return classPunct
	}
	return classID(t, d.lower(i))
}

// shapeOf returns the shape bits of a token given its text and its
// lower-cased form.
func shapeOf(t, lt string) uint32 {
	if t != "" && lt != "" && t[0] < utf8.RuneSelf && lt[0] < utf8.RuneSelf {
		var s uint32
		c := t[0]
		switch {
		case c >= 'a' && c <= 'z':
			s = sLower
		case c >= 'A' && c <= 'Z':
			s = sCap
		case len(t) == 1 && !(c >= '0' && c <= '9'):
			s = sPunct1
		}
		if c := lt[0]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			s |= sWord
		}
		if n := len(lt); n >= 2 && lt[n-2] == 'l' && lt[n-1] == 'y' {
			s |= sLy
		}
		if n := len(lt); n >= 3 && lt[n-3] == 'i' && lt[n-2] == 'n' && lt[n-1] == 'g' {
			s |= sIng
		}
		return s
	}
	var s uint32
	r0, _ := utf8.DecodeRuneInString(t)
	r1, _ := utf8.DecodeRuneInString(lt)
	if !(r0 >= 0x2000 && r0 <= 0x206F && r1 >= 0x2000 && r1 <= 0x206F) {
		// (General Punctuation, quote marks and dashes, has no letters)
		if isWordTok(lt) {
			s |= sWord
		}
		if isLowerWord(t) {
			s |= sLower
		}
		if isCap(t) {
			s |= sCap
		}
	}
	if strings.HasSuffix(lt, "ly") {
		s |= sLy
	}
	if strings.HasSuffix(lt, "ing") {
		s |= sIng
	}
	if len(t) == 1 && t[0] < utf8.RuneSelf && !(t[0] >= 'a' && t[0] <= 'z' || t[0] >= 'A' && t[0] <= 'Z' || t[0] >= '0' && t[0] <= '9') {
		s |= sPunct1
	}
	return s
}
