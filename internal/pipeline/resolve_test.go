package pipeline

import (
	"slices"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
)

func TestJoinDuplicates(t *testing.T) {
	tests := []struct {
		name        string
		dupOf       map[string]string
		event       map[string][]string // event id -> reports after joining
		storyOfDups []string            // reports of the one story after joining
	}{
		{
			name:        "no duplicates",
			event:       map[string][]string{"e1": {"r1", "r2"}, "e2": {"r3"}},
			storyOfDups: []string{"r1", "r2", "r3"},
		},
		{
			name:        "a copy joins its original's event and story",
			dupOf:       map[string]string{"r4": "r3"},
			event:       map[string][]string{"e1": {"r1", "r2"}, "e2": {"r3", "r4"}},
			storyOfDups: []string{"r1", "r2", "r3", "r4"},
		},
		{
			name:        "a copy of a copy follows the chain to the original",
			dupOf:       map[string]string{"r5": "r4", "r4": "r1"},
			event:       map[string][]string{"e1": {"r1", "r2", "r4", "r5"}, "e2": {"r3"}},
			storyOfDups: []string{"r1", "r2", "r3", "r4", "r5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cross := &store.Cross{
				Events: []storyline.Event{
					{ID: "e1", Reports: []string{"r1", "r2"}},
					{ID: "e2", Reports: []string{"r3"}},
				},
				Stories: []storyline.Story{{ID: "s1", Reports: []string{"r1", "r2", "r3"}}},
			}
			joinDuplicates(cross, tt.dupOf)
			for _, e := range cross.Events {
				got := slices.Sorted(slices.Values(e.Reports))
				if !slices.Equal(got, tt.event[e.ID]) {
					t.Errorf("event %s: %v, want %v", e.ID, got, tt.event[e.ID])
				}
			}
			if got := slices.Sorted(slices.Values(cross.Stories[0].Reports)); !slices.Equal(got, tt.storyOfDups) {
				t.Errorf("story: %v, want %v", got, tt.storyOfDups)
			}
		})
	}
}

func TestOpening(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", ""},
		{"Short line\nSecond line.", "Short line"},
		{"The talks in Selm ended without a deal on Tuesday. Both sides blamed the other.", "The talks in Selm ended without a deal on Tuesday."},
		{"The fishing fleets of both countries stayed in port for a third week as negotiators in Selm argued over quotas and the line of the strait",
			"The fishing fleets of both countries stayed in port for a third week as negotiators in…"},
		{"Mr. Alvik said no. He left.", "Mr. Alvik said no."},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := opening(tt.text); got != tt.want {
				t.Errorf("opening(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAddSpeakerMentions(t *testing.T) {
	const text = "The Northern Maritime Council, or NMC, said ships would be escorted. NATO chief Mark Rutte said the alliance stood ready. Analysts said little."
	org := func(s string) storyline.Mention {
		i := indexOf(t, text, s)
		return storyline.Mention{Span: storyline.Span{Start: i, End: i + len(s)}, Surface: s, Kind: storyline.Organisation}
	}
	phrase := func(s string) *storyline.Span {
		i := indexOf(t, text, s)
		return &storyline.Span{Start: i, End: i + len(s)}
	}
	mentions := []storyline.Mention{org("Northern Maritime Council"), org("NMC"), org("NATO")}
	tests := []struct {
		name    string
		quote   storyline.Quote
		wantIdx int // -1: none; len(mentions): a mention added for the phrase
	}{
		{"the name the speaker resolved to inside an appositive phrase",
			storyline.Quote{SpeakerSpan: phrase("The Northern Maritime Council, or NMC,"), Speaker: "Northern Maritime Council"}, 0},
		{"a name inside a description is not the speaker",
			storyline.Quote{SpeakerSpan: phrase("NATO chief Mark Rutte"), Speaker: "Mark Rutte"}, len(mentions)},
		{"an unresolved phrase becomes no actor",
			storyline.Quote{SpeakerSpan: phrase("Analysts"), Speaker: ""}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, idx := addSpeakerMentions(text, mentions, []storyline.Quote{tt.quote})
			if idx[0] != tt.wantIdx {
				t.Fatalf("speaker mention index %d, want %d (mentions %v)", idx[0], tt.wantIdx, out)
			}
			if tt.wantIdx == len(mentions) && out[idx[0]].Span != *tt.quote.SpeakerSpan {
				t.Errorf("added mention %v, want the phrase %v", out[idx[0]].Span, *tt.quote.SpeakerSpan)
			}
		})
	}
}

func indexOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return i
}
