package watch

import (
	"slices"
	"strings"
	"testing"
)

func TestParseFeedList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{"plain", "# outlets\nhttps://a.example/feed.xml\n\n  http://B.Example/rss  # the B\nhttps://a.example/feed.xml\n",
			[]string{"https://a.example/feed.xml", "http://b.example/rss"}, ""},
		{"crlf and bom", "\ufeffhttps://a.example/x\r\nhttps://c.example/y#frag\r\n", []string{"https://a.example/x", "https://c.example/y"}, ""},
		{"bad line", "https://a.example/x\nftp://b.example/\n", nil, "line 2"},
		{"relative", "/feed.xml\n", nil, "line 1"},
		{"empty", "", nil, ""},
		{"opml", `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>News</title></head><body>
<outline text="World">
  <outline type="rss" text="A" xmlUrl="https://a.example/feed.xml" htmlUrl="https://a.example/"/>
  <outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>
  <outline text="nested"><outline type="rss" xmlurl="https://b.example/atom"/></outline>
</outline>
<outline type="rss" text="A again" xmlUrl="https://a.example/feed.xml"/>
</body></opml>`, []string{"https://a.example/feed.xml", "https://b.example/atom"}, ""},
		{"opml latin1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf\xe9\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>",
			[]string{"https://cafe.example/rss"}, ""},
		{"not opml", "<html><body>hi</body></html>", nil, "no <opml>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeedList([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzParseFeedList(f *testing.F) {
	f.Add([]byte("https://a.example/feed\n# c\nhttp://b.example/x y\n"))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/f"/><outline xmlUrl="http://[::1]:80/x"/></body></opml>`))
	f.Add([]byte("\ufeff<?xml version='1.0' encoding='koi8-r'?><opml/>"))
	f.Add([]byte("http://a.example:99999/\nhttps://u:p@b.example/%zz\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		urls, err := ParseFeedList(data)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, u := range urls {
			if seen[u] {
				t.Fatalf("duplicate %q", u)
			}
			seen[u] = true
			n, err := NormalizeURL(u)
			if err != nil || n != u {
				t.Fatalf("returned URL %q is not canonical (%q, %v)", u, n, err)
			}
		}
		// A plain list of the result reads back to the same list.
		back, err := ParseFeedList([]byte(strings.Join(urls, "\n")))
		if err != nil || !slices.Equal(back, urls) {
			t.Fatalf("round trip of %q gave %q, %v", urls, back, err)
		}
	})
}
