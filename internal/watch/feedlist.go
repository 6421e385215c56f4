package watch

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
)

// ParseFeedList reads a FEEDS file: either OPML (any <outline> with an
// xmlUrl attribute, at any depth) or a plain list with one feed URL per
// line, where blank lines and lines starting with '#' are ignored and
// anything after the URL on its line is a comment. It returns the
// absolute http(s) URLs in file order without duplicates. A plain list
// with a line that is not such a URL is an error naming the line.
func ParseFeedList(data []byte) ([]string, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(trimmed, []byte("<")) {
		return parseOPML(trimmed)
	}
	var urls []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		field := strings.Fields(line)[0]
		u, err := NormalizeURL(field)
		if err != nil {
			return nil, fmt.Errorf("feed list line %d: %w", n, err)
		}
		if !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	return urls, nil
}

func parseOPML(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var urls []string
	seen := map[string]bool{}
	sawOPML := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("OPML: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "opml":
			sawOPML = true
		case "outline":
			for _, a := range se.Attr {
				if !strings.EqualFold(a.Name.Local, "xmlUrl") {
					continue
				}
				u, err := NormalizeURL(strings.TrimSpace(a.Value))
				if err != nil {
					// One bad outline should not lose the others.
					continue
				}
				if !seen[u] {
					seen[u] = true
					urls = append(urls, u)
				}
			}
		}
	}
	if !sawOPML {
		return nil, errors.New("OPML: no <opml> element")
	}
	return urls, nil
}

// NormalizeURL checks that s is an absolute http or https URL with a host
// and returns it in canonical form (lower-case scheme and host, no
// fragment).
func NormalizeURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("not a URL: %q", clip(s))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("not an http(s) URL: %q", clip(s))
	}
	if u.Host == "" || u.Hostname() == "" || u.Opaque != "" {
		return "", fmt.Errorf("URL without a host: %q", clip(s))
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	u.RawFragment = ""
	out := u.String()
	// The canonical form must itself parse back to the same URL.
	if v, err := url.Parse(out); err != nil || v.String() != out || v.Host == "" {
		return "", fmt.Errorf("URL does not round-trip: %q", clip(s))
	}
	return out, nil
}

func clip(s string) string {
	if len(s) > 100 {
		return s[:100] + "..."
	}
	return s
}
