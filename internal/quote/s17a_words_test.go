package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"storyline/internal/text"
)

// checkWordsOfToks checks wordsOf (lookupWords and the tokens it
// leaves) against wordOf, which reads every token the
// general way, for a caller's tokens.
func checkWordsOfToks(t *testing.T, txt string, toks []text.Token) {
	t.Helper()
	d := newDoc(txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: toks}}, new(buffers))
	n := len(d.toks)
	low := make([]string, n)
	for i := range n {
		low[i] = d.lower(i)
	}
	flags, xf, wid := append([]uint16(nil), d.flags[:n]...), append([]uint32(nil), d.xf[:n]...), append([]int32(nil), d.wid[:n]...)
	lt := append([]byte(txt), 0)
	for i := range n {
		lt, _ = d.wordOf(i, &d.toks[i], lt)
		d.flags[i] |= flags[i] & fJoined // (set after wordsOf by joinSentences)
		if d.flags[i]&fPhrasal != 0 {
			// (set after wordsOf by phrasal, when the particle follows:
			// "chimed in")
			d.flags[i] |= flags[i] & fSpeech
		}
	}
	d.lowBase = unsafe.Pointer(unsafe.SliceData(lt))
	for i := range n {
		// (indexSentence's mark, as breakBefore reads it)
		x := d.toks[i].Text
		if got, want := xf[i]&sBreakMark != 0, x != "" && breakMark[x[0]]&(uint8(xf[i]/sPunct1&1)|2) != 0; got != want {
			t.Fatalf("token %q in %q: sBreakMark %v, want %v", x, txt, got, want)
		}
		if got, want := low[i], d.lower(i); got != want || flags[i] != d.flags[i] || xf[i] != d.xf[i] || wid[i] != d.wid[i] {
			t.Fatalf("token %q (%d-%d) in %q: wordsOf gives %q %b %b %d, wordOf %q %b %b %d", d.toks[i].Text, d.toks[i].Start, d.toks[i].End, txt, got, flags[i], xf[i], wid[i], want, d.flags[i], d.xf[i], d.wid[i])
		}
	}
}

// Words of every length up to twenty bytes, in the table or not, in
// any case, with the endings the shape bits tell, at the very start and
// end of a text, beside non-ASCII bytes, and tokens whose text is not
// their span's.
func TestS17aWordsOfRandom(t *testing.T) {
	pieces := []string{"l", "L", "y", "Y", "i", "n", "g", "in", "IN", "ng", ",", ".", "\"", "'", "“", "”", "—", "(", ")", "x", "I", "ly", "LY", "ing", "InG", "fly", "Ly",
		"said", "Said", "SAID", "the", "The", "according", "ACCORDING", "Reportedly", "reportedly", "saying",
		"announcement", "Announcements", "spokeswoman", "SPOKESWOMEN", "representatives", "Representatives",
		"counterintelligence", "Counter-Intelligence", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPq", "abcdefgh", "abcdefghi",
		"Élan", "élan", "café", "CAFÉ", "日本", "x\xffly", "\xff", "naïvely", "12345678", "1234567890123456", "@[`{", "Z@[",
		"Mr.", "mr.", "U.S.", "Secretary-General", "well-being", "long-standing", "x\x00y", "\x00"}
	tbl := loadWordTable()
	for k := range tbl.ents {
		if w := tbl.blob[tbl.offs[k]:tbl.offs[k+1]]; k%5 == 0 {
			pieces = append(pieces, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
		}
	}
	rng := rand.New(rand.NewPCG(17, 1))
	for range 20 {
		var b strings.Builder
		for range rng.IntN(40) {
			n := 1 + rng.IntN(20)
			for range n {
				b.WriteByte("aAzZlLyYiInNgG-.'@[`{"[rng.IntN(21)])
			}
			pieces = append(pieces, b.String())
			b.Reset()
		}
	}
	// (the short pieces as often as all the others: one glued to the
	// next makes "ly" or "ing" across two tokens)
	short := []string{"l", "L", "y", "Y", "i", "n", "g", "in", "IN", "ng", "x", "I", ",", "ly", "ing", ".", "!", "?", "'", "\"", "”", "“", "..."}
	for range len(pieces) / len(short) {
		pieces = append(pieces, short...)
	}
	gaps := []string{"", " ", " ", " ", "  ", "\n", " — ", "é"}
	for k := range 3000 {
		txt, toks := randomTokens(rng, pieces, gaps, 60)
		if k%2 == 0 {
			// (room after the last token: every token gets read the
			// fast way when it can)
			txt += strings.Repeat(" ", 16)
		}
		for i, tok := range toks {
			// (a text that is its span's, as a slice of the text
			// mostly, as the splitter makes it, or a copy)
			if tok.Text == txt[tok.Start:tok.End] && rng.IntN(8) != 0 {
				toks[i].Text = txt[tok.Start:tok.End]
			}
		}
		checkWordsOfToks(t, txt, toks)
	}
}

// The table must find every key with lookupKey, every key of up to
// sixteen bytes where lookupWords looks first or past a place marked
// more, and hash16 must be wordHash.
func TestS17aWordTable(t *testing.T) {
	tbl := loadWordTable()
	for k := range tbl.ents {
		w := tbl.blob[tbl.offs[k]:tbl.offs[k+1]]
		h := wordHash(w)
		if id, _, _ := tbl.lookupKey(w, h, key8Of(w)); id != int32(k) {
			t.Errorf("%q: lookupKey %d, want %d", w, id, k)
		}
		if len(w) <= 16 {
			if h16 := hash16(len(w), key8Of(w), key8bOf(w)); h16 != h {
				t.Errorf("%q: hash16 %x, wordHash %x", w, h16, h)
			}
		}
		if home := &tbl.slots[h%tableSlots]; home.k != int32(k+1) && home.more == 0 {
			t.Errorf("%q: away from its place, which is not marked more", w)
		}
	}
	if 4*len(tbl.ents) > tableSlots {
		t.Errorf("%d words in %d places: more than a quarter full", len(tbl.ents), tableSlots)
	}
	for _, w := range []string{"", "a", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz0123456789"} {
		var k1 uint64
		for i := 8; i < len(w) && i < 16; i++ {
			k1 |= uint64(w[i]) << (8 * (i - 8))
		}
		if key8bOf(w) != k1 {
			t.Errorf("key8bOf(%q) = %x, want %x", w, key8bOf(w), k1)
		}
	}
}

// wordMasks against the bytes and shape bits a word of m bytes has.
func TestS17aWordMasks(t *testing.T) {
	for m := 1; m <= 16; m++ {
		w := wordMasks[m-1]
		var lo, hi uint64
		for b := range m {
			if b < 8 {
				lo |= 0xff << (8 * b)
			} else {
				hi |= 0xff << (8 * (b - 8))
			}
		}
		if w.lo != lo || w.hi != hi {
			t.Errorf("m %d: masks %x %x, want %x %x", m, w.lo, w.hi, lo, hi)
		}
		tok := strings.Repeat("x", m)
		if got, want := w.shape&(sPunct1|sLy|sIng), shapeOf(",", ",")*b2u(m == 1)|(sLy*b2u(m >= 2))|(sIng*b2u(m >= 3)); got != want {
			t.Errorf("m %d (%q): shape mask %b, want %b", m, tok, got, want)
		}
	}
}

// lowerText against lowering byte by byte, for texts of any length
// with bytes of every value.
func TestS17aLowerText(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = byte(rng.IntN(256))
			if rng.IntN(2) == 0 {
				b[k] = "@AZ[`az{\x80\xc3\x89"[rng.IntN(11)]
			}
		}
		want := make([]byte, len(b))
		for k, c := range b {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			want[k] = c
		}
		got := make([]byte, len(b)+1)
		lowerText(got, string(b))
		if string(got[:len(b)]) != string(want) {
			t.Fatalf("lowerText(%q) = %q, want %q", b, got[:len(b)], want)
		}
	}
}
