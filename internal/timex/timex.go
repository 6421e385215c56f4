// Package timex finds temporal expressions in English news text and
// normalises them to TIMEX3 values (TimeML): "Friday" said in a report
// published on 2025-02-27 becomes DATE 2025-02-21, "three days" DURATION
// P3D, "daily" SET P1D.
//
// It works in two steps, after HeidelTime (Strötgen & Gertz 2013): a
// cascade of hand-written patterns over tokens finds each expression and
// reads it into a partial value (fields, granularity, anchor, offset);
// then, in document order, each partial value is resolved against the
// document creation time (DCT) or against the last date the text
// mentioned, with the tense of the clause deciding the direction of bare
// weekdays and months. No Go library recognises and normalises TIMEX3
// expressions, and the Java ones (HeidelTime, SUTime) cannot be embedded,
// so this package is storyline's own.
//
// Extract is safe for concurrent use: the word lists are read-only and
// every call keeps its state on its own stack.
package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"storyline"
	"storyline/internal/text"
)

// Extract returns the temporal expressions of text in order, each with
// its TIMEX3 type and normalised value. Spans are UTF-8 byte offsets into
// text, Text is text[Start:End] and Report is left empty for the caller.
// dct is the document creation time (the report's publication date); when
// it is the zero time, values that need it stay underspecified
// ("XXXX-08-22", "XXXX-WXX-5").
func Extract(text string, dct time.Time) []storyline.Timex {
	d := newDoc(text)
	ms := d.scan()
	if len(ms) == 0 {
		return nil
	}
	r := newResolver(d, dct)
	out := make([]storyline.Timex, 0, len(ms))
	for _, m := range ms {
		v := r.resolve(m)
		if v == "" {
			continue
		}
		start, end := d.toks[m.i].start, d.toks[m.j-1].end
		out = append(out, storyline.Timex{
			Span:  storyline.Span{Start: start, End: end},
			Text:  text[start:end],
			Type:  m.sp.typ,
			Value: v,
		})
	}
	return out
}

// tok is one token with its lower-cased form; key also drops a final full
// stop ("sept." → "sept", "a.m." → "a.m").
type tok struct {
	start, end int
	raw        string
	low        string
	key        string
	upper      bool // first letter upper case
	sent       int  // index of the sentence the token is in
}

// doc is the tokenised text one Extract call works on.
type doc struct {
	text  string
	toks  []tok
	sents [][2]int // token ranges [from, to) of the sentences
	// lo and hi bound the sentence being scanned: patterns never cross
	// them.
	lo, hi int
}

func newDoc(s string) *doc {
	raw := text.Tokenize(s)
	d := &doc{text: s, toks: make([]tok, len(raw))}
	// One ASCII-lowered copy of the text gives every token its lower-case
	// form without an allocation each; the word lists are ASCII, and
	// byte offsets stay the same.
	lowText := asciiLower(s)
	for i, t := range raw {
		low := lowText[t.Start:t.End]
		key := low
		if len(key) > 1 && key[len(key)-1] == '.' {
			key = key[:len(key)-1]
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		d.toks[i] = tok{start: t.Start, end: t.End, raw: t.Text, low: low, key: key, upper: unicode.IsUpper(r)}
	}
	d.splitSentences()
	return d
}

// asciiLower maps A–Z to a–z and leaves every other byte alone, so the
// result has the same length and offsets as s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// splitSentences marks sentence ends: a ".", "!" or "?" token, or a blank
// line between two tokens. Good enough to bound the search for a tense
// cue.
func (d *doc) splitSentences() {
	from := 0
	for i := range d.toks {
		end := false
		switch d.toks[i].raw {
		case ".", "!", "?", ";":
			end = true
		}
		if !end && i+1 < len(d.toks) && strings.Count(d.text[d.toks[i].end:d.toks[i+1].start], "\n") >= 1 {
			end = true
		}
		if end {
			d.sents = append(d.sents, [2]int{from, i + 1})
			from = i + 1
		}
	}
	if from < len(d.toks) {
		d.sents = append(d.sents, [2]int{from, len(d.toks)})
	}
	for si, s := range d.sents {
		for k := s[0]; k < s[1]; k++ {
			d.toks[k].sent = si
		}
	}
}

// key returns the key of token i, or "" past the end.
func (d *doc) key(i int) string {
	if i < d.lo || i >= d.hi {
		return ""
	}
	return d.toks[i].key
}

// low returns the lower-cased token i, or "" past the end.
func (d *doc) low(i int) string {
	if i < d.lo || i >= d.hi {
		return ""
	}
	return d.toks[i].low
}
