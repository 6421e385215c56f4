package timeline

import (
	"strings"
	"testing"

	"storyline"
	"storyline/internal/text"
)

func span(s, sub string) storyline.Span {
	i := strings.Index(s, sub)
	return storyline.Span{Start: i, End: i + len(sub)}
}

func TestDateQuotes(t *testing.T) {
	doc := `Petrov said on Friday that the strait would stay open. "We will not close it before March 20," he added. Brandt warned of delays. Ahead of the summit on Monday, Keel is demanding guarantees. On Tuesday, Lund said talks had failed.`
	sents := text.Split(doc)
	cue1, cue2, cue3, cue4, cue5 := span(doc, "said"), span(doc, "added"), span(doc, "warned"), span(doc, "is demanding"), span(doc, "Lund said")
	quotes := []storyline.Quote{
		{Span: span(doc, "that the strait would stay open"), Kind: storyline.Indirect, CueSpan: &cue1},
		{Span: span(doc, `"We will not close it before March 20,"`), Kind: storyline.Direct, CueSpan: &cue2},
		{Span: span(doc, "of delays"), Kind: storyline.Indirect, CueSpan: &cue3},
		{Span: span(doc, "guarantees"), Kind: storyline.Indirect, CueSpan: &cue4},
		{Span: span(doc, "talks had failed"), Kind: storyline.Indirect, CueSpan: &cue5},
	}
	timexes := []storyline.Timex{
		{Span: span(doc, "Friday"), Type: storyline.Date, Value: "2026-03-06"},
		{Span: span(doc, "March 20"), Type: storyline.Date, Value: "2026-03-20"},
		{Span: span(doc, "Monday"), Type: storyline.Date, Value: "2026-03-09"},
		{Span: span(doc, "Tuesday"), Type: storyline.Date, Value: "2026-03-03"},
	}
	DateQuotes(quotes, timexes, sents)
	tests := []struct {
		name, want string
		got        string
	}{
		{"the day in the attribution dates the statement", "2026-03-06", quotes[0].Date},
		{"a date inside the quoted words does not", "", quotes[1].Date},
		{"no day in the sentence leaves it undated", "", quotes[2].Date},
		{"a day that belongs to something else is not the statement's", "", quotes[3].Date},
		{"a day opening the sentence dates it", "2026-03-03", quotes[4].Date},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("date %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestRows(t *testing.T) {
	a := &storyline.Analysis{Report: storyline.Report{ID: "r1", Origin: "a.txt", Published: "2026-03-07"},
		Quotes: []storyline.Quote{
			{Span: storyline.Span{Start: 0, End: 5}, Text: "one", Speaker: "Ilse Brandt", Group: "g1", Date: "2026-03-06"},
			{Span: storyline.Span{Start: 10, End: 15}, Text: "two\nlines", Speaker: "Ilse Brandt", Group: "g2"},
			{Span: storyline.Span{Start: 20, End: 25}, Text: "nobody", Group: "g3"},
		}}
	b := &storyline.Analysis{Report: storyline.Report{ID: "r2", Origin: "b.txt", Published: "2026-03-01"},
		Quotes: []storyline.Quote{
			{Span: storyline.Span{Start: 0, End: 5}, Text: "one again", Speaker: "Ilse Brandt", Group: "g1"},
			{Span: storyline.Span{Start: 7, End: 9}, Text: "early", Speaker: "Petrov", SpeakerID: "p1", Group: "g4"},
		}}
	dup := &storyline.Analysis{Report: storyline.Report{ID: "r3", Origin: "c.txt", DuplicateOf: "r2"},
		Quotes: []storyline.Quote{{Text: "copy", Speaker: "Aleksandr Petrov", Group: "g5"}}}
	rows := Rows([]*storyline.Analysis{a, b, dup}, map[string]string{"p1": "Aleksandr Petrov"})
	var got []string
	for _, r := range rows {
		got = append(got, r.Date+" "+r.Actor+": "+r.What)
	}
	want := []string{
		"2026-03-01 Aleksandr Petrov: early",
		"2026-03-06 Ilse Brandt: one",
		"2026-03-07 Ilse Brandt: two lines",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}
