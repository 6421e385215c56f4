package watch

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/mmcdole/gofeed"
)

// FuzzFeedItems feeds arbitrary documents through the same parsing the
// poller does and checks every item yields a usable key and a safe link.
func FuzzFeedItems(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><title>a</title><link>/x</link></item><item><guid>g</guid><link>javascript:alert(1)</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><link href="https://b.example/1"/><updated>2026-11-21T10:00:00Z</updated></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"//c.example/p","title":"j"}]}`))
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>r</title></item></rdf:RDF>`))
	base, _ := url.Parse("https://feeds.example/news/rss.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it == nil {
				continue
			}
			a := article(base.String(), base, it)
			if a.GUID == "" {
				t.Fatalf("item %+v has no key", it)
			}
			if a.Link != "" {
				u, err := url.Parse(a.Link)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					t.Fatalf("unsafe link %q from %q", a.Link, it.Link)
				}
			}
		}
	})
}
