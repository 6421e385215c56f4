package clean

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
)

// Page is the main text and metadata of an HTML page.
type Page struct {
	Text, Title, Byline, Published, URL, Source, Language string
}

// ErrNoText is returned for a page with no article text.
var ErrNoText = errors.New("no article text found in the page")

// HTML extracts the main text of a news page with go-trafilatura and its
// metadata (title, author, date, canonical URL, site name). The text comes
// back one paragraph a line, ready for Clean.
func HTML(page string, pageURL string) (p Page, err error) {
	defer func() {
		// The extractor works on arbitrary markup from the web; a panic in
		// it must cost one page, not the run.
		if r := recover(); r != nil {
			err = fmt.Errorf("HTML extraction failed: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     false,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, perr := url.Parse(pageURL); perr == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader([]byte(page)), opts)
	if err != nil {
		return Page{}, fmt.Errorf("HTML extraction: %w", err)
	}
	if res == nil || strings.TrimSpace(res.ContentText) == "" {
		return Page{}, ErrNoText
	}
	m := res.Metadata
	p = Page{
		Text:     res.ContentText,
		Title:    strings.TrimSpace(m.Title),
		Byline:   strings.TrimSpace(m.Author),
		URL:      m.URL,
		Source:   strings.TrimSpace(m.Sitename),
		Language: m.Language,
	}
	if !m.Date.IsZero() {
		p.Published = m.Date.Format("2006-01-02")
	}
	return p, nil
}
