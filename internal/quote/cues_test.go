package quote

import (
	"bytes"
	"strings"
	"testing"

	"storyline"
)

func TestTrainCuesRoundTrip(t *testing.T) {
	text := "Ann said that it rained. Bob said nothing. Ann said: yes. The said thing. Cara claimed that it snowed. Cara claimed that it hailed."
	var cues []storyline.Span
	for _, w := range []string{"said that", "said:", "claimed that it snowed", "claimed that it hailed"} {
		i := strings.Index(text, w)
		cues = append(cues, storyline.Span{Start: i, End: i + strings.IndexAny(w, " :")})
	}
	lx := TrainCues([]TrainDoc{{Text: text, Cues: cues}})
	var b bytes.Buffer
	if err := lx.Write(&b); err != nil {
		t.Fatal(err)
	}
	lx2, err := ReadCueLexicon(&b)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word, next string
		want       float64
	}{
		{"said", "that", 0.5},  // "said that" seen once: backs off to the word, 2 cues in 4
		{"claimed", "that", 0}, // seen twice: below the three sightings Rate needs
		{"rained", "w", 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := lx2.Rate(tt.word, tt.next); got != tt.want {
				t.Errorf("Rate(%q, %q) = %v, want %v", tt.word, tt.next, got, tt.want)
			}
			if a, b := lx.Rate(tt.word, tt.next), lx2.Rate(tt.word, tt.next); a != b {
				t.Errorf("rate changed over a write and read: %v, %v", a, b)
			}
		})
	}
}
