package pipeline

import (
	"slices"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
)

// linkFixture is a few reports naming the same people in different ways,
// with quotes, as the per-report analysis would leave them.
func linkFixture() []*storyline.Analysis {
	texts := []struct{ id, published, text string }{
		{"r1", "2026-03-02", `Ilse Brandt, the harbour commissioner, met Aleksandr Petrov in Varnograd. "The strait stays open," Brandt said.`},
		{"r2", "2026-03-01", `Petrov warned that talks would fail. "We will not sign," Aleksandr Petrov said on Monday.`},
		{"r3", "2026-03-03", `Commissioner Ilse Brandt said the boats would sail. "The strait stays open," she said.`},
	}
	var out []*storyline.Analysis
	for _, x := range texts {
		a := &storyline.Analysis{Report: storyline.Report{ID: x.id, Published: x.published, Text: x.text}}
		for _, name := range []string{"Ilse Brandt", "Aleksandr Petrov", "Brandt", "Petrov", "Varnograd"} {
			for off := 0; ; {
				i := strings.Index(x.text[off:], name)
				if i < 0 {
					break
				}
				sp := storyline.Span{Start: off + i, End: off + i + len(name)}
				off = sp.End
				covered := slices.ContainsFunc(a.Mentions, func(m storyline.Mention) bool { return m.Span.Overlaps(sp) })
				if covered {
					continue
				}
				kind := storyline.Person
				if name == "Varnograd" {
					kind = storyline.Place
				}
				a.Mentions = append(a.Mentions, storyline.Mention{Report: x.id, Span: sp, Surface: name, Kind: kind})
			}
		}
		slices.SortFunc(a.Mentions, func(p, q storyline.Mention) int { return p.Span.Start - q.Span.Start })
		if i := strings.IndexByte(x.text, '"'); i >= 0 {
			j := strings.IndexByte(x.text[i+1:], '"') + i + 2
			q := storyline.Quote{Report: x.id, Span: storyline.Span{Start: i, End: j}, Text: x.text[i+1 : j-2], Kind: storyline.Direct}
			a.Quotes = append(a.Quotes, q)
		}
		out = append(out, a)
	}
	return out
}

// apply writes what a CrossWriter would write: the rows listed (or all).
func apply(as []*storyline.Analysis, cross *store.Cross) {
	for _, a := range as {
		cr, ok := cross.Reports[a.Report.ID]
		if !ok {
			continue
		}
		a.Report.DuplicateOf = cr.DuplicateOf
		for _, i := range cr.MentionsToWrite() {
			a.Mentions[i] = cr.Mentions[i]
		}
		for _, i := range cr.QuotesToWrite() {
			a.Quotes[i] = cr.Quotes[i]
		}
	}
}

// TestLinkerAgreesWithResolve checks that provisional links change
// nothing in the end: the stored rows after Resolve are the same with
// and without them, and Resolve asks to rewrite only rows whose
// provisional link was wrong.
func TestLinkerAgreesWithResolve(t *testing.T) {
	plain := linkFixture()
	apply(plain, Resolve(plain, nil))

	for _, tc := range []struct {
		order    []int
		prepared bool // as Run does: the workers prepare, Resolve uses it
	}{{[]int{0, 1, 2}, false}, {[]int{2, 1, 0}, false}, {[]int{1, 0, 2}, false}, {[]int{0, 1, 2}, true}, {[]int{2, 1, 0}, true}} {
		order := tc.order
		linked := linkFixture()
		l := NewLinker()
		if tc.prepared {
			for _, a := range linked {
				l.Prepared().add(a)
			}
		}
		for _, i := range order {
			l.Link(linked[i])
		}
		var cross *store.Cross
		if tc.prepared {
			cross = ResolvePrepared(linked, nil, l.Prepared())
			l.Prepared().m.Range(func(k, _ any) bool {
				t.Errorf("order %v: %s still prepared after Resolve", order, k.(*storyline.Analysis).Report.ID)
				return true
			})
		} else {
			cross = Resolve(linked, nil)
		}
		written, total := 0, 0
		for _, a := range linked {
			total += len(a.Mentions) + len(a.Quotes)
			if cr, ok := cross.Reports[a.Report.ID]; ok {
				written += len(cr.MentionsToWrite()) + len(cr.QuotesToWrite())
			}
		}
		apply(linked, cross)
		for i := range plain {
			if !slices.Equal(plain[i].Mentions, linked[i].Mentions) {
				t.Errorf("order %v, %s: mentions\n linked %+v\n  plain %+v", order, plain[i].Report.ID, linked[i].Mentions, plain[i].Mentions)
			}
			if !slices.EqualFunc(plain[i].Quotes, linked[i].Quotes, sameQuote) {
				t.Errorf("order %v, %s: quotes\n linked %+v\n  plain %+v", order, plain[i].Report.ID, linked[i].Quotes, plain[i].Quotes)
			}
		}
		if written >= total {
			t.Errorf("order %v: Resolve rewrites %d of %d rows: the provisional links saved nothing", order, written, total)
		}
		t.Logf("order %v: %d of %d rows rewritten", order, written, total)
	}
}
