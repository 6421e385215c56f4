// Package conlleval reads CoNLL-format named-entity files and scores tag
// sequences with the conlleval definitions: an entity counts as correct only
// when its span and its type both match exactly, and precision, recall and
// F1 are micro-averaged over all entity types.
//
// It is written here because no Go module ships a conlleval scorer, and the
// Perl original cannot run inside our binary or tests.
package conlleval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its tokens, the tag column, and
// the original lines (without line endings) so a prediction column can be
// appended to them.
type Sentence struct {
	Tokens []string
	Tags   []string
	Lines  []string
}

// Document is the sentences between two -DOCSTART- lines.
type Document struct {
	Sentences []Sentence
}

// Item is one line of a CoNLL file in order: a token line (Doc, Sent and
// Tok index into the parsed documents) or a line kept verbatim (blank and
// -DOCSTART- lines), with Doc = -1.
type Item struct {
	Line           string
	Doc, Sent, Tok int
}

// File is a parsed CoNLL file.
type File struct {
	Docs  []Document
	Items []Item
}

// Read parses a CoNLL file: one token per line with space- or tab-separated
// columns (the first is the token, the last the entity tag), blank lines
// between sentences and -DOCSTART- lines between documents (opening or
// closing them: both conventions work). CRLF line endings are accepted.
func Read(r io.Reader) (*File, error) {
	f := &File{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var doc Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sentences) > 0 {
			f.Docs = append(f.Docs, doc)
		}
		doc = Document{}
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			flushSent()
			f.Items = append(f.Items, Item{Line: line, Doc: -1})
		case fields[0] == "-DOCSTART-":
			flushDoc()
			f.Items = append(f.Items, Item{Line: line, Doc: -1})
		case len(fields) < 2:
			return nil, fmt.Errorf("conll line %d: want at least 2 columns, got %q", lineNo, line)
		default:
			f.Items = append(f.Items, Item{Line: line, Doc: len(f.Docs), Sent: len(doc.Sentences), Tok: len(sent.Tokens)})
			sent.Tokens = append(sent.Tokens, fields[0])
			sent.Tags = append(sent.Tags, fields[len(fields)-1])
			sent.Lines = append(sent.Lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll line %d: %w", lineNo, err)
	}
	flushDoc()
	return f, nil
}

// WritePredictions writes the file back with pred[doc][sent][tok] appended
// as one more space-separated column on every token line; blank and
// -DOCSTART- lines are written as they were. Lines end in "\n".
func (f *File) WritePredictions(w io.Writer, pred [][][]string) error {
	bw := bufio.NewWriter(w)
	for _, it := range f.Items {
		bw.WriteString(it.Line)
		if it.Doc >= 0 {
			bw.WriteByte(' ')
			bw.WriteString(pred[it.Doc][it.Sent][it.Tok])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Chunk is one entity: tokens [Start, End) of a sequence and its type.
type Chunk struct {
	Start, End int
	Type       string
}

// split cuts a tag such as "B-PER" into its prefix and type; "O" and
// anything without a dash have the type "".
func split(tag string) (prefix byte, typ string) {
	if tag == "" || tag == "O" {
		return 'O', ""
	}
	if len(tag) >= 2 && tag[1] == '-' {
		return tag[0], tag[2:]
	}
	return 'I', tag
}

// Chunks returns the entities of a tag sequence under conlleval's rules,
// which read IOB1, IOB2 and IOBES/BILOU alike: an entity starts at B-, S-
// or U-, at an I-/E-/L- after O or after an entity that ended, or where
// the type changes; it ends before a B-, S-, U- or O, after an E-, L-, S-
// or U-, or where the type changes.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start := -1
	var typ string
	prevP, prevT := byte('O'), ""
	for i, tag := range tags {
		p, t := split(tag)
		if start >= 0 && chunkEnds(prevP, p, prevT, t) {
			out = append(out, Chunk{start, i, typ})
			start = -1
		}
		if chunkStarts(prevP, p, prevT, t) {
			start, typ = i, t
		}
		prevP, prevT = p, t
	}
	if start >= 0 {
		out = append(out, Chunk{start, len(tags), typ})
	}
	return out
}

func chunkEnds(prevP, p byte, prevT, t string) bool {
	switch prevP {
	case 'O':
		return false
	case 'E', 'L', 'S', 'U':
		return true
	}
	if p == 'B' || p == 'S' || p == 'U' || p == 'O' {
		return true
	}
	return prevT != t
}

func chunkStarts(prevP, p byte, prevT, t string) bool {
	switch p {
	case 'O':
		return false
	case 'B', 'S', 'U':
		return true
	}
	if prevP == 'O' || prevP == 'E' || prevP == 'L' || prevP == 'S' || prevP == 'U' {
		return true
	}
	return prevT != t
}

// Counts holds the entity counts of one type, or of all types.
type Counts struct {
	Gold, Pred, Correct int
}

// PRF is precision, recall and F1, each in 0..1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Score turns counts into precision, recall and F1; a ratio with a zero
// denominator is 0, as in conlleval.
func (c Counts) Score() PRF {
	var s PRF
	if c.Pred > 0 {
		s.Precision = float64(c.Correct) / float64(c.Pred)
	}
	if c.Gold > 0 {
		s.Recall = float64(c.Correct) / float64(c.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Scorer accumulates entity counts over sequences. The zero value is ready.
type Scorer struct {
	All    Counts
	ByType map[string]*Counts
}

func (s *Scorer) typ(t string) *Counts {
	if s.ByType == nil {
		s.ByType = map[string]*Counts{}
	}
	c := s.ByType[t]
	if c == nil {
		c = &Counts{}
		s.ByType[t] = c
	}
	return c
}

// Add scores one sequence (a sentence) of predicted tags against gold tags
// of the same length.
func (s *Scorer) Add(gold, pred []string) {
	g, p := Chunks(gold), Chunks(pred)
	seen := make(map[Chunk]bool, len(g))
	for _, c := range g {
		seen[c] = true
		s.All.Gold++
		s.typ(c.Type).Gold++
	}
	for _, c := range p {
		s.All.Pred++
		tc := s.typ(c.Type)
		tc.Pred++
		if seen[c] {
			s.All.Correct++
			tc.Correct++
		}
	}
}

// Result is the JSON object `storyline eval ner` prints.
type Result struct {
	Task      string         `json:"task"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	PerType   map[string]PRF `json:"per_type"`
}

// Result returns the micro-averaged scores and one entry per type; the
// types in always are present even when neither gold nor prediction has
// them.
func (s *Scorer) Result(task string, always ...string) Result {
	all := s.All.Score()
	r := Result{Task: task, Precision: all.Precision, Recall: all.Recall, F1: all.F1, PerType: map[string]PRF{}}
	for _, t := range always {
		r.PerType[t] = PRF{}
	}
	for t, c := range s.ByType {
		r.PerType[t] = c.Score()
	}
	return r
}

// Types returns the entity types seen, sorted.
func (s *Scorer) Types() []string {
	var ts []string
	for t := range s.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}
