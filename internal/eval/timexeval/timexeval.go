// Package timexeval reads the TempEval-3 corpus (the JSONL conversion in
// shared/data/tempeval3) and scores temporal expressions against it with
// the TempEval-3 Task A definitions: strict and relaxed extent precision,
// recall and F1, and value and type scored on relaxed matches.
//
// The definitions (docs/timex.md says the same):
//
//   - A system timex matches strictly when a gold timex has exactly its
//     byte span, and relaxed when it shares at least one byte with a gold
//     timex. Precision counts the system timexes that match, recall the
//     gold timexes that match, both summed over all documents
//     (micro-averaged); F1 is their harmonic mean.
//   - Each gold timex that has a relaxed match is paired with the system
//     timex that overlaps it most (the earlier one on a tie). Value
//     accuracy is the share of pairs with the same value string, type
//     accuracy the share with the same type. Value F1 is relaxed F1 times
//     value accuracy (equivalently the F1 of correct values over system and
//     gold counts when matches are one to one).
//
// The official TempEval-3 scorer matches on tokens; byte spans give the
// same answer except where a boundary falls inside a token.
package timexeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Timex is one temporal expression: a byte span into the document text,
// its TIMEX3 type and value.
type Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Doc is one annotated document.
type Doc struct {
	ID      string
	Text    string
	DCT     string // the document creation time as annotated ("1998-08-07", "1998-12-05T09:42")
	Timexes []Timex
}

type record struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	DCT  struct {
		Value string `json:"value"`
	} `json:"dct"`
	Timexes []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
		BSpan [2]int `json:"bspan"`
	} `json:"timexes"`
}

// Read parses the corpus: one JSON document per line, blank lines
// skipped. Spans are the records' bspan (UTF-8 bytes); a span outside the
// text is an error.
func Read(r io.Reader) ([]Doc, error) {
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		d := Doc{ID: rec.ID, Text: rec.Text, DCT: rec.DCT.Value}
		for _, t := range rec.Timexes {
			s, e := t.BSpan[0], t.BSpan[1]
			if s < 0 || s > e || e > len(rec.Text) {
				return nil, fmt.Errorf("line %d: timex span [%d,%d) outside the text", line, s, e)
			}
			d.Timexes = append(d.Timexes, Timex{Start: s, End: e, Type: t.Type, Value: t.Value})
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return docs, nil
}

// ParseDCT reads a TIMEX3 date or date-time value as a time: "1998-08-07",
// "1998-12-05T09:42", "1998-12-05T09:42:00".
func ParseDCT(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	if len(v) > 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("document creation time %q: not a date", v)
}

// Counts are the raw tallies behind Scores.
type Counts struct {
	Gold, System                 int
	StrictSystem, StrictGold     int // system (gold) timexes with an exact match
	RelaxedSystem, RelaxedGold   int // system (gold) timexes with an overlapping match
	Pairs, ValueRight, TypeRight int // relaxed pairs and those with the right value, type
}

// Add scores one document's system timexes against its gold ones.
func (c *Counts) Add(gold, system []Timex) {
	c.Gold += len(gold)
	c.System += len(system)
	for _, s := range system {
		strict, relaxed := false, false
		for _, g := range gold {
			if s.Start == g.Start && s.End == g.End {
				strict = true
			}
			if overlap(s, g) > 0 {
				relaxed = true
			}
		}
		if strict {
			c.StrictSystem++
		}
		if relaxed {
			c.RelaxedSystem++
		}
	}
	for _, g := range gold {
		best, bo := -1, 0
		for k, s := range system {
			if s.Start == g.Start && s.End == g.End {
				c.StrictGold++
			}
			if o := overlap(s, g); o > bo {
				best, bo = k, o
			}
		}
		if best < 0 {
			continue
		}
		c.RelaxedGold++
		c.Pairs++
		if system[best].Value == g.Value {
			c.ValueRight++
		}
		if system[best].Type == g.Type {
			c.TypeRight++
		}
	}
}

// overlap is the number of bytes two spans share (empty spans share
// none).
func overlap(a, b Timex) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e > s {
		return e - s
	}
	return 0
}

// Scores are the TempEval-3 Task A figures, in the order the eval command
// prints them.
type Scores struct {
	Task              string  `json:"task"`
	StrictPrecision   float64 `json:"strict_precision"`
	StrictRecall      float64 `json:"strict_recall"`
	StrictF1          float64 `json:"strict_f1"`
	RelaxedPrecision  float64 `json:"relaxed_precision"`
	RelaxedRecall     float64 `json:"relaxed_recall"`
	RelaxedF1         float64 `json:"relaxed_f1"`
	ValueF1           float64 `json:"value_f1"`
	TypeAccuracy      float64 `json:"type_accuracy"`
	valueAccuracy     float64
	relaxedMatchPairs int
}

// ValueAccuracy is the share of relaxed pairs with the right value.
func (s Scores) ValueAccuracy() float64 { return s.valueAccuracy }

// Scores computes the figures from the counts. A ratio with a zero
// denominator is 0.
func (c Counts) Scores() Scores {
	s := Scores{Task: "timex"}
	s.StrictPrecision = ratio(c.StrictSystem, c.System)
	s.StrictRecall = ratio(c.StrictGold, c.Gold)
	s.StrictF1 = f1(s.StrictPrecision, s.StrictRecall)
	s.RelaxedPrecision = ratio(c.RelaxedSystem, c.System)
	s.RelaxedRecall = ratio(c.RelaxedGold, c.Gold)
	s.RelaxedF1 = f1(s.RelaxedPrecision, s.RelaxedRecall)
	s.valueAccuracy = ratio(c.ValueRight, c.Pairs)
	s.ValueF1 = s.RelaxedF1 * s.valueAccuracy
	s.TypeAccuracy = ratio(c.TypeRight, c.Pairs)
	s.relaxedMatchPairs = c.Pairs
	return s
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

// WriteErrors lists, for one document, the gold timexes the system missed
// (FN), the system timexes no gold timex overlaps (FP), and the relaxed
// pairs whose value or type differ (VAL), one per line, for error
// analysis.
func WriteErrors(w io.Writer, d Doc, system []Timex) {
	q := func(t Timex) string { return fmt.Sprintf("%q", d.Text[t.Start:t.End]) }
	for _, g := range d.Timexes {
		best, bo := -1, 0
		for k, s := range system {
			if o := overlap(s, g); o > bo {
				best, bo = k, o
			}
		}
		if best < 0 {
			fmt.Fprintf(w, "FN\t%s\t%s\t%s %s\t%s\n", d.ID, d.DCT, g.Type, g.Value, q(g))
			continue
		}
		s := system[best]
		if s.Value != g.Value || s.Type != g.Type || s.Start != g.Start || s.End != g.End {
			fmt.Fprintf(w, "VAL\t%s\t%s\tgold %s %s %s\tsys %s %s %s\n", d.ID, d.DCT, g.Type, g.Value, q(g), s.Type, s.Value, q(s))
		}
	}
	for _, s := range system {
		hit := false
		for _, g := range d.Timexes {
			if overlap(s, g) > 0 {
				hit = true
			}
		}
		if !hit {
			fmt.Fprintf(w, "FP\t%s\t%s\t%s %s\t%s\n", d.ID, d.DCT, s.Type, s.Value, q(s))
		}
	}
}
