package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/zeebo/xxh3"

	"storyline"
	"storyline/internal/clean"
	"storyline/internal/ingest"
	"storyline/internal/timex"
)

// LanguageDetector names the language of a text (ISO 639-1).
type LanguageDetector interface {
	Detect(text string) string
}

// ErrNoText is returned for a document that has no text left after
// cleaning.
var ErrNoText = errors.New("no article text after cleaning")

var mdHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+`)

// Prepare turns a read document into a report: main text extracted from
// HTML, page noise removed, title, byline and date found, language
// identified, content hashed. It returns the report and the key it is
// stored under: its URL where it has one, else where it came from.
func Prepare(doc *ingest.Doc, lang LanguageDetector) (*storyline.Report, string, error) {
	r := &storyline.Report{
		Origin: doc.Origin, Source: doc.Source, URL: doc.URL,
		Title: doc.Title, Byline: doc.Byline, Published: doc.Published,
	}
	body := doc.Content
	var page clean.Page
	switch doc.Format {
	case ingest.HTML:
		var err error
		page, err = clean.HTML(doc.Content, doc.URL)
		if err != nil {
			return nil, "", err
		}
		body = page.Text
	case ingest.Markdown:
		body = mdHeading.ReplaceAllString(body, "")
	}
	c := clean.Clean(body)
	if c.Text == "" {
		return nil, "", ErrNoText
	}
	r.Text = c.Text
	r.Title = first(r.Title, page.Title, c.Title)
	r.Byline = first(r.Byline, page.Byline, c.Byline)
	r.Published = first(r.Published, c.Published, page.Published, dateFromURL(r.URL), DateFromName(doc.Origin), doc.Captured)
	r.URL = first(r.URL, page.URL)
	r.Source = first(r.Source, page.Source)
	r.Language = "und"
	if lang != nil {
		r.Language = lang.Detect(r.Text)
	}
	sum := sha256.Sum256([]byte(r.Title + "\x00" + r.Text))
	r.Hash = hex.EncodeToString(sum[:])
	key := Key(doc, r)
	r.ID = ReportID(key)
	return r, key, nil
}

var nameDateRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d\d)[-_/](0[1-9]|1[0-2])[-_/](0[1-9]|[12]\d|3[01])(?:[^0-9]|$)`)

// DateFromName returns the date a file name or URL carries
// ("2026-03-05_tidewater.txt", "/2025/08/22/"), as YYYY-MM-DD, or "".
func DateFromName(name string) string {
	m := nameDateRE.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	return m[1] + "-" + m[2] + "-" + m[3]
}

// dateFromURL reads a date from a report's URL ("/2025/08/22/",
// "/2025/aug/22/", "/20250822/").
func dateFromURL(u string) string {
	if u == "" {
		return ""
	}
	if t, ok := timex.DateFromURL(u); ok {
		return t.Format("2006-01-02")
	}
	return ""
}

// Key is the identity a report is stored under: its URL; else its JSONL
// id; else its file (and line); else, for standard input, its content.
func Key(doc *ingest.Doc, r *storyline.Report) string {
	switch {
	case r.URL != "":
		return "url:" + r.URL
	case doc.ID != "":
		return "id:" + doc.ID
	case doc.Origin != "" && doc.Origin != "-":
		if doc.Line > 0 {
			return "file:" + doc.Origin + "#" + strconv.Itoa(doc.Line)
		}
		return "file:" + doc.Origin
	}
	return "sha256:" + r.Hash
}

// ReportID derives a short stable id from a key.
func ReportID(key string) string {
	return fmt.Sprintf("%016x", xxh3.HashString(key))
}

func first(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
