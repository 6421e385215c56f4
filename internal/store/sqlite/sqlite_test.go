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
