package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"storyline"
	"storyline/internal/text"
)

// titles are words that name a role, not a person: they stay outside PER
// spans even when the tagger puts them inside ("President Volodymyr
// Zelenskyy" → "Volodymyr Zelenskyy"). Lower-case, without a final stop.
var titles = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "premier": true,
	"chancellor": true, "secretary": true, "secretary-general": true, "general": true,
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true,
	"prince": true, "princess": true, "pope": true, "sheikh": true, "emir": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true,
	"envoy": true, "commissioner": true, "governor": true, "gov": true, "senator": true,
	"sen": true, "rep": true, "representative": true, "congressman": true, "congresswoman": true,
	"mayor": true, "chairman": true, "chairwoman": true, "ceo": true,
	"director": true, "chief": true, "leader": true, "deputy": true, "foreign": true,
	"defence": true, "defense": true, "interior": true, "finance": true, "justice": true, "judge": true, "gen": true,
	"lt": true, "col": true, "capt": true, "maj": true, "sgt": true, "adm": true,
	"admiral": true, "colonel": true, "captain": true, "lieutenant": true,
	"sergeant": true, "commander": true, "marshal": true, "rev": true,
	"reverend": true, "cardinal": true, "archbishop": true, "bishop": true,
	"ayatollah": true, "former": true, "acting": true, "spokesmen": true, "officer": true,
	"attorney": true, "speaker": true, "president-elect": true, "ex-president": true,
	"tsar": true, "czar": true, "holiness": true,
	"majesty": true, "excellency": true, "baron": true, "baroness": true,
	"countess": true, "duke": true, "duchess": true,
	"adviser": true, "advisor": true, "aide": true, "coach": true, "manager": true,
	"striker": true, "goalkeeper": true, "midfielder": true, "defender": true,
}

// bareTitles are never a name on their own.
var bareTitles = map[string]bool{
	"president": true, "minister": true, "prime": true, "secretary-general": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "chancellor": true, "premier": true, "secretary": true,
}

// isTitle reports whether token w is a title word.
func isTitle(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return titles[lw]
}

// isPossessive reports whether token w is the possessive ending.
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S" || w == "’S"
}

// kinds maps CoNLL types to mention kinds.
var kinds = map[string]storyline.MentionKind{
	"PER": storyline.Person, "ORG": storyline.Organisation,
	"LOC": storyline.Place, "MISC": storyline.Other,
}

// Mentions tags one document, split into sentences and tokens by package
// text, and returns its named mentions in text order. Span is a byte
// range into text and Surface is text[Span.Start:Span.End]; Report is left
// empty for the caller to fill. Titles are kept outside person names,
// and a possessive ending or punctuation at either end of a name is
// dropped ("Russia's" → "Russia").
func (t *Tagger) Mentions(txt string, sents []text.Sentence) []storyline.Mention {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	flat := make([]string, 0, n)
	words := make([][]string, len(sents))
	for si, s := range sents {
		k := len(flat)
		for _, tok := range s.Tokens {
			flat = append(flat, tok.Text)
		}
		words[si] = flat[k:len(flat):len(flat)]
	}
	tags := t.TagDocument(words)
	var out []storyline.Mention
	for si, s := range sents {
		ts := tags[si]
		for i := 0; i < len(ts); {
			if ts[i] == "O" {
				i++
				continue
			}
			typ := ts[i][2:]
			j := i + 1
			for j < len(ts) && ts[j] == "I-"+typ {
				j++
			}
			a, b := i, j
			i = j
			for a < b && (isPossessive(s.Tokens[b-1].Text) || !hasWordRune(s.Tokens[b-1].Text)) {
				b--
			}
			for a < b && !hasWordRune(s.Tokens[a].Text) {
				a++
			}
			if typ == "PER" {
				for a < b-1 && isTitle(s.Tokens[a].Text) {
					a++
				}
				if a < b && bareTitles[strings.ToLower(strings.TrimSuffix(s.Tokens[a].Text, "."))] {
					continue // a title alone is no name
				}
			}
			if a >= b {
				continue
			}
			start, end := s.Tokens[a].Start, s.Tokens[b-1].End
			if start < 0 || end > len(txt) || start >= end {
				continue
			}
			out = append(out, storyline.Mention{
				Span:    storyline.Span{Start: start, End: end},
				Surface: txt[start:end],
				Kind:    kinds[typ],
			})
		}
	}
	return out
}

func hasWordRune(w string) bool {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		w = w[n:]
	}
	return false
}
