// Package export writes stored records in storyline's exchange formats:
// JSONL, one object per line, each with a "type" field (docs/export.md
// is the schema). The output is a pure function of what is stored, so
// the same store always exports the same bytes.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"storyline"
	"storyline/internal/store"
)

// Extra holds the cross-report records (actors, events, stories) that
// are written after the per-report records. Nil slices write nothing.
type Extra struct {
	Actors  []storyline.Actor
	Events  []storyline.Event
	Stories []storyline.Story
}

type reportRec struct {
	Type        string  `json:"type"`
	ID          string  `json:"id"`
	Origin      string  `json:"origin"`
	Source      *string `json:"source"`
	URL         *string `json:"url"`
	Title       string  `json:"title"`
	Byline      *string `json:"byline"`
	Published   *string `json:"published"`
	Language    string  `json:"language"`
	Text        string  `json:"text"`
	Hash        string  `json:"hash"`
	DuplicateOf *string `json:"duplicate_of"`
}

type mentionRec struct {
	Type    string  `json:"type"`
	Report  string  `json:"report"`
	Origin  string  `json:"origin"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Surface string  `json:"surface"`
	Kind    string  `json:"kind"`
	ActorID *string `json:"actor_id"`
}

type quoteRec struct {
	Type         string  `json:"type"`
	Report       string  `json:"report"`
	Origin       string  `json:"origin"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Kind         string  `json:"kind"`
	Speaker      *string `json:"speaker"`
	SpeakerID    *string `json:"speaker_id"`
	SpeakerText  *string `json:"speaker_text"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
	Cue          *string `json:"cue"`
	CueStart     *int    `json:"cue_start"`
	CueEnd       *int    `json:"cue_end"`
	Group        *string `json:"group"`
	Date         *string `json:"date"`
}

type timexRec struct {
	Type      string `json:"type"`
	Report    string `json:"report"`
	Origin    string `json:"origin"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	TimexType string `json:"timex_type"`
	Value     string `json:"value"`
}

type positionRec struct {
	Type     string  `json:"type"`
	Report   string  `json:"report"`
	Origin   string  `json:"origin"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Kind     string  `json:"kind"`
	Source   string  `json:"source"`
	SourceID *string `json:"source_id"`
	Target   *string `json:"target"`
	Object   *string `json:"object"`
	Date     *string `json:"date"`
}

type actorRec struct {
	Type        string   `json:"type"`
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Descriptors []string `json:"descriptors"`
	Mentions    int      `json:"mentions"`
	Reports     int      `json:"reports"`
}

type eventRec struct {
	Type    string   `json:"type"`
	ID      string   `json:"id"`
	Story   string   `json:"story"`
	Title   string   `json:"title"`
	Date    *string  `json:"date"`
	Reports []string `json:"reports"`
}

type storyRec struct {
	Type      string   `json:"type"`
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	FirstSeen *string  `json:"first_seen"`
	LastSeen  *string  `json:"last_seen"`
	Events    []string `json:"events"`
	Reports   []string `json:"reports"`
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// JSONL writes every stored report and its annotations, then extra's
// records, one JSON object per line: reports first (in store order), then
// mentions, quotes, timexes and positions (by report, then offset), then
// actors, events and stories.
func JSONL(ctx context.Context, rd store.Reader, extra Extra, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var all []*storyline.Analysis
	err := rd.Reports(ctx, func(a *storyline.Analysis) error {
		all = append(all, a)
		r := a.Report
		return enc.Encode(reportRec{"report", r.ID, r.Origin, opt(r.Source), opt(r.URL), r.Title, opt(r.Byline),
			opt(r.Published), r.Language, r.Text, r.Hash, opt(r.DuplicateOf)})
	})
	if err != nil {
		return err
	}
	for _, a := range all {
		for _, m := range a.Mentions {
			if err := enc.Encode(mentionRec{"mention", a.Report.ID, a.Report.Origin, m.Span.Start, m.Span.End, m.Surface, string(m.Kind), opt(m.ActorID)}); err != nil {
				return err
			}
		}
	}
	for _, a := range all {
		for _, q := range a.Quotes {
			rec := quoteRec{Type: "quote", Report: a.Report.ID, Origin: a.Report.Origin, Start: q.Span.Start, End: q.Span.End,
				Text: q.Text, Kind: string(q.Kind), Speaker: opt(q.Speaker), SpeakerID: opt(q.SpeakerID),
				SpeakerText: opt(q.SpeakerText), Cue: opt(q.Cue), Group: opt(q.Group), Date: opt(q.Date)}
			if q.SpeakerSpan != nil {
				rec.SpeakerStart, rec.SpeakerEnd = &q.SpeakerSpan.Start, &q.SpeakerSpan.End
			}
			if q.CueSpan != nil {
				rec.CueStart, rec.CueEnd = &q.CueSpan.Start, &q.CueSpan.End
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
	}
	for _, a := range all {
		for _, t := range a.Timexes {
			if err := enc.Encode(timexRec{"timex", a.Report.ID, a.Report.Origin, t.Span.Start, t.Span.End, t.Text, string(t.Type), t.Value}); err != nil {
				return err
			}
		}
	}
	for _, a := range all {
		for _, p := range a.Positions {
			if err := enc.Encode(positionRec{"position", a.Report.ID, a.Report.Origin, p.Span.Start, p.Span.End, p.Kind, p.Source,
				opt(p.SourceID), opt(p.Target), opt(p.Object), opt(p.Date)}); err != nil {
				return err
			}
		}
	}
	for _, ac := range extra.Actors {
		if err := enc.Encode(actorRec{"actor", ac.ID, ac.Name, string(ac.Kind), nonNil(ac.Aliases), nonNil(ac.Descriptors), ac.Mentions, ac.Reports}); err != nil {
			return err
		}
	}
	for _, e := range extra.Events {
		if err := enc.Encode(eventRec{"event", e.ID, e.Story, e.Title, opt(e.Date), nonNil(e.Reports)}); err != nil {
			return err
		}
	}
	for _, s := range extra.Stories {
		if err := enc.Encode(storyRec{"story", s.ID, s.Title, opt(s.FirstSeen), opt(s.LastSeen), nonNil(s.Events), nonNil(s.Reports)}); err != nil {
			return err
		}
	}
	return bw.Flush()
}
