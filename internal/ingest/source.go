package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultMaxSize is the largest file, or JSONL line, read by default.
const DefaultMaxSize = 32 << 20

// Format is how a document's content is to be read.
type Format string

// The formats.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Doc is one report as read from its source, before cleaning.
type Doc struct {
	// Origin is the base name of the file it came from, or "-" for stdin.
	Origin string
	// Line is the line of a JSONL file (1-based), 0 otherwise.
	Line int
	// Name is how messages refer to it: the path, with ":line" for JSONL.
	Name   string
	Format Format
	// Content is the text or the HTML page, valid UTF-8.
	Content string
	// Fields given by a JSONL record or a WARC record; empty otherwise.
	ID, URL, Source, Title, Byline, Published string
	// Captured is when a crawler fetched the page (WARC-Date), as
	// YYYY-MM-DD: a last resort for the published date.
	Captured string
}

// Failure is something that could not be read.
type Failure struct {
	Name string
	Err  error
}

func (f *Failure) Error() string { return f.Name + ": " + f.Err.Error() }

// Item is what a Source yields: a Doc, a Failure, or a Warning about a
// Doc that was still read.
type Item struct {
	Doc     *Doc
	Fail    *Failure
	Warning string
}

// Source reads the given paths: files, directories (recursively, in
// lexical order) and "-" for Stdin.
type Source struct {
	Paths   []string
	Stdin   io.Reader
	MaxSize int64
}

// Files lists the files Run will read, for progress reporting. Paths that
// cannot be listed are left to Run to report.
func (s *Source) Files() []string {
	var out []string
	for _, p := range s.Paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		_ = walk(p, func(path string) { out = append(out, path) })
	}
	return out
}

func walk(root string, fn func(string)) error {
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		fn(root)
		return nil
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // reported when read
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		fn(f)
	}
	return err
}

// Run sends an Item for every document and every failure to out, and
// returns when all paths are read or ctx ends. It does not close out.
// Done is called once per file, after its items are sent.
func (s *Source) Run(ctx context.Context, out chan<- Item, done func(path string)) error {
	if done == nil {
		done = func(string) {}
	}
	send := func(it Item) error {
		select {
		case out <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, p := range s.Paths {
		if p == "-" {
			if err := s.readStream(ctx, "-", "stdin", s.Stdin, formatOf("-", nil), send); err != nil {
				return err
			}
			done(p)
			continue
		}
		var werr error
		err := walk(p, func(path string) {
			if werr != nil {
				return
			}
			werr = s.readFile(ctx, path, send)
			done(path)
		})
		if werr != nil {
			return werr
		}
		if err != nil {
			if err := send(Item{Fail: &Failure{p, unwrapPathError(err)}}); err != nil {
				return err
			}
		}
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (s *Source) maxSize() int64 {
	if s.MaxSize > 0 {
		return s.MaxSize
	}
	return DefaultMaxSize
}

func (s *Source) readFile(ctx context.Context, path string, send func(Item) error) error {
	info, err := os.Stat(path)
	if err != nil {
		return send(Item{Fail: &Failure{path, unwrapPathError(err)}})
	}
	if info.Size() == 0 {
		return send(Item{Fail: &Failure{path, ErrEmpty}})
	}
	f, err := os.Open(path)
	if err != nil {
		return send(Item{Fail: &Failure{path, unwrapPathError(err)}})
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return s.readJSONL(ctx, path, filepath.Base(path), f, send)
	}
	if isWARC(path) {
		return s.readWARC(ctx, path, f, send)
	}
	if info.Size() > s.maxSize() {
		return send(Item{Fail: &Failure{path, fmt.Errorf("file is %s, over the %s limit", mb(info.Size()), mb(s.maxSize()))}})
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return send(Item{Fail: &Failure{path, err}})
	}
	return s.readBytes(path, filepath.Base(path), b, send)
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// readStream reads stdin: JSONL when it looks like JSON objects, else one
// text or HTML report.
func (s *Source) readStream(ctx context.Context, origin, name string, r io.Reader, _ Format, send func(Item) error) error {
	if r == nil {
		return send(Item{Fail: &Failure{name, errors.New("no standard input")}})
	}
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return s.readJSONL(ctx, name, origin, br, send)
	}
	b, err := io.ReadAll(io.LimitReader(br, s.maxSize()+1))
	if err != nil {
		return send(Item{Fail: &Failure{name, err}})
	}
	if int64(len(b)) > s.maxSize() {
		return send(Item{Fail: &Failure{name, fmt.Errorf("input is over the %s limit", mb(s.maxSize()))}})
	}
	return s.readBytes(name, origin, b, send)
}

func (s *Source) readBytes(name, origin string, b []byte, send func(Item) error) error {
	txt, err := DecodeText(b)
	if err != nil {
		return send(Item{Fail: &Failure{name, err}})
	}
	return send(Item{Doc: &Doc{Origin: origin, Name: name, Format: formatOf(name, b), Content: txt}})
}

// formatOf decides from the extension, and for unknown extensions from
// the content, whether a file is HTML, Markdown or plain text.
func formatOf(name string, b []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	case ".txt", ".text":
		return Text
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.Contains(head, []byte("<body")) {
		return HTML
	}
	return Text
}

// record is one JSONL line.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Byline    string `json:"byline"`
	Author    string `json:"author"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

var knownFields = map[string]bool{"id": true, "url": true, "source": true, "title": true, "published": true, "byline": true, "author": true, "text": true, "html": true}

func (s *Source) readJSONL(ctx context.Context, name, origin string, r io.Reader, send func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	warned := map[string]bool{}
	for line := 1; ; line++ {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		b, tooLong, err := readLine(br, s.maxSize())
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return send(Item{Fail: &Failure{name, err}})
		}
		lname := fmt.Sprintf("%s:%d", name, line)
		if tooLong {
			if err := send(Item{Fail: &Failure{lname, fmt.Errorf("line is over the %s limit", mb(s.maxSize()))}}); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(b)) > 0 {
			if err := send(parseRecord(lname, origin, line, b, warned)); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line; a line longer than max is consumed and reported
// as tooLong without being kept.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return []byte{'x'}, true, err
		}
		return bytes.TrimRight(buf, "\r\n"), false, err
	}
}

func parseRecord(name, origin string, line int, b []byte, warned map[string]bool) Item {
	fail := func(format string, args ...any) Item {
		return Item{Fail: &Failure{name, fmt.Errorf(format, args...)}}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fail("invalid JSON: %v", err)
	}
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return fail("invalid record: %v", err)
	}
	var unknown []string
	for k := range raw {
		if !knownFields[k] && !warned[k] {
			warned[k] = true
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	doc := &Doc{Origin: origin, Line: line, Name: name, ID: rec.ID, URL: strings.TrimSpace(rec.URL),
		Source: rec.Source, Title: rec.Title, Byline: rec.Byline}
	if doc.Byline == "" {
		doc.Byline = rec.Author
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		doc.Format, doc.Content = Text, rec.Text
	case strings.TrimSpace(rec.HTML) != "":
		doc.Format, doc.Content = HTML, rec.HTML
	default:
		return fail("no text and no html")
	}
	it := Item{Doc: doc}
	if len(unknown) > 0 {
		it.Warning = fmt.Sprintf("%s: unknown field(s) %s ignored", name, strings.Join(unknown, ", "))
	}
	if rec.Published != "" {
		p, err := NormalisePublished(rec.Published)
		if err != nil {
			it.Warning = strings.TrimPrefix(it.Warning+"; ", "; ") + fmt.Sprintf("%s: %v; published left unknown", name, err)
		}
		doc.Published = p
	}
	return it
}

// NormalisePublished accepts RFC 3339 or YYYY-MM-DD and returns it in the
// same precision: "2025-08-22" or "2025-08-22T09:59:00Z" (UTC).
func NormalisePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339), nil
	}
	return "", fmt.Errorf("published %q is neither RFC 3339 nor YYYY-MM-DD", s)
}
