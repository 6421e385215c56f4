package quote

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
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
)

// Token shape bits, computed once per token.
const (
	sWord   uint32 = 1 << (iota + 16) // isWordTok of the lower-cased form
	sLower                            // isLowerWord of the text
	sCap                              // isCap of the text
	sLy                               // lower-cased form ends in "ly"
	sIng                              // lower-cased form ends in "ing"
	sPunct1                           // a one-byte token that is neither letter nor digit
)

// wordTable is an open-addressing hash table from lower-cased words to
// their wordInfo, read-only after it is built.
type wordTable struct {
	slots []slot
	mask  uint32
	blob  string   // the keys, end to end
	offs  []uint32 // key k is blob[offs[k]:offs[k+1]]
	ents  []wordEnt
	lexes []lexEntry  // cue-lexicon entries (with cls dropped), by wordEnt.lex
	maybe [256]uint32 // bit n of maybe[b]: some key of length n starts with b
}

// slot is one place of the table: the hash of its key and the key's
// index + 1 (0 when the place is empty).
type slot struct {
	hash uint32
	k    int32
}

// wordEnt is a wordInfo as the table holds it: with no pointer, so that
// the collector has nothing to scan in the table.
type wordEnt struct {
	flags uint16
	x     uint32
	lex   int32 // index into lexes, -1 when none
}

// wordHash is FNV-1a over the bytes of w.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

func (t *wordTable) lookup(w string) int32 { return t.lookupHash(w, wordHash(w)) }

// lookupHash is lookup given h, the wordHash of w.
func (t *wordTable) lookupHash(w string, h uint32) int32 {
	if len(w) >= 32 || w == "" || t.maybe[w[0]]&(1<<len(w)) == 0 {
		return -1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := t.slots[i]
		if sl.k == 0 {
			return -1
		}
		if sl.hash != h {
			continue
		}
		if a, b := t.offs[sl.k-1], t.offs[sl.k]; int(b-a) == len(w) && t.blob[a:b] == w {
			return sl.k - 1
		}
	}
}

func (t *wordTable) insert(w string, e wordEnt, blob *strings.Builder) {
	h := wordHash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i].k == 0 {
			blob.WriteString(w)
			t.offs = append(t.offs, uint32(blob.Len()))
			t.ents = append(t.ents, e)
			t.slots[i] = slot{hash: h, k: int32(len(t.ents))}
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
		{timeHeads, xTime}, {timeWords, xTime}, {weekdays, xTime}} {
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
	all := map[string]wordInfo{}
	for w, e := range wf.m {
		all[w] = e
	}
	for w, f := range x {
		e := all[w]
		e.x = f
		all[w] = e
	}
	t := &wordTable{offs: []uint32{0}}
	size := 16
	for size < 2*len(all) {
		size *= 2
	}
	t.slots = make([]slot, size)
	t.mask = uint32(size - 1)
	// in sorted order, so that the table is the same from run to run
	words := make([]string, 0, len(all))
	for w := range all {
		words = append(words, w)
	}
	sort.Strings(words)
	var blob strings.Builder
	lexOf := map[*lexEntry]int32{}
	for _, w := range words {
		if len(w) >= 32 || w == "" {
			continue
		}
		e := all[w]
		we := wordEnt{flags: e.flags, x: e.x, lex: -1}
		if e.lex != nil {
			k, ok := lexOf[e.lex]
			if !ok {
				k = int32(len(t.lexes))
				lexOf[e.lex] = k
				le := *e.lex
				le.cls = nil // (read through clsRate)
				t.lexes = append(t.lexes, le)
			}
			we.lex = k
		}
		t.insert(w, we, &blob)
		t.maybe[w[0]] |= 1 << len(w)
	}
	t.blob = blob.String()
	return t
})

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
