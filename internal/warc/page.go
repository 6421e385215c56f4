package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"
	"time"

	"storyline/internal/fetch"
)

// Page is an HTML page taken from a response record. Like Record, it is
// valid only until the next call to Next or NextPage.
type Page struct {
	// URI is the record's WARC-Target-URI.
	URI string
	// Date is the record's WARC-Date (the capture time).
	Date     time.Time
	RecordID string
	// StatusCode and Header are those of the archived HTTP response.
	StatusCode int
	Header     http.Header
	// HTML is the page body, de-chunked, decompressed and decoded to UTF-8.
	HTML []byte
	// Charset is the encoding HTML was decoded from.
	Charset string
}

// NextPage advances to the next response record holding a 2xx HTML page,
// skipping (and counting in Stats.Skipped) everything else. It returns
// false at the end of the input or on an error (see Err).
func (r *Reader) NextPage() bool {
	for {
		ok, skip := r.next()
		if !ok {
			return false
		}
		if skip {
			if r.err != nil {
				return false
			}
			continue
		}
		rec := &r.rec
		if rec.Type != "response" {
			r.stats.Skipped[skipKey(rec.Type)]++
			continue
		}
		reason, err := r.page.parse(rec, r.max)
		if err != nil || reason != "" {
			if reason == "" {
				reason = "response:bad-http"
			}
			r.stats.Skipped[reason]++
			continue
		}
		r.stats.Pages++
		return true
	}
}

// Page returns the page NextPage last found.
func (r *Reader) Page() *Page { return &r.page }

func skipKey(typ string) string {
	switch typ {
	case "warcinfo", "request", "metadata", "resource", "revisit", "conversion", "continuation":
		return typ
	case "":
		return "untyped"
	}
	return "other"
}

// parse fills p from a response record; a non-empty reason says why the
// record is not an HTML page.
func (p *Page) parse(rec *Record, limit int64) (reason string, err error) {
	status, header, body, err := ParseHTTPResponse(rec.Block)
	if err != nil {
		return "", err
	}
	if status < 200 || status > 299 {
		return "response:status", nil
	}
	if te := header.Get("Transfer-Encoding"); strings.EqualFold(strings.TrimSpace(te), "chunked") {
		if dec, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(body)), limit)); err == nil {
			body = dec
		}
	}
	switch ce := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); ce {
	case "", "identity":
	case "gzip", "x-gzip", "deflate":
		dec, err := decompress(ce, body, limit)
		switch {
		case err == nil:
			body = dec
		case ce != "deflate" && !bytes.HasPrefix(body, []byte{0x1f, 0x8b}):
			// Some crawlers store the payload decoded but keep the header;
			// a gzip body always starts with its magic number.
		default:
			return "response:encoding", nil
		}
	default:
		return "response:encoding", nil
	}
	ct := header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return "response:not-html", nil
	}
	p.URI = rec.TargetURI
	p.Date = rec.Date
	p.RecordID = rec.RecordID
	p.StatusCode = status
	p.Header = header
	p.HTML, p.Charset = fetch.ToUTF8(body, ct)
	return "", nil
}

func decompress(ce string, body []byte, limit int64) ([]byte, error) {
	var zr io.ReadCloser
	var err error
	switch ce {
	case "deflate":
		if len(body) >= 2 && body[0]&0x0f == 8 && (uint16(body[0])<<8|uint16(body[1]))%31 == 0 {
			zr, err = zlib.NewReader(bytes.NewReader(body))
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
	default:
		zr, err = gzip.NewReader(bytes.NewReader(body))
	}
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, limit))
}

// ParseHTTPResponse splits an archived HTTP response (a response record's
// block) into status, header and the raw body bytes that follow the header
// (not de-chunked or decompressed). The archived Content-Length is
// ignored: the block's end is the body's end.
func ParseHTTPResponse(block []byte) (status int, header http.Header, body []byte, err error) {
	end := bytes.Index(block, []byte("\r\n\r\n"))
	sep := 4
	if lf := bytes.Index(block, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
		end, sep = lf, 2
	}
	var head []byte
	if end < 0 {
		head, body = block, nil
	} else {
		head, body = block[:end+sep], block[end+sep:]
	}
	if !bytes.HasPrefix(head, []byte("HTTP/")) {
		return 0, nil, nil, errors.New("not an HTTP response")
	}
	if end < 0 {
		head = append(bytes.TrimRight(head, "\r\n"), "\r\n\r\n"...)
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(head)), nil)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("archived HTTP response: %w", err)
	}
	resp.Body.Close()
	h := resp.Header
	if len(resp.TransferEncoding) > 0 {
		// net/http moves Transfer-Encoding out of the header; put it back
		// so the caller sees what was archived.
		h = h.Clone()
		h.Set("Transfer-Encoding", strings.Join(resp.TransferEncoding, ", "))
	}
	return resp.StatusCode, h, body, nil
}
