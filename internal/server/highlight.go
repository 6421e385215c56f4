package server

import (
	"cmp"
	"html"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"

	"storyline"
)

// mark is one highlighted span of a report's text.
type mark struct {
	start, end int
	prio       int // among equal spans, lower opens first (outside)
	tag        string
	attrs      [][2]string
}

// The priorities: quotes hold speakers and cues, which hold names.
const (
	prioQuote = iota
	prioSpeaker
	prioCue
	prioMention
	prioTimex
)

// highlightPolicy lets through only the elements and attributes that
// highlight writes. Running it last means that whatever the text holds,
// nothing but escaped text and these elements reaches the page.
func highlightPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	cls := regexp.MustCompile(`^[a-z0-9 -]{1,80}$`)
	p.AllowAttrs("class").Matching(cls).OnElements("mark", "span", "a")
	p.AllowAttrs("title").OnElements("mark", "span", "a")
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^q[0-9]{1,6}$`)).OnElements("mark")
	p.AllowAttrs("href").Matching(regexp.MustCompile(`^/actors/[A-Za-z0-9_.:-]{1,100}$`)).OnElements("a")
	p.AllowRelativeURLs(true)
	p.AllowElements("mark", "span")
	return p
}

// highlight renders a report's text with its quotes, speakers, cues,
// mentions and dates marked. Spans that are out of range, reversed, or
// not on character boundaries are left out; a span crossing the end of
// an enclosing one is cut there, so the markup always nests.
func highlight(p *bluemonday.Policy, an *storyline.Analysis) template.HTML {
	text := an.Report.Text
	var ms []mark
	add := func(sp storyline.Span, prio int, tag string, attrs ...[2]string) {
		if !sp.Valid(len(text)) || sp.Start == sp.End || !boundary(text, sp.Start) || !boundary(text, sp.End) {
			return
		}
		ms = append(ms, mark{start: sp.Start, end: sp.End, prio: prio, tag: tag, attrs: attrs})
	}
	for i, q := range an.Quotes {
		title := "quote (" + string(q.Kind) + ")"
		if sp := cmp.Or(q.Speaker, q.SpeakerText); sp != "" {
			title += ": " + sp
		}
		add(q.Span, prioQuote, "mark", [2]string{"class", "quote q-" + safeClass(string(q.Kind))}, [2]string{"id", "q" + strconv.Itoa(i)}, [2]string{"title", title})
		if q.SpeakerSpan != nil {
			add(*q.SpeakerSpan, prioSpeaker, "mark", [2]string{"class", "speaker"}, [2]string{"title", "speaker" + nameSuffix(q.Speaker)})
		}
		if q.CueSpan != nil {
			add(*q.CueSpan, prioCue, "span", [2]string{"class", "cue"}, [2]string{"title", "cue"})
		}
	}
	for _, m := range an.Mentions {
		class := "ent ent-" + safeClass(string(m.Kind))
		if m.ActorID != "" && safeID(m.ActorID) {
			add(m.Span, prioMention, "a", [2]string{"class", class}, [2]string{"href", "/actors/" + m.ActorID}, [2]string{"title", string(m.Kind)})
		} else {
			add(m.Span, prioMention, "span", [2]string{"class", class}, [2]string{"title", string(m.Kind)})
		}
	}
	for _, t := range an.Timexes {
		add(t.Span, prioTimex, "mark", [2]string{"class", "date"}, [2]string{"title", "date: " + t.Value})
	}
	slices.SortStableFunc(ms, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.prio, b.prio))
	})

	var b strings.Builder
	b.Grow(len(text) + 64*len(ms))
	var stack []mark
	pos := 0
	closeTo := func(limit int) {
		for len(stack) > 0 && stack[len(stack)-1].end <= limit {
			top := stack[len(stack)-1]
			b.WriteString(escapeText(text[pos:top.end]))
			pos = top.end
			b.WriteString("</" + top.tag + ">")
			stack = stack[:len(stack)-1]
		}
	}
	for _, m := range ms {
		closeTo(m.start)
		if m.start < pos {
			continue // starts inside a span already closed
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			if m.end > top.end {
				m.end = top.end
			}
			if m.tag == "a" && slices.ContainsFunc(stack, func(x mark) bool { return x.tag == "a" }) {
				continue // links do not nest
			}
		}
		if m.start >= m.end {
			continue
		}
		b.WriteString(escapeText(text[pos:m.start]))
		pos = m.start
		b.WriteString("<" + m.tag)
		for _, a := range m.attrs {
			b.WriteString(" " + a[0] + `="` + html.EscapeString(a[1]) + `"`)
		}
		b.WriteString(">")
		stack = append(stack, m)
	}
	closeTo(len(text))
	b.WriteString(escapeText(text[pos:]))
	return template.HTML(p.Sanitize(b.String()))
}

// textNorm does what an HTML parser does to text anyway: line ends become
// "\n" and NUL becomes U+FFFD.
var textNorm = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD")

func escapeText(s string) string { return html.EscapeString(textNorm.Replace(s)) }

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func nameSuffix(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}

// safeClass keeps the letters of a kind for use in a class name.
func safeClass(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, strings.ToLower(s))
}

func safeID(s string) bool {
	return s != "" && len(s) <= 100 && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == ':' || r == '-')
	})
}
