package pipeline

import (
	"testing"

	"storyline"
)

// TestPreparedBounded checks that a Prepared keeps the parts of the
// first maxPrepared reports only.
func TestPreparedBounded(t *testing.T) {
	p := NewPrepared()
	as := make([]*storyline.Analysis, maxPrepared+10)
	for i := range as {
		as[i] = &storyline.Analysis{Report: storyline.Report{ID: "r" + itoa(i), Text: "Ilse Brandt said the strait stays open."}}
		as[i].Mentions = []storyline.Mention{{Span: storyline.Span{Start: 0, End: 11}, Surface: "Ilse Brandt", Kind: storyline.Person}}
		p.add(as[i])
	}
	kept := 0
	p.m.Range(func(_, _ any) bool { kept++; return true })
	if kept != maxPrepared {
		t.Errorf("kept %d, want %d", kept, maxPrepared)
	}
	if p.get(as[0]) == nil || p.get(as[len(as)-1]) != nil {
		t.Error("want the first reports' parts kept and the last's not")
	}
}
