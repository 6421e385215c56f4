package warc

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
	"unicode/utf8"
)

func FuzzReader(f *testing.F) {
	plain, ends := fixture(f, 3, false)
	gz, gzEnds := fixture(f, 3, true)
	f.Add(plain)
	f.Add(gz)
	f.Add(plain[:ends[3]-7])
	f.Add(gz[:gzEnds[4]-3])
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\nx\r\n\r\n"))
	f.Add([]byte("WARC/1.1\nContent-Length: 0\n\n\n\nWARC/1.1\nContent-Length: 1\n\nx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.SetMaxRecordBytes(1 << 20)
		records := 0
		for r.Next() {
			rec := r.Record()
			n, err := strconv.ParseInt(rec.Header.Get("Content-Length"), 10, 64)
			if err != nil || int64(len(rec.Block)) != n {
				t.Fatalf("record %d: block of %d bytes, Content-Length %q", records, len(rec.Block), rec.Header.Get("Content-Length"))
			}
			records++
		}
		var te *TruncatedError
		if errors.As(r.Err(), &te) && te.Record != int64(records) {
			t.Fatalf("cut reported in record %d after %d whole records", te.Record, records)
		}
		if st := r.Stats(); st.Records != int64(records) {
			t.Fatalf("Stats.Records = %d, counted %d", st.Records, records)
		}
		r = NewReader(bytes.NewReader(data))
		r.SetMaxRecordBytes(1 << 20)
		pages := int64(0)
		for r.NextPage() {
			p := r.Page()
			if !utf8.Valid(p.HTML) {
				t.Fatalf("page %s: HTML not valid UTF-8", p.URI)
			}
			if p.StatusCode < 200 || p.StatusCode > 299 {
				t.Fatalf("page with status %d", p.StatusCode)
			}
			pages++
		}
		st := r.Stats()
		var skipped int64
		for _, v := range st.Skipped {
			skipped += v
		}
		if st.Pages != pages || st.Records != pages+skipped {
			t.Fatalf("stats %+v do not add up to %d pages", st, pages)
		}
	})
}
