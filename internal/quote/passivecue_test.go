package quote

import (
	"strings"
	"testing"

	"storyline/internal/text"
)

// TestPassiveCue pins which cues of the clause model stand after a form
// of "be": their subject is what is reported, never the speaker.
func TestPassiveCue(t *testing.T) {
	tests := []struct {
		text, cue string
		want      bool
	}{
		{"The patrol boats are seen as the heart of any harbour deal.", "seen", true},
		{"The tariff was considered a breach of the accord.", "considered", true},
		{"The port board has seen enough delays.", "seen", false},
		{"Lind is keeping up his criticism of the board.", "criticism", false},
		{"Seen from Castelmar, the deal looks weak.", "Seen", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := newDoc(tt.text, text.Split(tt.text), new(buffers))
			at := strings.Index(tt.text, tt.cue)
			c := d.tokAt(at)
			sa, _ := d.sentBounds(c)
			if got := d.passiveCue(c, sa); got != tt.want {
				t.Fatalf("passiveCue(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}
