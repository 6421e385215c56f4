package quote

import (
	"strings"
	"testing"

	"storyline"
)

// TestStatement pins the words a quote group compares: the quote's text
// without the speaker phrase and cue that lie inside its span.
func TestStatement(t *testing.T) {
	const text = "The tax, which Holt said was unfair, passed. “A,” Holt said, “B.”"
	at := func(s string, from int) *storyline.Span {
		i := strings.Index(text[from:], s) + from
		return &storyline.Span{Start: i, End: i + len(s)}
	}
	rel, quote := at("which Holt said was unfair", 0), at("“A,” Holt said, “B.”", 0)
	tests := []struct {
		name     string
		span     *storyline.Span
		spk, cue *storyline.Span
		want     string
	}{
		{"relative clause", rel, at("Holt", 0), at("said", 0), "which was unfair"},
		{"interrupted quote", quote, at("Holt", quote.Start), at("said", quote.Start), "“A,” , “B.”"},
		{"speaker outside", at("said was unfair", 0), at("Holt", 0), at("said", 0), "was unfair"},
		{"no speaker, no cue", rel, nil, nil, "which Holt said was unfair"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := storyline.Quote{Span: *tt.span, Text: text[tt.span.Start:tt.span.End], SpeakerSpan: tt.spk, CueSpan: tt.cue}
			if got := strings.Join(strings.Fields(Statement(q)), " "); got != tt.want {
				t.Fatalf("Statement(%q) = %q, want %q", q.Text, got, tt.want)
			}
		})
	}
}
