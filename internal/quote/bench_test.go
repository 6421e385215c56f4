package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"storyline/internal/text"
)

// cpuTime returns the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchExtract runs extraction with speaker resolution on each of docs in
// turn per op (sentence splitting done beforehand: the pipeline splits
// once for all analysers) and reports, besides wall-clock MB/s, MB per
// CPU-second: the figure that stays honest on a machine shared with
// other jobs (run with -cpu 1).
func benchExtract(b *testing.B, docs ...string) {
	benchExtractWith(b, DefaultClauseModel(), docs...)
}

// benchExtractWith is benchExtract with clause model m (nil: the rules
// alone).
func benchExtractWith(b *testing.B, m *ClauseModel, docs ...string) {
	sents := make([][]text.Sentence, len(docs))
	total := 0
	for i, d := range docs {
		sents[i] = text.Split(d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	n := 0
	c0 := cpuTime()
	for b.Loop() {
		for i, d := range docs {
			ExtractWith(m, d, sents[i], nil)
		}
		n++
	}
	if cpu := (cpuTime() - c0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n*total)/cpu/1e6, "MB/cpu-s")
	}
}

func benchDoc(b *testing.B) string {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

// BenchmarkExtract: one report of our own (1,093 bytes) at a time, the size
// the pipeline hands over.
func BenchmarkExtract(b *testing.B) { benchExtract(b, benchDoc(b)) }

// BenchmarkExtractLong: the same report repeated to about 100 KB, to show
// the cost stays linear in the text.
func BenchmarkExtractLong(b *testing.B) {
	raw := benchDoc(b)
	benchExtract(b, strings.Repeat(raw+"\n", 100_000/len(raw)+1))
}

// BenchmarkExtractNews: every article of PolNeAR's dev file (84 real news
// reports, 415 KB, median 3.9 KB) per op, each extracted on its own as the
// pipeline does; skipped when ../shared is absent.
func BenchmarkExtractNews(b *testing.B) { benchExtractWith(b, DefaultClauseModel(), polnearDev(b)...) }

// BenchmarkExtractNewsRules is BenchmarkExtractNews without the clause
// model: what the model costs.
func BenchmarkExtractNewsRules(b *testing.B) { benchExtractWith(b, nil, polnearDev(b)...) }

// polnearDev returns the texts of PolNeAR dev.
func polnearDev(b *testing.B) []string {
	f, err := os.Open(filepath.Join(sharedDir(b, "data/polnear"), "dev.jsonl"))
	if err != nil {
		b.Skip("no PolNeAR dev file: ", err)
	}
	defer f.Close()
	var docs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, a.Text)
	}
	if err := sc.Err(); err != nil || len(docs) == 0 {
		b.Fatal("reading PolNeAR dev: ", err)
	}
	return docs
}
