package quote

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

	"storyline"
)

// GroupItem is one quotation offered to Group: Key names the report (or
// any caller's handle), Speaker is the resolved speaker (may be empty),
// Text the quoted words.
type GroupItem struct {
	Key     string
	Speaker string
	Text    string
}

// Statement returns the words of q that carry its statement: q.Text
// without the speaker phrase and the cue when they lie inside the span
// (“A,” he said, “B.”; "what Lane said were ..."), so that two renderings
// of one statement compare on what was said, not on who said it.
func Statement(q storyline.Quote) string {
	txt := q.Text
	if len(txt) != q.Span.Len() {
		return txt // (a caller's quote whose Text is no slice of the span)
	}
	var cut [2]storyline.Span
	n := 0
	for _, sp := range []*storyline.Span{q.SpeakerSpan, q.CueSpan} {
		if sp != nil && sp.Start >= q.Span.Start && sp.End <= q.Span.End && sp.Start < sp.End {
			cut[n] = storyline.Span{Start: sp.Start - q.Span.Start, End: sp.End - q.Span.Start}
			n++
		}
	}
	if n == 0 {
		return txt
	}
	if n == 2 && cut[1].Start < cut[0].Start {
		cut[0], cut[1] = cut[1], cut[0]
	}
	var b strings.Builder
	at := 0
	for _, c := range cut[:n] {
		if c.Start < at {
			c.Start = at
		}
		if c.End <= at {
			continue
		}
		b.WriteString(txt[at:c.Start])
		b.WriteByte(' ')
		at = c.End
	}
	b.WriteString(txt[at:])
	return b.String()
}

// Group assigns a group index to every item: items carrying the same
// statement (verbatim, trimmed, or translated and paraphrased
// differently) share an index; two different statements never do, even
// from one speaker. Speakers must agree when both are known (surnames are
// compared loosely: Zelensky, Zelenskyy), and a group holds one speaker
// (a quote of unknown speaker joins no two groups of different ones); the
// words must overlap in content words and in pairs of neighbouring content
// words (stems, with synonyms as one word: synonyms.go), which tells a
// second rendering of one statement from another statement on the same
// topic. Indexes run from 0 in order of first appearance.
func Group(items []GroupItem) []int {
	cands := make([][]int, len(items))
	for i := range items {
		cands[i] = make([]int, i)
		for j := range i {
			cands[i][j] = j
		}
	}
	return GroupCandidates(items, cands)
}

// StatementPairs returns the pairs of neighbouring content words of s
// that Group compares (stems, synonyms made one), as sorted distinct
// keys: two quotations Group may join share at least one of them, so a
// caller's index of plausible pairs (GroupCandidates) can be built on
// them.
func StatementPairs(s string) []uint64 {
	return bagOf(s).pairs
}

// GroupCandidates groups like Group but compares item i only with the
// items cands[i] lists (the caller's index of plausible pairs, for large
// inputs), computing each item's words once. Group is GroupCandidates
// with every earlier item as a candidate.
func GroupCandidates(items []GroupItem, cands [][]int) []int {
	n := len(items)
	bags := make([]bag, n)
	done := make([]bool, n)
	bagAt := func(i int) bag {
		if !done[i] {
			bags[i], done[i] = bagOf(items[i].Text), true
		}
		return bags[i]
	}
	parent := make([]int, n)
	// speaker[r]: the item whose speaker a group (root r) has, -1 while
	// it has none: items of unknown speaker join a group, but never two
	// groups of speakers that differ (a long clause with no speaker,
	// naming a minister and a senator, would link the minister's quote
	// with the senator's)
	speaker := make([]int, n)
	for i := range parent {
		parent[i] = i
		speaker[i] = -1
		if items[i].Speaker != "" {
			speaker[i] = i
		}
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n && i < len(cands); i++ {
		for _, j := range cands[i] {
			if j < 0 || j >= n || j == i || find(i) == find(j) {
				continue
			}
			known := items[i].Speaker != "" && items[j].Speaker != ""
			if known && !sameSpeaker(items[i].Speaker, items[j].Speaker) {
				continue
			}
			a, b := find(i), find(j)
			if sa, sb := speaker[a], speaker[b]; sa >= 0 && sb >= 0 && !sameSpeaker(items[sa].Speaker, items[sb].Speaker) {
				continue
			}
			th := 0.6
			if !known {
				th = 0.75
			}
			if similar(bagAt(min(i, j)), bagAt(max(i, j))) >= th {
				if a > b {
					a, b = b, a
				}
				parent[b] = a
				if speaker[a] < 0 {
					speaker[a] = speaker[b]
				}
			}
		}
	}
	out := make([]int, n)
	ids := map[int]int{}
	for i := range items {
		r := find(i)
		id, ok := ids[r]
		if !ok {
			id = len(ids)
			ids[r] = id
		}
		out[i] = id
	}
	return out
}

// sameSpeaker compares two speaker names by surname, loosely: letters
// only, a doubled final letter dropped, then one edit (two for long
// names) allowed.
func sameSpeaker(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	x, y := surnameKey(fa[len(fa)-1]), surnameKey(fb[len(fb)-1])
	if x == y {
		return true
	}
	// transliterations: Zelensky/Zelenskiy, Vetrenko/Wetrenko,
	// Tamaev/Tamayev: one edit apart (two for long names)
	if len(x) >= 5 && len(y) >= 5 {
		limit := 1
		if len(x) >= 8 && len(y) >= 8 {
			limit = 2
		}
		return editDistance(x, y, limit) <= limit
	}
	return false
}

// editDistance returns the Levenshtein distance of a and b (bytes), or
// limit+1 as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// bag is the content of a quotation: stems of its content words and the
// pairs of neighbouring stems, as sorted distinct hashes (a bag is
// compared with many others; sorted hashes meet by a merge).
type bag struct {
	words, pairs []uint64
}

var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "and": true,
	"or": true, "but": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"it": true, "its": true, "that": true, "this": true, "what": true, "which": true, "who": true,
	"we": true, "our": true, "you": true, "your": true, "they": true, "their": true, "he": true, "she": true,
	"his": true, "her": true, "i": true, "my": true, "me": true, "us": true, "them": true, "as": true,
	"at": true, "by": true, "for": true, "with": true, "from": true, "can": true, "could": true,
	"will": true, "would": true, "should": true, "must": true, "may": true, "might": true, "do": true,
	"does": true, "did": true, "not": true, "no": true, "so": true, "if": true, "then": true, "than": true,
	"there": true, "here": true, "also": true, "very": true, "have": true, "has": true, "had": true,
	"all": true, "any": true, "some": true, "such": true, "about": true, "into": true, "out": true,
	"up": true, "more": true, "most": true, "just": true, "now": true, "well": true, "like": true,
	"s": true, "t": true, "don": true, "won": true, "where": true, "when": true, "how": true,
}

// wordSet is a set of words of up to eight bytes (no zero byte), each
// packed into a uint64, in a table that a multiplicative hash maps them
// into without a collision: a lookup reads one place. (A map of strings
// hashes the whole string; an open-addressed table's probe loop, of
// varying length, mispredicted once in about twenty words.)
type wordSet struct {
	mul uint64 // the hash multiplier: no two words of the set share a place
	t   [1 << wordSetBits]uint64
}

const wordSetBits = 9

func pack8(w []byte) uint64 {
	var k uint64
	for i, c := range w {
		k |= uint64(c) << (8 * i)
	}
	return k
}

// hasKey reports whether the set holds the word packed as k.
func (s *wordSet) hasKey(k uint64) bool { return s.t[k*s.mul>>(64-wordSetBits)] == k }

func (s *wordSet) has(w []byte) bool { return s.hasKey(pack8(w)) }

// stopMul is a multiplier that spreads stopWords without a collision
// (found by newWordSet's search; a test checks that it still does).
const stopMul = 0x0bde70207d0f01f9

// newWordSet returns the set of words (each under nine bytes, no zero
// byte) with multiplier mul when no two words collide under it, else
// with the first of a fixed stream of multipliers under which none do.
func newWordSet(words []string, mul uint64) *wordSet {
	s := new(wordSet)
	for x, tries := uint64(0), 0; ; tries++ {
		*s = wordSet{mul: mul}
		fits := true
		for _, w := range words {
			if len(w) > 8 || strings.IndexByte(w, 0) >= 0 {
				panic("quote: a word a wordSet cannot hold: " + w)
			}
			k := pack8([]byte(w))
			p := &s.t[k*mul>>(64-wordSetBits)]
			if *p != 0 && *p != k {
				fits = false
				break
			}
			*p = k
		}
		if fits {
			return s
		}
		if tries == 1<<22 {
			panic("quote: too many words for a wordSet")
		}
		// the next multiplier: splitmix64 (successive odd constants
		// differ too little in the bits the hash keeps)
		x += 0x9E3779B97F4A7C15
		z := (x ^ x>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		mul = z ^ z>>31 | 1
	}
}

// stopSet holds stopWords.
var stopSet = newWordSet(slices.Collect(maps.Keys(stopWords)), stopMul)

func bagOf(s string) bag {
	_, b := appendBag(nil, s)
	return b
}

// appendBag appends the bag of s to arena and returns the arena and the
// bag, whose two sets are slices of it: the words of s lower-cased
// (unicode.ToLower), split at every rune that is neither a letter nor a
// digit, stop words and one-byte words dropped, each cut to its first
// six runes (a crude stem, but it lets two translations of one statement,
// "guarantee" and "guarantees", meet) and keyed by stemKey.
func appendBag(arena []uint64, s string) ([]uint64, bag) {
	a := len(arena)
	return finishBag(appendWords(arena, s), a)
}

// appendWords appends the stem keys of the words of s (appendBag) in text
// order. (Rune by rune into a small buffer, without lower-casing and
// splitting the whole text first.)
func appendWords(arena []uint64, s string) []uint64 {
	var wb [32]byte           // the word's first bytes, lowered
	n, size, runes := 0, 0, 0 // bytes kept in wb, the word's bytes, its runes
	stemLen := 0              // the bytes of its first six runes
	flush := func() {
		if size >= 2 && (size > 8 || !stopSet.has(wb[:n])) {
			if n == size && runes <= 6 && pluralS(wb[:n]) {
				stemLen-- // ("talks" is "talk")
			}
			arena = append(arena, stemKey(wb[:stemLen]))
		}
		n, size, runes, stemLen = 0, 0, 0, 0
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			default:
				if size > 0 {
					flush()
				}
				continue
			}
			if n == size && n < len(wb) {
				wb[n] = c
				n++
			}
			size++
			if runes++; runes <= 6 {
				stemLen = n
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		r = unicode.ToLower(r) // (an invalid byte is U+FFFD: a separator)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if size > 0 {
				flush()
			}
			continue
		}
		rl := utf8.RuneLen(r)
		if n+rl <= len(wb) && n == size {
			utf8.EncodeRune(wb[n:], r)
			n += rl
		}
		size += rl // (past wb's end: the rest is past the stem, and no stop word)
		if runes++; runes <= 6 {
			stemLen = n
		}
	}
	if size > 0 {
		flush()
	}
	return arena
}

// pluralS reports whether a word of up to six runes (lower-cased, its
// bytes) ends in a plural "s" that its stem drops, so that "talks" and
// "talk", "deals" and "deal" meet as "guarantees" and "guarantee" do
// (longer words meet by their first six runes): at least four bytes,
// and not "ss", "us" or "is" ("press", "focus", "crisis").
func pluralS(w []byte) bool {
	n := len(w)
	return n >= 4 && w[n-1] == 's' && !pluralStop[w[n-2]]
}

// pluralStop are the bytes before a final "s" that is no plural ending.
var pluralStop = [256]bool{'s': true, 'u': true, 'i': true}

// stemKey keys a stem: an ASCII stem (at most six bytes) packed as it
// is, so that no two share a key, any other hashed, with the top bit set
// (which no packed stem has).
func stemKey(stem []byte) uint64 {
	var hi byte
	for _, c := range stem {
		hi |= c
	}
	if hi < utf8.RuneSelf && len(stem) <= 7 {
		return pack8(stem)
	}
	return xxh3.Hash(stem) | 1<<63
}

// finishBag turns the stem keys arena[a:] into a bag: the keys of
// synonyms made their group's (canonicalKeys), the pairs of neighbouring
// words, in text order, appended after the words, both sorted and made
// distinct.
func finishBag(arena []uint64, a int) ([]uint64, bag) {
	words := arena[a:]
	canonicalKeys(words)
	for k := 1; k < len(words); k++ {
		arena = append(arena, words[k-1]*0x9E3779B97F4A7C15^words[k])
	}
	words = arena[a : a+len(words)]
	pairs := arena[a+len(words):]
	sortKeys(words)
	sortKeys(pairs)
	words = slices.Compact(words)
	pairs = slices.Compact(pairs)
	return arena, bag{words: words[:len(words):len(words)], pairs: pairs[:len(pairs):len(pairs)]}
}

// sortKeys is slices.Sort of stem keys: most bags are short, and an
// insertion sort of up to 32 keys costs less than slices.Sort's
// partitions, which mispredict about every other comparison (an
// insertion sort mispredicts about once a key, where the key stops).
func sortKeys(xs []uint64) {
	if len(xs) > 32 {
		slices.Sort(xs)
		return
	}
	for i := 1; i < len(xs); i++ {
		x := xs[i]
		j := i
		for j > 0 && xs[j-1] > x {
			xs[j] = xs[j-1]
			j--
		}
		xs[j] = x
	}
}

// appendSpanBag is appendBag of d.text[s:e], the same bag found faster
// (appendSpanWords).
func (d *doc) appendSpanBag(arena []uint64, s, e int) ([]uint64, bag) {
	a := len(arena)
	return finishBag(d.appendSpanWords(arena, s, e), a)
}

// appendSpanWords is appendWords of d.text[s:e] (appendSpanBag's first
// half): the stem keys in text order, read eight bytes at a time. Every
// ASCII byte that is neither a letter nor a digit ends a word, whatever
// the runes around it, so the span splits at those into pieces that
// appendWords reads alike on their own; a piece of ASCII letters and
// digits is one word, keyed from its first eight bytes, and any other
// piece (a rune beyond ASCII) goes through appendWords. (Reading the
// tokens, a test of each token's span and bytes, cost twice as much:
// most pieces of a quotation are such words.)
func (d *doc) appendSpanWords(arena []uint64, s, e int) []uint64 {
	txt := d.text
	for i := s; i < e; {
		if i+8 > len(txt) {
			return appendWords(arena, txt[i:e]) // (no eight-byte load past the text's end)
		}
		x := load8(txt, i)
		wb := wordBytes8(x)
		if wb&0x80 == 0 {
			// a separator at i: on to the first word byte
			if wb == 0 {
				i += 8
			} else {
				i += bits.TrailingZeros64(wb) >> 3
			}
			continue
		}
		// A piece starts at i: it ends at the first separator; high has
		// the high bits of its bytes beyond ASCII.
		sep := ^wb & hi8
		n := bits.TrailingZeros64(sep) >> 3
		before := (sep&-sep)>>7 - 1 // (the bytes before the separator, all eight when none)
		high := x & before & hi8
		if sep == 0 {
			for j := i + 8; ; j += 8 { // (a piece of eight bytes or more)
				if j+8 > len(txt) {
					return appendWords(arena, txt[i:e])
				}
				y := load8(txt, j)
				if sep2 := ^wordBytes8(y) & hi8; sep2 != 0 {
					high |= y & ((sep2&-sep2)>>7 - 1) & hi8
					n = j - i + bits.TrailingZeros64(sep2)>>3
					break
				}
				high |= y & hi8
			}
		}
		if n > e-i {
			// the last piece, cut at the span's end (bytes beyond it
			// left in high only send the piece to appendWords)
			n = e - i
			if n < 8 {
				before = 1<<(8*n) - 1
				high = x & before & hi8
			}
		}
		switch {
		case n < 2:
			// (one letter or digit: no word; one byte beyond ASCII: no rune)
		case high != 0:
			arena = d.appendPieceWords(arena, i, i+n)
		default:
			w := x & before
			w |= ge8(w, 'A') & le8(w, 'Z') >> 2 // (lower-cased)
			// the stem key of its first six bytes, taken back when the
			// word is a stop word (no stop word has nine bytes): no
			// branch on it, which the processor cannot foresee
			k := w & (1<<48 - 1)
			if n >= 4 && n <= 6 && byte(w>>(8*(n-1))) == 's' && !pluralStop[byte(w>>(8*(n-2)))] {
				k &= 1<<(8*(n-1)) - 1 // ("talks" is "talk")
			}
			arena = append(arena, k)
			arena = arena[:len(arena)-int(b2u(n <= 8)&b2u(stopSet.hasKey(w)))]
		}
		if sep == 0 {
			i += n
			continue
		}
		// the next piece starts at the first word byte after the
		// separator, often among these eight
		if rest := wb & -(sep & -sep); rest != 0 {
			i += bits.TrailingZeros64(rest) >> 3
		} else {
			i += 8
		}
	}
	return arena
}

// appendPieceWords is appendWords of d.text[s:e], a piece with bytes
// beyond ASCII, that splits it first at the runes U+2000 to U+203F
// (bytes E2 80 80 to E2 80 BF: curly quote marks and apostrophes, dashes,
// spaces), which end a word as any rune that is neither a letter nor a
// digit does: the parts between them go back to appendSpanWords, most of
// them ASCII (“It, don’t). (appendWords decodes and tests rune by rune.)
func (d *doc) appendPieceWords(arena []uint64, s, e int) []uint64 {
	txt := d.text
	for {
		k := strings.Index(txt[s:e], "\xe2\x80")
		for k >= 0 && (s+k+2 >= e || txt[s+k+2]&0xc0 != 0x80) {
			// (not such a rune: look on past it)
			j := strings.Index(txt[s+k+1:e], "\xe2\x80")
			if j < 0 {
				k = -1
				break
			}
			k += 1 + j
		}
		if k < 0 {
			return appendWords(arena, txt[s:e])
		}
		if k > 0 {
			arena = d.appendSpanWords(arena, s, s+k)
		}
		s += k + 3
	}
}

// wordBytes8 has the high bit of each byte of x set that may be part of
// a word: an ASCII letter or digit, or a byte beyond ASCII.
func wordBytes8(x uint64) uint64 {
	y := x &^ hi8               // (no carry between bytes in ge8, le8)
	z := y | 0x2020202020202020 // (a letter's byte becomes a small letter's, no other does)
	return x&hi8 | ge8(z, 'a')&le8(z, 'z') | ge8(y, '0')&le8(y, '9')
}

// keyFilter is a Bloom filter of stem keys (1,024 bits, one hash): it
// tells cheaply that two quotations share fewer than three words, where
// similar scores 0, without sorting their bags.
type keyFilter [16]uint64

func keyBit(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 >> 54 }

func (f *keyFilter) add(keys []uint64) {
	for _, k := range keys {
		h := keyBit(k)
		f[h>>6] |= 1 << (h & 63)
	}
}

// hits counts the keys (duplicates too) whose bit f has set: at least the
// distinct keys that f holds, so below 3 the two bags share fewer than
// three words.
func (f *keyFilter) hits(keys []uint64) int {
	n := uint64(0)
	for _, k := range keys {
		h := keyBit(k)
		n += f[h>>6] >> (h & 63) & 1
	}
	return int(n)
}

// containment is |a∩b| / min(|a|,|b|), of sorted distinct sets.
func containment(a, b []uint64) (float64, int) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0, 0
	}
	k := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			k++
			i++
			j++
		}
	}
	return float64(k) / float64(len(a)), k
}

// similar scores how likely two bags carry one statement, 0 to 1: 1 when
// one is a trimmed copy of the other (all its words and nearly all its
// word pairs in the other), else the mean of word and pair containment
// when at least five content words are shared, else 0.
func similar(a, b bag) float64 {
	cw, kw := containment(a.words, b.words)
	if kw < 3 {
		return 0
	}
	cp, _ := containment(a.pairs, b.pairs)
	switch {
	case cw == 1 && cp >= 0.8:
		return 1 // one is a trimmed copy of the other
	case kw < 5:
		return 0 // too few shared words to tell a paraphrase from a topic
	}
	return (cw + cp) / 2
}
