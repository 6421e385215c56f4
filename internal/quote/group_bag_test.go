package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"storyline/internal/text"
)

// stem cuts a lower-cased word to six letters (bagOfSlow).
func stem(w string) string {
	n := 0
	for i := range w {
		if n == 6 {
			return w[:i]
		}
		n++
	}
	return w
}

// bagOfSlow is the plain statement of bagOf's definition: lower-case the
// text, split it at runes that are neither letters nor digits, drop stop
// words and one-byte words, stem (a plural "s" off a word of up to six
// runes), make synonyms one and hash.
func bagOfSlow(s string) bag {
	var b bag
	var prev uint64
	have := false
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[f] || len(f) < 2 {
			continue
		}
		st := stem(f)
		if st == f && len(f) >= 4 && strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss") && !strings.HasSuffix(f, "us") && !strings.HasSuffix(f, "is") {
			st = f[:len(f)-1] // a plural "s" of a word of up to six runes
		}
		w := stemKey([]byte(st))
		if c, ok := canonStem[w]; ok {
			w = c
		}
		b.words = append(b.words, w)
		if have {
			b.pairs = append(b.pairs, prev*0x9E3779B97F4A7C15^w)
		}
		prev, have = w, true
	}
	slices.Sort(b.words)
	slices.Sort(b.pairs)
	return bag{slices.Compact(b.words), slices.Compact(b.pairs)}
}

func sameBag(a, b bag) bool {
	return slices.Equal(a.words, b.words) && slices.Equal(a.pairs, b.pairs)
}

func TestBagOf(t *testing.T) {
	for _, s := range []string{
		"",
		"the a of",
		"Security guarantees without Russia are a utopia, a road to nowhere.",
		"SECURITY Guarantees: guarantees!",
		"Zelenskyy’s “ironclad” guarantees — Ukraïna, ÉTATS-UNIS, Straße",
		"x y z 42 7 ab",
		"supercalifragilisticexpialidocious-and-then-some-more-letters-to-pass-thirty-two",
		"Ωμέγααααααααααααααααααααααααααα long Greek word, İstanbul, ǅemal",
		"bad \xff\xfe bytes\xc3 and \uFFFD here",
		"don't won't it's U.S. e-mail",
	} {
		if got, want := bagOf(s), bagOfSlow(s); !sameBag(got, want) {
			t.Errorf("bagOf(%q) = %v, want %v", s, got, want)
		}
	}
	// appended to an arena, bags keep apart
	arena, a := appendBag(nil, "first statement about guarantees")
	_, b := appendBag(arena, "a second one about something else entirely")
	if !sameBag(a, bagOfSlow("first statement about guarantees")) || !sameBag(b, bagOfSlow("a second one about something else entirely")) {
		t.Error("bags in one arena differ from bags on their own")
	}
}

func FuzzBagOf(f *testing.F) {
	f.Add("Security guarantees without Russia are a utopia, a road to nowhere.")
	f.Add("Ωμέγα ÉTATS-UNIS \xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bagOf(s), bagOfSlow(s); !sameBag(got, want) {
			t.Errorf("bagOf(%q) = %v, want %v", s, got, want)
		}
	})
}

// checkSpanBag checks appendSpanBag against appendBag on every span of
// txt between two of the given byte offsets.
func checkSpanBag(t *testing.T, txt string, sents []text.Sentence, offs []int) {
	t.Helper()
	d := newDoc(txt, sents, new(buffers))
	for _, s := range offs {
		for _, e := range offs {
			if s < 0 || e > len(txt) || s > e {
				continue
			}
			_, got := d.appendSpanBag(nil, s, e)
			if want := bagOf(txt[s:e]); !sameBag(got, want) {
				t.Fatalf("appendSpanBag(%q) = %v, want %v", txt[s:e], got, want)
			}
		}
	}
}

func TestAppendSpanBag(t *testing.T) {
	for _, txt := range []string{
		"Security guarantees without Russia are a utopia, a road to nowhere.",
		`“We will not accept it,” Zelenskyy said. The alliance’s chief called it "ironclad".`,
		"don't won't it's U.S. e-mail 1,000 GUARANTEES Guarantee x",
		"ÉTATS-UNIS and Ukraïna2024 agreed; Straße — ǅemal",
		"supercalifragilistic words longer than eight bytes, and short ones",
		"bad \xff\xfebytes\xc3 and \uFFFD here",
	} {
		var offs []int
		for i := range len(txt) + 1 {
			offs = append(offs, i)
		}
		checkSpanBag(t, txt, text.Split(txt), offs)
	}
	// tokens the splitter would not give: out of order, overlapping,
	// splitting a word
	txt := "cannot stop the guarantees now"
	toks := []text.Token{{Start: 0, End: 3, Text: "can"}, {Start: 3, End: 6, Text: "not"}, {Start: 7, End: 11, Text: "stop"},
		{Start: 9, End: 15, Text: "op the"}, {Start: 16, End: 26, Text: "guarantees"}, {Start: 27, End: 30, Text: "now"}}
	checkSpanBag(t, txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: toks}}, []int{0, 1, 3, 6, 7, 10, 16, 26, 30})
}

func FuzzAppendSpanBag(f *testing.F) {
	f.Add(`“We will not accept it,” Zelenskyy said of the guarantees.`, uint16(0), uint16(40))
	f.Add("ÉTATS-UNIS, Ukraïna2024 \xff don't", uint16(3), uint16(30))
	f.Fuzz(func(t *testing.T, txt string, a, b uint16) {
		if len(txt) > 4096 {
			return
		}
		s, e := int(a)%(len(txt)+1), int(b)%(len(txt)+1)
		if s > e {
			s, e = e, s
		}
		checkSpanBag(t, txt, text.Split(txt), []int{s, e})
	})
}
