package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// story returns n pseudo-random words drawn from a vocabulary of 2,000,
// the same for the same seed.
func story(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%d", r.IntN(2000))
	}
	return strings.Join(ws, " ")
}

func TestAdd(t *testing.T) {
	wire := story(1, 300)
	tests := []struct {
		name    string
		text    string
		wantDup bool
	}{
		{"exact copy, other case and spacing", strings.ToUpper(strings.ReplaceAll(wire, " ", "  \n")), true},
		{"other headline and page furniture",
			"Breaking: a new headline here\nHome | World | Sport | Login\n" + wire + "\nRelated stories: more reading on the site; share this; cookies policy", true},
		{"trimmed last fifth", strings.Join(strings.Fields(wire)[:240], " "), true},
		{"a different report", story(2, 300), false},
		{"too short for near duplicates", "w1 w2 w3", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix := New()
			ix.Add("orig", wire)
			ix.Add("other", story(3, 300))
			got, ok := ix.Add("new", tc.text)
			if ok != tc.wantDup || ok && got != "orig" {
				t.Errorf("Add = %q, %v; want duplicate %v of orig", got, ok, tc.wantDup)
			}
		})
	}
}

func TestChainPointsToOriginal(t *testing.T) {
	ix := New()
	a := story(10, 200)
	ix.Add("a", a)
	ix.Add("b", a+" extra words at the end")
	got, ok := ix.Add("c", a)
	if !ok || got != "a" {
		t.Errorf("Add(c) = %q, %v; want a, true", got, ok)
	}
	if ix.Len() != 3 {
		t.Errorf("Len = %d, want 3", ix.Len())
	}
}

func TestSimilarityEstimate(t *testing.T) {
	// two texts sharing about half their shingles: the estimate lies
	// near the true Jaccard similarity.
	base := strings.Fields(story(20, 400))
	other := append(append([]string(nil), base[:200]...), strings.Fields(story(21, 200))...)
	sa, sb := signature(base), signature(other)
	got := similarity(&sa, &sb)
	// true Jaccard of 5-shingles: 196 shared of 396 + 396 - 196 = 596
	want := 196.0 / 596
	if got < want-0.15 || got > want+0.15 {
		t.Errorf("similarity = %.3f, want about %.3f", got, want)
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("a b c", "a b c")
	f.Add(story(1, 50), story(1, 49))
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		ix := New()
		if _, ok := ix.Add("a", a); ok {
			t.Fatal("first report reported as duplicate")
		}
		got, ok := ix.Add("b", b)
		if ok && got != "a" {
			t.Fatalf("duplicate of %q, want a", got)
		}
		if strings.Join(Words(a), " ") == strings.Join(Words(b), " ") && !ok {
			t.Fatal("same words not found as exact duplicate")
		}
	})
}

func BenchmarkAdd(b *testing.B) {
	texts := make([]string, 1000)
	for i := range texts {
		texts[i] = story(uint64(i), 500)
	}
	ix := New()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Add(fmt.Sprint(i), texts[i%len(texts)])
		i++
	}
}
