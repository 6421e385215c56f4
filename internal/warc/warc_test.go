package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

var day = time.Date(2026, 11, 21, 8, 30, 0, 0, time.UTC)

func pageHTML(i int) []byte {
	return fmt.Appendf(nil, "<html><head><title>Report %d</title></head><body><p>The minister said on Friday that talks number %d would resume.</p></body></html>", i, i)
}

func pageURI(i int) string { return fmt.Sprintf("https://news.example/2026/11/21/report-%d.html", i) }

// fixture writes a warcinfo record, n pages (request + response each) and
// a few records NextPage must skip. ends[i] is the output length after
// record i.
func fixture(t testing.TB, n int, compress bool) (data []byte, ends []int) {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, compress)
	mark := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
		ends = append(ends, buf.Len())
	}
	mark(w.WriteWarcinfo(day, Header{{"software", "storyline test"}}))
	for i := range n {
		reqID, err := w.WriteRequest(pageURI(i), day.Add(time.Duration(i)*time.Second), http.Header{"User-Agent": {"t"}})
		mark(err)
		_, err = w.WriteResponse(pageURI(i), day.Add(time.Duration(i)*time.Second), 200, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, pageHTML(i), reqID)
		mark(err)
	}
	_, err := w.WriteResponse("https://news.example/logo.png", day, 200, http.Header{"Content-Type": {"image/png"}}, []byte("\x89PNG\r\n\x1a\n"), "")
	mark(err)
	_, err = w.WriteResponse("https://news.example/gone", day, 404, http.Header{"Content-Type": {"text/html"}}, []byte("<p>gone</p>"), "")
	mark(err)
	mark(w.WriteRecord(Header{{"WARC-Type", "metadata"}, {"WARC-Target-URI", pageURI(0)}}, []byte("fetchTimeMs: 12\r\n")))
	return buf.Bytes(), ends
}

func TestRoundTrip5000Pages(t *testing.T) {
	const n = 5000
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compress), func(t *testing.T) {
			data, _ := fixture(t, n, compress)
			r := NewReader(bytes.NewReader(data))
			i := 0
			for r.NextPage() {
				p := r.Page()
				if p.URI != pageURI(i) || !bytes.Equal(p.HTML, pageHTML(i)) || !p.Date.Equal(day.Add(time.Duration(i)*time.Second)) || p.StatusCode != 200 {
					t.Fatalf("page %d = %s %v %q, want %s", i, p.URI, p.Date, p.HTML, pageURI(i))
				}
				i++
			}
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if i != n {
				t.Fatalf("read %d pages, want %d", i, n)
			}
			st := r.Stats()
			want := map[string]int64{"warcinfo": 1, "request": n, "response:not-html": 1, "response:status": 1, "metadata": 1}
			if fmt.Sprint(st.Skipped) != fmt.Sprint(want) || st.Records != 2*n+4 || st.Pages != n {
				t.Fatalf("stats = %+v, want skipped %v records %d", st, want, 2*n+4)
			}
			if !compress && st.Bytes != int64(len(data)) {
				t.Fatalf("Bytes = %d, want %d", st.Bytes, len(data))
			}
		})
	}
}

func TestNextYieldsEveryRecord(t *testing.T) {
	data, _ := fixture(t, 3, true)
	r := NewReader(bytes.NewReader(data))
	var types []string
	for r.Next() {
		rec := r.Record()
		types = append(types, rec.Type)
		if rec.Type == "response" && !strings.HasPrefix(string(rec.Block), "HTTP/1.1 ") {
			t.Fatalf("response block starts %q", rec.Block[:20])
		}
		if rec.Type != "metadata" && (rec.RecordID == "" || rec.Date.IsZero()) {
			t.Fatalf("record %+v lacks ID or date", rec.Header)
		}
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	got := strings.Join(types, ",")
	want := "warcinfo,request,response,request,response,request,response,response,response,metadata"
	if got != want {
		t.Fatalf("types = %s, want %s", got, want)
	}
}

func TestTruncated(t *testing.T) {
	const n = 50
	tests := []struct {
		name     string
		compress bool
		// cut picks the cut position from the record end offsets; whole is
		// the number of records wholly before it (a cut in a gzip trailer
		// leaves the record's data whole).
		cut func(ends []int) (pos, whole int)
	}{
		{"plain mid-body", false, func(e []int) (int, int) { return e[20] - 40, 20 }},
		{"plain mid-header", false, func(e []int) (int, int) { return e[20] + 30, 21 }},
		{"plain one byte short", false, func(e []int) (int, int) { return e[len(e)-1] - 5, len(e) - 1 }},
		{"gzip mid-member", true, func(e []int) (int, int) { return (e[30] + e[31]) / 2, 31 }},
		{"gzip in member header", true, func(e []int) (int, int) { return e[10] + 5, 11 }},
		{"gzip in member trailer", true, func(e []int) (int, int) { return e[41] - 3, 42 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, ends := fixture(t, n, tt.compress)
			pos, whole := tt.cut(ends)
			r := NewReader(bytes.NewReader(data[:pos]))
			got := 0
			for r.Next() {
				got++
			}
			if got != whole {
				t.Fatalf("read %d whole records before the cut at %d, want %d (err %v)", got, pos, whole, r.Err())
			}
			var te *TruncatedError
			if !errors.As(r.Err(), &te) {
				t.Fatalf("Err() = %v, want *TruncatedError", r.Err())
			}
			if !strings.Contains(te.Error(), "cut inside record") || !errors.Is(te, io.ErrUnexpectedEOF) {
				t.Fatalf("error %q does not say where the file was cut", te)
			}
			if te.Record != int64(whole) {
				t.Fatalf("TruncatedError.Record = %d, want %d", te.Record, whole)
			}
			// NextPage sees the same pages as a full read up to the cut.
			r = NewReader(bytes.NewReader(data[:pos]))
			pages := 0
			for r.NextPage() {
				pages++
			}
			if wantPages := min(n, (whole-1)/2); pages != wantPages || !errors.As(r.Err(), &te) {
				t.Fatalf("NextPage gave %d pages, err %v; want %d and a TruncatedError", pages, r.Err(), wantPages)
			}
		})
	}
}

func TestCutAtRecordBoundaryIsClean(t *testing.T) {
	for _, compress := range []bool{false, true} {
		data, ends := fixture(t, 10, compress)
		r := NewReader(bytes.NewReader(data[:ends[7]]))
		got := 0
		for r.Next() {
			got++
		}
		if got != 8 || r.Err() != nil {
			t.Fatalf("gzip=%v: %d records, err %v; want 8 and no error", compress, got, r.Err())
		}
	}
}

// A response as Common Crawl archives it: chunked, gzip-encoded,
// ISO-8859-1, WARC/1.1, with extra blank lines between records.
func TestArchivedResponseForms(t *testing.T) {
	html := "<html><head><title>Caf\xe9</title></head><body><p>D\xe9claration du ministre.</p></body></html>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(html))
	zw.Close()
	var chunked bytes.Buffer
	body := gz.Bytes()
	for len(body) > 0 {
		k := min(len(body), 37)
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", k, body[:k])
		body = body[k:]
	}
	chunked.WriteString("0\r\n\r\n")
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\n" + chunked.String()
	rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2026-11-21T08:30:00.123456Z\r\nWARC-Target-URI: <https://lemonde.example/a>\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n\r\n", len(block), block)
	// An LF-only record with a folded header line, no charset and no
	// Content-Type at all (sniffed as HTML).
	lfBlock := "HTTP/1.0 200 OK\nServer: x\n\n<!DOCTYPE html><html><body>plain</body></html>"
	rec2 := fmt.Sprintf("WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://b.example/\nWARC-Date: 2026-11-21T08:30:00Z\nX-Long: part one\n  part two\nContent-Length: %d\n\n%s\n\n", len(lfBlock), lfBlock)
	// A payload stored decoded under a Content-Encoding: gzip header.
	decBlock := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n<html>decoded</html>"
	rec3 := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://c.example/\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(decBlock), decBlock)
	r := NewReader(strings.NewReader(rec + rec2 + rec3))
	var got []string
	for r.NextPage() {
		p := r.Page()
		got = append(got, p.URI+" "+p.Charset+" "+string(p.HTML))
		if p.URI == "http://b.example/" && r.Record().Header.Get("x-long") != "part one part two" {
			t.Fatalf("folded header = %q", r.Record().Header.Get("x-long"))
		}
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	want := []string{
		"https://lemonde.example/a windows-1252 <html><head><title>Café</title></head><body><p>Déclaration du ministre.</p></body></html>",
		"http://b.example/ utf-8 <!DOCTYPE html><html><body>plain</body></html>",
		"http://c.example/ utf-8 <html>decoded</html>",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTooLargeSkipped(t *testing.T) {
	data, _ := fixture(t, 5, false)
	r := NewReader(bytes.NewReader(data))
	r.SetMaxRecordBytes(100) // requests fit, responses do not
	pages := 0
	for r.NextPage() {
		pages++
	}
	if r.Err() != nil || pages != 0 || r.Stats().Skipped["too-large"] == 0 {
		t.Fatalf("pages %d err %v stats %+v", pages, r.Err(), r.Stats())
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not warc", "hello world\r\n"},
		{"no content-length", "WARC/1.0\r\nWARC-Type: response\r\n\r\nxx"},
		{"bad content-length", "WARC/1.0\r\nContent-Length: -4\r\n\r\n"},
		{"bad header line", "WARC/1.0\r\nno colon here\r\n\r\n"},
		{"garbage after gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xffnot deflate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.in))
			for r.Next() {
			}
			if r.Err() == nil {
				t.Fatal("no error")
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		r := NewReader(strings.NewReader(""))
		if r.Next() || r.Err() != nil {
			t.Fatalf("empty input: err %v", r.Err())
		}
	})
}

func BenchmarkReadPages(b *testing.B) {
	for _, compress := range []bool{false, true} {
		b.Run(fmt.Sprintf("gzip=%v", compress), func(b *testing.B) {
			data, _ := fixture(b, 1000, compress)
			var raw int64
			r := NewReader(bytes.NewReader(data))
			for r.Next() {
			}
			raw = r.Stats().Bytes
			b.SetBytes(raw)
			b.ReportAllocs()
			for b.Loop() {
				r := NewReader(bytes.NewReader(data))
				n := 0
				for r.NextPage() {
					n++
				}
				if n != 1000 || r.Err() != nil {
					b.Fatal(n, r.Err())
				}
			}
		})
	}
}

func BenchmarkWritePages(b *testing.B) {
	html := bytes.Repeat([]byte("<p>The minister said talks would resume.</p>\n"), 100)
	b.SetBytes(int64(len(html)))
	b.ReportAllocs()
	w := NewWriter(io.Discard, true)
	i := 0
	for b.Loop() {
		if err := w.WritePage(pageURI(i), day, html); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
