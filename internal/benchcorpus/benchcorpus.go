// Package benchcorpus builds large synthetic report corpora for
// benchmarks, by mixing and perturbing the article texts of the annotated
// corpora in ../shared/data (never committed), and writes them in the
// formats storyline ingests: text files, HTML pages and a WARC file written
// by storyline's own WARC writer.
package benchcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"storyline/internal/warc"
)

// Article is one source text.
type Article struct {
	Title, Text string
}

// Load reads the article texts of every docs-like JSONL file under dir:
// objects with a "text" field (and a "title" or meta title when present).
// Files of mentions or relations are skipped.
func Load(dir string) ([]Article, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		n := d.Name()
		if !d.IsDir() && strings.HasSuffix(n, ".jsonl") && !strings.Contains(n, "mentions") && !strings.Contains(n, "relations") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Article
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var rec struct {
				Title string `json:"title"`
				Text  string `json:"text"`
				Meta  struct {
					Title string `json:"title"`
				} `json:"meta"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) != nil || len(strings.Fields(rec.Text)) < 40 {
				continue
			}
			t := rec.Title
			if t == "" {
				t = rec.Meta.Title
			}
			out = append(out, Article{Title: strings.TrimSpace(t), Text: rec.Text})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no article texts under %s", dir)
	}
	return out, nil
}

// Report is one generated report.
type Report struct {
	Title     string
	Paras     []string
	Published time.Time
	URL       string
}

// Text renders the report as a plain text file: headline, then paragraphs.
func (r Report) Text() string {
	return r.Title + "\n\n" + strings.Join(r.Paras, "\n\n") + "\n"
}

// HTML renders the report as a news page with navigation and a footer.
func (r Report) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title>", html.EscapeString(r.Title))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\"></head><body>", r.Published.Format(time.RFC3339))
	b.WriteString("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li></ul></nav>")
	fmt.Fprintf(&b, "<article><h1>%s</h1>", html.EscapeString(r.Title))
	for _, p := range r.Paras {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
	}
	b.WriteString("</article><aside><h2>Related</h2><ul><li><a href=\"/a\">More news</a></li></ul></aside>")
	b.WriteString("<footer><p>© Bench Daily. All rights reserved.</p></footer></body></html>")
	return b.String()
}

func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.Join(strings.Fields(p), " "); len(p) > 20 {
			out = append(out, p)
		}
	}
	// Texts with few line breaks are cut into paragraphs of about four
	// sentences.
	if len(out) < 3 {
		var cut []string
		for _, p := range out {
			sents := strings.SplitAfter(p, ". ")
			for i := 0; i < len(sents); i += 4 {
				cut = append(cut, strings.TrimSpace(strings.Join(sents[i:min(i+4, len(sents))], "")))
			}
		}
		out = cut
	}
	return out
}

// Generate makes n reports, deterministically for a seed: each takes a
// window of one article's paragraphs, mixes in a paragraph of another and
// gets a date within a year; about one in twenty is a near-duplicate of
// an earlier report (another headline, one paragraph dropped).
func Generate(arts []Article, n int, seed uint64) []Report {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	paras := make([][]string, len(arts))
	for i, a := range arts {
		paras[i] = paragraphs(a.Text)
	}
	base := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	out := make([]Report, 0, n)
	for i := range n {
		if i > 20 && rng.IntN(20) == 0 {
			src := out[rng.IntN(len(out))]
			ps := append([]string(nil), src.Paras...)
			if len(ps) > 2 {
				k := rng.IntN(len(ps))
				ps = append(ps[:k], ps[k+1:]...)
			}
			out = append(out, Report{Title: "Update: " + src.Title, Paras: ps, Published: src.Published.Add(3 * time.Hour),
				URL: fmt.Sprintf("https://bench.example/%s/copy-%d", src.Published.Format("2006/01/02"), i)})
			continue
		}
		a := rng.IntN(len(arts))
		ps := paras[a]
		if len(ps) == 0 {
			ps = []string{arts[a].Text}
		}
		start := rng.IntN(len(ps))
		end := min(len(ps), start+3+rng.IntN(6))
		if start > 0 && end-start < 3 {
			start = max(0, end-3)
		}
		sel := append([]string(nil), ps[start:end]...)
		if other := paras[rng.IntN(len(arts))]; len(other) > 0 {
			sel = append(sel, other[rng.IntN(len(other))])
		}
		title := arts[a].Title
		if title == "" || len(title) > 150 {
			title = strings.Join(strings.Fields(sel[0])[:min(8, len(strings.Fields(sel[0])))], " ")
		}
		pub := base.Add(time.Duration(rng.IntN(365*24)) * time.Hour)
		out = append(out, Report{Title: title, Paras: sel, Published: pub,
			URL: fmt.Sprintf("https://bench.example/%s/report-%d", pub.Format("2006/01/02"), i)})
	}
	return out
}

// Write writes the reports under dir in three equal parts: text files in
// dir/text, HTML pages in dir/html and one gzipped WARC file
// dir/crawl.warc.gz. It returns the three paths and the bytes written.
func Write(dir string, reports []Report) (paths []string, size int64, err error) {
	textDir, htmlDir := filepath.Join(dir, "text"), filepath.Join(dir, "html")
	for _, d := range []string{textDir, htmlDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, 0, err
		}
	}
	warcPath := filepath.Join(dir, "crawl.warc.gz")
	wf, err := os.Create(warcPath)
	if err != nil {
		return nil, 0, err
	}
	defer wf.Close()
	ww := warc.NewWriter(wf, true)
	for i, r := range reports {
		var b []byte
		switch i % 3 {
		case 0:
			b = []byte(r.Text())
			err = os.WriteFile(filepath.Join(textDir, fmt.Sprintf("%s_r%06d.txt", r.Published.Format("2006-01-02"), i)), b, 0o644)
		case 1:
			b = []byte(r.HTML())
			err = os.WriteFile(filepath.Join(htmlDir, fmt.Sprintf("r%06d.html", i)), b, 0o644)
		default:
			b = []byte(r.HTML())
			err = ww.WritePage(r.URL, r.Published, b)
		}
		if err != nil {
			return nil, 0, err
		}
		size += int64(len(b))
	}
	if err := wf.Close(); err != nil {
		return nil, 0, err
	}
	return []string{textDir, htmlDir, warcPath}, size, nil
}
