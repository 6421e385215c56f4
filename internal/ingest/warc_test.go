package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storyline/internal/warc"
)

func writeWARC(t *testing.T, path string, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	date := time.Date(2026, 3, 5, 8, 0, 0, 0, time.UTC)
	for i := range n {
		page := fmt.Sprintf("<html><head><title>Report %d</title></head><body><article><h1>Report %d</h1><p>The fleet stayed in port on day %d of the dispute, officials in Selm said.</p></article></body></html>", i, i, i)
		if err := w.WritePage(fmt.Sprintf("https://news.example/2026/03/05/report-%d", i), date, []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	const n = 5000
	data := writeWARC(t, path, n)
	docs, fails, warns := collect(t, &Source{Paths: []string{path}})
	if len(docs) != n || len(fails) != 0 {
		t.Fatalf("%d pages and %d failures from a WARC of %d pages: %v", len(docs), len(fails), n, fails)
	}
	d := docs[n-1]
	if d.URL != fmt.Sprintf("https://news.example/2026/03/05/report-%d", n-1) || d.Format != HTML || d.Captured != "2026-03-05" || !strings.Contains(d.Content, "day 4999") {
		t.Errorf("last page read as %+v", d)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "request 5000") {
		t.Errorf("warnings %q, want the request records counted", warns)
	}

	cut := filepath.Join(dir, "cut.warc.gz")
	if err := os.WriteFile(cut, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	docs, fails, _ = collect(t, &Source{Paths: []string{cut}})
	if len(docs) == 0 || len(docs) >= n {
		t.Fatalf("%d pages from a cut file", len(docs))
	}
	if len(fails) != 1 || !strings.Contains(fails[0].Err.Error(), "cut short") {
		t.Fatalf("failures %v, want one saying where the file was cut", fails)
	}
	for i, d := range docs {
		if want := fmt.Sprintf("report-%d", i); !strings.HasSuffix(d.URL, want) {
			t.Fatalf("page %d is %s, want %s: whole records before the cut must all be read", i, d.URL, want)
		}
	}
	t.Logf("cut file: %d whole pages read; %v", len(docs), fails[0])
}
