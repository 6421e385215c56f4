package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/zeebo/xxh3"
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
// words and one-byte words, stem and hash.
func bagOfSlow(s string) bag {
	var b bag
	var prev uint64
	have := false
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[f] || len(f) < 2 {
			continue
		}
		w := xxh3.HashString(stem(f))
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
