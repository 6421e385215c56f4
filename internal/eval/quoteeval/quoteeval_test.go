package quoteeval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"storyline"
)

// article builds a one-article corpus line. Pieces are given as
// substrings of text (the first occurrence).
func piece(t *testing.T, text, sub string) Piece {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return Piece{Start: i, End: i + len(sub), Text: sub}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreArticle(t *testing.T) {
	text := `Ann said: "We won." Tom claimed that taxes rise. "A," he noted, "B."`
	gold := []Attribution{
		{Source: []Piece{piece(t, text, "Ann")}, Cue: []Piece{piece(t, text, "said")}, Content: []Piece{piece(t, text, `"We won."`)}},
		{Source: []Piece{piece(t, text, "Tom")}, Cue: []Piece{piece(t, text, "claimed")}, Content: []Piece{piece(t, text, "that taxes rise")}},
		{Source: []Piece{piece(t, text, "he")}, Cue: []Piece{piece(t, text, "noted")}, Content: []Piece{piece(t, text, `"A,"`), piece(t, text, `"B."`)}},
	}
	a := Article{ID: "x", Text: text, Attributions: gold}
	at := func(sub string) (int, int) { p := piece(t, text, sub); return p.Start, p.End }

	tests := []struct {
		name        string
		preds       []Pred
		direct, all Counts
	}{
		{
			name: "perfect",
			preds: func() []Pred {
				s1, e1 := at(`"We won."`)
				a1, b1 := at("Ann")
				s2, e2 := at("that taxes rise")
				a2, b2 := at("Tom")
				s3, _ := at(`"A,"`)
				_, e3 := at(`"B."`)
				a3, b3 := at("he")
				return []Pred{
					{Kind: "direct", Start: s1, End: e1, SpeakerStart: a1, SpeakerEnd: b1, CueStart: -1, CueEnd: -1},
					{Kind: "indirect", Start: s2, End: e2, SpeakerStart: a2, SpeakerEnd: b2, CueStart: -1, CueEnd: -1},
					{Kind: "direct", Start: s3, End: e3, SpeakerStart: a3, SpeakerEnd: b3, CueStart: -1, CueEnd: -1},
				}
			}(),
			direct: Counts{Gold: 2, Pred: 2, Matched: 2, Exact: 2, SpeakerGold: 2, SpeakerHit: 2, CueGold: 2},
			all:    Counts{Gold: 3, Pred: 3, Matched: 3, Exact: 3, SpeakerGold: 3, SpeakerHit: 3, CueGold: 3},
		},
		{
			name: "half of the split quote is not enough; wrong speaker",
			preds: func() []Pred {
				s1, e1 := at(`We won`) // inner words: still exact after trimming
				a1, b1 := at("Tom")
				s3, e3 := at(`"A,"`)
				return []Pred{
					{Kind: "direct", Start: s1, End: e1, SpeakerStart: a1, SpeakerEnd: b1, CueStart: -1, CueEnd: -1},
					{Kind: "direct", Start: s3, End: e3, SpeakerStart: -1, SpeakerEnd: -1, CueStart: -1, CueEnd: -1},
				}
			}(),
			direct: Counts{Gold: 2, Pred: 2, Matched: 1, Exact: 1, SpeakerGold: 1, SpeakerHit: 0, CueGold: 2},
			all:    Counts{Gold: 3, Pred: 2, Matched: 1, Exact: 1, SpeakerGold: 1, SpeakerHit: 0, CueGold: 3},
		},
		{
			name: "one prediction matches one gold only; cues",
			preds: func() []Pred {
				s, _ := at(`"We won."`)
				_, e := at("taxes rise")
				c1, c2 := at("said")
				return []Pred{
					// covers both gold spans fully: matches the larger overlap only
					{Kind: "indirect", Start: s, End: e, SpeakerStart: -1, SpeakerEnd: -1, CueStart: c1, CueEnd: c2},
				}
			}(),
			direct: Counts{Gold: 2, Pred: 0, CueGold: 2},
			all:    Counts{Gold: 3, Pred: 1, Matched: 1, Exact: 0, SpeakerGold: 1, SpeakerHit: 0, CueGold: 3, CuePred: 1, CueHit: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, al := ScoreArticle(a, tt.preds)
			if d != tt.direct {
				t.Errorf("direct: got %+v, want %+v", d, tt.direct)
			}
			if al != tt.all {
				t.Errorf("all: got %+v, want %+v", al, tt.all)
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	c := Counts{Gold: 4, Pred: 2, Matched: 2, Exact: 1, SpeakerGold: 2, SpeakerHit: 1, CueGold: 4, CuePred: 2, CueHit: 2}
	m := c.Metrics(true)
	if !near(m.Precision, 1) || !near(m.Recall, 0.5) || !near(m.F1, 2.0/3) {
		t.Errorf("P/R/F1: got %v %v %v", m.Precision, m.Recall, m.F1)
	}
	if !near(m.ExactF1, 2*0.5*0.25/0.75) || !near(m.SpeakerAccuracy, 0.5) || m.CueF1 == nil || !near(*m.CueF1, 2.0/3) {
		t.Errorf("exact/speaker/cue: got %v %v %v", m.ExactF1, m.SpeakerAccuracy, m.CueF1)
	}
	if z := (Counts{}).Metrics(false); z.F1 != 0 || z.CueF1 != nil {
		t.Errorf("empty counts: got %+v", z)
	}
}

func TestTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{`  "We won."  `, "We won"},
		{`“A,” he said, “B.”`, "A,” he said, “B"},
		{`that taxes rise`, "that taxes rise"},
		{`''Yes!''`, "Yes"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, e := Trim(tt.in, 0, len(tt.in))
			if got := tt.in[s:e]; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadAndRun(t *testing.T) {
	line := `{"id":"a1","text":"Ann said: \"We won.\"","attributions":[{"id":"E1","source":[{"span":[0,3],"bspan":[0,3],"text":"Ann"}],"cue":[{"span":[4,8],"bspan":[4,8],"text":"said"}],"content":[{"span":[10,19],"bspan":[10,19],"text":"\"We won.\""}]}]}` + "\n"
	arts, err := Read(strings.NewReader(line))
	if err != nil || len(arts) != 1 || len(arts[0].Attributions) != 1 {
		t.Fatalf("Read: %v %+v", err, arts)
	}
	extract := func(string) []storyline.Quote {
		return []storyline.Quote{{Span: storyline.Span{Start: 10, End: 19}, Kind: storyline.Direct,
			SpeakerSpan: &storyline.Span{Start: 0, End: 3}}}
	}
	var out bytes.Buffer
	res, err := Run(arts, extract, &out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Direct.F1 != 1 || res.All.SpeakerAccuracy != 1 || res.All.CueF1 == nil || *res.All.CueF1 != 0 {
		t.Errorf("got %+v", res)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	q := got["quotes"].([]any)[0].(map[string]any)
	if q["cue_start"] != nil || q["speaker_start"].(float64) != 0 || q["end"].(float64) != 19 {
		t.Errorf("prediction line: %s", out.String())
	}
	if _, err := Read(strings.NewReader(`{"id":"b","text":"ab","attributions":[{"content":[{"bspan":[1,9]}]}]}`)); err == nil {
		t.Error("Read accepted a span out of the text")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id":"a","text":"xy","attributions":[{"content":[{"bspan":[0,1]}]}]}`)
	f.Add(`{"text":"é","attributions":[{"source":[{"bspan":[0,2]}],"cue":[],"content":[]}]}`)
	f.Add(`{"id":"a","text":"xy","annotator":"p","attributions":[],"alt_annotations":{"q":{"attributions":[{"content":[{"bspan":[1,2]}]}]}}}`)
	f.Fuzz(func(t *testing.T, s string) {
		arts, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range arts {
			all := a.Attributions
			for _, alt := range a.Alt {
				all = append(all[:len(all):len(all)], alt...)
			}
			for _, g := range all {
				for _, ps := range [][]Piece{g.Source, g.Cue, g.Content} {
					for _, p := range ps {
						if p.Start < 0 || p.End > len(a.Text) || p.Start > p.End {
							t.Fatalf("piece %+v out of text", p)
						}
					}
				}
			}
			ScoreArticle(a, nil)
			var g Agreement
			g.Add(a, nil)
		}
	})
}
