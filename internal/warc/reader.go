// Package warc reads and writes WARC files (ISO 28500, WARC/1.0 and 1.1),
// the archive format of Common Crawl's CC-NEWS: plain .warc and .warc.gz,
// including the usual one-gzip-member-per-record layout, as a stream.
//
// It is written by hand because no Go WARC library is available on the
// module proxy we build from; the format is small (a version line, header
// fields, Content-Length bytes of block, two CRLFs) and the standard
// library does the rest (compress/gzip multistream, bufio,
// net/http.ReadResponse for the HTTP message inside response records).
//
// The Reader yields every record (Next) or only HTML pages from response
// records (NextPage), counting what it skips. A cut (truncated) file gives
// every whole record before the cut and then a *TruncatedError saying
// where. The Writer produces request/response pairs, gzip per record, for
// test fixtures and benchmarks.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// DefaultMaxRecordBytes is the largest block the Reader holds in memory;
// larger records are skipped (and counted) without being buffered.
const DefaultMaxRecordBytes = 64 << 20

const (
	maxLine        = 64 << 10
	maxHeaderBytes = 1 << 20
)

// Field is one WARC header field, as written.
type Field struct{ Name, Value string }

// Header is a record's named fields in file order.
type Header []Field

// Get returns the first value of the named field (case-insensitive).
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Record is one WARC record. Its Header and Block are owned by the Reader
// and valid only until the next call to Next or NextPage; copy what you
// keep.
type Record struct {
	// Version is the version line, e.g. "WARC/1.0".
	Version string
	// Type is WARC-Type, lower case ("response", "request", "warcinfo"...).
	Type      string
	TargetURI string
	// Date is WARC-Date (zero when missing or unparsable).
	Date     time.Time
	RecordID string
	// ContentType is the record's Content-Type (for a response record
	// usually "application/http; msgtype=response").
	ContentType string
	Header      Header
	// Block is the record's content block, Content-Length bytes.
	Block []byte
	// Offset is where the record starts in the uncompressed stream.
	Offset int64
}

// Stats counts what a Reader has read so far.
type Stats struct {
	// Records is the number of whole records read (of every type).
	Records int64
	// Pages is the number of HTML pages NextPage returned.
	Pages int64
	// Skipped counts records NextPage passed over, by reason: the record
	// type ("request", "warcinfo", "metadata"...) or, for responses,
	// "response:status" (not 2xx), "response:not-html", "response:bad-http",
	// "response:encoding"; "too-large" for blocks over the size limit.
	Skipped map[string]int64
	// Bytes is the number of uncompressed bytes consumed.
	Bytes int64
}

// TruncatedError reports a file that ends inside a record.
type TruncatedError struct {
	// Record is the 0-based index of the record that was cut (also the
	// number of whole records before it).
	Record int64
	// Offset is where the cut record starts in the uncompressed stream.
	Offset int64
	// End is how many uncompressed bytes could be read in all.
	End int64
	// Compressed is how many bytes of the (gzip) input were read; 0 for
	// plain WARC.
	Compressed int64
	// Err is the underlying error.
	Err error
}

func (e *TruncatedError) Error() string {
	s := fmt.Sprintf("warc: file cut inside record %d (record starts at byte %d, stream ends at byte %d", e.Record, e.Offset, e.End)
	if e.Compressed > 0 {
		s += fmt.Sprintf(", %d compressed bytes read", e.Compressed)
	}
	return s + "): " + e.Err.Error()
}

func (e *TruncatedError) Unwrap() error { return e.Err }

// Reader reads WARC records from a stream. It is not safe for concurrent
// use.
type Reader struct {
	src     io.Reader
	raw     *countingReader // compressed input (or the plain input)
	data    *countingReader // uncompressed stream
	br      *bufio.Reader
	started bool
	gz      bool
	err     error
	done    bool

	max   int64
	rec   Record
	buf   []byte
	page  Page
	stats Stats
	hdr   Header
}

// NewReader returns a Reader for r, which may be plain or gzip-compressed
// WARC (detected from the first bytes).
func NewReader(r io.Reader) *Reader {
	return &Reader{src: r, max: DefaultMaxRecordBytes, stats: Stats{Skipped: map[string]int64{}}}
}

// SetMaxRecordBytes changes the largest block held in memory.
func (r *Reader) SetMaxRecordBytes(n int64) { r.max = n }

func (r *Reader) start() error {
	r.started = true
	r.raw = &countingReader{r: r.src}
	peek := bufio.NewReaderSize(r.raw, 64<<10)
	magic, err := peek.Peek(2)
	if err != nil && len(magic) == 0 {
		if err == io.EOF {
			r.done = true
			return nil
		}
		return err
	}
	var data io.Reader = peek
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(peek)
		if err != nil {
			return r.cut(0, err)
		}
		zr.Multistream(true)
		data = zr
		r.gz = true
	}
	r.data = &countingReader{r: data}
	r.br = bufio.NewReaderSize(r.data, maxLine)
	return nil
}

// offset is the uncompressed position of the next unread byte.
func (r *Reader) offset() int64 {
	if r.data == nil {
		return 0
	}
	return r.data.n - int64(r.br.Buffered())
}

func (r *Reader) cut(start int64, err error) error {
	te := &TruncatedError{Record: r.stats.Records, Offset: start, Err: err}
	if r.data != nil {
		te.End = r.data.n
	}
	if r.gz {
		te.Compressed = r.raw.n
	}
	return te
}

// Err returns the error that stopped Next or NextPage; nil at a clean end.
func (r *Reader) Err() error { return r.err }

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	s := r.stats
	s.Skipped = make(map[string]int64, len(r.stats.Skipped))
	for k, v := range r.stats.Skipped {
		s.Skipped[k] = v
	}
	s.Bytes = r.offset()
	return s
}

// Record returns the record Next or NextPage last read.
func (r *Reader) Record() *Record { return &r.rec }

// Next reads the next record. It returns false at the end of the input or
// on an error (see Err).
func (r *Reader) Next() bool {
	for {
		ok, skip := r.next()
		if ok && skip && r.err != nil {
			return false
		}
		if !ok {
			return false
		}
		if !skip {
			return true
		}
	}
}

// next reads one record; skip is set for a too-large record whose block
// was discarded.
func (r *Reader) next() (ok, skip bool) {
	if r.err != nil || r.done {
		return false, false
	}
	if !r.started {
		if err := r.start(); err != nil {
			r.err = err
			return false, false
		}
		if r.done {
			return false, false
		}
	}
	// Skip blank lines between records (some writers add extra CRLFs).
	var line []byte
	var err error
	var start int64
	for {
		start = r.offset()
		line, err = r.readLine()
		if err != nil {
			if err == io.EOF && len(line) == 0 {
				r.done = true
				return false, false
			}
			r.err = r.fail(start, err)
			return false, false
		}
		if len(bytes.TrimRight(line, "\r\n")) > 0 {
			break
		}
	}
	version := string(bytes.TrimRight(line, "\r\n"))
	if !strings.HasPrefix(version, "WARC/") {
		r.err = fmt.Errorf("warc: record %d at byte %d: expected a WARC/ version line, found %q", r.stats.Records, start, clip(version))
		return false, false
	}
	r.hdr = r.hdr[:0]
	total := len(line)
	for {
		line, err = r.readLine()
		if err != nil {
			r.err = r.fail(start, err)
			return false, false
		}
		total += len(line)
		if total > maxHeaderBytes {
			r.err = fmt.Errorf("warc: record %d at byte %d: header longer than %d bytes", r.stats.Records, start, maxHeaderBytes)
			return false, false
		}
		l := bytes.TrimRight(line, "\r\n")
		if len(l) == 0 {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && len(r.hdr) > 0 {
			r.hdr[len(r.hdr)-1].Value += " " + string(bytes.TrimSpace(l))
			continue
		}
		name, value, found := bytes.Cut(l, []byte(":"))
		if !found {
			r.err = fmt.Errorf("warc: record %d at byte %d: malformed header line %q", r.stats.Records, start, clip(string(l)))
			return false, false
		}
		r.hdr = append(r.hdr, Field{Name: string(bytes.TrimSpace(name)), Value: string(bytes.TrimSpace(value))})
	}
	n, err := strconv.ParseInt(r.hdr.Get("Content-Length"), 10, 64)
	if err != nil || n < 0 {
		r.err = fmt.Errorf("warc: record %d at byte %d: missing or bad Content-Length %q", r.stats.Records, start, clip(r.hdr.Get("Content-Length")))
		return false, false
	}
	tooLarge := n > r.max
	if tooLarge {
		if _, err := io.CopyN(io.Discard, r.br, n); err != nil {
			r.err = r.fail(start, err)
			return false, false
		}
		r.rec.Block = nil
	} else {
		if int64(cap(r.buf)) < n {
			r.buf = make([]byte, n)
		}
		r.buf = r.buf[:n]
		if _, err := io.ReadFull(r.br, r.buf); err != nil {
			r.err = r.fail(start, err)
			return false, false
		}
		r.rec.Block = r.buf
	}
	// The block is followed by CRLF CRLF; accept any run of up to four
	// line-end bytes (and none at all at the very end of the input).
	// A cut right after the block (say in the gzip trailer) still leaves
	// this record whole: return it and report the cut on the next call.
	var trailerErr error
	for range 4 {
		b, err := r.br.ReadByte()
		if err != nil {
			if err != io.EOF {
				trailerErr = err
			}
			break
		}
		if b != '\r' && b != '\n' {
			r.br.UnreadByte()
			break
		}
	}
	r.stats.Records++
	if trailerErr != nil {
		r.err = r.fail(r.offset(), trailerErr)
	}
	if tooLarge {
		r.stats.Skipped["too-large"]++
		return true, true
	}
	r.rec.Version = version
	r.rec.Header = r.hdr
	r.rec.Type = strings.ToLower(r.hdr.Get("WARC-Type"))
	r.rec.TargetURI = strings.Trim(r.hdr.Get("WARC-Target-URI"), "<>")
	r.rec.RecordID = r.hdr.Get("WARC-Record-ID")
	r.rec.ContentType = r.hdr.Get("Content-Type")
	r.rec.Date = parseDate(r.hdr.Get("WARC-Date"))
	r.rec.Offset = start
	return true, false
}

// fail turns a read error inside a record into a TruncatedError when the
// input simply ended, and a located error otherwise.
func (r *Reader) fail(start int64, err error) error {
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return r.cut(start, err)
	}
	return fmt.Errorf("warc: record %d at byte %d: %w", r.stats.Records, start, err)
}

// readLine reads one line (with its line end) of at most maxLine bytes.
// The returned slice is valid until the next read.
func (r *Reader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return nil, fmt.Errorf("header line longer than %d bytes", maxLine)
	}
	return line, err
}

func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z", "2006-01-02T15:04Z", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
