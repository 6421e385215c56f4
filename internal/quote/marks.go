package quote

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// region is a stretch of text in quote marks: [s, e) includes the marks;
// closed is false when no closing mark was found and e was guessed.
type region struct {
	s, e   int
	closed bool
	single bool
}

// markClass tells what a quote mark at a position may do.
type markClass uint8

const (
	notMark markClass = iota
	openDouble
	closeDouble
	eitherDouble // a straight " whose role depends on context
	openSingle
	closeSingle
)

func isSpaceOrStart(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r)
}

// classify returns the class of the mark starting at byte i of text and
// its length in bytes.
func classify(text string, i int) (markClass, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 {
		prev = utf8.RuneError
	}
	var next rune = utf8.RuneError
	if i+n < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+n:])
	}
	switch r {
	case '“', '«', '„':
		return openDouble, n
	case '”', '»':
		// Some copy opens with ” at a paragraph start.
		if isSpaceOrStart(prev) && !isSpaceOrStart(next) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			return eitherDouble, n
		}
		return closeDouble, n
	case '"':
		return eitherDouble, n
	case '\'':
		if next == '\'' { // two apostrophes stand for a double mark
			return eitherDouble, 2
		}
		if isSpaceOrStart(prev) || isOpenPunct(prev) {
			if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '.' {
				return openSingle, n
			}
			return notMark, n
		}
		if unicode.IsLetter(prev) && unicode.IsLetter(next) {
			return notMark, n // don't, O'Brien
		}
		return closeSingle, n
	case '‘':
		return openSingle, n
	case '’':
		if unicode.IsLetter(prev) && unicode.IsLetter(next) {
			return notMark, n
		}
		if isSpaceOrStart(prev) || isOpenPunct(prev) {
			if unicode.IsLetter(next) {
				return openSingle, n
			}
			return notMark, n
		}
		return closeSingle, n
	}
	return notMark, 0
}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', ':', '“', '"', '«':
		return true
	}
	return false
}

// straightOpens decides whether a straight double mark at i opens a quote
// given whether one is open now.
func straightOpens(text string, i, n int, open bool) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 {
		prev = utf8.RuneError
	}
	var next rune = utf8.RuneError
	if i+n < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+n:])
	}
	pOpen := isSpaceOrStart(prev) || isOpenPunct(prev) || prev == '(' || prev == '/'
	nOpen := !isSpaceOrStart(next) && next != ',' && next != '.' && next != ';' && next != ')'
	if next == '.' && (hasPrefixAt(text, i+n, ". . .") || hasPrefixAt(text, i+n, "...")) {
		nOpen = true // ". . . You're going to want ...": an ellipsis opens the quote
	}
	switch {
	case pOpen && nOpen:
		return true
	case !pOpen && !nOpen:
		return false
	case pOpen && !nOpen:
		return !open && next != '.' && next != ','
	default: // glued to the word before and to the word after: closes if open
		return !open
	}
}

func hasPrefixAt(text string, i int, p string) bool {
	return i+len(p) <= len(text) && text[i:i+len(p)] == p
}

// regions finds the quoted stretches of text. Double marks pair at the top
// level; single marks pair only outside double quotes. A quote still open
// at the end of its paragraph is closed there when the next paragraph
// opens with a quote mark (a quote that continues over paragraphs) or when
// the rest of the paragraph is short; otherwise it ends with the sentence
// it opened in (copy that lost its closing mark). ends holds the byte
// offsets where sentences end.
func regions(text string, sentEnds []int) []region {
	return regionsInto(nil, text, sentEnds)
}

// regionsInto is regions appending to dst[:0] (a pooled buffer).
func regionsInto(dst []region, text string, sentEnds []int) []region {
	out := dst[:0]
	dOpen, sOpen := -1, -1
	depth := 0 // curly quotes nested inside the open one
	paraStart := 0
	closeUnclosed := func(start, paraEnd int, single bool) {
		e := paraEnd
		if !nextParaOpensQuote(text, paraEnd) {
			// Count sentence ends between start and paraEnd.
			// sentEnds is sorted: the first two ends after start.
			j := sort.SearchInts(sentEnds, start+1)
			if j+1 < len(sentEnds) && sentEnds[j+1] < paraEnd {
				e = sentEnds[j]
			}
		}
		e = trimRightSpace(text, start, e)
		if c := saidAfterComma(text[start:e]); c > 0 {
			// “A, said Varga, whose group ...: the attribution ends
			// a quote that lost its closing mark.
			e = start + c
		}
		if e > start+1 {
			out = append(out, region{s: start, e: e, closed: false, single: single})
		}
	}
	for i := 0; i < len(text); {
		i = nextMarkStop(text, i)
		if i >= len(text) {
			break
		}
		c := text[i]
		if c == '\n' {
			depth = 0
			if dOpen >= 0 {
				closeUnclosed(dOpen, i, false)
				dOpen = -1
			}
			if sOpen >= 0 {
				// A single mark left open was most likely an apostrophe.
				sOpen = -1
			}
			i++
			paraStart = i
			continue
		}
		if c < 0x80 && c != '"' && c != '\'' {
			i++
			continue
		}
		cls, n := classify(text, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		if cls == eitherDouble {
			if straightOpens(text, i, n, dOpen >= 0) {
				cls = openDouble
			} else {
				cls = closeDouble
			}
		}
		if cls == openDouble && dOpen >= 0 && text[i] != '"' && gluedCloser(text, i, n) {
			// “Apparently not,“ he said: an opening mark used to close.
			cls = closeDouble
		}
		switch cls {
		case openDouble:
			if dOpen >= 0 && c != '"' && nestedAhead(text, i+n) {
				depth++
				break
			}
			if dOpen >= 0 {
				// A new quote opens before the last one closed.
				closeUnclosed(dOpen, lastNonSpace(text, dOpen, i), false)
			}
			dOpen, sOpen = i, -1
			depth = 0
		case closeDouble:
			if depth > 0 {
				depth--
				break
			}
			if dOpen >= 0 {
				out = append(out, region{s: dOpen, e: i + n, closed: true})
				dOpen = -1
			} else if i-paraStart > 0 && onlySingleSince(out, paraStart) {
				// A closing mark with no opening one in its paragraph: the
				// quote ran from the paragraph start. (Single marks in
				// the paragraph were a quote inside it: the outer region
				// wins when the regions are made disjoint below.)
				if s := firstNonSpace(text, paraStart, i); s < i && quoteLike(text[s:i]) && closesSpeech(text[s:i]) {
					out = append(out, region{s: s, e: i + n, closed: false})
				}
			}
		case openSingle:
			if dOpen < 0 {
				sOpen = i
			}
		case closeSingle:
			if dOpen < 0 && sOpen >= 0 {
				if i+n-sOpen > 3 {
					out = append(out, region{s: sOpen, e: i + n, closed: true, single: true})
				}
				sOpen = -1
			}
		}
		i += n
	}
	if dOpen >= 0 {
		closeUnclosed(dOpen, len(text), false)
	}
	// Keep regions in order and disjoint, whatever the marks were.
	slices.SortFunc(out, func(a, b region) int { return cmp.Compare(a.s, b.s) })
	kept := out[:0]
	for _, r := range out {
		if len(kept) > 0 && r.s < kept[len(kept)-1].e {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// closesSpeech reports whether quoted words s end as speech does before
// a closing mark with no opening one: in punctuation ("… a proven
// failure.”", "…, the train has left,” wrote"), not in a word ("a review
// of [his] systems\" including", "6'3\" tall", "Mostly True\" tweet-date"),
// where the mark is an inch sign, markup, or a quotation whose opening
// mark was lost mid-sentence.
func closesSpeech(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(",.!?…;:)]—–-'’", r)
}

// onlySingleSince reports whether every region of out that ends after
// byte p is in single marks (true when there is none).
func onlySingleSince(out []region, p int) bool {
	for k := len(out) - 1; k >= 0 && out[k].e > p; k-- {
		if !out[k].single {
			return false
		}
	}
	return true
}

// nextMarkStop returns the first byte at or after i that regionsInto
// must look at (markStop), or len(text). Most bytes are plain ASCII: it
// reads eight at a time, in a loop of its own (in regionsInto's, the
// registers went to the state of the marks). (Sixteen at a time cost
// more: a stop comes every 85 bytes or so.)
func nextMarkStop(text string, i int) int {
	if i >= 0 && len(text) >= 8 {
		// (the constants loaded once, in registers: as constants, they
		// were written into registers anew every eight bytes)
		nl, five, sq, ones, hi := stopConsts[0], stopConsts[1], stopConsts[2], stopConsts[3], stopConsts[4]
		p := unsafe.Pointer(unsafe.StringData(text))
		for ; i <= len(text)-8; i += 8 {
			x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:])
			a, q := x^nl, x|five^sq
			if m := (x | (a-ones)&^a | (q-ones)&^q) & hi; m != 0 {
				return i + bits.TrailingZeros64(m)>>3
			}
		}
	}
	for i < len(text) && !markStop[text[i]] {
		i++
	}
	return i
}

// stopConsts are the constants of nextMarkStop's test of eight bytes x,
// which has the high bit set of the bytes that are not ASCII, a line
// break, a straight mark, '#' or '&', and maybe of bytes after one of
// those, never before the first: x&hi8 | zeroBytes(x^nl) | zeroBytes(x|5
// ^ sq), with one mask for all. (A byte or-ed with 5 is '\” for '"',
// '#', '&' and '\” only: one test for the two marks, and two bytes rare
// in news that regionsInto steps over.)
var stopConsts = [5]uint64{0x0101010101010101 * '\n', 0x0101010101010101 * 5, 0x0101010101010101 * '\'', 0x0101010101010101, hi8}

// markStop marks the bytes regionsInto must look at: line breaks,
// straight marks and the bytes of non-ASCII runes, and '#' and '&'
// (stopConsts).
var markStop = func() (t [256]bool) {
	t['\n'], t['"'], t['\''], t['#'], t['&'] = true, true, true, true, true
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// saidAfterComma returns the end of the first comma in s that an
// attribution follows (", said Varga", ", she added"), or 0.
func saidAfterComma(s string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 {
			return 0
		}
		i += j + 2
		rest := s[i:]
		w, after, _ := strings.Cut(rest, " ")
		switch w {
		case "he", "she", "they", "we":
			w, _, _ = strings.Cut(after, " ")
			if closingSaid[strings.TrimRight(w, ".,")] && (w[len(w)-1] == '.' || w[len(w)-1] == ',') {
				return i - 1
			}
		default:
			if closingSaid[w] && after != "" && after[0] >= 'A' && after[0] <= 'Z' {
				return i - 1
			}
			// ", Varga said.", ", Anna Varga said,"
			for n := 0; n < 3 && w != "" && w[0] >= 'A' && w[0] <= 'Z' && after != ""; n++ {
				w, after, _ = strings.Cut(after, " ")
				if v := strings.TrimRight(w, ".,"); closingSaid[v] && len(v) < len(w) {
					return i - 1
				}
			}
		}
	}
}

// closingSaid are the verbs of an attribution after a quotation: a short
// list of its own, as saidAfterComma reads text with no tokens (the
// participles and "according" of speechVerbs would cut quotations at
// words of their own: “…, saying Varga was wrong …”).
var closingSaid = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "told": true, "wrote": true, "writes": true, "explained": true, "noted": true, "continued": true}

// quoteLike reports whether s looks like quoted speech: at least three
// words.
func quoteLike(s string) bool {
	return countWords(s, 3) >= 3
}

func nextParaOpensQuote(text string, i int) bool {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			switch r {
			case '"', '“', '«', '‘', '\'', '”':
				return true
			}
			return false
		}
		i += n
	}
	return false
}

func trimRightSpace(text string, s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return e
}

func lastNonSpace(text string, s, e int) int { return trimRightSpace(text, s, e) }

func firstNonSpace(text string, s, e int) int {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	return s
}

// nestedAhead reports whether, after a curly opening mark met inside an
// open quotation, two closing marks come before the next opening mark and
// the paragraph end: the inner quotation closes, then the outer one.
func nestedAhead(text string, i int) bool {
	closers := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			return false
		case '“', '«':
			return false
		case '”', '»':
			closers++
			if closers == 2 {
				return true
			}
		}
		i += n
	}
	return false
}

// gluedCloser reports whether the mark at [i, i+n) is glued to the word
// or punctuation before it and followed by white space, punctuation or
// the end: placed like a closing mark.
func gluedCloser(text string, i, n int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	if i+n >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsSpace(next) || next == ',' || next == '.' || next == ';' || next == ')'
}
