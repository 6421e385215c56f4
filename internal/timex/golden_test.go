package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// TestGoldenExamples pins every expression in our own example reports,
// anchored on the date line each carries (none for example2: its dates
// stay relative).
func TestGoldenExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no examples in testdata")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			dct, _ := DateFromText(text)
			got := Extract(text, dct)
			checkSpans(t, text, got)
			var buf bytes.Buffer
			fmt.Fprintf(&buf, "dct %s\n", fmtDCT(dct))
			for _, x := range got {
				fmt.Fprintf(&buf, "%d\t%d\t%q\t%s\t%s\n", x.Span.Start, x.Span.End, x.Text, x.Type, x.Value)
			}
			golden(t, name+".golden", buf.Bytes())
		})
	}
}

func fmtDCT(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Format(time.RFC3339)
}

// seedsDir is ../shared/seeds from the repository root.
var seedsDir = filepath.Join("..", "..", "..", "shared", "seeds")

// TestGoldenSeeds pins the expressions of the real reports in
// ../shared/seeds. The golden file keeps offsets, types and values only:
// none of the seeds' text is committed.
func TestGoldenSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	var buf bytes.Buffer
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		dct, _ := DateFromText(text)
		got := Extract(text, dct)
		checkSpans(t, text, got)
		fmt.Fprintf(&buf, "# %s dct %s\n", filepath.Base(f), fmtDCT(dct))
		for _, x := range got {
			fmt.Fprintf(&buf, "%d\t%d\t%s\t%s\n", x.Span.Start, x.Span.End, x.Type, x.Value)
		}
	}
	golden(t, "seeds.golden", buf.Bytes())
}

// TestSeedWeekdays is the acceptance check: the report dated
// 2025-02-27 resolves "on Thursday" to that day, "on Friday" to the day
// after and "on Sunday" to 2025-03-02; a report with no date keeps its
// weekdays relative.
func TestSeedWeekdays(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	want := map[string]string{"on Thursday": "2025-02-27", "on Friday": "2025-02-28", "on Sunday": "2025-03-02"}
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		dct, ok := DateFromText(text)
		got := Extract(text, dct)
		if !ok {
			for _, x := range got {
				if _, isDay := weekdays[strings.ToLower(x.Text)]; isDay && !strings.HasPrefix(x.Value, "XXXX") {
					t.Errorf("%s has no date but %q became %s", filepath.Base(f), x.Text, x.Value)
				}
			}
			continue
		}
		if dct.Format("2006-01-02") != "2025-02-27" {
			continue
		}
		for _, x := range got {
			if x.Span.Start < 3 {
				continue
			}
			phrase := text[x.Span.Start-3 : x.Span.End]
			if v, ok := want[phrase]; ok {
				checked++
				if x.Value != v {
					t.Errorf("%s: %q = %s, want %s", filepath.Base(f), phrase, x.Value, v)
				}
			}
		}
	}
	if checked < 3 {
		t.Errorf("checked %d weekday phrases in the report of 2025-02-27, want at least 3", checked)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Putin said on Thursday that talks would resume next week.",
		"Feb. 27, 2025 09:59 AM ET",
		"three days later, at 10:35 a.m. Friday, the 1990s, every week, 5 1/2 hours",
		"the week of March 6 and the day before last Tuesday",
		"April 24 and 25 — «last week» — 22 août 2025",
		"\xff\xfe 2025-08-22T09:59 mid-1990s '80s Q3 2024",
	} {
		f.Add(s, int64(1740650340))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var dct time.Time
		if unix%7 != 0 {
			dct = time.Unix(unix%(1<<33), 0).UTC()
		}
		got := Extract(text, dct)
		checkSpans(t, text, got)
		if _, err := json.Marshal(got); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseDateLine(f *testing.F) {
	for _, s := range []string{
		"Feb. 27, 2025 09:59 AM ET", "date 2025-02-27", "August 22, 2025", "22 Aug 2025",
		"Fri, 22 Aug 2025 09:59:00 GMT", "2025-08-22T09:59:00Z", "8/22/2025", "Friday",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := ParseDateLine(s); ok && (tm.Year() < 1900 || tm.Year() > 2100) {
			t.Fatalf("ParseDateLine(%q) = %v: year out of range", s, tm)
		}
		if tm, ok := DateFromURL(s); ok && (tm.Year() < 1990 || tm.Year() > 2100) {
			t.Fatalf("DateFromURL(%q) = %v: year out of range", s, tm)
		}
	})
}

// BenchmarkExtract tags the AQUAINT texts (or, without ../shared, the
// examples) and reports MB/s and expressions per MB.
func BenchmarkExtract(b *testing.B) {
	texts := benchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	dct := time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC)
	found := 0
	for b.Loop() {
		found = 0
		for _, t := range texts {
			found += len(Extract(t, dct))
		}
	}
	b.ReportMetric(float64(found)/(float64(n)/1e6), "timex/MB")
}

func benchTexts(b *testing.B) []string {
	path := filepath.Join("..", "..", "..", "shared", "data", "tempeval3", "aquaint.jsonl")
	if data, err := os.ReadFile(path); err == nil {
		var out []string
		for _, line := range bytes.Split(data, []byte("\n")) {
			var rec struct{ Text string }
			if json.Unmarshal(line, &rec) == nil && rec.Text != "" {
				out = append(out, rec.Text)
			}
		}
		return out
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var out []string
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(d))
	}
	return out
}
