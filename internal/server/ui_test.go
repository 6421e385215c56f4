package server

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"storyline"
)

func TestPages(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`href="/stories/s1"`, "The Marisol Dawn seizure"}},
		{"/stories/s1", 200, []string{`class="tl-row"`, "Tanker seized", "Crew freed", `href="/actors/a1">Mira Holt</a>`,
			"We will not negotiate under threat,", `href="/reports/r2#q0"`, "Kestoria Today", `<meter min="0" max="1" value="1">`}},
		{"/actors", 200, []string{`href="/actors/a1"`}},
		{"/actors?kind=place", 200, []string{`href="/actors/a2"`}},
		{"/actors/a1", 200, []string{"Kestorian foreign minister", "We will not negotiate under threat", `href="/reports/r1#q0"`}},
		{"/reports", 200, []string{`href="/reports/r1"`, `href="/reports/rx"`}},
		{"/reports?outlet=Kestoria+Today&from=&to=", 200, []string{`href="/reports/r1"`}},
		{"/reports/r1", 200, []string{`<a href="/stories/s1">The Marisol Dawn seizure</a>`, `<mark class="quote q-direct" id="q0"`, `<mark class="speaker"`, `<a class="ent ent-person" href="/actors/a1"`, `<mark class="date" title="date: 2026-02-24">Tuesday</mark>`}},
		{"/search?q=negotiate", 200, []string{`<mark class="hit">negotiate</mark>`, `class="hit-quote"`, `class="hit-report"`}},
		{"/search?q=negotiate&actor=mira", 200, []string{`value="Mira Holt"`, `class="hit-quote"`}},
		{"/search", 200, []string{`name="q"`}},
		{"/stories/nope", 404, []string{"no such"}},
		{"/nothing/here", 404, []string{"There is no page here."}},
		{"/search?colour=red", 400, []string{"<code>colour</code>"}},
		{"/reports?from=2026-02-30", 400, []string{"<code>from</code>"}},
		{"/static/style.css", 200, []string{"storyline web UI"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, ts.URL+tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			csp := resp.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP = %q", csp)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff")
			}
		})
	}
}

var (
	scriptTag  = regexp.MustCompile(`(?i)<script`)
	inlineAttr = regexp.MustCompile(`(?i)<[a-z][^>]*\s(on[a-z]+|style)\s*=`)
	jsURL      = regexp.MustCompile(`(?i)<[a-z][^>]*(href|src)\s*=\s*"?\s*javascript:`)
)

// TestPagesEscapeHostileText shows the hostile report on every page that
// shows it: no tag or handler of it survives, its text is there as text.
func TestPagesEscapeHostileText(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	for _, path := range []string{"/", "/stories/s2", "/reports", "/reports/rx", "/actors", "/actors/a3", "/search?q=script", "/search?q=policy&kind=quote"} {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, ts.URL+path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if m := scriptTag.FindString(body); m != "" {
				t.Errorf("page has a script tag")
			}
			if m := inlineAttr.FindString(body); m != "" {
				t.Errorf("page has an inline handler or style: %q", m)
			}
			if m := jsURL.FindString(body); m != "" {
				t.Errorf("page has a javascript: URL: %q", m)
			}
			if strings.Contains(body, "<img") {
				t.Error("page has an img element")
			}
			if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Error("the script tag is not shown as text")
			}
		})
	}
}

// strip removes the tags highlight writes and unescapes the text.
var tagRE = regexp.MustCompile(`<[^>]*>`)

func strip(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }

func TestHighlight(t *testing.T) {
	p := highlightPolicy()
	text := `Ana said "<b>no</b> & never" on Monday, in Zürich.`
	sp := func(sub string) storyline.Span { return span(t, text, sub, 0) }
	ptr := func(s storyline.Span) *storyline.Span { return &s }
	tests := []struct {
		name string
		an   storyline.Analysis
		want []string
	}{
		{"nothing", storyline.Analysis{}, []string{"Ana said &#34;&lt;b&gt;no&lt;/b&gt; &amp; never&#34;"}},
		{"nested", storyline.Analysis{
			Quotes:   []storyline.Quote{{Span: sp(`"<b>no</b> & never" on Monday`), Kind: storyline.Direct, SpeakerSpan: ptr(sp("Ana")), Speaker: "Ana", SpeakerID: "a1"}},
			Mentions: []storyline.Mention{{Span: sp("Ana"), Kind: storyline.Person, ActorID: "a1"}, {Span: sp("Zürich"), Kind: storyline.Place}},
			Timexes:  []storyline.Timex{{Span: sp("Monday"), Value: "2026-03-16"}},
		}, []string{`<mark class="speaker" title="speaker: Ana"><a class="ent ent-person" href="/actors/a1" title="person">Ana</a></mark>`,
			`<mark class="date" title="date: 2026-03-16">Monday</mark></mark>`, `<span class="ent ent-place" title="place">Zürich</span>`}},
		{"crossing spans are cut", storyline.Analysis{
			Quotes:  []storyline.Quote{{Span: sp(`said "<b>no</b>`), Kind: storyline.Indirect}},
			Timexes: []storyline.Timex{{Span: sp(`</b> & never`), Value: "X"}},
		}, []string{`<mark class="date" title="date: X">&lt;/b&gt;</mark></mark>`}},
		{"bad spans are left out", storyline.Analysis{
			Mentions: []storyline.Mention{{Span: storyline.Span{Start: 5, End: 1}}, {Span: storyline.Span{Start: 0, End: 999}}, {Span: storyline.Span{Start: -1, End: 2}},
				{Span: storyline.Span{Start: strings.Index(text, "ü") + 1, End: strings.Index(text, "ü") + 2}}},
		}, []string{"Zürich"}},
		{"hostile actor id is not linked", storyline.Analysis{
			Mentions: []storyline.Mention{{Span: sp("Ana"), Kind: "person\" onclick=\"x", ActorID: `"><script>`}},
		}, []string{`<span class="ent ent-persononclickx" title="person&#34; onclick=&#34;x">Ana</span>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.an.Report.Text = text
			got := string(highlight(p, &tt.an))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got\n%s\nwant it to contain\n%s", got, w)
				}
			}
			if s := strip(got); s != text {
				t.Errorf("text changed:\n%s\n%s", s, text)
			}
		})
	}
}
