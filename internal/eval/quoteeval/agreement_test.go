package quoteeval

import (
	"strings"
	"testing"

	"storyline"
)

func TestAgreement(t *testing.T) {
	text := `Ann said: "We won." Tom said: "Taxes rise." "Go," Bo said. Eve thinks it will rain.`
	attr := func(sub string) Attribution { return Attribution{Content: []Piece{piece(t, text, sub)}} }
	q1, q2, q3, ind := attr(`"We won."`), attr(`"Taxes rise."`), attr(`"Go,"`), attr("it will rain")
	pred := func(kind, sub string) Pred {
		p := piece(t, text, sub)
		return Pred{Kind: kind, Start: p.Start, End: p.End, SpeakerStart: -1, SpeakerEnd: -1, CueStart: -1, CueEnd: -1}
	}
	a := Article{Text: text, Annotator: "a1",
		Attributions: []Attribution{q1, q2, ind},
		Alt: map[string][]Attribution{
			"a2": {q1, q2, q3},
			"a3": {q1, ind},
		}}
	preds := []Pred{pred("direct", `"We won."`), pred("direct", `"Go,"`), pred("indirect", "it will rain")}

	var g Agreement
	g.Add(a, preds)
	g.Add(Article{Text: text, Attributions: []Attribution{q1}}, preds) // no Alt: not in the study
	if g.Articles != 1 {
		t.Fatalf("Articles = %d, want 1", g.Articles)
	}
	type gpm struct{ gold, pred, matched int }
	got := func(c Counts) gpm { return gpm{c.Gold, c.Pred, c.Matched} }
	tests := []struct {
		name string
		c    Counts
		want gpm
	}{
		// Direct: a1 {q1,q2}, a2 {q1,q2,q3}, a3 {q1}; the consensus (at
		// least one of the two others agrees) is {q1,q2}: q3 is a2's alone.
		{"direct ours vs consensus", g.Direct.OursVsConsensus, gpm{2, 2, 1}},
		{"direct ours vs each", g.Direct.OursVsEach, gpm{2 + 3 + 1, 6, 1 + 2 + 1}},
		{"direct pairwise", g.Direct.Pairwise, gpm{2*2 + 3*2 + 1*2, 3 + 1 + 2 + 1 + 2 + 3, 2 + 1 + 2 + 1 + 1 + 1}},
		{"direct each vs consensus", g.Direct.EachVsConsensus, gpm{6, 2 + 3 + 1, 2 + 2 + 1}},
		// All adds the indirect one, which a1 and a3 share.
		{"all ours vs consensus", g.All.OursVsConsensus, gpm{3, 3, 2}},
	}
	for _, tt := range tests {
		if got(tt.c) != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got(tt.c), tt.want)
		}
	}
}

func TestReadAnnotatorsAndRunSplits(t *testing.T) {
	in := `{"id":"a","text":"Ann said: \"We won.\"","annotator":"x1","meta":{"publisher":"nyt"},` +
		`"attributions":[{"content":[{"bspan":[10,19]}]}],` +
		`"alt_annotations":{"x2":{"attributions":[{"content":[{"bspan":[10,19]}]}],"flags":[]}}}` + "\n" +
		`{"id":"b","text":"Bo said: \"No.\"","annotator":"x2","meta":{"publisher":"nyt"},"attributions":[{"content":[{"bspan":[9,14]}]}]}` + "\n"
	arts, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Annotator != "x1" || arts[0].Publisher != "nyt" || len(arts[0].Alt["x2"]) != 1 || arts[1].Alt != nil {
		t.Fatalf("Read: %+v", arts)
	}
	res, err := Run(arts, func(string) []storyline.Quote { return nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sp := res.ByPublisher["nyt"]; sp == nil || sp.Articles != 2 || sp.Direct.Gold != 2 {
		t.Errorf("ByPublisher: %+v", res.ByPublisher)
	}
	if sp := res.ByAnnotator["x2"]; sp == nil || sp.Articles != 1 || sp.Direct.Gold != 1 {
		t.Errorf("ByAnnotator: %+v", res.ByAnnotator)
	}
	if res.Agreement.Articles != 1 || res.Agreement.Direct.Pairwise.Matched != 2 {
		t.Errorf("Agreement: %+v", res.Agreement)
	}
	bad := `{"id":"c","text":"ab","attributions":[],"alt_annotations":{"x3":{"attributions":[{"content":[{"bspan":[0,9]}]}]}}}`
	if _, err := Read(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "x3") {
		t.Errorf("Read of an alt span out of the text: %v", err)
	}
}
