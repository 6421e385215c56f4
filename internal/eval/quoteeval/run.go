package quoteeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"storyline"
)

// Result is the JSON object `storyline eval quotes` prints.
type Result struct {
	Task   string  `json:"task"`
	Direct Metrics `json:"direct"`
	All    Metrics `json:"all"`
	// Counts behind the figures, for the log (not printed in the JSON).
	DirectCounts, AllCounts Counts `json:"-"`
	Articles                int    `json:"-"`
	// ByAnnotator and ByPublisher split the counts by the article's gold
	// annotator and publisher ("" when the record names none).
	ByAnnotator, ByPublisher map[string]*Split `json:"-"`
	// Agreement compares the extractor with the annotators on the
	// articles of the agreement study (Articles is 0 when there are none).
	Agreement Agreement `json:"-"`
}

// predLine is one article's predictions in the --out file.
type predLine struct {
	ID     string      `json:"id"`
	Quotes []predQuote `json:"quotes"`
}

type predQuote struct {
	Kind         string `json:"kind"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	SpeakerStart *int   `json:"speaker_start"`
	SpeakerEnd   *int   `json:"speaker_end"`
	CueStart     *int   `json:"cue_start"`
	CueEnd       *int   `json:"cue_end"`
}

// Run runs extract on the text of every article and scores it. When
// predOut is not nil it also writes the predictions there as JSONL, one
// line per article, with UTF-8 byte offsets and null for a missing
// speaker or cue span.
func Run(arts []Article, extract func(text string) []storyline.Quote, predOut io.Writer) (Result, error) {
	var pw *bufio.Writer
	if predOut != nil {
		pw = bufio.NewWriter(predOut)
	}
	var direct, all Counts
	res := Result{Task: "quotes", ByAnnotator: map[string]*Split{}, ByPublisher: map[string]*Split{}}
	for _, a := range arts {
		qs := extract(a.Text)
		preds := make([]Pred, 0, len(qs))
		line := predLine{ID: a.ID, Quotes: []predQuote{}}
		for _, q := range qs {
			p := Pred{Kind: string(q.Kind), Start: q.Span.Start, End: q.Span.End,
				SpeakerStart: -1, SpeakerEnd: -1, CueStart: -1, CueEnd: -1}
			pq := predQuote{Kind: string(q.Kind), Start: q.Span.Start, End: q.Span.End}
			if q.SpeakerSpan != nil {
				p.SpeakerStart, p.SpeakerEnd = q.SpeakerSpan.Start, q.SpeakerSpan.End
				s, e := q.SpeakerSpan.Start, q.SpeakerSpan.End
				pq.SpeakerStart, pq.SpeakerEnd = &s, &e
			}
			if q.CueSpan != nil {
				p.CueStart, p.CueEnd = q.CueSpan.Start, q.CueSpan.End
				s, e := q.CueSpan.Start, q.CueSpan.End
				pq.CueStart, pq.CueEnd = &s, &e
			}
			preds = append(preds, p)
			line.Quotes = append(line.Quotes, pq)
		}
		dc, ac := ScoreArticle(a, preds)
		direct.Add(dc)
		all.Add(ac)
		for _, by := range []struct {
			m   map[string]*Split
			key string
		}{{res.ByAnnotator, a.Annotator}, {res.ByPublisher, a.Publisher}} {
			sp := by.m[by.key]
			if sp == nil {
				sp = &Split{}
				by.m[by.key] = sp
			}
			sp.Articles++
			sp.Direct.Add(dc)
			sp.All.Add(ac)
		}
		res.Agreement.Add(a, preds)
		if pw != nil {
			b, err := json.Marshal(line)
			if err != nil {
				return Result{}, fmt.Errorf("quoteeval: %w", err)
			}
			pw.Write(b)
			pw.WriteByte('\n')
		}
	}
	if pw != nil {
		if err := pw.Flush(); err != nil {
			return Result{}, fmt.Errorf("quoteeval: write predictions: %w", err)
		}
	}
	res.Direct, res.All = direct.Metrics(false), all.Metrics(true)
	res.DirectCounts, res.AllCounts, res.Articles = direct, all, len(arts)
	return res, nil
}
