package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func analysis(id, title, text, quote string) *storyline.Analysis {
	a := &storyline.Analysis{Report: storyline.Report{ID: id, Origin: id + ".txt", Title: title, Text: text, Hash: title + text, Published: "2026-03-01"}}
	if i := strings.Index(text, quote); quote != "" && i >= 0 {
		a.Quotes = []storyline.Quote{{Span: storyline.Span{Start: i, End: i + len(quote)}, Text: quote, Kind: storyline.Direct, SpeakerText: "she"}}
	}
	return a
}

// hits runs a search and returns "kind:report id" per hit, sorted.
func hits(t *testing.T, v *View, f SearchFilter) []string {
	t.Helper()
	hs, _, err := v.Search(context.Background(), f, Page{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range hs {
		out = append(out, h.Kind+":"+h.Report.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearchIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	v := st.View()
	put := func(a *storyline.Analysis) {
		t.Helper()
		if _, err := st.Put(ctx, "file:"+a.Report.Origin, a); err != nil {
			t.Fatal(err)
		}
	}
	put(analysis("r1", "Tanker seized", `The minister said "we will not bargain" today.`, "we will not bargain"))
	put(analysis("r2", "Talks begin", `Envoys met in Castelmar.`, ""))

	steps := []struct {
		name string
		do   func()
		f    SearchFilter
		want string
	}{
		{"report by title", nil, SearchFilter{Text: "tanker"}, "report:r1"},
		{"report and quote", nil, SearchFilter{Text: "bargain"}, "quote:r1 report:r1"},
		{"quote only", nil, SearchFilter{Text: "bargain", Kind: "quote"}, "quote:r1"},
		{"speaker phrase", nil, SearchFilter{Text: "she", Kind: "quote"}, "quote:r1"},
		{"prefix", nil, SearchFilter{Text: "castel*"}, "report:r2"},
		{"diacritics folded", nil, SearchFilter{Text: "cástelmar"}, "report:r2"},
		{"replaced report: old words gone", func() {
			put(analysis("r1", "Tanker released", `The minister said "the crew is free" today.`, "the crew is free"))
		}, SearchFilter{Text: "bargain"}, ""},
		{"replaced report: new words found", nil, SearchFilter{Text: "crew"}, "quote:r1 report:r1"},
		{"speaker resolved by the cross stage", func() {
			a, err := st.Report(ctx, "r1")
			if err != nil {
				t.Fatal(err)
			}
			q := a.Quotes[0]
			q.Speaker, q.SpeakerID = "Mira Holt", "a1"
			err = st.SaveCross(ctx, &store.Cross{Reports: map[string]store.CrossReport{"r1": {Quotes: []storyline.Quote{q}}}})
			if err != nil {
				t.Fatal(err)
			}
		}, SearchFilter{Text: "holt", Kind: "quote"}, "quote:r1"},
		{"actor filter on quotes", nil, SearchFilter{Text: "crew", Actor: "a1", Kind: "quote"}, "quote:r1"},
		{"rebuild keeps results", func() {
			if err := st.RebuildSearch(ctx); err != nil {
				t.Fatal(err)
			}
		}, SearchFilter{Text: "crew"}, "quote:r1 report:r1"},
		{"deleted report gone", func() {
			if _, err := st.DB().ExecContext(ctx, `DELETE FROM reports WHERE id = 'r2'`); err != nil {
				t.Fatal(err)
			}
		}, SearchFilter{Text: "castelmar"}, ""},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.do != nil {
				s.do()
			}
			if got := strings.Join(hits(t, v, s.f), " "); got != s.want {
				t.Errorf("hits = %q, want %q", got, s.want)
			}
		})
	}
	// The index holds exactly what the tables hold.
	for _, tbl := range []string{"reports_fts", "quotes_fts"} {
		if _, err := st.DB().ExecContext(ctx, `INSERT INTO `+tbl+`(`+tbl+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Errorf("%s: %v", tbl, err)
		}
	}
}

func TestMatchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"tanker", `"tanker"`},
		{"tanker crew", `"tanker" "crew"`},
		{`"coast guard" seized`, `"coast guard" "seized"`},
		{"negot*", `"negot"*`},
		{"tanker OR ship", `"tanker" OR "ship"`},
		{"OR tanker OR", `"tanker"`},
		{`AND NOT ( ) : ^ -x`, `"AND" "NOT" "-x"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`say "it""s"`, `"say" "it" "s"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := MatchQuery(tt.in); got != tt.want {
				t.Errorf("MatchQuery(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMatchQuery: whatever a person types, the FTS5 query made of it
// parses.
func FuzzMatchQuery(f *testing.F) {
	for _, s := range []string{"tanker", `"a b" c*`, "x OR y", `"`, "*", "NEAR(a b)", "a:b", "^x", "col:term", "\x00", "é*"} {
		f.Add(s)
	}
	st := openTemp(f)
	v := st.View()
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, err := v.Search(context.Background(), SearchFilter{Text: s}, Page{Limit: 1}); err != nil {
			t.Fatalf("Search(%q) [%s]: %v", s, MatchQuery(s), err)
		}
	})
}

func TestCursorRejectsForeign(t *testing.T) {
	st := openTemp(t)
	v := st.View()
	ctx := context.Background()
	for _, c := range []string{"x", encodeCursor("stories", "a", 1), encodeCursor("reports", 1, 2, 3), "eyJ9"} {
		if _, _, err := v.Reports(ctx, ReportFilter{}, Page{Cursor: c}); err != ErrBadCursor {
			t.Errorf("cursor %q: err = %v, want ErrBadCursor", c, err)
		}
	}
}

func TestMentionCounts(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := analysis("r1", "T", "Ana met Ana and Bo.", "")
	a.Mentions = []storyline.Mention{
		{Span: storyline.Span{Start: 0, End: 3}, Surface: "Ana", Kind: storyline.Person, ActorID: "a1"},
		{Span: storyline.Span{Start: 8, End: 11}, Surface: "Ana", Kind: storyline.Person, ActorID: "a1"},
		{Span: storyline.Span{Start: 16, End: 18}, Surface: "Bo", Kind: storyline.Person},
	}
	if _, err := st.Put(ctx, "file:r1", a); err != nil {
		t.Fatal(err)
	}
	for _, drop := range []bool{false, true} {
		if drop { // a store migrated before the covering index existed
			if _, err := st.DB().ExecContext(ctx, `DROP INDEX annotations_report_actor`); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.View().MentionCounts(ctx, []string{"r1", "nope"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got["a1"] != 2 {
			t.Errorf("dropped index %v: counts = %v, want a1: 2", drop, got)
		}
	}
}

// TestSearchCommonWords: a word in more than one report in commonShare
// only selects them (scoring it would read every row that holds it); the
// other words still rank; every page is disjoint and together they give
// every match in the window.
func TestSearchCommonWords(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const n = 300
	var as []*storyline.Analysis
	var keys []string
	for i := range n {
		id := fmt.Sprintf("r%03d", i)
		text := "harbour news of the day."
		switch {
		case i%20 == 0:
			text += " tanker tanker tanker seized."
		case i%10 == 0:
			text += " tanker seized, the pilot said, after a long night at the quay with the crew."
		}
		a := analysis(id, "Day "+id, text, "")
		a.Report.Hash = id
		as = append(as, a)
		keys = append(keys, "file:"+id)
	}
	if _, err := st.PutBatch(ctx, keys, as); err != nil {
		t.Fatal(err)
	}
	view, err := OpenView(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	for _, v := range []*View{st.View(), view} {
		for _, tt := range []struct {
			name   string
			text   string
			want   int  // hits in all
			ranked bool // ranked by BM25 (else newest first, rank 0)
		}{
			{"common word alone: newest first", "harbour", RankWindow, false},
			{"common and rare: rare word ranks", "harbour tanker", n / 10, true},
			{"rare word", "tanker", n / 10, true},
			{"alternatives rank as before", "harbour OR quay", RankWindow, true},
		} {
			t.Run(tt.name, func(t *testing.T) {
				var all []Hit
				p := Page{Limit: 7}
				for {
					hs, next, err := v.Search(ctx, SearchFilter{Text: tt.text, Kind: "report"}, p)
					if err != nil {
						t.Fatal(err)
					}
					all = append(all, hs...)
					if next == "" {
						break
					}
					p.Cursor = next
				}
				seen := map[string]bool{}
				for _, h := range all {
					if seen[h.Report.ID] {
						t.Fatalf("%s given twice", h.Report.ID)
					}
					seen[h.Report.ID] = true
				}
				if len(all) != tt.want {
					t.Fatalf("%d hits, want %d", len(all), tt.want)
				}
				if !tt.ranked {
					for i, h := range all {
						if h.Rank != 0 || i > 0 && h.Report.ID >= all[i-1].Report.ID {
							t.Fatalf("hit %d: %s rank %g, not newest first with rank 0", i, h.Report.ID, h.Rank)
						}
					}
					return
				}
				if all[0].Rank >= 0 {
					t.Errorf("best rank %g, want a BM25 score (< 0)", all[0].Rank)
				}
				if tt.text != "harbour OR quay" && !strings.Contains(all[0].Snippet, "tanker\x03 \x02tanker") {
					t.Errorf("best hit %s %q: not a report saying tanker three times", all[0].Report.ID, all[0].Snippet)
				}
				for i := 1; i < len(all); i++ {
					if all[i].Rank < all[i-1].Rank {
						t.Fatalf("hit %d ranks %g after %g", i, all[i].Rank, all[i-1].Rank)
					}
				}
			})
		}
	}
}
