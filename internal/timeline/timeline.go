// Package timeline places what reports say on dates: it gives each
// quotation the day it was made when the text says so, and orders a
// story's statements and events into a timeline of rows (date, actor,
// what, source report).
package timeline

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"storyline"
	"storyline/internal/text"
)

var dayValue = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// DateQuotes sets the Date of every quote whose sentence (the one holding
// its cue, else its speaker, else its start) contains a temporal
// expression naming a day ("said on Friday", "on March 3"): the value of
// the nearest such expression to the cue. Quotes whose text names no day
// keep an empty Date: the report's own date is not the statement's.
// Expressions inside the quoted words themselves are ignored: they date
// what is said, not the saying.
func DateQuotes(quotes []storyline.Quote, timexes []storyline.Timex, sents []text.Sentence) {
	for i := range quotes {
		q := &quotes[i]
		anchor := q.Span.Start
		switch {
		case q.CueSpan != nil:
			anchor = q.CueSpan.Start
		case q.SpeakerSpan != nil:
			anchor = q.SpeakerSpan.Start
		}
		si, ok := slices.BinarySearchFunc(sents, anchor, func(s text.Sentence, off int) int {
			switch {
			case s.End <= off:
				return -1
			case s.Start > off:
				return 1
			}
			return 0
		})
		if !ok {
			continue
		}
		s := sents[si]
		best, bestDist := "", -1
		for _, t := range timexes {
			if t.Span.Start < s.Start || t.Span.End > s.End || t.Type != storyline.Date || !dayValue.MatchString(t.Value) {
				continue
			}
			if t.Span.Overlaps(q.Span) && q.Kind == storyline.Direct {
				continue
			}
			if q.Kind != storyline.Direct && t.Span.Start >= q.Span.Start && t.Span.End <= q.Span.End {
				continue
			}
			if !attached(s, t.Span, anchor, q) {
				continue
			}
			d := abs(t.Span.Start - anchor)
			if bestDist < 0 || d < bestDist {
				best, bestDist = t.Value[:10], d
			}
		}
		q.Date = best
	}
}

// attached reports whether a temporal expression modifies the act of
// saying rather than something else in the sentence: it opens the
// sentence ("On Friday, Rutte said ..."), or stands next to the cue with
// no comma or quote mark between them ("said on Friday that", "on
// Wednesday warned").
func attached(s text.Sentence, t storyline.Span, anchor int, q *storyline.Quote) bool {
	if len(s.Tokens) > 0 {
		first := s.Tokens[0]
		if t.Start == first.Start || (t.Start <= first.End+1 && strings.EqualFold(first.Text, "on")) {
			return true
		}
	}
	cueEnd := anchor
	if q.CueSpan != nil {
		cueEnd = q.CueSpan.End
	}
	from, to := cueEnd, t.Start
	if t.End <= anchor {
		from, to = t.End, anchor
	}
	if to-from > 24 {
		return false
	}
	var gap []string
	for _, tok := range s.Tokens {
		if tok.Start >= from && tok.End <= to {
			gap = append(gap, tok.Text)
		}
	}
	for _, g := range gap {
		switch g {
		case ",", "\"", "“", "”", "'", "‘", "’", ";", ":", "(", ")", "—", "–":
			return false
		}
	}
	return len(gap) <= 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Row is one line of a timeline.
type Row struct {
	// Date is YYYY-MM-DD; Dated tells whether the text said it (true) or
	// it is the report's publication date (false).
	Date   string `json:"date"`
	Dated  bool   `json:"dated"`
	Actor  string `json:"actor"`
	What   string `json:"what"`
	Kind   string `json:"kind"`
	Report string `json:"report"`
	Origin string `json:"origin"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Rows builds the timeline of the given reports: one row per quotation
// with a known speaker (the same statement carried by several reports
// once, from its earliest report; the speaker named by its actor's
// canonical name where actorNames has it), dated by the statement's own date or
// else its report's publication date, and ordered by date. Reports with no
// date at all give rows with an empty Date, listed last.
func Rows(reports []*storyline.Analysis, actorNames map[string]string) []Row {
	var rows []Row
	seen := map[string]bool{}
	for _, a := range reports {
		if a.Report.DuplicateOf != "" {
			continue
		}
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				continue
			}
			if q.Group != "" {
				if seen[q.Group] {
					continue
				}
				seen[q.Group] = true
			}
			name := q.Speaker
			if n := actorNames[q.SpeakerID]; n != "" {
				name = n
			}
			date, dated := q.Date, q.Date != ""
			if !dated && len(a.Report.Published) >= 10 {
				date = a.Report.Published[:10]
			}
			rows = append(rows, Row{Date: date, Dated: dated, Actor: name, What: oneLine(q.Text), Kind: string(q.Kind),
				Report: a.Report.ID, Origin: a.Report.Origin, Start: q.Span.Start, End: q.Span.End})
		}
	}
	slices.SortStableFunc(rows, func(x, y Row) int {
		if (x.Date == "") != (y.Date == "") {
			if x.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Origin, y.Origin), cmp.Compare(x.Start, y.Start))
	})
	return rows
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
