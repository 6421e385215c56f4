package story_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"storyline"
	"storyline/internal/actor"
	"storyline/internal/dedup"
	"storyline/internal/story"
)

// base is one text of ../shared/data used to build the benchmark stream.
type base struct {
	sents []string
	date  time.Time
}

func loadBases(tb testing.TB) []base {
	root := filepath.Join("..", "..", "..", "shared", "data")
	files := []string{"ecbplus/train.docs.jsonl", "ecbplus/dev.docs.jsonl", "meantime/train.docs.jsonl",
		"meantime/dev.docs.jsonl", "polnear/train.jsonl", "polnear/dev.jsonl", "tempeval3/aquaint.jsonl",
		"gum/news.train.jsonl", "gum/news.dev.jsonl"}
	var out []base
	for _, f := range files {
		fh, err := os.Open(filepath.Join(root, f))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var d struct {
				Text string `json:"text"`
				Date string `json:"date"`
				Meta struct {
					Date string `json:"publication_date"`
				} `json:"meta"`
			}
			if json.Unmarshal(sc.Bytes(), &d) != nil || len(d.Text) < 200 {
				continue
			}
			var b base
			for _, s := range strings.FieldsFunc(d.Text, func(r rune) bool { return r == '\n' }) {
				for _, p := range strings.SplitAfter(s, ". ") {
					if p = strings.TrimSpace(p); p != "" {
						b.sents = append(b.sents, p)
					}
				}
			}
			for _, ds := range []string{d.Date, d.Meta.Date} {
				if t, err := time.Parse("2006-01-02", ds); err == nil {
					b.date = t
				}
			}
			out = append(out, b)
		}
		fh.Close()
	}
	if len(out) == 0 {
		tb.Skip("../shared/data not present")
	}
	return out
}

// gen makes a stream of reports by mixing and perturbing the base texts:
// some exact copies and near copies (other headline, page furniture) of
// earlier reports, the rest new variants of a base text (sentences
// dropped, sentences of another text mixed in, words replaced, dates
// jittered).
type gen struct {
	r     *rand.Rand
	bases []base
	made  []story.Doc
}

func (g *gen) next(i int) story.Doc {
	id := "r" + strconv.Itoa(i)
	switch x := g.r.Float64(); {
	case x < 0.08 && len(g.made) > 0:
		d := g.made[g.r.IntN(len(g.made))]
		return story.Doc{ID: id, Title: "Copy: " + d.Title, Text: d.Text, Published: d.Published}
	case x < 0.15 && len(g.made) > 0:
		d := g.made[g.r.IntN(len(g.made))]
		return story.Doc{ID: id, Title: "Update: " + d.Title, Published: d.Published,
			Text: "Home | World | Sport\n" + d.Text + "\nShare this story. Related: more news."}
	}
	b := g.bases[g.r.IntN(len(g.bases))]
	o := g.bases[g.r.IntN(len(g.bases))]
	var ss []string
	for _, s := range b.sents {
		if g.r.Float64() > 0.25 {
			ss = append(ss, s)
		}
	}
	for k := 0; k < 2 && len(o.sents) > 0; k++ {
		ss = append(ss, o.sents[g.r.IntN(len(o.sents))])
	}
	text := strings.Join(ss, " ")
	ws := strings.Fields(text)
	for k := range ws {
		if g.r.Float64() < 0.03 {
			ws[k] = ws[g.r.IntN(len(ws))]
		}
	}
	text = strings.Join(ws, " ")
	pub := b.date
	if !pub.IsZero() {
		pub = pub.AddDate(0, 0, g.r.IntN(5))
	}
	title := text
	if len(title) > 80 {
		title = title[:80]
	}
	d := story.Doc{ID: id, Title: title, Text: text, Published: pub}
	g.made = append(g.made, d)
	if len(g.made) > 5000 {
		g.made = g.made[1:]
	}
	return d
}

// capitalRuns stands in for the entity tagger: runs of capitalised words
// not opening a sentence, people when two or three words long.
func capitalRuns(id, text string) []storyline.Mention {
	var out []storyline.Mention
	start, n, sentStart := -1, 0, true
	end := 0
	flush := func() {
		if start >= 0 {
			k := storyline.Other
			if n == 2 || n == 3 {
				k = storyline.Person
			}
			out = append(out, storyline.Mention{Report: id, Span: storyline.Span{Start: start, End: end}, Surface: text[start:end], Kind: k})
		}
		start, n = -1, 0
	}
	i := 0
	for _, w := range strings.Fields(text) {
		j := strings.Index(text[i:], w) + i
		core := strings.TrimRight(w, ".,;:!?\"')")
		if core != "" && unicode.IsUpper([]rune(core)[0]) && !sentStart {
			if start < 0 {
				start = j
			}
			n++
			end = j + len(core)
		} else {
			flush()
		}
		if core != w {
			flush()
		}
		sentStart = strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")
		i = j + len(w)
	}
	flush()
	return out
}

// BenchmarkPipeline feeds STORYLINE_BENCH_REPORTS (default 10,000)
// generated reports through dedup, actor resolution and story clustering
// and reports the mean cost per report over the last 1,000 reports before
// 10,000 and before the end, and the peak heap.
//
//	STORYLINE_BENCH_REPORTS=100000 go test -run XXX -bench Pipeline -benchtime 1x ./internal/story
func BenchmarkPipeline(b *testing.B) {
	n := 10000
	if s := os.Getenv("STORYLINE_BENCH_REPORTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	bases := loadBases(b)
	for b.Loop() {
		g := &gen{r: rand.New(rand.NewPCG(1, 2)), bases: bases}
		ix, res, cl := dedup.New(), actor.NewResolver(), story.NewClusterer()
		var at10k, atEnd, cpu10k, cpuEnd time.Duration
		var peak uint64
		var ms runtime.MemStats
		dups := 0
		for i := 0; i < n; i++ {
			d := g.next(i)
			if i == 9000 || i == n-1000 {
				c0 := cpuTime()
				if i == 9000 {
					cpu10k = -c0
				} else {
					cpuEnd = -c0
				}
			}
			t0 := time.Now()
			if _, dup := ix.Add(d.ID, d.Title+"\n"+d.Text); dup {
				dups++
			} else {
				d.Mentions = res.Add(d.ID, d.Text, capitalRuns(d.ID, d.Text))
				cl.Add(d)
			}
			el := time.Since(t0)
			if i >= 9000 && i < 10000 {
				at10k += el
			}
			if i >= n-1000 {
				atEnd += el
			}
			if i == 9999 {
				cpu10k += cpuTime()
			}
			if i == n-1 {
				cpuEnd += cpuTime()
			}
			if i%1000 == 999 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
		if path := os.Getenv("STORYLINE_BENCH_HEAP"); path != "" {
			runtime.GC()
			if f, err := os.Create(path); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		b.ReportMetric(float64(at10k.Microseconds())/1000, "wall-µs/report@10k")
		b.ReportMetric(float64(atEnd.Microseconds())/1000, fmt.Sprintf("wall-µs/report@%dk", n/1000))
		b.ReportMetric(float64(cpu10k.Microseconds())/1000, "cpu-µs/report@10k")
		b.ReportMetric(float64(cpuEnd.Microseconds())/1000, fmt.Sprintf("cpu-µs/report@%dk", n/1000))
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(dups), "duplicates")
		b.ReportMetric(float64(len(cl.Stories())), "stories")
		b.ReportMetric(float64(len(res.Actors())), "actors")
	}
}

// cpuTime is the CPU time (user and system, all threads, garbage
// collection included) the process has used so far: unlike wall time it
// does not count the time other programs on the machine take.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
