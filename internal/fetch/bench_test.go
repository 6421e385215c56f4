package fetch

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func BenchmarkToUTF8(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Le ministre a déclaré que les négociations reprendraient.</p>\n"), 300)
	latin, _ := charmap.Windows1252.NewEncoder().Bytes(page)
	for _, tt := range []struct {
		name  string
		body  []byte
		ctype string
	}{{"utf-8", page, "text/html; charset=utf-8"}, {"undeclared-utf-8", page, "text/html"}, {"windows-1252", latin, "text/html; charset=windows-1252"}} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.body)))
			b.ReportAllocs()
			for b.Loop() {
				ToUTF8(tt.body, tt.ctype)
			}
		})
	}
}

func BenchmarkFetchLoopback(b *testing.B) {
	page := bytes.Repeat([]byte("<p>The minister said talks would resume.</p>\n"), 300)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	f := New(local())
	ctx := context.Background()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Fetch(ctx, Request{URL: srv.URL + "/a"}); err != nil {
			b.Fatal(err)
		}
	}
}
