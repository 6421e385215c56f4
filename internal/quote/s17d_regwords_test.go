package quote

import (
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"

	"storyline/internal/text"
)

// TestRegWords checks regionFrom against sort.Search, embeddedAt against
// embedded's tests, and regWords and regWordsAt (their memo) against
// countWords of the span: for every region of a
// report and of random texts with quote marks, for spans that are no
// region (starting where one does, or between two), and every limit.
func TestRegWords(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(raw), "", "no marks at all", "“One two three four five six seven eight nine ten eleven,” he said. “A b.” 'c d e' “”"}
	rng := rand.New(rand.NewPCG(23, 5))
	pieces := []string{"“", "”", "\"", "'", "a", "bb", "Ccc", "said", ",", ".", " ", "  ", "\n", "é"}
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for k := rng.IntN(80); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	for _, txt := range texts {
		d := newDoc(txt, text.Split(txt), new(buffers))
		if !sort.SliceIsSorted(d.regs, func(i, j int) bool { return d.regs[i].s < d.regs[j].s }) {
			t.Fatalf("regions out of order in %q", txt)
		}
		for b := -1; b <= len(txt)+1; b++ {
			if got, want := d.regionFrom(b), sort.Search(len(d.regs), func(i int) bool { return d.regs[i].s >= b }); got != want {
				t.Fatalf("regionFrom(%d) = %d, want %d (regions %v)", b, got, want, d.regs)
			}
		}
		for k, r := range d.regs {
			if got, want := d.embeddedAt(k), d.regWords(r, 5) < 5 && !d.startsClause(r); got != want {
				t.Fatalf("embeddedAt(%d) = %v, want %v (region %v in %q)", k, got, want, r, txt)
			}
			for limit := 1; limit <= 9; limit++ {
				if got, want := d.regWordsAt(k, limit), countWords(txt[r.s:r.e], limit); got != want {
					t.Fatalf("regWordsAt(%d, %d) = %d, want %d (region %v in %q)", k, limit, got, want, r, txt)
				}
			}
		}
		var spans []region
		for i, r := range d.regs {
			spans = append(spans, r, region{s: r.s, e: r.e - 1}, region{s: max(0, r.s-1), e: r.e})
			if i+1 < len(d.regs) && r.e <= d.regs[i+1].s {
				spans = append(spans, region{s: r.e, e: d.regs[i+1].s})
			}
		}
		spans = append(spans, region{s: 0, e: len(txt)}, region{s: len(txt), e: len(txt)})
		for _, r := range spans {
			if r.s > r.e {
				continue
			}
			for limit := 1; limit <= 11; limit++ { // (the callers ask 3 to 9)
				if got, want := d.regWords(r, limit), countWords(txt[r.s:r.e], limit); got != want {
					t.Fatalf("regWords(%v, %d) = %d, want %d in %q", r, limit, got, want, txt)
				}
			}
		}
	}
}
