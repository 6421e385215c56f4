package quote

import (
	"testing"

	"storyline/internal/text"
)

// TestDegreeWords pins speaker phrases that hold a word of degree or
// quantity ("most", "more", "more than"), which ended the phrase before
// degreeWord and so cut it short or lost the quote.
func TestDegreeWords(t *testing.T) {
	tests := []struct{ text, content, speaker string }{
		{"The most senior harbour official said the talks were over.", "the talks were over", "The most senior harbour official"},
		{"The talks were over, said the most senior harbour official.", "The talks were over", "the most senior harbour official"},
		{"The board would win, most pollsters said.", "The board would win", "most pollsters"},
		{"The talks were over, said more than forty dockers.", "The talks were over", "more than forty dockers"},
		{"The board would win by five points, according to the most recent Harbour Daily average.", "The board would win by five points", "the most recent Harbour Daily average"},
		{"Varga said most of the talks had gone well.", "most of the talks had gone well", "Varga"},
		{"Varga said more ships were stuck in the harbour.", "more ships were stuck in the harbour", "Varga"},
		{"Lind said the talks were over, more than he had hoped.", "the talks were over, more than he had hoped", "Lind"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			qs := Extract(tt.text, text.Split(tt.text), nil)
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			if qs[0].Text != tt.content || qs[0].SpeakerText != tt.speaker {
				t.Fatalf("got %q said by %q, want %q said by %q", qs[0].Text, qs[0].SpeakerText, tt.content, tt.speaker)
			}
		})
	}
}
