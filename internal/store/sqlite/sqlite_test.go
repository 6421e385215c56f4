package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	for i := 0; i < 2; i++ {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		s.Close()
	}
}

// TestManyAnnotations stores reports with more annotations than one
// statement takes, fills their actors in with SaveCross, and reads every
// one back.
func TestManyAnnotations(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tests := []struct {
		id       string
		mentions int
	}{
		{"r1", 1}, {"r2", 29}, {"r3", 30}, {"r4", 31}, {"r5", 250},
	}
	var keys []string
	var as []*storyline.Analysis
	cross := &store.Cross{Reports: map[string]store.CrossReport{}}
	for _, tt := range tests {
		a := &storyline.Analysis{Report: storyline.Report{ID: tt.id, Origin: tt.id, Text: strings.Repeat("Selm ", tt.mentions), Hash: tt.id}}
		var cr store.CrossReport
		for i := range tt.mentions {
			m := storyline.Mention{Span: storyline.Span{Start: 5 * i, End: 5*i + 4}, Surface: "Selm", Kind: storyline.Place}
			a.Mentions = append(a.Mentions, m)
			m.Report, m.ActorID = tt.id, fmt.Sprintf("a%d", i)
			cr.Mentions = append(cr.Mentions, m)
		}
		keys, as = append(keys, "k"+tt.id), append(as, a)
		cross.Reports[tt.id] = cr
	}
	if _, err := st.PutBatch(ctx, keys, as); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCross(ctx, cross); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a, err := st.Report(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Mentions) != tt.mentions {
				t.Fatalf("%d mentions read back, want %d", len(a.Mentions), tt.mentions)
			}
			for i, m := range a.Mentions {
				if want := fmt.Sprintf("a%d", i); m.ActorID != want || m.Span.Start != 5*i {
					t.Fatalf("mention %d: actor %q at %d, want %q at %d", i, m.ActorID, m.Span.Start, want, 5*i)
				}
			}
			var n int
			if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM annotations WHERE report_id = ? AND actor != ''`, tt.id).Scan(&n); err != nil || n != tt.mentions {
				t.Errorf("%d rows with an actor column, want %d (%v)", n, tt.mentions, err)
			}
		})
	}
}

// BenchmarkPutBatch stores batches of 64 reports of 16 mentions, 4
// quotes and 3 timexes each, the shape of a typical news report.
func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	text := strings.Repeat("The mayor of Selm said the harbour would stay closed to foreign trawlers. ", 20)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		keys := make([]string, 64)
		as := make([]*storyline.Analysis, 64)
		for i := range as {
			n++
			id := fmt.Sprintf("r%d", n)
			a := &storyline.Analysis{Report: storyline.Report{ID: id, Origin: id, Text: text, Hash: id}}
			for j := range 16 {
				a.Mentions = append(a.Mentions, storyline.Mention{Span: storyline.Span{Start: 75 * j, End: 75*j + 4}, Surface: "Selm", Kind: storyline.Place})
			}
			for j := range 4 {
				a.Quotes = append(a.Quotes, storyline.Quote{Span: storyline.Span{Start: 75 * j, End: 75*j + 70}, Text: text[75*j : 75*j+70], Kind: "indirect"})
			}
			for j := range 3 {
				a.Timexes = append(a.Timexes, storyline.Timex{Span: storyline.Span{Start: 75 * j, End: 75*j + 3}, Text: "The"})
			}
			keys[i], as[i] = "k"+id, a
		}
		if _, err := st.PutBatch(ctx, keys, as); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/report")
}

// TestSaveCrossRows checks that SaveCross writes only the rows a report
// lists as changed, and all of them when it lists none, and that
// ReportsExcept leaves out the reports the caller holds.
func TestSaveCrossRows(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var keys []string
	var as []*storyline.Analysis
	for _, id := range []string{"r1", "r2", "r3"} {
		a := &storyline.Analysis{Report: storyline.Report{ID: id, Origin: id, Text: "Selm and Varn and Kest.", Hash: id}}
		for i, w := range []string{"Selm", "Varn", "Kest"} {
			a.Mentions = append(a.Mentions, storyline.Mention{Span: storyline.Span{Start: 9 * i, End: 9*i + 4}, Surface: w, Kind: storyline.Place, ActorID: "old"})
		}
		keys, as = append(keys, "k"+id), append(as, a)
	}
	if _, err := st.PutBatch(ctx, keys, as); err != nil {
		t.Fatal(err)
	}
	cross := &store.Cross{Reports: map[string]store.CrossReport{}}
	for _, a := range as {
		cr := store.CrossReport{Mentions: append([]storyline.Mention(nil), a.Mentions...)}
		for i := range cr.Mentions {
			cr.Mentions[i].ActorID = "new"
		}
		cross.Reports[a.Report.ID] = cr
	}
	// r1: only row 1 listed; r2: none listed (all rows); r3: an empty list.
	r1 := cross.Reports["r1"]
	r1.MentionRows, r1.QuoteRows = []int{1}, []int{}
	cross.Reports["r1"] = r1
	r3 := cross.Reports["r3"]
	r3.MentionRows, r3.QuoteRows = []int{}, []int{}
	cross.Reports["r3"] = r3
	if err := st.SaveCross(ctx, cross); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"r1": "old new old", "r2": "new new new", "r3": "old old old"}
	got := map[string]string{}
	if err := st.ReportsExcept(ctx, func(id string) bool { return id == "r3" }, func(a *storyline.Analysis) error {
		var ids []string
		for _, m := range a.Mentions {
			ids = append(ids, m.ActorID)
		}
		got[a.Report.ID] = strings.Join(ids, " ")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, ok := got["r3"]; ok {
		t.Errorf("ReportsExcept read r3, which the caller holds")
	}
	a3, err := st.Report(ctx, "r3")
	if err != nil {
		t.Fatal(err)
	}
	got["r3"] = strings.Join([]string{a3.Mentions[0].ActorID, a3.Mentions[1].ActorID, a3.Mentions[2].ActorID}, " ")
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: actors %q, want %q", id, got[id], w)
		}
	}
}
