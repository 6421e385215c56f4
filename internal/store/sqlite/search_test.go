package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

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
			{"rare word held by commonRows rows: newest first", "tanker", n / 10, false},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if strings.Contains(tt.name, "commonRows") {
					defer func(n int) { commonRows = n }(commonRows)
					commonRows = n / 10
					v.mu.Lock()
					v.common = nil // judged afresh
					v.mu.Unlock()
				}
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

// BenchmarkSearchCPU runs BenchmarkSearchStore's searches and reports
// the CPU time a search takes, which the other load of a shared machine
// changes less than the wall time: "cold" on a View that has just been
// opened (a server's first searches), "first" on one that has judged
// every word already but read no list beyond a word's newest commonRows
// rows (a server past its first searches), "again" when the same
// searches come to it a second time (the lists read in full in the
// background where the windows needed them, reported apart as
// reads-cpu-ms).
func BenchmarkSearchCPU(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_DB")
	if path == "" {
		b.Skip("STORYLINE_BENCH_DB not set")
	}
	ctx := context.Background()
	words := benchWords(b, path, 3000)
	open := func(b *testing.B, judge bool) *View {
		v, err := OpenView(ctx, path, 1)
		if err != nil {
			b.Fatal(err)
		}
		gen, _, err := v.Generation(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range words {
			for _, k := range []searchKind{reportSearch, quoteSearch} {
				if !judge {
					break
				}
				if _, err := v.commonTerm(ctx, k, `"`+w+`"`, gen, true); err != nil {
					b.Fatal(err)
				}
			}
		}
		return v
	}
	for _, c := range searchBenchCases(words) {
		var v *View
		for _, pass := range []string{"cold", "first", "again"} {
			switch pass {
			case "cold":
				v = open(b, false)
			case "first":
				v.Close()
				v = open(b, true)
			}
			b.Run(c.name+"/"+pass, func(b *testing.B) {
				b.ReportAllocs()
				cpu0 := cpuTime()
				i := 0
				for b.Loop() {
					i++
					if _, _, err := v.Search(ctx, SearchFilter{Text: c.q(i)}, Page{Limit: c.limit}); err != nil {
						b.Fatal(err)
					}
				}
				cpu1 := cpuTime()
				v.loads.Wait()
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				// The lists read in the background after the searches
				// (a few, past readWait, were read during them).
				b.ReportMetric(float64((cpuTime()-cpu1).Microseconds())/1000, "reads-cpu-ms")
			})
		}
		v.Close()
	}
}

// benchWords returns the n words of most reports in the store at path.
func benchWords(b *testing.B, path string, n int) []string {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, reports_fts, row)`); err != nil {
		b.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT term FROM temp.vocab ORDER BY doc DESC, term LIMIT ?`, n)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var words []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			b.Fatal(err)
		}
		words = append(words, w)
	}
	if len(words) < n {
		b.Skipf("only %d words", len(words))
	}
	return words
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// marked returns the marked passages of a snippet.
func marked(s string) []string {
	var out []string
	for {
		i := strings.Index(s, markOpen)
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], markClose)
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
}

// TestSnippetAgreesWithFTS5: the snippets Search makes mark what FTS5's
// snippet() marks, in the same column.
func TestSnippetAgreesWithFTS5(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	long := strings.Repeat("Nothing of note happened in the port that week. ", 12)
	docs := []struct{ id, title, text, quote string }{
		{"r1", "Tanker seized", `The minister said "we will not bargain" today.`, "we will not bargain"},
		{"r2", "Talks in Castelmar", long + `Envoys met in Cástelmar; the coast guard watched the Tanker TANKER tanker.` + long, ""},
		{"r3", "Über die Grenze", `Die Küstenwache (coast-guard) sprach mit Zoë Šarić über Öl.`, ""},
		{"r4", "Negotiations", long + `They negotiated, negotiating until the negotiators left.`, "negotiating until"},
	}
	for _, d := range docs {
		if _, err := st.Put(ctx, "file:"+d.id, analysis(d.id, d.title, d.text, d.quote)); err != nil {
			t.Fatal(err)
		}
	}
	v := st.View()
	for _, q := range []string{"tanker", "castelmar", `"coast guard"`, "negot*", "zoe saric", "kustenwache", "bargain OR tanker", "uber", `"not bargain"`, "minister said"} {
		t.Run(q, func(t *testing.T) {
			hits, _, err := v.Search(ctx, SearchFilter{Text: q}, Page{})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			for _, h := range hits {
				k := reportSearch
				if h.Kind == "quote" {
					k = quoteSearch
				}
				var want string
				err := st.DB().QueryRowContext(ctx, `SELECT snippet(`+k.table+`, -1, ?, ?, '…', ?) FROM `+k.table+
					` WHERE `+k.table+` MATCH ? AND rowid = ?`, markOpen, markClose, snippetTokens, MatchQuery(q), h.rowid).Scan(&want)
				if err != nil {
					t.Fatal(err)
				}
				got, wantMarks := marked(h.Snippet), marked(want)
				if strings.Join(got, "|") != strings.Join(wantMarks, "|") {
					t.Errorf("%s %s: marked %q, FTS5 marks %q\n got  %q\n fts5 %q", h.Kind, h.Report.ID, got, wantMarks, h.Snippet, want)
				}
			}
		})
	}
}

// FuzzMakeSnippet: whatever the text and the query, a snippet is the
// text's own words (with "…" where cut), its marks balanced and around
// words of the text.
func FuzzMakeSnippet(f *testing.F) {
	for _, s := range [][2]string{{"tanker", "The tanker was seized."}, {`"coast guard"`, "the Coast  Guard, then coast guard"},
		{"é*", "Étienne était là"}, {"a", "\x02a\x03 b"}, {"x OR y", "y x y"}, {"ß", "STRASSE straße"}, {"\xff", "\xfe\xff"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, q, text string) {
		s := makeSnippet([]string{text, "speaker"}, snippetPhrases(matchTerms(q)), snippetTokens)
		if utf8.ValidString(text) && !utf8.ValidString(s) {
			t.Fatalf("snippet %q of valid text is not valid UTF-8", s)
		}
		depth := 0
		for _, c := range []byte(s) {
			switch c {
			case markOpen[0]:
				depth++
			case markClose[0]:
				depth--
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("unbalanced marks in %q", s)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced marks in %q", s)
		}
		plain := strings.NewReplacer(markOpen, "", markClose, "").Replace(s)
		clean := strings.NewReplacer(markOpen, " ", markClose, " ").Replace(text)
		for part := range strings.SplitSeq(plain, "…") {
			if !strings.Contains(clean, part) && !strings.Contains("speaker", part) {
				t.Fatalf("snippet %q: %q is not in the text %q", s, part, text)
			}
		}
	})
}

// TestNthNewest: the nth newest row of an index, read from its table of
// row sizes, is the nth newest report or quote.
func TestNthNewest(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	for i := range 6 {
		id := fmt.Sprintf("r%d", i)
		a := analysis(id, "T"+id, `Ana said "we wait" and Bo said "we go" then.`, "we wait")
		a.Report.Hash = id
		a.Mentions = []storyline.Mention{{Span: storyline.Span{Start: 0, End: 3}, Surface: "Ana", Kind: storyline.Person}}
		if _, err := st.Put(ctx, "file:"+id, a); err != nil {
			t.Fatal(err)
		}
	}
	v := st.View()
	for _, k := range []searchKind{reportSearch, quoteSearch} {
		for _, n := range []int{1, 3, 6, 7} {
			t.Run(fmt.Sprintf("%s/%d", k.name, n), func(t *testing.T) {
				got, err := v.nthNewest(ctx, k, n)
				if err != nil {
					t.Fatal(err)
				}
				var want int64
				if err := st.DB().QueryRowContext(ctx, `SELECT coalesce((SELECT rowid FROM `+k.content+` 1 ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)`, n-1).Scan(&want); err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("nthNewest = %d, want %d", got, want)
				}
			})
		}
	}
}

// BenchmarkMakeSnippet makes the snippet of a report of about 1,500
// bytes for a query of two words.
func BenchmarkMakeSnippet(b *testing.B) {
	var text strings.Builder
	for i := range 30 {
		fmt.Fprintf(&text, "Envoys from Castelmar met %d times; the Coast Guard watched. ", i)
		if i == 20 {
			text.WriteString("The tanker was seized at dawn. ")
		}
	}
	cols := []string{"Talks in Castelmar", text.String()}
	phrases := snippetPhrases(matchTerms("tanker seized"))
	b.ReportAllocs()
	for b.Loop() {
		makeSnippet(cols, phrases, snippetTokens)
	}
}

// randomStore stores n reports of words drawn unevenly from a small
// vocabulary (so some are common, some rare), each with a quote, and
// returns the store, its path and the vocabulary.
func randomStore(t *testing.T, n int, seed uint64) (*Store, string, []string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	vocab := []string{"harbour", "tanker", "crew", "pilot", "quay", "minister", "strike", "Ólafur", "night", "storm",
		"cargo", "port", "vessel", "captain", "deal", "talks", "envoy", "border", "river", "bridge"}
	rng := rand.New(rand.NewPCG(seed, 7))
	word := func() string {
		// Word i comes about 1/(i+1) as often as word 0.
		for {
			i := rng.IntN(len(vocab))
			if rng.IntN(i+1) == 0 {
				return vocab[i]
			}
		}
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	var as []*storyline.Analysis
	var keys []string
	for i := range n {
		id := fmt.Sprintf("r%04d", i)
		quote := words(4)
		text := words(3+rng.IntN(12)) + `. "` + quote + `," she said. ` + words(rng.IntN(8))
		a := analysis(id, words(3), text, quote)
		a.Report.Hash = id
		as = append(as, a)
		keys = append(keys, "file:"+id)
	}
	if _, err := st.PutBatch(ctx, keys, as); err != nil {
		t.Fatal(err)
	}
	return st, path, vocab
}

// allHits pages through a search and returns every hit as a line.
func allHits(t *testing.T, v *View, f SearchFilter) []string {
	t.Helper()
	var out []string
	p := Page{Limit: 45}
	for {
		hs, next, err := v.Search(context.Background(), f, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			out = append(out, fmt.Sprintf("%s %s %d %.17g %q", h.Kind, h.Report.ID, h.N, h.Rank, h.Snippet))
		}
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

// TestSearchListsAgreeWithFTS5: searches whose window comes from the
// terms' lists kept in memory (read in part, then in full, then past
// the budget) give the same hits, ranks, order and snippets as FTS5's
// own AND over the index.
func TestSearchListsAgreeWithFTS5(t *testing.T) {
	ctx := context.Background()
	st, path, vocab := randomStore(t, 600, 1)
	defer func(n, b int) { commonRows, termListBudget = n, b }(commonRows, termListBudget)
	commonRows = 40 // lists read in part, and many words common by count
	rng := rand.New(rand.NewPCG(3, 4))
	var queries []string
	for range 30 {
		var q []string
		for range 1 + rng.IntN(3) {
			q = append(q, vocab[rng.IntN(len(vocab))])
		}
		queries = append(queries, strings.Join(q, " "))
	}
	queries = append(queries, `"harbour tanker" crew`, "harb* quay", "olafur night", "ÓLAFUR tanker", "tanker TANKER", "nosuchword harbour", "")
	want := map[string][]string{}
	for _, budget := range []int{1 << 24, 100} {
		termListBudget = budget
		view, err := OpenView(ctx, path, 2)
		if err != nil {
			t.Fatal(err)
		}
		defer view.Close()
		for pass := range 3 { // the first use of a list, the second (read in full), and after
			for _, q := range queries {
				for _, kind := range []string{"", "quote"} {
					f := SearchFilter{Text: q, Kind: kind}
					key := q + "\x00" + kind
					if want[key] == nil {
						want[key] = allHits(t, st.View(), f) // no generation: FTS5 alone
					}
					if got := allHits(t, view, f); !slices.Equal(got, want[key]) {
						t.Fatalf("budget %d pass %d %q kind %q:\n got %q\nwant %q", budget, pass, q, kind, got, want[key])
					}
				}
			}
			view.loads.Wait() // the lists read in the background
		}
		view.mu.Lock()
		held, longest := view.listRows, 0
		for _, l := range view.common {
			longest = max(longest, len(l.rows))
		}
		view.mu.Unlock()
		if held > budget+longest {
			t.Errorf("lists hold %d rows past a budget of %d", held, budget)
		}
	}
}

// TestSearchListsFollowWrites: the lists kept in memory are dropped when
// the store changes, so a report stored through another connection is
// found by the next search.
func TestSearchListsFollowWrites(t *testing.T) {
	ctx := context.Background()
	st, path, _ := randomStore(t, 200, 2)
	view, err := OpenView(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	f := SearchFilter{Text: "harbour tanker", Kind: "report"}
	before := allHits(t, view, f)
	allHits(t, view, f)
	view.loads.Wait() // lists read in full
	a := analysis("r9999", "harbour tanker news", "The tanker left the harbour.", "")
	a.Report.Hash = "new"
	if _, err := st.Put(ctx, "file:new", a); err != nil {
		t.Fatal(err)
	}
	after := allHits(t, view, f)
	if len(after) != min(len(before)+1, RankWindow) || !slices.ContainsFunc(after, func(s string) bool { return strings.Contains(s, "r9999") }) {
		t.Fatalf("after a write: %d hits (before %d), r9999 among them: %v", len(after), len(before), slices.ContainsFunc(after, func(s string) bool { return strings.Contains(s, "r9999") }))
	}
	if want := allHits(t, st.View(), f); !slices.Equal(after, want) {
		t.Fatalf("after a write:\n got %q\nwant %q", after, want)
	}
}

// TestWarmSearch: WarmSearch judges the words common in the newest
// reports and reads the lists of the common ones in full, so the next
// searches for them need no FTS5 AND; the hits are FTS5's; it stops when
// told to.
func TestWarmSearch(t *testing.T) {
	ctx := context.Background()
	st, path, _ := randomStore(t, 600, 5)
	defer func(n int) { commonRows = n }(commonRows)
	commonRows = 40
	view, err := OpenView(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	steps := 0
	if err := view.WarmSearch(ctx, func(context.Context) bool { steps++; return steps <= 3 }); err != nil {
		t.Fatal(err)
	}
	if steps != 4 {
		t.Fatalf("WarmSearch went on after it was told to stop: %d steps", steps)
	}
	if err := view.WarmSearch(ctx, func(context.Context) bool { return true }); err != nil {
		t.Fatal(err)
	}
	view.mu.Lock()
	tl := view.common[termKey(reportSearch, `"harbour"`)]
	view.mu.Unlock()
	if tl == nil || !tl.common || !tl.complete {
		t.Fatalf("harbour, the commonest word: %+v, want common and read in full", tl)
	}
	for _, q := range []string{"harbour", "harbour tanker", "tanker harbour crew"} {
		f := SearchFilter{Text: q}
		if got, want := allHits(t, view, f), allHits(t, st.View(), f); !slices.Equal(got, want) {
			t.Fatalf("%q after WarmSearch:\n got %q\nwant %q", q, got, want)
		}
	}
}
