package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{"plain", []byte("Hello world."), "Hello world.", ""},
		{"bom dropped", []byte("\xEF\xBB\xBFHello"), "Hello", ""},
		{"utf-16le", []byte("\xFF\xFEH\x00i\x00"), "Hi", ""},
		{"latin-1 repaired", []byte("The new caf\xe9 in Z\xfcrich opened on Friday near the lake."), "The new café in Zürich opened on Friday near the lake.", ""},
		{"random bytes refused", []byte("ab\xff\xfe\xfd\xc3\x28 cd"), "", "invalid UTF-8 at byte 2"},
		{"nul is binary", []byte("PK\x03\x04\x00\x00data"), "", "binary"},
		{"control bytes binary", []byte(strings.Repeat("\x01\x02\x03a", 20)), "", "binary"},
		{"empty", []byte(""), "", "empty"},
		{"white space only", []byte(" \n\t \r\n"), "", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeText(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("DecodeText(%q) error %v, want one containing %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("DecodeText(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func collect(t *testing.T, src *Source) (docs []*Doc, fails []*Failure, warns []string) {
	t.Helper()
	out := make(chan Item)
	errc := make(chan error, 1)
	go func() {
		errc <- src.Run(context.Background(), out, nil)
		close(out)
	}()
	for it := range out {
		if it.Doc != nil {
			docs = append(docs, it.Doc)
		}
		if it.Fail != nil {
			fails = append(fails, it.Fail)
		}
		if it.Warning != "" {
			warns = append(warns, it.Warning)
		}
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	return docs, fails, warns
}

func TestSourceBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Strait talks resume\nNegotiators met on Tuesday."))
	write("page.html", []byte("<html><body><article><p>Text.</p></article></body></html>"))
	write("bad-utf8.txt", []byte("ab\xff\xfe\xfd cd"))
	write("empty.txt", nil)
	write("blob.bin", []byte{0, 1, 2, 3, 0xff})
	write("big.txt", []byte(strings.Repeat("word ", 300)))
	write("feed.jsonl", []byte(`{"id":"a","text":"First report.","published":"2026-03-04","lang":"en"}
{"id":"b","title":"Second","text":"Second report.","published":"2026-03-05T10:00:00+01:00"}
{"id":"c","text":"Third rep`))
	write(".hidden.txt", []byte("not read"))
	src := &Source{Paths: []string{dir}, MaxSize: 1000}
	docs, fails, warns := collect(t, src)

	var names []string
	for _, d := range docs {
		names = append(names, d.Name[len(dir)+1:])
	}
	if got, want := strings.Join(names, ","), "feed.jsonl:1,feed.jsonl:2,good.txt,page.html"; got != want {
		t.Errorf("docs read: %s, want %s", got, want)
	}
	reasons := map[string]string{}
	for _, f := range fails {
		reasons[filepath.Base(f.Name)] = f.Err.Error()
	}
	wantReasons := map[string]string{
		"bad-utf8.txt": "invalid UTF-8",
		"empty.txt":    "empty",
		"blob.bin":     "binary",
		"big.txt":      "over the",
		"feed.jsonl:3": "invalid JSON",
	}
	for name, reason := range wantReasons {
		if !strings.Contains(reasons[name], reason) {
			t.Errorf("%s: reason %q, want one containing %q", name, reasons[name], reason)
		}
	}
	if len(fails) != len(wantReasons) {
		t.Errorf("%d failures, want %d: %v", len(fails), len(wantReasons), reasons)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], `unknown field(s) lang`) {
		t.Errorf("warnings %q, want one about the unknown field", warns)
	}
	for _, d := range docs {
		if d.Name == filepath.Join(dir, "feed.jsonl:2") && d.Published != "2026-03-05T09:00:00Z" {
			t.Errorf("published %q", d.Published)
		}
	}
}

func TestNormalisePublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-08-22", "2025-08-22"},
		{"2025-08-22T09:59:00Z", "2025-08-22T09:59:00Z"},
		{"2025-08-22T09:59:00-04:00", "2025-08-22T13:59:00Z"},
		{"22/08/2025", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalisePublished(tt.in)
			if got != tt.want || (tt.want == "") != (err != nil) {
				t.Errorf("NormalisePublished(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	src := &Source{Paths: []string{"-"}, Stdin: strings.NewReader("A headline\nSome text.")}
	docs, fails, _ := collect(t, src)
	if len(docs) != 1 || len(fails) != 0 || docs[0].Origin != "-" || docs[0].Format != Text {
		t.Fatalf("docs %+v fails %+v", docs, fails)
	}
	src = &Source{Paths: []string{"-"}, Stdin: strings.NewReader(`{"text":"One."}` + "\n" + `{"text":"Two."}`)}
	docs, _, _ = collect(t, src)
	if len(docs) != 2 {
		t.Fatalf("stdin JSONL: %d docs, want 2", len(docs))
	}
}

func TestMissingPath(t *testing.T) {
	src := &Source{Paths: []string{filepath.Join(t.TempDir(), "nope")}}
	_, fails, _ := collect(t, src)
	if len(fails) != 1 || !errors.Is(fails[0].Err, os.ErrNotExist) {
		t.Fatalf("fails %v", fails)
	}
}

func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"hello", "caf\xe9", "\xff\xfeh\x00", "\x00", "\xef\xbb\xbfx"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := DecodeText(b)
		if err == nil && (!utf8.ValidString(s) || strings.TrimSpace(s) == "") {
			t.Fatalf("DecodeText(%q) = %q: invalid or empty text without error", b, s)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"x"}`, `{"html":"<p>x</p>","published":"2025-01-01"}` + "\n{", `{"text":1}`, "\n\n", `{"text":"a","extra":[1,2]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := &Source{Paths: []string{"-"}, Stdin: strings.NewReader("{}\n" + s), MaxSize: 1 << 16}
		docs, fails, _ := collect(t, src)
		for _, d := range docs {
			if d.Content == "" || strings.TrimSpace(d.Content) == "" {
				t.Fatalf("doc with no content from %q", s)
			}
		}
		for _, fl := range fails {
			if fl.Name == "" || fl.Err == nil {
				t.Fatalf("failure without name or reason: %+v", fl)
			}
		}
	})
}
