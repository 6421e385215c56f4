package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/zeebo/xxh3"
)

// Writer writes WARC/1.0 records, each as its own gzip member when
// compressing (the layout Common Crawl uses, so a reader can seek to any
// record). It is for test fixtures and benchmarks; it is not safe for
// concurrent use. Record IDs are derived from the record's content and
// position, so the same calls give the same bytes.
type Writer struct {
	w    io.Writer
	zw   *gzip.Writer
	buf  bytes.Buffer
	seq  uint64
	err  error
	Date time.Time // used when a call passes the zero time
}

// NewWriter returns a Writer on w; compress selects .warc.gz output.
func NewWriter(w io.Writer, compress bool) *Writer {
	wr := &Writer{w: w}
	if compress {
		wr.zw, _ = gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	}
	return wr
}

// WriteRecord writes one record: the version line, the given fields (the
// caller supplies WARC-Type, WARC-Date, WARC-Record-ID, ...), the
// Content-Length of block, and block.
func (w *Writer) WriteRecord(h Header, block []byte) error {
	if w.err != nil {
		return w.err
	}
	b := &w.buf
	b.Reset()
	b.WriteString("WARC/1.0\r\n")
	for _, f := range h {
		b.WriteString(f.Name)
		b.WriteString(": ")
		b.WriteString(f.Value)
		b.WriteString("\r\n")
	}
	b.WriteString("Content-Length: ")
	b.WriteString(strconv.Itoa(len(block)))
	b.WriteString("\r\n\r\n")
	b.Write(block)
	b.WriteString("\r\n\r\n")
	if w.zw == nil {
		_, w.err = w.w.Write(b.Bytes())
		return w.err
	}
	w.zw.Reset(w.w)
	if _, err := w.zw.Write(b.Bytes()); err != nil {
		w.err = err
		return err
	}
	w.err = w.zw.Close()
	return w.err
}

// id makes a urn:uuid record ID from the record's identity and sequence.
func (w *Writer) id(typ, uri string, date time.Time) string {
	w.seq++
	h := xxh3.HashString128(fmt.Sprintf("%s\x00%s\x00%d\x00%d", typ, uri, date.UnixNano(), w.seq)).Bytes()
	h[6] = h[6]&0x0f | 0x40
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (w *Writer) date(d time.Time) time.Time {
	if d.IsZero() {
		d = w.Date
	}
	if d.IsZero() {
		d = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d.UTC()
}

// WriteWarcinfo writes a warcinfo record with the given fields as its
// application/warc-fields block.
func (w *Writer) WriteWarcinfo(date time.Time, fields Header) error {
	date = w.date(date)
	var block bytes.Buffer
	for _, f := range fields {
		fmt.Fprintf(&block, "%s: %s\r\n", f.Name, f.Value)
	}
	return w.WriteRecord(Header{
		{"WARC-Type", "warcinfo"},
		{"WARC-Date", date.Format(time.RFC3339)},
		{"WARC-Record-ID", w.id("warcinfo", "", date)},
		{"Content-Type", "application/warc-fields"},
	}, block.Bytes())
}

// WriteRequest writes a request record for a GET of uri.
func (w *Writer) WriteRequest(uri string, date time.Time, header http.Header) (id string, err error) {
	date = w.date(date)
	var block bytes.Buffer
	req, err := http.NewRequest(http.MethodGet, uri, nil)
	if err != nil {
		return "", fmt.Errorf("warc request %s: %w", uri, err)
	}
	fmt.Fprintf(&block, "GET %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	header.Write(&block)
	block.WriteString("\r\n")
	id = w.id("request", uri, date)
	return id, w.WriteRecord(Header{
		{"WARC-Type", "request"},
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.Format(time.RFC3339)},
		{"WARC-Record-ID", id},
		{"Content-Type", "application/http; msgtype=request"},
	}, block.Bytes())
}

// WriteResponse writes a response record holding an HTTP/1.1 response
// with the given status, header and body (Content-Length is set from
// body). concurrentTo, when not empty, names the matching request record.
func (w *Writer) WriteResponse(uri string, date time.Time, status int, header http.Header, body []byte, concurrentTo string) (id string, err error) {
	date = w.date(date)
	var block bytes.Buffer
	block.Grow(len(body) + 256)
	fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	h := header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Write(&block)
	block.WriteString("\r\n")
	block.Write(body)
	id = w.id("response", uri, date)
	fields := Header{
		{"WARC-Type", "response"},
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.Format(time.RFC3339)},
		{"WARC-Record-ID", id},
	}
	if concurrentTo != "" {
		fields = append(fields, Field{"WARC-Concurrent-To", concurrentTo})
	}
	fields = append(fields, Field{"Content-Type", "application/http; msgtype=response"})
	return id, w.WriteRecord(fields, block.Bytes())
}

// WritePage writes a request record and a 200 text/html response record
// for one page, as a crawler would.
func (w *Writer) WritePage(uri string, date time.Time, html []byte) error {
	reqID, err := w.WriteRequest(uri, date, http.Header{"User-Agent": {"storyline-fixture"}})
	if err != nil {
		return err
	}
	_, err = w.WriteResponse(uri, date, http.StatusOK, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, html, reqID)
	return err
}
