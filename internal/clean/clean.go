package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Result is a cleaned report.
type Result struct {
	// Text is the article: paragraphs separated by a blank line.
	Text string
	// Title is the headline when the text has one; it stays in Text too,
	// so that quotes and names in headlines keep their offsets.
	Title string
	// Byline is the author line, removed from Text.
	Byline string
	// Published is the date from a date or timestamp header
	// ("YYYY-MM-DD", or RFC 3339 when a time of day was given), or "".
	Published string
}

// Clean cleans s, which must be valid UTF-8.
func Clean(s string) Result {
	var r Result
	lines := splitLines(s)
	var kept []string
	for i, ln := range lines {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			kept = append(kept, "")
			continue
		}
		if d, rest, ok := dateHeader(ln); ok {
			if r.Published == "" {
				r.Published = d
			}
			ln = rest
		}
		if d, rest, ok := trailingStamp(ln); ok {
			if r.Published == "" {
				r.Published = d
			}
			ln = rest
		}
		if ln == "" || isNavigation(ln) || isShareLine(ln) {
			continue
		}
		if r.Byline == "" && (i < 6 || i >= len(lines)-4) {
			if b, ok := byline(ln); ok {
				r.Byline = b
				continue
			}
		}
		kept = append(kept, ln)
	}
	kept = dropSignOffs(kept)
	if r.Published == "" {
		r.Published = inlineDate(kept)
	}
	paras := joinParagraphs(kept)
	r.Text = strings.Join(paras, "\n\n")
	r.Title = title(paras)
	return r
}

// splitLines splits on \n, \r\n, \r and the Unicode line and paragraph
// separators.
func splitLines(s string) []string {
	if strings.IndexByte(s, '\r') >= 0 || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
		s = lineBreaks.Replace(s)
	}
	return strings.Split(s, "\n")
}

var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n")

// joinParagraphs makes one paragraph of each run of lines that a blank
// line ends, except that a line which ends a sentence, or is followed by a
// capitalised line, stays a paragraph of its own (copy with one line per
// paragraph, headlines). A hard-wrapped line that runs on into a line
// starting in lower case is joined to it with a space.
func joinParagraphs(lines []string) []string {
	var out []string
	cur := ""
	for _, ln := range lines {
		if ln == "" {
			if cur != "" {
				out = append(out, cur)
				cur = ""
			}
			continue
		}
		if cur == "" {
			cur = ln
			continue
		}
		if runsOn(cur, ln) {
			cur += " " + ln
			continue
		}
		out = append(out, cur)
		cur = ln
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func runsOn(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”’'»)", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// title returns the headline: the first of the first two paragraphs that
// is short, has no full stop at its end and at least two words, when more
// text follows it.
func title(paras []string) string {
	for i := 0; i < len(paras)-1 && i < 2; i++ {
		p := paras[i]
		if len(p) > 200 || len(p) < 8 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		if strings.ContainsRune(".,;:", last) || !strings.Contains(p, " ") {
			continue
		}
		first, _ := utf8.DecodeRuneInString(p)
		if unicode.IsLower(first) {
			continue
		}
		return p
	}
	return ""
}

var navWords = map[string]bool{
	"today": true, "home": true, "menu": true, "search": true, "advertisement": true,
	"advertisements": true, "ad": true, "skip to content": true, "skip to main content": true,
	"share": true, "share this": true, "share this article": true, "tweet": true, "email": true,
	"e-mail": true, "print": true, "comments": true, "comment": true, "related": true,
	"related articles": true, "related stories": true, "read more": true, "more": true,
	"next": true, "previous": true, "back to top": true, "subscribe": true, "sign in": true,
	"log in": true, "login": true, "sign up": true, "newsletter": true, "trending": true,
	"latest": true, "latest news": true, "watch": true, "listen": true, "video": true,
	"photos": true, "close": true, "top stories": true, "most read": true, "loading": true,
	"loading...": true, "open in app": true, "facebook": true, "twitter": true, "x": true,
	"linkedin": true, "whatsapp": true, "copy link": true, "news": true, "world": true,
	"europe": true, "politics": true, "opinion": true, "live": true, "breaking": true,
	"breaking news": true, "continue reading": true, "show more": true, "see more": true,
	"view comments": true, "listen to this article": true, "save": true, "follow": true,
	"yesterday": true,
}

func isNavigation(ln string) bool {
	if len(ln) > 32 {
		return false
	}
	l := strings.ToLower(strings.TrimRight(ln, ":|>»›·•- "))
	return navWords[l]
}

var shareRE = regexp.MustCompile(`(?i)^(share (this|on|via)|follow us|follow (the|our) |subscribe (to|now|for)|sign up (for|to)|click here|read more:|read also|also read|see also:|related:|download (our|the) app|get the latest|join our|like us on|sent from my|this article (was|is) (originally )?(published|updated)|you can read|listen to this|watch:|video:|photo:|image:|©)`)

// sharePrefixes are the lower-cased first bytes a share line can have:
// a cheap filter before the regular expression.
var sharePrefixes = map[string]bool{
	"sha": true, "fol": true, "sub": true, "sig": true, "cli": true, "rea": true, "als": true,
	"see": true, "rel": true, "dow": true, "get": true, "joi": true, "lik": true, "sen": true,
	"thi": true, "you": true, "lis": true, "wat": true, "vid": true, "pho": true, "ima": true,
}

func isShareLine(ln string) bool {
	if len(ln) >= 160 || len(ln) < 3 {
		return false
	}
	if !strings.HasPrefix(ln, "©") && !sharePrefixes[string([]byte{ln[0] | 0x20, ln[1] | 0x20, ln[2] | 0x20})] {
		return false
	}
	return shareRE.MatchString(ln)
}

var bylineRE = regexp.MustCompile(`^(?:By|BY|by)\s+((?:[A-Z][\p{L}.'’-]*\s*){1,4}(?:(?:,|\s+and|\s*&)\s+(?:[A-Z][\p{L}.'’-]*\s*){1,4})*)(?:,\s*[A-Z][\p{L} ]{0,40})?$`)

func byline(ln string) (string, bool) {
	if len(ln) > 100 {
		return "", false
	}
	m := bylineRE.FindStringSubmatch(ln)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(ln[3:]), true
}

// Sign-offs: wire and agency endings, alone on a line or glued to the end
// of the last paragraph.
var (
	signOffLineRE = regexp.MustCompile(`(?i)^(?:[-—–]+\s*)?(?:` +
		`[A-Z]?[\p{L}.'’ ]{0,30}--?[A-Z]{2,5}(?:/[A-Z]{2,5})*` + // T.Cortez--RTC
		`|\(?(?:reporting|writing|editing|additional reporting|compiled|edited|produced) by [^\n]{2,200}\)?` +
		`|(?:AFP|Reuters|AP|dpa|ANSA|EFE|Xinhua|TASS|Ukrinform|UPI|PA|Bloomberg|Interfax)(?:\s*(?:contributed to this report|with agencies))?` +
		`|(?:with|additional) (?:agencies|reporting from [^\n]{2,80})` +
		`|copyright [^\n]{0,120}|all rights reserved\.?|©[^\n]{0,120}` +
		`)\.?$`)
	// Endings glued to the last line, each matched on a short tail.
	gluedWireRE   = regexp.MustCompile(`\s+[A-Z][\p{L}.'’]{0,30}--[A-Z]{2,5}(?:/[A-Z]{2,5})*\s*$`)
	gluedCreditRE = regexp.MustCompile(`^\s*\((?i:reporting|writing|editing|additional reporting) by [^()]{2,200}\)\s*$`)
	gluedAgencyRE = regexp.MustCompile(`\s+[-—–]+\s*(?:AFP|Reuters|AP|dpa)\s*$`)
	gluedPromptRE = regexp.MustCompile(`^\s+(?:Subscribe to|Sign up for|Follow us on|Share this article|Read more:|Click here)[^.!?]{0,120}$`)
)

// dropSignOffs removes sign-off lines at the end of the text (and any
// blank lines between them) and a sign-off glued to the end of the last
// line.
func dropSignOffs(lines []string) []string {
	for len(lines) > 0 {
		last := lines[len(lines)-1]
		if last == "" || (len(last) < 260 && (!endsLikeSentence(last) || parenthesised(last)) && maySignOffLine(last) && signOffLineRE.MatchString(last)) {
			lines = lines[:len(lines)-1]
			continue
		}
		break
	}
	if n := len(lines); n > 0 {
		if cut := gluedEnding(lines[n-1]); cut > 0 {
			lines[n-1] = strings.TrimSpace(lines[n-1][:cut])
		}
	}
	return lines
}

// gluedEnding returns where a sign-off, credit line, agency tag or
// subscribe prompt glued to the end of the last line starts, or -1.
func gluedEnding(last string) int {
	tail := func(n int) (string, int) {
		off := max(0, len(last)-n)
		for off > 0 && !utf8.RuneStart(last[off]) {
			off--
		}
		return last[off:], off
	}
	if strings.Contains(last[max(0, len(last)-48):], "--") {
		if t, off := tail(48); true {
			if loc := gluedWireRE.FindStringIndex(t); loc != nil && off+loc[0] > 0 {
				return off + loc[0]
			}
		}
	}
	if strings.HasSuffix(strings.TrimSpace(last), ")") {
		if k := strings.LastIndexByte(last, '('); k > 0 && gluedCreditRE.MatchString(last[k:]) {
			return k
		}
	}
	if t, off := tail(20); strings.ContainsAny(t, "-—–") {
		if loc := gluedAgencyRE.FindStringIndex(t); loc != nil && off+loc[0] > 0 {
			return off + loc[0]
		}
	}
	// A prompt sentence after the last sentence's end.
	t, off := tail(140)
	for _, m := range []string{". ", "! ", "? ", "” ", "\" "} {
		if k := strings.LastIndex(t, m); k >= 0 {
			rest := t[k+len(m)-1:]
			if gluedPromptRE.MatchString(rest) {
				return off + k + len(m) - 1
			}
		}
	}
	return -1
}

// maySignOffLine is a cheap filter before signOffLineRE.
func maySignOffLine(ln string) bool {
	if strings.Contains(ln, "--") || strings.Contains(ln, "©") || strings.Count(ln, " ") < 4 {
		return true
	}
	switch ln[0] {
	case '(', '-', 0xE2: // "(Reporting by", "- AFP", "— AFP"
		return true
	}
	l := strings.ToLower(ln[:min(len(ln), 12)])
	return strings.HasPrefix(l, "copyright") || strings.HasPrefix(l, "all rights") || strings.HasPrefix(l, "with ") ||
		strings.HasPrefix(l, "additional") || strings.HasPrefix(l, "reporting") || strings.HasPrefix(l, "writing") ||
		strings.HasPrefix(l, "editing") || strings.HasPrefix(l, "compiled") || strings.HasPrefix(l, "edited") || strings.HasPrefix(l, "produced")
}

func parenthesised(s string) bool { return strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") }

// endsLikeSentence guards against dropping a real last paragraph that
// happens to mention an agency: a sign-off line has no sentence inside.
func endsLikeSentence(s string) bool {
	return strings.Count(s, " ") > 12
}

// Dates in headers and stamps.
var (
	monthNames = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	dateExpr   = `(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?` +
		`|` + monthNames + `\s+\d{1,2},?\s+\d{4}` +
		`|\d{1,2}\s+` + monthNames + `,?\s+\d{4}` +
		`|\d{1,2}/\d{1,2}/\d{4})`
	clockExpr = `(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,5}|GMT[+-]\d{1,2}|UTC[+-]\d{1,2}))?)`
	// "date 2025-02-27 ...", "Published: Feb. 27, 2025 ...", "Updated 22 August 2025".
	dateHeaderRE = regexp.MustCompile(`(?i)^(?:date(?:line)?|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|first published)\s*:?\s*(` + dateExpr + `)` + `(` + clockExpr + `)?(?:\s*[|,–—-]\s*|\s+|$)`)
	// A line that is only a date, or ends in a date with a clock time.
	dateOnlyRE  = regexp.MustCompile(`(?i)^(?:[A-Z][a-z]+day,?\s+)?(` + dateExpr + `)(` + clockExpr + `)?$`)
	stampTailRE = regexp.MustCompile(`(?i)\s+(?:(?:published|updated|posted)\s*:?\s*)?(` + dateExpr + `)(` + clockExpr + `)$`)
)

// inlineDateRE finds a date set off by a bar near the start of the text,
// as in "Coastline Daily | Monday, March 9, 2026".
var inlineDateRE = regexp.MustCompile(`(?i)\|\s*(?:[A-Z][a-z]+day,?\s+)?(` + dateExpr + `)`)

// inlineDate returns the date of a bar-separated header inside the first
// 400 bytes of the text, which copy pasted as one line keeps glued to the
// headline. The text itself is left as it is.
func inlineDate(lines []string) string {
	var b strings.Builder
	for _, ln := range lines {
		if b.Len() > 400 {
			break
		}
		b.WriteString(ln)
		b.WriteByte('\n')
	}
	head := b.String()
	if len(head) > 400 {
		head = head[:400]
	}
	if m := inlineDateRE.FindStringSubmatch(head); m != nil {
		if d, ok := normaliseDate(m[1], ""); ok {
			return d
		}
	}
	return ""
}

// dateHeader recognises a date header at the start of a line. It returns
// the date and what follows it on the line.
func dateHeader(ln string) (date, rest string, ok bool) {
	if !mayStartWithDate(ln) {
		return "", ln, false
	}
	if m := dateOnlyRE.FindStringSubmatch(ln); len(ln) < 80 && m != nil {
		if d, ok := normaliseDate(m[1], m[2]); ok {
			return d, "", true
		}
	}
	loc := dateHeaderRE.FindStringSubmatchIndex(ln)
	if loc == nil {
		return "", ln, false
	}
	clock := ""
	if loc[4] >= 0 {
		clock = ln[loc[4]:loc[5]]
	}
	d, ok := normaliseDate(ln[loc[2]:loc[3]], clock)
	if !ok {
		return "", ln, false
	}
	return d, strings.TrimSpace(ln[loc[1]:]), true
}

// trailingStamp recognises a date with a clock time glued to the end of a
// line ("... With Trump Feb. 27, 2025 09:59 AM ET").
func trailingStamp(ln string) (date, rest string, ok bool) {
	// A stamp is short and holds a clock time: look at the tail only.
	off := max(0, len(ln)-72)
	for off > 0 && !utf8.RuneStart(ln[off]) {
		off--
	}
	tail := ln[off:]
	if !hasClock(tail) {
		return "", ln, false
	}
	loc := stampTailRE.FindStringSubmatchIndex(tail)
	if loc == nil {
		return "", ln, false
	}
	d, ok := normaliseDate(tail[loc[2]:loc[3]], tail[loc[4]:loc[5]])
	if !ok {
		return "", ln, false
	}
	return d, strings.TrimSpace(ln[:off+loc[0]]), true
}

// hasClock reports a digit, a colon or full stop, and two digits: 09:59.
func hasClock(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == ':' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// datePrefixes are the lower-cased first three letters of month and
// weekday names.
var datePrefixes = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true,
}

var headerWords = []string{"date", "published", "posted", "updated", "last updated", "first published"}

// mayStartWithDate is a cheap filter before the date regular expressions:
// a digit, a month or weekday name, or a header word must come first.
func mayStartWithDate(ln string) bool {
	if ln == "" {
		return false
	}
	if isDigit(ln[0]) {
		return true
	}
	for _, w := range headerWords {
		if len(ln) >= len(w) && strings.EqualFold(ln[:len(w)], w) {
			return true
		}
	}
	if len(ln) < 3 || len(ln) >= 80 {
		return false
	}
	return datePrefixes[string([]byte{ln[0] | 0x20, ln[1] | 0x20, ln[2] | 0x20})]
}

var dateLayouts = []string{
	"2006-01-02", "January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006", "1/2/2006",
}

// normaliseDate parses a date found in a header and returns it as
// "YYYY-MM-DD". The clock time is accepted but not kept: headers give it
// in local zones ("ET") whose offset on a given day is not worth guessing,
// and the day is what the rest of storyline anchors on.
func normaliseDate(d, clock string) (string, bool) {
	_ = clock
	if len(d) >= 10 && d[4] == '-' {
		d = d[:10]
	}
	d = strings.NewReplacer(".", "", ",", "", "Sept", "Sep").Replace(d)
	d = strings.Join(strings.Fields(d), " ")
	// Title-case the month so that "FEB 27 2025" parses.
	d = titleCase(d)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, d); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return "", false
			}
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

func titleCase(s string) string {
	b := []byte(strings.ToLower(s))
	for i := range b {
		if b[i] >= 'a' && b[i] <= 'z' && (i == 0 || b[i-1] == ' ') {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
