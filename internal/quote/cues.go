package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"storyline"
	"storyline/internal/text"
)

// cueModel is the cue lexicon trained on PolNeAR train by TrainCues:
// for each lower-cased word, and for each word followed by a class of
// next token, how often it was part of an annotated cue and how often it
// occurred.
//
//go:embed cues.tsv
var cueModel string

// CueLexicon holds cue rates: the share of a word's occurrences that were
// part of an attribution cue, keyed by the word alone and by the word and
// the class of the token after it.
type CueLexicon struct {
	cue, total map[string]int
	// fast holds, per word, the rate alone and per next-token class,
	// built once by index for lookups without building keys.
	fast map[string]*lexEntry
}

type lexEntry struct {
	word float64 // -1 when seen too rarely
	cls  map[string]float64
	top  float64 // the highest rate of the word in any class
}

func (lx *CueLexicon) index() {
	lx.fast = map[string]*lexEntry{}
	get := func(w string) *lexEntry {
		e := lx.fast[w]
		if e == nil {
			e = &lexEntry{word: -1}
			lx.fast[w] = e
		}
		return e
	}
	for k, t := range lx.total {
		if w, _, pair := strings.Cut(k, "|"); !pair && t >= 3 {
			get(w).word = float64(lx.cue[k]) / float64(t)
		}
	}
	// A pair's rate is shrunk towards the word's own rate by pairPrior
	// pseudo-occurrences, so that a pair seen a few times counts for what
	// it is worth ("continues" is a cue in 10 of 67 uses, "continues ,"
	// in 2 of 3).
	for k, t := range lx.total {
		w, cls, pair := strings.Cut(k, "|")
		if !pair || t < 2 {
			continue
		}
		e := get(w)
		prior := max(e.word, 0)
		if e.word < 0 && t < 4 {
			continue
		}
		if e.cls == nil {
			e.cls = map[string]float64{}
		}
		r := (float64(lx.cue[k]) + pairPrior*prior) / (float64(t) + pairPrior)
		if lx.cue[k] < 2 {
			// one sighting may lower a word's rate, never raise it
			r = min(r, prior)
		}
		e.cls[cls] = r
	}
	for _, e := range lx.fast {
		e.top = e.word
		for _, r := range e.cls {
			e.top = max(e.top, r)
		}
	}
}

// pairPrior is the weight, in occurrences, of a word's own cue rate in
// the rate of the word followed by a class of token.
const pairPrior = 1

// loadLexicon parses the embedded model (once, for loadWordTable, which
// keeps what Extract needs of it).
func loadLexicon() *CueLexicon {
	lx, err := ReadCueLexicon(strings.NewReader(cueModel))
	if err != nil {
		panic("quote: embedded cue model: " + err.Error())
	}
	return lx
}

// ReadCueLexicon reads a lexicon written by CueLexicon.Write.
func ReadCueLexicon(r io.Reader) (*CueLexicon, error) {
	lx := &CueLexicon{cue: map[string]int{}, total: map[string]int{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		c, err1 := strconv.Atoi(f[1])
		t, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("cue lexicon line %q: bad counts", sc.Text())
		}
		lx.cue[f[0]], lx.total[f[0]] = c, t
	}
	lx.index()
	return lx, sc.Err()
}

// Write writes the lexicon as sorted TSV lines: key, cue count, total.
func (lx *CueLexicon) Write(w io.Writer) error {
	keys := make([]string, 0, len(lx.total))
	for k := range lx.total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw := bufio.NewWriter(w)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%d\t%d\n", k, lx.cue[k], lx.total[k])
	}
	return bw.Flush()
}

// Rate returns the cue rate of word w followed by a token of class next,
// backing off to the word alone when the pair was seen rarely.
func (lx *CueLexicon) Rate(w, next string) float64 {
	if t := lx.total[w+"|"+next]; t >= 4 {
		return float64(lx.cue[w+"|"+next]) / float64(t)
	}
	if t := lx.total[w]; t >= 3 {
		return float64(lx.cue[w]) / float64(t)
	}
	return 0
}

// TrainDoc is one annotated text for TrainCues (its cue spans) and
// TrainClauseModel (its attributions).
type TrainDoc struct {
	Text string
	Cues []storyline.Span
	// Attributions are the annotated attributions, for TrainClauseModel.
	Attributions []TrainAttribution
}

// TrainCues counts, over docs, how often each word (and word with the
// class of its next token) falls inside an annotated cue. Only words
// outside quote marks count, as Extract looks for cues there only (a
// "think" inside a quotation is never a cue). Words seen once and words
// never in a cue are dropped. The result is deterministic.
func TrainCues(docs []TrainDoc) *CueLexicon {
	cue, total := map[string]int{}, map[string]int{}
	for _, d := range docs {
		toks := text.Tokenize(d.Text)
		var ends []int
		for _, s := range text.Split(d.Text) {
			ends = append(ends, s.End)
		}
		regs := regions(d.Text, ends)
		ri := 0
		for i, t := range toks {
			if !isWordTok(t.Text) {
				continue
			}
			for ri < len(regs) && regs[ri].e <= t.Start {
				ri++
			}
			if ri < len(regs) && regs[ri].s <= t.Start && t.End <= regs[ri].e {
				continue
			}
			w := strings.ToLower(t.Text)
			k2 := w + "|" + nextClass(toks, i)
			in := false
			for _, c := range d.Cues {
				if t.Start < c.End && c.Start < t.End {
					in = true
					break
				}
			}
			total[w]++
			total[k2]++
			if in {
				cue[w]++
				cue[k2]++
			}
		}
	}
	lx := &CueLexicon{cue: map[string]int{}, total: map[string]int{}}
	for k, c := range cue {
		if total[k] >= 2 && c >= 1 {
			lx.cue[k], lx.total[k] = c, total[k]
		}
	}
	lx.index()
	return lx
}

func isWordTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// nextClass names the kind of token after toks[i]: a few function words
// and marks by themselves, otherwise capitalised or lower-case word.
func nextClass(toks []text.Token, i int) string {
	if i+1 >= len(toks) {
		return "$"
	}
	return classOf(toks[i+1].Text, strings.ToLower(toks[i+1].Text))
}

// classOf is nextClass given the next token and its lower-cased form.
func classOf(t, lt string) string {
	switch lt {
	case "that", ",", ":", "to", "for", "on", "by", "in", "with", "about", ".", "the", "a", "it", "he", "she", "they", "him", "her", "them", "us", "me", "i", "we", "you":
		return lt
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case isQuoteRune(r):
		return "q"
	case unicode.IsUpper(r):
		return "C"
	case unicode.IsLetter(r):
		return "w"
	}
	return "p"
}

// classNames are the classes classOf returns, in classID's order.
var classNames = [...]string{"that", ",", ":", "to", "for", "on", "by", "in", "with", "about", ".", "the", "a", "it", "he", "she", "they", "him", "her", "them", "us", "me", "i", "we", "you", "q", "C", "w", "p", "$"}

const (
	numClasses = len(classNames)
	classQ     = numClasses - 5
	classCap   = numClasses - 4
	classWord  = numClasses - 3
	classPunct = numClasses - 2
	classEnd   = numClasses - 1 // "$": no next token
)

// classIndex returns the index of class name c, -1 when no class has it.
func classIndex(c string) int {
	for k, n := range classNames {
		if n == c {
			return k
		}
	}
	return -1
}

// classID is classOf as an index into classNames.
func classID(t, lt string) int {
	switch lt {
	case "that":
		return 0
	case ",":
		return 1
	case ":":
		return 2
	case "to":
		return 3
	case "for":
		return 4
	case "on":
		return 5
	case "by":
		return 6
	case "in":
		return 7
	case "with":
		return 8
	case "about":
		return 9
	case ".":
		return 10
	case "the":
		return 11
	case "a":
		return 12
	case "it":
		return 13
	case "he":
		return 14
	case "she":
		return 15
	case "they":
		return 16
	case "him":
		return 17
	case "her":
		return 18
	case "them":
		return 19
	case "us":
		return 20
	case "me":
		return 21
	case "i":
		return 22
	case "we":
		return 23
	case "you":
		return 24
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case isQuoteRune(r):
		return classQ
	case unicode.IsUpper(r):
		return classCap
	case unicode.IsLetter(r):
		return classWord
	}
	return classPunct
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»':
		return true
	}
	return false
}
