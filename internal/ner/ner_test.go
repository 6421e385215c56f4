package ner

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"storyline"
	"storyline/internal/eval/conlleval"
	"storyline/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadT(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tg
}

// checkMentions asserts the span invariants every caller relies on.
func checkMentions(t testing.TB, txt string, ms []storyline.Mention) {
	t.Helper()
	for _, m := range ms {
		if !m.Span.Valid(len(txt)) || m.Span.Len() == 0 {
			t.Fatalf("mention %+v out of bounds (text %d bytes)", m, len(txt))
		}
		if got := txt[m.Span.Start:m.Span.End]; got != m.Surface {
			t.Fatalf("surface %q, text has %q", m.Surface, got)
		}
		if m.Kind == "" {
			t.Fatalf("mention %+v has no kind", m)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		name       string
		prev, cur  int
		last, want bool
	}{
		{"O then B", 0, labelOf(0, pB), false, true},
		{"O then I", 0, labelOf(0, pI), false, false},
		{"B then L same type", labelOf(1, pB), labelOf(1, pL), false, true},
		{"B then L other type", labelOf(1, pB), labelOf(2, pL), false, false},
		{"B then O", labelOf(1, pB), 0, false, false},
		{"B last", 0, labelOf(3, pB), true, false},
		{"U last", 0, labelOf(3, pU), true, true},
		{"I then I at the end", labelOf(2, pI), labelOf(2, pI), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := allowed(tt.prev, tt.cur, tt.last); got != tt.want {
				t.Errorf("allowed(%s, %s, %v) = %v, want %v", labelNames[tt.prev], labelNames[tt.cur], tt.last, got, tt.want)
			}
		})
	}
	got := toBILOU([]chunk{{0, 1, 0}, {2, 5, 1}}, 6)
	want := []int{labelOf(0, pU), 0, labelOf(1, pB), labelOf(1, pI), labelOf(1, pL), 0}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("toBILOU = %v, want %v", got, want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	tg := loadT(t)
	var a, b bytes.Buffer
	if err := tg.Write(&a); err != nil {
		t.Fatal(err)
	}
	tg2, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := tg2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("model bytes change on a write-read-write round trip")
	}
	if _, err := Read(strings.NewReader("not a model")); err == nil {
		t.Error("Read accepted garbage")
	}
}

func TestTagDocumentShape(t *testing.T) {
	tg := loadT(t)
	tests := []struct {
		name  string
		sents [][]string
	}{
		{"empty", nil},
		{"empty sentence", [][]string{{}}},
		{"one word", [][]string{{"Paris"}}},
		{"headline and body", [][]string{{"GERMANY", "BEAT", "ITALY"}, {"Germany", "beat", "Italy", "2-1", "."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tg.TagDocument(tt.sents)
			if len(got) != len(tt.sents) {
				t.Fatalf("got %d sentences, want %d", len(got), len(tt.sents))
			}
			for i := range got {
				if len(got[i]) != len(tt.sents[i]) {
					t.Fatalf("sentence %d: %d tags for %d tokens", i, len(got[i]), len(tt.sents[i]))
				}
			}
		})
	}
}

func TestMentionsExamples(t *testing.T) {
	tg := loadT(t)
	tests := []struct {
		name, text string
		want       []string // "kind:surface" that must be among the mentions
		not        []string // surfaces that must not be mentions
	}{
		{
			name: "title outside the name",
			text: "Ukrainian President Volodymyr Zelenskyy met Prime Minister Keir Starmer in London on Monday.",
			want: []string{"person:Volodymyr Zelenskyy", "person:Keir Starmer", "place:London"},
			not:  []string{"President Volodymyr Zelenskyy", "Prime Minister Keir Starmer"},
		},
		{
			name: "possessive",
			text: "Russia's foreign ministry said Moscow would respond.",
			want: []string{"place:Russia"},
			not:  []string{"Russia's"},
		},
		{
			name: "curly possessive",
			text: "The talks were held at NATO’s headquarters in Brussels.",
			want: []string{"organisation:NATO", "place:Brussels"},
		},
		{
			name: "honorific",
			text: "Mr. Lavrov told reporters that talks with Mr Rubio had gone well.",
			want: []string{"person:Lavrov", "person:Rubio"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := tg.Mentions(tt.text, text.Split(tt.text))
			checkMentions(t, tt.text, ms)
			have := map[string]bool{}
			surf := map[string]bool{}
			for _, m := range ms {
				have[string(m.Kind)+":"+m.Surface] = true
				surf[m.Surface] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %s; got %v", w, ms)
				}
			}
			for _, n := range tt.not {
				if surf[n] {
					t.Errorf("unwanted mention %q", n)
				}
			}
		})
	}
}

// TestConcurrent tags from several goroutines at once; run it with -race.
func TestConcurrent(t *testing.T) {
	tg := loadT(t)
	src, err := os.ReadFile(filepath.Join("testdata", "example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	txt := string(src)
	want := tg.Mentions(txt, text.Split(txt))
	done := make(chan []storyline.Mention)
	for range 4 {
		go func() { done <- tg.Mentions(txt, text.Split(txt)) }()
	}
	for range 4 {
		if got := <-done; len(got) != len(want) {
			t.Errorf("concurrent call found %d mentions, want %d", len(got), len(want))
		}
	}
}

// TestGolden pins the mentions of our own example report.
func TestGolden(t *testing.T) {
	tg := loadT(t)
	src, err := os.ReadFile(filepath.Join("testdata", "example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	txt := string(src)
	ms := tg.Mentions(txt, text.Split(txt))
	checkMentions(t, txt, ms)
	var buf bytes.Buffer
	for _, m := range ms {
		b, _ := json.Marshal(m)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	checkGolden(t, "example.mentions.jsonl", buf.Bytes())
}

// seedPeople are the people named in the five seed reports, each with the
// surfaces that count as finding them.
var seedPeople = [][]string{
	{"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky"},
	{"Mark Rutte", "Rutte"},
	{"Donald Trump", "Trump"},
	{"Vladimir Putin", "Putin"},
	{"Sergei Lavrov", "Sergey Lavrov", "Lavrov"},
	{"Maria Zakharova", "Zakharova"},
	{"Dmitry Peskov", "Peskov"},
	{"Antonio Costa"},
	{"Mette Frederiksen"},
	{"Alexander Stubb"},
	{"Alar Karis"},
	{"Keir Starmer"},
	{"Emmanuel Macron"},
	{"Kim Jong Un"},
	{"Xi Jinping"},
}

func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	tg := loadT(t)
	per := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		txt := string(src)
		ms := tg.Mentions(txt, text.Split(txt))
		checkMentions(t, txt, ms)
		for _, m := range ms {
			if m.Kind != storyline.Person {
				continue
			}
			per[m.Surface] = true
			for _, w := range strings.Fields(m.Surface) {
				if isTitle(w) {
					t.Errorf("%s: title %q inside PER mention %q", filepath.Base(f), w, m.Surface)
				}
			}
		}
	}
	for _, p := range seedPeople {
		t.Run(p[0], func(t *testing.T) {
			for _, s := range p {
				if per[s] {
					return
				}
			}
			t.Errorf("no PER mention of %s (any of %q)", p[0], p)
		})
	}
}

func FuzzMentions(f *testing.F) {
	tg := loadT(f)
	f.Add("Ukrainian President Volodymyr Zelenskyy met NATO's Mark Rutte in Kyiv.")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
	f.Add("“Russia’s” – ’s ’ \u00a0 Mr. . . U.S.-led 1996-08-30")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		sents := text.Split(s)
		ms := tg.Mentions(s, sents)
		checkMentions(t, s, ms)
		for i := 1; i < len(ms); i++ {
			if ms[i].Span.Start < ms[i-1].Span.End {
				t.Fatalf("mentions overlap or go backwards: %+v then %+v", ms[i-1], ms[i])
			}
		}
	})
}

// benchDoc returns the dev split's documents when present, else our
// example report repeated.
func benchDocs(b *testing.B) (docs [][][]string, tokens, bytesN int) {
	if f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "conll2003", "eng.testa")); err == nil {
		c, err := conlleval.Read(f)
		f.Close()
		if err == nil {
			for _, d := range c.Docs {
				var ss [][]string
				for _, s := range d.Sentences {
					ss = append(ss, s.Tokens)
					for _, w := range s.Tokens {
						tokens++
						bytesN += len(w) + 1
					}
				}
				docs = append(docs, ss)
			}
			return
		}
	}
	src, err := os.ReadFile(filepath.Join("testdata", "example.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var ss [][]string
	for _, s := range text.Split(string(src)) {
		var ws []string
		for _, tok := range s.Tokens {
			ws = append(ws, tok.Text)
		}
		ss = append(ss, ws)
		tokens += len(ws)
	}
	return [][][]string{ss}, tokens, len(src)
}

// BenchmarkTagDocument measures tagging throughput on one core: tokens/s
// and, through SetBytes, MB/s of token text.
func BenchmarkTagDocument(b *testing.B) {
	tg := loadT(b)
	docs, tokens, n := benchDocs(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	runs := 0
	for b.Loop() {
		for _, d := range docs {
			tg.TagDocument(d)
		}
		runs++
	}
	b.ReportMetric(float64(tokens*runs)/time.Since(start).Seconds(), "tokens/s")
	// CPU seconds of the whole process (GC included): the figure to
	// trust when other jobs share the machine.
	b.ReportMetric(float64(tokens*runs)/(cpuTime()-cpu0).Seconds(), "tokens/cpu-s")
}

// BenchmarkTagDocumentCold is BenchmarkTagDocument with the tagger's
// per-goroutine word caches empty at the start of every pass over the
// documents (a fresh Tagger on the same model), as at the start of an
// ingest: within a pass they fill as the documents go by.
func BenchmarkTagDocumentCold(b *testing.B) {
	tg := loadT(b)
	docs, tokens, n := benchDocs(b)
	tg.TagDocument(docs[0]) // build the model's one-time tagging tables
	b.SetBytes(int64(n))
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	runs := 0
	for b.Loop() {
		fresh := &Tagger{m: tg.m}
		for _, d := range docs {
			fresh.TagDocument(d)
		}
		runs++
	}
	b.ReportMetric(float64(tokens*runs)/time.Since(start).Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens*runs)/(cpuTime()-cpu0).Seconds(), "tokens/cpu-s")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMentions measures the whole path from text to mentions.
func BenchmarkMentions(b *testing.B) {
	tg := loadT(b)
	src, err := os.ReadFile(filepath.Join("testdata", "example.txt"))
	if err != nil {
		b.Fatal(err)
	}
	txt := string(src)
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	for b.Loop() {
		tg.Mentions(txt, text.Split(txt))
	}
}

// BenchmarkLoadLists measures parsing the embedded word lists (done once
// per process, by the first Load) and the heap they keep.
func BenchmarkLoadLists(b *testing.B) {
	b.ReportAllocs()
	var heap float64
	for b.Loop() {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		r := buildResources()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		heap = float64(m1.HeapAlloc-m0.HeapAlloc) / 1e6
		runtime.KeepAlive(r)
	}
	b.ReportMetric(heap, "MB-lists-heap")
}

// BenchmarkLoad measures parsing the embedded model (the lists already
// loaded) and the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	loadResources()
	b.ReportAllocs()
	var heap float64
	for b.Loop() {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		tg, err := Read(bytes.NewReader(embeddedModel))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&m1)
		heap = float64(m1.HeapAlloc-m0.HeapAlloc) / 1e6
		runtime.KeepAlive(tg)
	}
	b.ReportMetric(heap, "MB-model-heap")
}
