package fetch

import (
	"net/http"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=koi8-r>\xf0\xd2\xc9"), "text/html")
	f.Add([]byte("\xef\xbb\xbfhello"), "")
	f.Add([]byte("caf\xe9"), "text/html; charset=latin1")
	f.Add([]byte("\xff\xfeh\x00i\x00"), "text/plain")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		out, name := ToUTF8(body, ctype)
		if !utf8.Valid(out) {
			t.Fatalf("ToUTF8(%q, %q) = %q (%s): not valid UTF-8", body, ctype, out, name)
		}
		if name == "" {
			t.Fatalf("no encoding name for %q", body)
		}
	})
}

func FuzzHeaders(f *testing.F) {
	f.Add("120", "max-age=60")
	f.Add("Sat, 21 Nov 2026 10:00:00 GMT", "no-cache, max-age=5")
	f.Add("-1", `max-age="99999999999999"`)
	now := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, retry, cc string) {
		h := http.Header{"Retry-After": {retry}, "Cache-Control": {cc}}
		if d := RetryAfter(h, now); d < 0 || d > 366*24*time.Hour {
			t.Fatalf("RetryAfter(%q) = %v", retry, d)
		}
		if d := MaxAge(h); d < 0 || d > 366*24*time.Hour {
			t.Fatalf("MaxAge(%q) = %v", cc, d)
		}
	})
}
