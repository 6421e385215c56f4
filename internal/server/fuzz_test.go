package server

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"storyline"
	"storyline/internal/store/sqlite"
)

// FuzzParseArgs feeds raw query strings to the parameter parser of the
// search route (it has every kind of parameter): it never panics, an
// error always names a parameter, and what it accepts is valid.
func FuzzParseArgs(f *testing.F) {
	for _, s := range []string{
		"", "q=tanker", "q=a&limit=10&cursor=abc_-", "from=2026-01-01&to=2026-01-02", "to=2026-01-01&from=2026-02-01",
		"kind=quote", "kind=x", "limit=0", "limit=99999999999999999999", "q=%zz", "q=%ff", "a=1", "q=1&q=2",
		"q=" + strings.Repeat("x", 600), "q=a%00b", ";", "&&&", "q", "=x", "cursor=%2F",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a, bad := parseArgs(raw, searchParams)
		if bad != nil {
			if bad.Param == "" || bad.Msg == "" {
				t.Fatalf("error without a parameter or message: %+v", bad)
			}
			if !utf8.ValidString(bad.Param) || len(bad.Param) > 40 {
				t.Fatalf("parameter name %q not printable", bad.Param)
			}
			return
		}
		if a.limit < 1 || a.limit > maxLimit {
			t.Fatalf("limit %d accepted", a.limit)
		}
		for k, v := range a.vals {
			if !slices.ContainsFunc(searchParams, func(p param) bool { return p.name == k }) {
				t.Fatalf("unknown parameter %q accepted", k)
			}
			if !utf8.ValidString(v) || v == "" || len(v) > maxParamLen {
				t.Fatalf("value %q of %s accepted", v, k)
			}
		}
		for _, k := range []string{"from", "to"} {
			if v := a.get(k); v != "" {
				if _, err := time.Parse("2006-01-02", v); err != nil {
					t.Fatalf("%s=%q accepted", k, v)
				}
			}
		}
		if f, to := a.get("from"), a.get("to"); f != "" && to != "" && f > to {
			t.Fatalf("from %s after to %s accepted", f, to)
		}
	})
}

// FuzzHighlight renders arbitrary text with arbitrary spans: the markup
// always nests, and stripped of it the text is the original.
func FuzzHighlight(f *testing.F) {
	f.Add(`Ana said "<script>alert(1)</script>" on Monday.`, 0, 3, 9, 38, 42, 48)
	f.Add("Zürich – ünïcode", 1, 3, 0, 16, 2, 20)
	f.Add("a&b<c>d", 0, 7, 1, 2, 6, 7)
	p := highlightPolicy()
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			return
		}
		an := &storyline.Analysis{Report: storyline.Report{Text: text}}
		sp2 := storyline.Span{Start: e, End: g}
		an.Quotes = []storyline.Quote{{Span: storyline.Span{Start: a, End: b}, Kind: "direct", SpeakerSpan: &sp2, Speaker: "<x>"}}
		an.Mentions = []storyline.Mention{{Span: storyline.Span{Start: c, End: d}, Kind: "person", ActorID: "a1"}, {Span: storyline.Span{Start: e, End: g}, Kind: "place"}}
		an.Timexes = []storyline.Timex{{Span: storyline.Span{Start: b, End: d}, Value: `"'<>`}}
		got := string(highlight(p, an))
		if s := strip(got); s != textNorm.Replace(text) {
			t.Fatalf("text changed:\n%q\n%q\n%s", s, text, got)
		}
		// Tags must nest.
		var stack []string
		for _, m := range tagRE.FindAllString(got, -1) {
			name := strings.Fields(strings.Trim(m, "</>"))[0]
			if strings.HasPrefix(m, "</") {
				if len(stack) == 0 || stack[len(stack)-1] != name {
					t.Fatalf("badly nested %s in %s", m, got)
				}
				stack = stack[:len(stack)-1]
				continue
			}
			stack = append(stack, name)
		}
		if len(stack) > 0 {
			t.Fatalf("unclosed %v in %s", stack, got)
		}
	})
}

// FuzzSnippet: a snippet, whatever SQLite returned, renders to HTML the
// highlight policy leaves as it is (escaped text and balanced marks only).
func FuzzSnippet(f *testing.F) {
	for _, s := range []string{"", "plain", "a \x02hit\x03 b", "\x03\x02open", "<script>alert(1)</script> \x02&amp;\x03",
		"x\x02\x02y\x03\x03z", "\r\n\x00'\"", "\xff\xfe", "a \x02b"} {
		f.Add(s)
	}
	pg, err := loadPages()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := string(pg.snippet(s))
		if clean := pg.policy.Sanitize(got); clean != got {
			t.Fatalf("snippet(%q)\n= %q\nsanitised %q", s, got, clean)
		}
		if strings.Count(got, "<mark") != strings.Count(got, "</mark>") || strings.Contains(got, "<script") {
			t.Fatalf("snippet(%q) = %q", s, got)
		}
	})
}

// FuzzHits: the search page's hits, whatever the store holds, are the
// page's own elements only (no other tag, attribute or link), with every
// value from the store there as text.
func FuzzHits(f *testing.F) {
	f.Add("r1", "A <b>title</b>", "Outlet & co", "2026-03-01", "a1", `Ana "x" <script>`, "a \x02hit\x03", 2, true)
	f.Add("x\"><script>alert(1)</script>", "javascript:alert(1)", "", "", "", "\x00'\r", "\xff", 0, false)
	pg, err := loadPages()
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[string][]string{"li": {"class"}, "p": {"class"}, "span": {"class"}, "a": {"href"}, "time": nil, "blockquote": nil, "h2": nil, "mark": {"class"}}
	f.Fuzz(func(t *testing.T, id, title, source, published, speakerID, speaker, snippet string, n int, quote bool) {
		h := sqlite.Hit{Kind: "report", Report: sqlite.ReportSummary{ID: id, Title: title, Source: source, Published: published}, Snippet: snippet}
		if quote {
			h.Kind, h.N = "quote", n
			h.Quote = &storyline.Quote{SpeakerID: speakerID, Speaker: speaker, SpeakerText: speaker}
		}
		out := string(pg.hits([]sqlite.Hit{h}))
		z := html.NewTokenizer(strings.NewReader(out))
		var text strings.Builder
		depth := 0
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.StartTagToken, html.SelfClosingTagToken:
				attrs, ok := allowed[tok.Data]
				if !ok {
					t.Fatalf("element %s in %q", tok.Data, out)
				}
				for _, a := range tok.Attr {
					if !slices.Contains(attrs, a.Key) {
						t.Fatalf("attribute %s of %s in %q", a.Key, tok.Data, out)
					}
					if a.Key == "href" && !strings.HasPrefix(a.Val, "/reports/") && !strings.HasPrefix(a.Val, "/actors/") {
						t.Fatalf("link %q in %q", a.Val, out)
					}
				}
				depth++
			case html.EndTagToken:
				depth--
			case html.TextToken:
				text.WriteString(tok.Data)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced elements in %q", out)
		}
		clean := func(s string) string { return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "") }
		if want := clean(cmp.Or(title, h.Report.Origin)); !strings.Contains(text.String(), want) {
			t.Fatalf("title %q not in the text %q", want, text.String())
		}
	})
}
