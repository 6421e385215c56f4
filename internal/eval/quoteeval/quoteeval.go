// Package quoteeval reads the PolNeAR attribution corpus (JSONL, one
// article a line) and scores predicted quotations against it.
//
// The scoring definitions (documented in docs/quotes.md) are storyline's
// own: PolNeAR ships no official scorer, so none can be reused.
package quoteeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Piece is one contiguous piece of a source, cue or content span, as UTF-8
// byte offsets into the article's text.
type Piece struct {
	Start, End int
	Text       string
}

// Attribution is one gold attribution relation.
type Attribution struct {
	ID      string
	Source  []Piece
	Cue     []Piece
	Content []Piece
}

// Article is one PolNeAR article with its gold attributions.
type Article struct {
	ID           string
	Text         string
	Attributions []Attribution
	// Annotator is the ID of the annotator whose attributions are the
	// gold; Publisher the outlet (meta.publisher). Either may be empty.
	Annotator, Publisher string
	// Alt holds the attributions of the other annotators of an article
	// of the agreement study, by annotator ID; nil for the others.
	Alt map[string][]Attribution
}

type rawPiece struct {
	BSpan [2]int `json:"bspan"`
	Text  string `json:"text"`
}

type rawAttr struct {
	ID      string     `json:"id"`
	Source  []rawPiece `json:"source"`
	Cue     []rawPiece `json:"cue"`
	Content []rawPiece `json:"content"`
}

type rawArticle struct {
	ID           string    `json:"id"`
	Text         string    `json:"text"`
	Attributions []rawAttr `json:"attributions"`
	Annotator    string    `json:"annotator"`
	Meta         struct {
		Publisher string `json:"publisher"`
	} `json:"meta"`
	Alt map[string]struct {
		Attributions []rawAttr `json:"attributions"`
	} `json:"alt_annotations"`
}

// Read reads PolNeAR JSONL from r. Pieces whose byte span falls outside
// the text are an error.
func Read(r io.Reader) ([]Article, error) {
	var out []Article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var ra rawArticle
		if err := json.Unmarshal(b, &ra); err != nil {
			return nil, fmt.Errorf("polnear line %d: %w", line, err)
		}
		a := Article{ID: ra.ID, Text: ra.Text, Annotator: ra.Annotator, Publisher: ra.Meta.Publisher}
		var err error
		if a.Attributions, err = attributions(ra.Attributions, ra.Text); err != nil {
			return nil, fmt.Errorf("polnear line %d (%s): %w", line, ra.ID, err)
		}
		for id, alt := range ra.Alt {
			as, err := attributions(alt.Attributions, ra.Text)
			if err != nil {
				return nil, fmt.Errorf("polnear line %d (%s, annotator %s): %w", line, ra.ID, id, err)
			}
			if a.Alt == nil {
				a.Alt = make(map[string][]Attribution)
			}
			a.Alt[id] = as
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	return out, nil
}

// attributions converts raw attributions, checking every span against
// the text.
func attributions(raw []rawAttr, text string) ([]Attribution, error) {
	var out []Attribution
	for i, at := range raw {
		g := Attribution{ID: at.ID}
		var err error
		if g.Source, err = pieces(at.Source, len(text)); err == nil {
			if g.Cue, err = pieces(at.Cue, len(text)); err == nil {
				g.Content, err = pieces(at.Content, len(text))
			}
		}
		if err != nil {
			if at.ID == "" {
				return nil, fmt.Errorf("attribution %d: %w", i+1, err)
			}
			return nil, fmt.Errorf("%s: %w", at.ID, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func pieces(raw []rawPiece, n int) ([]Piece, error) {
	var ps []Piece
	for _, p := range raw {
		s, e := p.BSpan[0], p.BSpan[1]
		if s < 0 || s > e || e > n {
			return nil, fmt.Errorf("span [%d,%d) out of text of %d bytes", s, e, n)
		}
		ps = append(ps, Piece{Start: s, End: e, Text: p.Text})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Start < ps[j].Start })
	return ps, nil
}

// Pred is one predicted quotation: byte offsets into the article's text;
// a speaker or cue span is absent when its Start is negative.
type Pred struct {
	Kind                     string
	Start, End               int
	SpeakerStart, SpeakerEnd int
	CueStart, CueEnd         int
}

// HasSpeaker reports whether the prediction names a speaker span.
func (p Pred) HasSpeaker() bool { return p.SpeakerStart >= 0 && p.SpeakerEnd > p.SpeakerStart }

// HasCue reports whether the prediction names a cue span.
func (p Pred) HasCue() bool { return p.CueStart >= 0 && p.CueEnd > p.CueStart }

// Metrics are the figures for one subset (direct or all).
type Metrics struct {
	Precision       float64  `json:"precision"`
	Recall          float64  `json:"recall"`
	F1              float64  `json:"f1"`
	ExactF1         float64  `json:"exact_f1"`
	SpeakerAccuracy float64  `json:"speaker_accuracy"`
	CueF1           *float64 `json:"cue_f1,omitempty"`
}

// Counts accumulate over articles; Metrics turns them into figures.
type Counts struct {
	Gold, Pred, Matched, Exact int
	// SpeakerGold counts matched pairs whose gold has a source;
	// SpeakerHit those whose predicted speaker span overlaps one of its
	// pieces.
	SpeakerGold, SpeakerHit int
	// CueGold counts gold quotes with a cue, CuePred predictions with a
	// cue, CueHit matched pairs whose cue spans overlap.
	CueGold, CuePred, CueHit int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Matched += o.Matched
	c.Exact += o.Exact
	c.SpeakerGold += o.SpeakerGold
	c.SpeakerHit += o.SpeakerHit
	c.CueGold += o.CueGold
	c.CuePred += o.CuePred
	c.CueHit += o.CueHit
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Metrics returns the figures; withCue adds cue_f1.
func (c Counts) Metrics(withCue bool) Metrics {
	p, r := ratio(c.Matched, c.Pred), ratio(c.Matched, c.Gold)
	m := Metrics{
		Precision:       p,
		Recall:          r,
		F1:              f1(p, r),
		ExactF1:         f1(ratio(c.Exact, c.Pred), ratio(c.Exact, c.Gold)),
		SpeakerAccuracy: ratio(c.SpeakerHit, c.SpeakerGold),
	}
	if withCue {
		v := f1(ratio(c.CueHit, c.CuePred), ratio(c.CueHit, c.CueGold))
		m.CueF1 = &v
	}
	return m
}

// quoteMarks are the marks whose presence at the start of a content span
// makes a gold attribution direct.
const quoteMarks = "\"“”‘’'«»"

// IsQuoteMark reports whether r is one of the quote marks of the
// definition.
func IsQuoteMark(r rune) bool { return strings.ContainsRune(quoteMarks, r) }

// GoldSpan returns the content span of a gold attribution: from the start
// of its first content piece to the end of its last, so that “A,” he said,
// “B.” is one span. ok is false when it has no content.
func GoldSpan(a Attribution) (start, end int, ok bool) {
	if len(a.Content) == 0 {
		return 0, 0, false
	}
	start, end = a.Content[0].Start, a.Content[0].End
	for _, p := range a.Content[1:] {
		start = min(start, p.Start)
		end = max(end, p.End)
	}
	return start, end, true
}

// IsDirect reports whether a gold attribution is direct: its content,
// after leading white space, starts with a quote mark.
func IsDirect(text string, a Attribution) bool {
	s, e, ok := GoldSpan(a)
	if !ok {
		return false
	}
	c := strings.TrimLeftFunc(text[s:e], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(c)
	return IsQuoteMark(r)
}

// Trim returns the span [s,e) of text without leading and trailing quote
// marks and white space and without final punctuation.
func Trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !IsQuoteMark(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !IsQuoteMark(r) && !strings.ContainsRune(".,;:!?…", r) {
			break
		}
		e -= n
	}
	return s, e
}

func overlap(s1, e1, s2, e2 int) int {
	return max(0, min(e1, e2)-max(s1, s2))
}

// ScoreArticle scores preds against the gold attributions of a, both
// for the direct subset and for all attributions with content.
func ScoreArticle(a Article, preds []Pred) (direct, all Counts) {
	return score(a.Text, subset(a.Text, a.Attributions, true), directOnly(preds)),
		score(a.Text, subset(a.Text, a.Attributions, false), preds)
}

// directOnly returns the predictions of kind direct.
func directOnly(preds []Pred) []Pred {
	var out []Pred
	for _, p := range preds {
		if p.Kind == "direct" {
			out = append(out, p)
		}
	}
	return out
}

// score matches predictions to gold one to one, greedily by overlap: a
// pair may match when the prediction covers at least half of the gold
// span's bytes.
func score(text string, gold []Attribution, preds []Pred) Counts {
	c := Counts{Gold: len(gold), Pred: len(preds)}
	for _, g := range gold {
		if len(g.Cue) > 0 {
			c.CueGold++
		}
	}
	for _, p := range preds {
		if p.HasCue() {
			c.CuePred++
		}
	}
	gsp := make([][2]int, len(gold))
	for i, g := range gold {
		gsp[i][0], gsp[i][1], _ = GoldSpan(g)
	}
	psp := make([][2]int, len(preds))
	for i, p := range preds {
		psp[i] = [2]int{p.Start, p.End}
	}
	for gi, pi := range match(gsp, psp) {
		if pi < 0 {
			continue
		}
		c.Matched++
		g, p := gold[gi], preds[pi]
		gs, ge, _ := GoldSpan(g)
		gs, ge = Trim(text, gs, ge)
		ps, pe := Trim(text, p.Start, p.End)
		if gs == ps && ge == pe {
			c.Exact++
		}
		if len(g.Source) > 0 {
			c.SpeakerGold++
			if p.HasSpeaker() && anyOverlap(g.Source, p.SpeakerStart, p.SpeakerEnd) {
				c.SpeakerHit++
			}
		}
		if len(g.Cue) > 0 && p.HasCue() && anyOverlap(g.Cue, p.CueStart, p.CueEnd) {
			c.CueHit++
		}
	}
	return c
}

// match pairs gold spans with predicted spans one to one, greedily by
// overlap (ties: earlier gold, then earlier prediction); a pair may match
// when the prediction covers at least half of the gold span's bytes. It
// returns, for each gold span, the index of its prediction or -1.
func match(gold, pred [][2]int) []int {
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			ov := overlap(g[0], g[1], p[0], p[1])
			if ov > 0 && 2*ov >= g[1]-g[0] {
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].ov != pairs[j].ov {
			return pairs[i].ov > pairs[j].ov
		}
		if pairs[i].g != pairs[j].g {
			return pairs[i].g < pairs[j].g
		}
		return pairs[i].p < pairs[j].p
	})
	out := make([]int, len(gold))
	for i := range out {
		out[i] = -1
	}
	usedP := make([]bool, len(pred))
	for _, pr := range pairs {
		if out[pr.g] >= 0 || usedP[pr.p] {
			continue
		}
		out[pr.g], usedP[pr.p] = pr.p, true
	}
	return out
}

func anyOverlap(ps []Piece, s, e int) bool {
	for _, q := range ps {
		if overlap(q.Start, q.End, s, e) > 0 {
			return true
		}
	}
	return false
}
