package sqlite

// This file decodes the quote records the store writes (encoding/json of
// storyline.Quote) without reflection: a story page reads hundreds of
// them, and encoding/json spent most of that page's time on them. Only
// the exact shape the store writes is taken on the fast path: any other
// input (an unknown key, a null, a number that is not a plain integer,
// a string that is not valid UTF-8) goes to encoding/json, so the result
// is always what encoding/json gives.

import (
	"encoding/json"
	"unicode/utf8"

	"storyline"
)

// decodeQuote decodes one stored quote into q, which must be zero.
func decodeQuote(data []byte, q *storyline.Quote) error {
	if fastQuote(data, q) {
		return nil
	}
	*q = storyline.Quote{}
	return json.Unmarshal(data, q)
}

// jsonReader reads the tokens of one JSON text; ok turns false at the
// first thing the fast path does not take.
type jsonReader struct {
	b  []byte
	s  string // b as a string: strings read are cut from it, not copied
	i  int
	ok bool
}

func (r *jsonReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// byte reads c after any space.
func (r *jsonReader) byte(c byte) bool {
	r.space()
	if r.ok && r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// peek returns the next byte after any space, or 0 at the end.
func (r *jsonReader) peek() byte {
	r.space()
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

// str reads a string.
func (r *jsonReader) str() string {
	if !r.byte('"') {
		r.ok = false
		return ""
	}
	start := r.i
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			raw := r.s[start:r.i]
			r.i++
			if !utf8.ValidString(raw) {
				r.ok = false
				return ""
			}
			return raw
		case c == '\\':
			return r.unescape(start)
		case c < 0x20:
			r.ok = false
			return ""
		default:
			r.i++
		}
	}
	r.ok = false
	return ""
}

// unescape reads the rest of a string that has escapes, from start (just
// after its opening quote), r.i being at the first backslash. \u escapes
// of surrogates are left to encoding/json.
func (r *jsonReader) unescape(start int) string {
	out := make([]byte, 0, r.i-start+32)
	out = append(out, r.b[start:r.i]...)
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			r.i++
			if !utf8.Valid(out) {
				r.ok = false
				return ""
			}
			return string(out)
		case c < 0x20:
			r.ok = false
			return ""
		case c != '\\':
			out = append(out, c)
			r.i++
			continue
		}
		if r.i+1 >= len(r.b) {
			break
		}
		e := r.b[r.i+1]
		r.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if r.i+4 > len(r.b) {
				r.ok = false
				return ""
			}
			var v rune
			for _, h := range r.b[r.i : r.i+4] {
				switch {
				case h >= '0' && h <= '9':
					v = v<<4 | rune(h-'0')
				case h >= 'a' && h <= 'f':
					v = v<<4 | rune(h-'a'+10)
				case h >= 'A' && h <= 'F':
					v = v<<4 | rune(h-'A'+10)
				default:
					r.ok = false
					return ""
				}
			}
			if v >= 0xd800 && v < 0xe000 {
				r.ok = false
				return ""
			}
			out = utf8.AppendRune(out, v)
			r.i += 4
		default:
			r.ok = false
			return ""
		}
	}
	r.ok = false
	return ""
}

// key reads an object key with no escapes in it, without copying it.
func (r *jsonReader) key() []byte {
	if !r.byte('"') {
		r.ok = false
		return nil
	}
	start := r.i
	for r.i < len(r.b) {
		switch c := r.b[r.i]; {
		case c == '"':
			r.i++
			return r.b[start : r.i-1]
		case c == '\\' || c < 0x20 || c >= 0x80:
			r.ok = false
			return nil
		}
		r.i++
	}
	r.ok = false
	return nil
}

// int reads an integer written as JSON does: -?(0|[1-9][0-9]*).
func (r *jsonReader) int() int {
	r.space()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	digits := r.i
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	if r.i == digits || r.b[digits] == '0' && r.i-digits > 1 {
		r.ok = false
		return 0
	}
	if r.i < len(r.b) {
		switch r.b[r.i] {
		case '.', 'e', 'E':
			r.ok = false
			return 0
		}
	}
	if r.i-digits > 18 { // may overflow: not taken
		r.ok = false
		return 0
	}
	n := 0
	for _, c := range r.b[digits:r.i] {
		n = n*10 + int(c-'0')
	}
	if r.b[start] == '-' {
		n = -n
	}
	return n
}

// span reads {"start":N,"end":N} into sp, setting the keys present, as
// encoding/json does.
func (r *jsonReader) span(sp *storyline.Span) {
	if !r.byte('{') {
		r.ok = false
		return
	}
	if r.byte('}') {
		return
	}
	for r.ok {
		switch string(r.key()) {
		case "start":
			r.expect(':')
			sp.Start = r.int()
		case "end":
			r.expect(':')
			sp.End = r.int()
		default:
			r.ok = false
		}
		if r.byte('}') {
			break
		}
		r.expect(',')
	}
}

func (r *jsonReader) expect(c byte) {
	if !r.byte(c) {
		r.ok = false
	}
}

// fastQuote decodes data into q when it has the shape the store writes,
// and reports whether it did.
func fastQuote(data []byte, q *storyline.Quote) bool {
	r := &jsonReader{b: data, s: string(data), ok: true}
	r.expect('{')
	if !r.ok {
		return false
	}
	if r.byte('}') {
		r.space()
		return r.ok && r.i == len(r.b)
	}
	for r.ok {
		key := r.key()
		r.expect(':')
		if !r.ok || r.peek() == 'n' { // null, or a key not read
			return false
		}
		switch string(key) {
		case "report":
			q.Report = r.str()
		case "span":
			r.span(&q.Span)
		case "text":
			q.Text = r.str()
		case "kind":
			q.Kind = storyline.QuoteKind(r.str())
		case "speaker_span":
			if q.SpeakerSpan == nil {
				q.SpeakerSpan = &storyline.Span{}
			}
			r.span(q.SpeakerSpan)
		case "speaker_text":
			q.SpeakerText = r.str()
		case "speaker":
			q.Speaker = r.str()
		case "speaker_id":
			q.SpeakerID = r.str()
		case "cue":
			q.Cue = r.str()
		case "cue_span":
			if q.CueSpan == nil {
				q.CueSpan = &storyline.Span{}
			}
			r.span(q.CueSpan)
		case "group":
			q.Group = r.str()
		case "date":
			q.Date = r.str()
		default:
			return false
		}
		if r.byte('}') {
			r.space()
			return r.ok && r.i == len(r.b)
		}
		r.expect(',')
	}
	return false
}
