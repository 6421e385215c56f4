package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence: its byte span in the text and its tokens.
type Sentence struct {
	Start, End int
	Tokens     []Token
	// all holds the tokens of the whole text when Split made the
	// sentence, Tokens being all[off:off+len(Tokens)] (Contiguous)
	all []Token
	off int
}

// Text returns the sentence's words from the text it was split from.
func (s Sentence) Text(text string) string { return text[s.Start:s.End] }

// starters are capitalised words that begin a new sentence when they follow
// a lower-case word with no full stop between (copy that lost its stop),
// or that follow an abbreviation which may end a sentence ("U.S.").
var starters = map[string]bool{
	"The": true, "He": true, "She": true, "They": true, "It": true, "We": true,
	"But": true, "This": true, "These": true, "Those": true, "His": true, "Her": true,
	"Their": true, "However": true, "Meanwhile": true, "Its": true, "There": true,
	"In": true, "On": true, "At": true, "A": true, "An": true, "And": true, "Yet": true,
}

// runStarters are the subset allowed to start a sentence after a word
// with no full stop at all: rarer inside a sentence in capitalised form.
var runStarters = map[string]bool{
	"The": true, "He": true, "She": true, "They": true, "We": true, "But": true,
	"However": true, "Meanwhile": true, "This": true, "These": true, "His": true,
	"Their": true,
}

// Split splits text into sentences. A sentence ends at a line break, at a
// full stop, question or exclamation mark (with any closing quote marks
// and brackets after it) followed by a capitalised word, a digit or an
// opening quote, and before a capitalised sentence starter that directly
// follows a lower-case word where copy lost its full stop ("has been made
// The alliance leader"). Abbreviations, initials and decimals do not end a
// sentence. Sentences never contain a line break and never start or end
// with white space.
func Split(text string) []Sentence {
	// all the tokens in one array, a line after another, so that the
	// sentences' tokens lie end to end in it
	all := make([]Token, 0, len(text)/5+1)
	var ends []int32 // each line's end in all
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		all = appendTokens(all, text, lineStart, lineEnd)
		ends = append(ends, int32(len(all)))
		lineStart = lineEnd + 1
	}
	var out []Sentence
	a := 0
	for _, b := range ends {
		out = splitLine(out, text, all, a, int(b))
		a = int(b)
	}
	return out
}

// Contiguous returns the tokens of sents end to end, without copying,
// when they lie so in the one array that Split made for a text (the
// sentences as Split returned them, or a run of them in order, none of
// their Tokens replaced); the slice is shared, and the caller must not
// change it. Otherwise ok is false, and the caller copies.
func Contiguous(sents []Sentence) (toks []Token, ok bool) {
	if len(sents) == 0 || len(sents[0].Tokens) == 0 || sents[0].all == nil {
		return nil, false
	}
	all, off := sents[0].all, sents[0].off
	for _, s := range sents {
		// (Split makes no sentence without tokens, and sets all and off
		// of each; Tokens is all[off:], unless the caller replaced it)
		if len(s.Tokens) == 0 || s.off != off || off+len(s.Tokens) > len(all) || len(s.all) == 0 || &s.all[0] != &all[0] || &s.Tokens[0] != &all[off] {
			return nil, false
		}
		off += len(s.Tokens)
	}
	return all[sents[0].off:off:off], true
}

// splitLine appends the sentences of the line whose tokens are
// all[from:to].
func splitLine(out []Sentence, text string, all []Token, from, to int) []Sentence {
	toks := all[from:to:to]
	start := 0
	flush := func(end int) {
		if end > start {
			ts := toks[start:end:end]
			out = append(out, Sentence{Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts, all: all, off: from + start})
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		switch {
		case t == "." || t == "!" || t == "?" || t == "?!" || t == "!?":
			j := i + 1
			for j < len(toks) && isCloser(toks[j].Text, text, toks[j]) {
				j++
			}
			if j >= len(toks) || opensSentence(toks[j].Text) {
				flush(j)
				i = j - 1
			}
		case t == "..." || t == "…":
			// An ellipsis glued to a word and followed by a capital ends
			// a sentence; a spaced one is a pause inside it.
			glued := i > 0 && toks[i-1].End == toks[i].Start
			j := i + 1
			for j < len(toks) && isCloser(toks[j].Text, text, toks[j]) {
				j++
			}
			if glued && j < len(toks) && startsUpper(toks[j].Text) {
				flush(j)
				i = j - 1
			}
		case strings.HasSuffix(t, ".") && len(t) > 1:
			// An abbreviation: it ends the sentence only when a
			// sentence starter follows and it can end one.
			body := strings.ToLower(t[:len(t)-1])
			if i+1 < len(toks) && (endAbbrevs[body] || isDotted(t[:len(t)-1]) && len(t) > 2) && starters[toks[i+1].Text] {
				flush(i + 1)
			}
		case i > start && i+1 < len(toks) && t[0] >= 'A' && t[0] <= 'Z' && runStarters[t]:
			prev, next := toks[i-1].Text, toks[i+1].Text
			if isLowerWord(prev) && isLowerWord(next) && toks[i-1].End < toks[i].Start {
				flush(i)
			}
		}
	}
	flush(len(toks))
	return out
}

// isCloser reports whether a token closes what came before: a closing
// bracket or a quote mark that is not followed directly by a word.
func isCloser(t, text string, tok Token) bool {
	switch t {
	case ")", "]", "”", "’", "»":
		return true
	case "\"", "'":
		// A straight quote closes when white space or the end follows.
		if tok.End >= len(text) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(text[tok.End:])
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}
	return false
}

func opensSentence(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case strings.ContainsRune("\"'“‘«([—–-", r):
		return true
	}
	return false
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || strings.ContainsRune("\"“‘«", r)
}

func isLowerWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}
