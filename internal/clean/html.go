package clean

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// blocks are the elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
}

// blockText renders the extracted content as text, one block element a
// line, white space inside a block folded to single spaces. The
// extractor's own plain text runs paragraphs together, which would hide
// where one ends and the next begins.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				b.WriteByte('\n')
				return
			}
		}
		isBlock := n.Type == html.ElementNode && blocks[n.DataAtom]
		if isBlock {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			b.WriteByte('\n')
		}
	}
	walk(n)
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, ln := range lines {
		if ln = strings.Join(strings.Fields(ln), " "); ln != "" {
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n\n")
}

// pageNorm drops soft hyphens and composes characters (NFC). A
// transformer holds state, so each page gets its own.
func pageNorm() transform.Transformer {
	return transform.Chain(runes.Remove(runes.Predicate(func(r rune) bool { return r == '\u00AD' })), norm.NFC)
}

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
	// The page is UTF-8 already (ingest and the fetcher decode charsets).
	// trafilatura.Extract would guess its charset again from the bytes,
	// which costs a tenth of the extraction and can misread UTF-8 as a
	// single-byte charset; parse it as it is, composed (NFC) and without
	// soft hyphens, as trafilatura's own parser leaves it.
	doc, err := html.Parse(transform.NewReader(strings.NewReader(page), pageNorm()))
	if err != nil {
		return Page{}, fmt.Errorf("HTML extraction: %w", err)
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Page{}, fmt.Errorf("HTML extraction: %w", err)
	}
	if res == nil || strings.TrimSpace(res.ContentText) == "" {
		return Page{}, ErrNoText
	}
	m := res.Metadata
	body := res.ContentText
	if res.ContentNode != nil {
		if t := blockText(res.ContentNode); strings.TrimSpace(t) != "" {
			body = t
		}
	}
	p = Page{
		Text:     body,
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
