package sqlite

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

// BenchmarkSearchStore runs searches like the server benchmark's against
// the store at $STORYLINE_BENCH_DB (see internal/server's BenchmarkServe):
// one word among the 3,000 most frequent of the reports' index, or such a
// word and one among the 300 most frequent, through a View with no
// answer cache.
func BenchmarkSearchStore(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_DB")
	if path == "" {
		b.Skip("STORYLINE_BENCH_DB not set")
	}
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, reports_fts, row)`); err != nil {
		b.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT term FROM temp.vocab ORDER BY doc DESC, term LIMIT 3000`)
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			b.Fatal(err)
		}
		words = append(words, w)
	}
	rows.Close()
	if len(words) < 3000 {
		b.Skipf("only %d words", len(words))
	}
	v, err := OpenView(ctx, path, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	for _, c := range []struct {
		name  string
		limit int
		q     func(i int) string
	}{
		{"one_word", 20, func(i int) string { return words[(i*7919)%3000] }},
		{"two_words", 30, func(i int) string { return words[(i*7919)%3000] + " " + words[(i*104729)%300] }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if _, _, err := v.Search(ctx, SearchFilter{Text: c.q(i)}, Page{Limit: c.limit}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
