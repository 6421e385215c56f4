package quote

import "testing"

// checkKeyFilter checks that keyFilter lets through every pair of texts
// whose bags share three words or more (the pairs similar may score above
// 0), as resolveSpeakers relies on.
func checkKeyFilter(t *testing.T, a, b string) {
	t.Helper()
	ka, kb := appendWords(nil, a), appendWords(nil, b)
	var f keyFilter
	f.add(ka)
	_, ba := appendBag(nil, a)
	_, bb := appendBag(nil, b)
	if _, kw := containment(ba.words, bb.words); kw >= 3 && f.hits(kb) < 3 {
		t.Fatalf("keyFilter of %q: %d hits for %q, which shares %d words", a, f.hits(kb), b, kw)
	}
	if similar(ba, bb) > 0 && f.hits(kb) < 3 {
		t.Fatalf("keyFilter of %q: %d hits for %q, which scores %v", a, f.hits(kb), b, similar(ba, bb))
	}
}

func TestKeyFilter(t *testing.T) {
	texts := []string{
		"",
		"Security guarantees without Russia are a utopia, a road to nowhere.",
		"security guarantees without russia: a utopia",
		"Guarantees, guarantees, guarantees!",
		"We will not accept any security guarantees without Russia at the table.",
		"ÉTATS-UNIS and Ukraïna agreed on guarantees; Straße ÉTATS",
		"supercalifragilistic words longer than eight bytes, supercalifragilistic words",
	}
	for _, a := range texts {
		for _, b := range texts {
			checkKeyFilter(t, a, b)
		}
	}
	// a pair sharing three words passes, one sharing two does not (no
	// other key of these sets the same bit)
	var f keyFilter
	f.add(appendWords(nil, "alpha bravo charlie delta"))
	if n := f.hits(appendWords(nil, "charlie bravo alpha")); n != 3 {
		t.Errorf("hits = %d, want 3", n)
	}
}

func FuzzKeyFilter(f *testing.F) {
	f.Add("Security guarantees without Russia are a utopia.", "guarantees without Russia")
	f.Add("ÉTATS-UNIS Ukraïna Straße ǅemal", "ǅemal Straße ÉTATS")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkKeyFilter(t, a, b)
	})
}

func TestStopSet(t *testing.T) {
	for w := range stopWords {
		if !stopSet.has([]byte(w)) {
			t.Errorf("stopSet lacks %q", w)
		}
	}
	for _, w := range []string{"tha", "thee", "guarant", "x", "ab", "shoulda", "russia", "said", "u"} {
		if stopSet.has([]byte(w)) != stopWords[w] {
			t.Errorf("stopSet.has(%q) = %v", w, !stopWords[w])
		}
	}
	// stopMul still spreads the stop words (else newWordSet searches at
	// every start)
	if stopSet.mul != stopMul {
		t.Errorf("stopMul collides: newWordSet found %#x, to be set as stopMul", stopSet.mul)
	}
	// a set that the given multiplier does not spread (every word in one
	// place) is built with another
	s := newWordSet([]string{"ab", "cd", "ef", "gh"}, 0)
	if s.mul == 0 {
		t.Error("newWordSet kept a multiplier that collides")
	}
	for _, w := range []string{"ab", "cd", "ef", "gh"} {
		if !s.has([]byte(w)) {
			t.Errorf("newWordSet lacks %q", w)
		}
	}
	if s.has([]byte("ac")) {
		t.Error(`newWordSet has "ac"`)
	}
}
