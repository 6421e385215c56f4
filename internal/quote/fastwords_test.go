package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"storyline/internal/text"
)

// The word table and the shape bits must say what the word lists and
// the predicates they stand for say.
func TestWordTableAgreesWithLists(t *testing.T) {
	tbl := loadWordTable()
	wf := loadWordFlags()
	relOrOpener := map[string]bool{}
	for _, m := range []map[string]bool{relWords, clauseOpeners} {
		for w, ok := range m {
			relOrOpener[w] = relOrOpener[w] || ok
		}
	}
	lists := []struct {
		name  string
		words map[string]bool
		bit   uint32
	}{
		{"npAdverbs", npAdverbs, xNpAdverb}, {"weekdays", weekdays, xWeekday}, {"lyAdjectives", lyAdjectives, xLyAdj},
		{"standAlone", standAlone, xStandAlone}, {"prepositions", prepositions, xPrep}, {"titleWords", titleWords, xTitleWord},
		{"pronouns", pronouns, xPronoun}, {"determiners", determiners, xDeterminer},
		{"relWords or clauseOpeners", relOrOpener, xRelOpener},
	}
	// (d.in and the x bits stand for map lookups: the table must hold
	// every key of those lists)
	for _, l := range append(lists, struct {
		name  string
		words map[string]bool
		bit   uint32
	}{"speechVerbs", speechVerbs, 0}, struct {
		name  string
		words map[string]bool
		bit   uint32
	}{"quoteOnlyVerbs", quoteOnlyVerbs, 0}) {
		for w := range l.words {
			if w == "" || len(w) >= 32 {
				t.Errorf("%q in %s: not in the word table", w, l.name)
			}
		}
	}
	for _, l := range yLists {
		for w := range l.words {
			if w == "" || len(w) >= 32 {
				t.Errorf("%q (y bit %b): not in the word table", w, l.bit)
			}
		}
	}
	words := []string{"said", "the", "he", "president", "alliance", "monday", "early", "another", "in", "mr.", "zzz", "", "according", "x"}
	for w := range wf.m {
		words = append(words, w)
	}
	for _, l := range lists {
		for w := range l.words {
			words = append(words, w)
		}
	}
	for _, l := range yLists {
		for w := range l.words {
			words = append(words, w)
		}
	}
	for _, w := range words {
		id := tbl.lookup(w)
		var flags uint16
		var x uint32
		lex := int32(-1)
		if id >= 0 {
			flags, x, lex = tbl.ents[id].flags, tbl.ents[id].x, tbl.ents[id].lex
		}
		if id2, f2, x2 := tbl.lookupKey(w, wordHash(w), key8Of(w)); id2 != id || f2 != flags || x2 != x {
			t.Errorf("%q: lookupKey %d %b %b, want %d %b %b", w, id2, f2, x2, id, flags, x)
		}
		if e, ok := wf.m[w]; ok && len(w) < 32 {
			if e.flags != flags || (e.lex == nil) != (lex < 0) {
				t.Errorf("%q: flags %b lex %d, want %b %v", w, flags, lex, e.flags, e.lex)
			} else if lex >= 0 {
				le := tbl.lexes[lex]
				if le.word != e.lex.word || le.top != e.lex.top {
					t.Errorf("%q: lexicon entry %v, want %v", w, le, e.lex)
				}
				for c, r := range e.lex.cls {
					if k := classIndex(c); k >= 0 && (le.clsHas&(1<<k) == 0 || tbl.rates[int(le.clsOff)+k] != r) {
						t.Errorf("%q: rate before %q lost", w, c)
					}
				}
				for k := range numClasses {
					if _, ok := e.lex.cls[classNames[k]]; ok != (le.clsHas&(1<<k) != 0) {
						t.Errorf("%q: class %q", w, classNames[k])
					}
				}
			}
		} else if flags != 0 || lex >= 0 {
			t.Errorf("%q: flags %b lex %d, want none", w, flags, lex)
		}
		for _, l := range lists {
			if got, want := x&l.bit != 0, l.words[w] && len(w) < 32; got != want {
				t.Errorf("%q in %s: %v, want %v", w, l.name, got, want)
			}
		}
		var y uint32
		if id >= 0 {
			y = tbl.ents[id].y
		}
		for _, l := range yLists {
			if got, want := y&l.bit != 0, l.words[w] && len(w) < 32; got != want {
				t.Errorf("%q in the list of y bit %b: %v, want %v", w, l.bit, got, want)
			}
		}
		_, role := roleNouns[w]
		_, alias := groupAliases[w]
		if got := x&xRole != 0; got != (role && len(w) < 32) {
			t.Errorf("%q role: %v", w, got)
		}
		if got := x&xAlias != 0; got != (alias && len(w) < 32) {
			t.Errorf("%q alias: %v", w, got)
		}
	}
}

func TestGeneralPunctuationHasNoLetters(t *testing.T) {
	for r := rune(0x2000); r <= 0x206F; r++ {
		if unicode.IsLetter(r) || unicode.IsUpper(r) || unicode.IsLower(r) || unicode.ToLower(r) != r {
			t.Errorf("%U: a letter or cased", r)
		}
		if s := "x" + string(r) + "y"; lowerRunes(s) != strings.ToLower(s) {
			t.Errorf("lowerRunes(%q)", s)
		}
	}
	for _, s := range []string{"", "abc", "ABC", "“Ab", "’s", "Élan", "x\xff", "—", "a—B"} {
		if lowerRunes(s) != strings.ToLower(s) {
			t.Errorf("lowerRunes(%q) = %q", s, lowerRunes(s))
		}
	}
}

func TestShapeAndClass(t *testing.T) {
	toks := []string{"—x", "’", "”s", "…", "", "a", "A", "said", "Said", "SAID", "early", "saying", "ly", "ing", ",", ".", "“", "”", "’s", "'s", "Élan", "élan", "日本", "1", "42", "-", "\xff", "that", "It", "$", "q", "Ça", "çing", "x\xffly"}
	for _, tok := range toks {
		for _, low := range []string{strings.ToLower(tok), tok} {
			want := uint32(0)
			if isWordTok(low) {
				want |= sWord
			}
			if isLowerWord(tok) {
				want |= sLower
			}
			if isCap(tok) {
				want |= sCap
			}
			if strings.HasSuffix(low, "ly") {
				want |= sLy
			}
			if strings.HasSuffix(low, "ing") {
				want |= sIng
			}
			if len(tok) == 1 && tok[0] < utf8.RuneSelf && !(tok[0] >= 'a' && tok[0] <= 'z' || tok[0] >= 'A' && tok[0] <= 'Z' || tok[0] >= '0' && tok[0] <= '9') {
				want |= sPunct1
			}
			if got := shapeOf(tok, low); got != want {
				t.Errorf("shapeOf(%q, %q) = %b, want %b", tok, low, got, want)
			}
			if got, want := classNames[classID(tok, low)], classOf(tok, low); got != want {
				t.Errorf("classID(%q, %q) names %q, want %q", tok, low, got, want)
			}
			if tok != "" && low == strings.ToLower(tok) {
				txt := "x " + tok
				d := newDoc(txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: []text.Token{{Start: 0, End: 1, Text: "x"}, {Start: 2, End: len(txt), Text: tok}}}}, new(buffers))
				if got, want := classNames[d.classOfTok(1)], classOf(tok, low); got != want {
					t.Errorf("classOfTok(%q) names %q, want %q", tok, got, want)
				}
			}
		}
	}
}

func TestLowerASCIIWord(t *testing.T) {
	words := []string{"a", "Z", "said", "Said", "SAID", "@[`{", "according", "ACCORDING", "Secretary-General", "abcdefgh", "ABCDEFGHI", "x1Y2z3W4v5U6", "0123456789abcdefXYZ"}
	for _, w := range words {
		// at the start, in the middle and at the very end of a text
		for _, txt := range []string{w + " tail of the text", "head " + w + " tail of the text", "head " + w} {
			s := strings.Index(txt, w)
			h, key8, caps, ok := lowerASCIIWord(txt, s, len(w))
			lw := strings.ToLower(w)
			if !ok || h != wordHash(lw) || key8 != key8Of(lw) || caps != (lw != w) {
				t.Errorf("lowerASCIIWord(%q in %q) = %x %x %v %v", w, txt, h, key8, caps, ok)
			}
		}
	}
	for _, txt := range []string{"é", "abcdefgé", "“x”", "abc\xff"} {
		if _, _, _, ok := lowerASCIIWord(txt, 0, len(txt)); ok {
			t.Errorf("lowerASCIIWord(%q): ok", txt)
		}
	}
}

func TestHeadRole(t *testing.T) {
	for _, r := range []string{"head", "president", "*", "minister", "", "Head"} {
		if isHeadRole(r) != headRoles[r] {
			t.Errorf("isHeadRole(%q)", r)
		}
	}
}

func TestDemonymBlankLastField(t *testing.T) {
	words := []string{"", "c", "ic", "an", "ian", "ukrainian", "chinese", "british", "korean", "american", "arctic", "iran", "sen", "ese", "ish", "xic", "ukraine"}
	for _, w := range words {
		want := false
		for _, suf := range []string{"ian", "ese", "ish", "ean", "can", "ic"} {
			want = want || strings.HasSuffix(w, suf)
		}
		if isDemonym(w) != want {
			t.Errorf("isDemonym(%q) = %v", w, !want)
		}
	}
	for _, s := range []string{"", " ", "a", " a b ", "Mark  Rutte\n", "a\tb", "\v\fx\r", "Zelensky", "x\u00a0y"} {
		if hasBlank(s) != strings.ContainsAny(s, " \t\n") {
			t.Errorf("hasBlank(%q)", s)
		}
		if l, m, ok := lastFieldASCII(s); ok {
			f := strings.Fields(s)
			wl, wm := "", len(f) > 1
			if len(f) > 0 {
				wl = f[len(f)-1]
			}
			if l != wl || m != wm {
				t.Errorf("lastFieldASCII(%q) = %q %v, want %q %v", s, l, m, wl, wm)
			}
		}
	}
}

// The cue and name bits newDoc reads off a token's word and shape must
// say what the word's flags and lexicon entry say.
func TestCueAndNameBits(t *testing.T) {
	var words []string
	for w := range loadWordFlags().m {
		words = append(words, w)
	}
	words = append(words, "zzz", "Élan", "’s", "—", "42", "early", "according", "ACCORDING", "Says")
	var b strings.Builder
	var toks []text.Token
	for k, w := range words {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if k%7 == 3 {
				v = "\"" + v + "\"" // (some inside quote marks)
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			for _, part := range strings.SplitAfter(strings.TrimSuffix(v, "\""), "\"") {
				toks = append(toks, text.Token{Start: b.Len(), End: b.Len() + len(part), Text: part})
				b.WriteString(part)
			}
			if strings.HasSuffix(v, "\"") && len(v) > 1 {
				toks = append(toks, text.Token{Start: b.Len(), End: b.Len() + 1, Text: "\""})
				b.WriteByte('"')
			}
		}
	}
	txt := b.String()
	d := newDoc(txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: toks}}, new(buffers))
	var want []int32
	names := 0
	for i := range d.toks {
		x, fl, id := d.xf[i], d.flags[i], d.wid[i]
		zero := !(x&(sWord|sLower) == sWord|sLower && fl&fAux == 0 && (x&sLy == 0 || fl&fSpeech != 0) && (fl&(fSpeech|fPhrasal) != 0 || id >= 0 && d.tbl.ents[id].lex >= 0)) && d.lower(i) != "according" && !(fl&fHeadline != 0 && x&sCap != 0)
		if got := d.cueMemo[i] == 0; got != zero {
			t.Errorf("%q: cue score known 0 %v, want %v", d.toks[i].Text, got, zero)
		}
		if !zero && d.tokReg[i] < 0 {
			want = append(want, int32(i))
		}
		name := x&sCap != 0 && fl&(fOpener|fTitle|fRole) == 0
		if got := d.nameMemo[i] == 2; got != name {
			t.Errorf("%q: isName %v, want %v", d.toks[i].Text, got, name)
		}
		if name {
			names++
		}
	}
	if !slices.Equal(d.maybeCue, want) {
		t.Errorf("maybeCue %v, want %v", d.maybeCue, want)
	}
	if d.nNames != names || names == 0 || len(want) == 0 {
		t.Errorf("nNames %d, want %d (%d cue candidates)", d.nNames, names, len(want))
	}
}

// checkWordsOf checks wordsOf's one-load path against wordOf, which
// reads every token the general way.
func checkWordsOf(t *testing.T, txt string) {
	t.Helper()
	d := newDoc(txt, text.Split(txt), new(buffers))
	n := len(d.toks)
	low := make([]string, n)
	for i := range n {
		low[i] = d.lower(i)
	}
	flags, xf, wid := slices.Clone(d.flags[:n]), slices.Clone(d.xf[:n]), slices.Clone(d.wid[:n])
	lt := append([]byte(txt), 0)
	for i := range n {
		lt, _ = d.wordOf(i, &d.toks[i], lt)
		d.flags[i] |= flags[i] & fJoined // (set after wordsOf by joinSentences)
	}
	d.lowBase = unsafe.Pointer(unsafe.SliceData(lt))
	for i := range n {
		if got, want := low[i], d.lower(i); got != want || flags[i] != d.flags[i] || xf[i] != d.xf[i] || wid[i] != d.wid[i] {
			t.Fatalf("token %q: wordsOf gives %q %b %b %d, wordOf %q %b %b %d", d.toks[i].Text, got, flags[i], xf[i], wid[i], want, d.flags[i], d.xf[i], d.wid[i])
		}
	}
}

func TestWordsOfAgreesWithWordOf(t *testing.T) {
	for _, txt := range []string{
		`“We will not accept it,” Zelenskyy said on Friday, adding that guarantees were "ironclad". He SAID so; Reportedly, the Alliance's chief is leading.`,
		"According to NATO, Sergei Lavrov called it a utopia — a road to nowhere… ÉTATS-UNIS said 42 ly ing Ly ING",
		"x", "", "Saying", "said.", "a\xffb said \xc3",
	} {
		checkWordsOf(t, txt)
	}
}

func FuzzWordsOf(f *testing.F) {
	f.Add(`“We will not accept it,” Zelenskyy said on Friday. The ALLIANCE leader, Rutte, is calling.`)
	f.Add("Élan, 日本 and \xff said")
	f.Fuzz(func(t *testing.T, txt string) {
		if len(txt) <= 1<<14 {
			checkWordsOf(t, txt)
		}
	})
}
