package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark. Start and End are byte
// offsets into the text that was tokenised, and Text is text[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// abbreviations end with a full stop that does not end a sentence when a
// name or number follows. Lower-cased, without the final full stop.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "capt": true, "cpt": true, "sgt": true, "maj": true,
	"adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"st": true, "ft": true, "mt": true, "pres": true, "sr": true, "jr": true,
	"hon": true, "messrs": true, "supt": true, "insp": true, "det": true, "brig": true,
	"no": true, "nos": true, "vs": true, "v": true, "approx": true, "ave": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"corp": true, "inc": true, "ltd": true, "co": true, "bros": true, "dept": true,
	"univ": true, "assn": true, "est": true, "fig": true, "vol": true, "p": true, "pp": true,
	"e.g": true, "i.e": true, "etc": true, "al": true, "a.m": true, "p.m": true,
}

// endAbbrevs may end a sentence ("in the U.S. The talks ...") as well as
// sit inside one; they are split off only when a sentence starter follows.
var endAbbrevs = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "etc": true, "jr": true, "sr": true,
	"a.m": true, "p.m": true, "bros": true,
}

// IsAbbreviation reports whether tok, a token ending in a full stop, is
// an abbreviation or an initial rather than a word followed by a stop.
func IsAbbreviation(tok string) bool {
	if !strings.HasSuffix(tok, ".") || len(tok) < 2 {
		return false
	}
	body := tok[:len(tok)-1]
	if len(body) <= 7 && titleAbbrevs[lowerASCII(body)] {
		return true
	}
	// Initials and dotted acronyms: "T.", "U.S.", "U.N.", "a.m."
	return isDotted(body)
}

// lowerASCII lower-cases ASCII letters of a short string, without
// allocating when it is already lower case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isDotted reports whether s is single letters separated by full stops:
// "T", "U.S", "a.m".
func isDotted(s string) bool {
	if s == "" {
		return false
	}
	for i, part := range strings.Split(s, ".") {
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsLetter(r) {
			return false
		}
		if i == 0 && len(s) == n && !unicode.IsUpper(r) {
			return false // a lone lower-case letter and a stop is a word
		}
	}
	return true
}

// Tokenize splits s into tokens. Words keep inner hyphens and apostrophes
// ("face-to-face", "O'Brien"), the possessive and clitic endings "'s",
// "n't", "'re", "'ll", "'ve", "'m", "'d" become tokens of their own, numbers
// keep their decimal point and thousands separators, abbreviations and
// initials keep their full stop, and every other mark is a token, except
// runs of full stops or hyphens ("...", "--").
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	return appendTokens(toks, s, 0, len(s))
}

func appendTokens(toks []Token, s string, from, to int) []Token {
	i := from
	for i < to {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:to])
		} else if asciiWord[s[i]] {
			j, apos := scanWord(s, i, to)
			if apos {
				toks = appendWord(toks, s, i, j)
			} else {
				toks = append(toks, Token{i, j, s[i:j]})
			}
			i = j
			continue
		}
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j, apos := scanWord(s, i, to)
			if apos {
				toks = appendWord(toks, s, i, j)
			} else {
				toks = append(toks, Token{i, j, s[i:j]})
			}
			i = j
		case r == '.' || r == '-':
			j := i + 1
			for j < to && s[j] == byte(r) {
				j++
			}
			toks = append(toks, Token{i, j, s[i:j]})
			i = j
		default:
			toks = append(toks, Token{i, i + n, s[i : i+n]})
			i += n
		}
	}
	return toks
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanWord returns the end of the word starting at i: letters and digits,
// joined by single inner hyphens, apostrophes, full stops (dotted
// abbreviations, decimals) or, between digits, commas and slashes.
func scanWord(s string, i, to int) (end int, apos bool) {
	j := i
	for j < to {
		if asciiWord[s[j]] {
			j++
			for j < to && asciiWord[s[j]] {
				j++
			}
			continue
		}
		if c := s[j]; c == ' ' || c == ',' && (j+1 >= to || !asciiWord[s[j+1]]) || c == '\n' || c == '"' || c == ')' || c == ';' || c == '?' || c == '!' {
			break // the common word ends: no joiner to look at
		}
		r, n := utf8.DecodeRuneInString(s[j:to])
		if isWordRune(r) {
			j += n
			continue
		}
		if !isJoiner(r) {
			break
		}
		// A joiner counts only when a word rune follows it.
		if j+n >= to {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[j+n : to])
		prev, _ := utf8.DecodeLastRuneInString(s[i:j])
		joined := false
		switch {
		case r == '-' || r == '‐' || r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
			joined = isWordRune(next)
		case isApostrophe(r):
			joined = unicode.IsLetter(next) && unicode.IsLetter(prev)
			apos = apos || joined
		case r == '.':
			// "3.5", "U.S", "a.m"; not "end.Next" joined by accident
			// unless both sides are single letters or digits.
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				joined = true
			} else if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				joined = singleLetterBefore(s, i, j) && singleLetterAfter(s, j+n, to)
			}
		case r == ',' || r == '/' || r == ':':
			joined = unicode.IsDigit(prev) && unicode.IsDigit(next) && (r != ',' || digitsAfter(s, j+1, to) == 3)
		default:
			joined = isMojibakeTail(prev, r) && (isWordRune(next) || next >= 0x80 && next <= 0xBF)
		}
		if !joined {
			break
		}
		j += n
	}
	// A trailing full stop belongs to abbreviations and initials.
	if j < to && s[j] == '.' && (j+1 >= to || s[j+1] != '.') {
		// ("p." and "v." only before a number; "P." and "V." are
		// initials: "Gonzalo P. Curiel")
		if IsAbbreviation(s[i:j+1]) && (!numberAbbrevs[strings.ToLower(s[i:j])] || digitFollows(s, j+1, to) || j == i+1 && s[i] >= 'A' && s[i] <= 'Z') {
			j++
		}
	}
	return j, apos
}

// numberAbbrevs are abbreviations only before a number ("No. 5", "p. 12").
var numberAbbrevs = map[string]bool{"no": true, "nos": true, "p": true, "pp": true, "vol": true, "fig": true, "v": true}

func digitFollows(s string, i, to int) bool {
	for i < to && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i < to && s[i] >= '0' && s[i] <= '9'
}

// isJoiner reports the marks that may join two parts of one word.
func isJoiner(r rune) bool {
	switch r {
	case '-', '‐', '&', '\'', '’', '.', ',', '/', ':':
		return true
	}
	return r >= 0x80 && r <= 0xBF // mojibake, see isMojibakeTail
}

// isMojibakeTail reports whether r after prev is the second half of a
// UTF-8 letter read as Latin-1, as scraped copy often has it ("FranÃ§ois"
// for "François", sometimes with the Ã decomposed and a control character
// from a second round): prev a letter or mark outside ASCII, standing for
// a lead byte; r a control character or sign standing for a continuation
// byte (U+0080–U+00BF, but not the no-break space or the quote marks «
// and »).
func isMojibakeTail(prev, r rune) bool {
	return prev >= 0x80 && isWordRune(prev) && r >= 0x80 && r <= 0xBF && r != 0xA0 && r != '«' && r != '»'
}

func digitsAfter(s string, i, to int) int {
	n := 0
	for i+n < to && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// singleLetterBefore reports whether the letter run ending at j (within the
// word that starts at i) is one letter long.
func singleLetterBefore(s string, i, j int) bool {
	_, n := utf8.DecodeLastRuneInString(s[i:j])
	k := j - n
	if k == i {
		return true
	}
	return s[k-1] == '.'
}

func singleLetterAfter(s string, j, to int) bool {
	_, n := utf8.DecodeRuneInString(s[j:to])
	if j+n >= to {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j+n : to])
	return !isWordRune(r)
}

// clitics are split off the end of a word, longest first.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d"}

func appendWord(toks []Token, s string, i, j int) []Token {
	w := s[i:j]
	// A clitic needs an apostrophe: ' (one byte) or ’ (0xE2 0x80 0x99).
	tail := w[max(0, len(w)-6):]
	if strings.IndexByte(tail, '\'') >= 0 || strings.IndexByte(tail, 0x99) >= 0 {
		for _, c := range clitics {
			if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
				k := j - len(c)
				return append(toks, Token{i, k, s[i:k]}, Token{k, j, s[k:j]})
			}
		}
	}
	return append(toks, Token{i, j, w})
}
