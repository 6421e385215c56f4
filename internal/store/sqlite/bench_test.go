package sqlite

import (
	"context"
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
	words := benchWords(b, path, 3000)
	v, err := OpenView(ctx, path, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	for _, c := range searchBenchCases(words) {
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

// searchBenchCase is one kind of search the search benchmarks run.
type searchBenchCase struct {
	name  string
	limit int
	q     func(i int) string
}

// searchBenchCases are the server benchmark's searches: one word among
// words (the 3,000 of most reports), or such a word and one among the
// first 300.
func searchBenchCases(words []string) []searchBenchCase {
	return []searchBenchCase{
		{"one_word", 20, func(i int) string { return words[(i*7919)%3000] }},
		{"two_words", 30, func(i int) string { return words[(i*7919)%3000] + " " + words[(i*104729)%300] }},
	}
}
