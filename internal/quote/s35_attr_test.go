package quote

import "testing"

// TestS35Attributions pins the participle clause of session 35: a
// participle after a comma, when the cue before it has words of its own,
// heads the partial quote that follows it ("said A, calling it “B”"),
// as it already did when no quotation followed; the clause of the cue
// before it is then reported on its own.
func TestS35Attributions(t *testing.T) {
	tests := []lineCase{
		{`Lind said the ferry was late, calling it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Lind`,
		}},
		{`Varga praised the harbour crews for their work, calling them “the best in the region.”`, []string{
			`indirect|the harbour crews for their work|Varga`,
			`partial|them “the best in the region.”|Varga`,
		}},
		{`Lind criticized the port board, accusing it of “selling the docks.”`, []string{
			`indirect|the port board|Lind`,
			`partial|it of “selling the docks.”|Lind`,
		}},
		// guards: the participle right after its cue, or after an
		// adjunct of the cue before "that", reports the one clause
		{`Lind shot back, saying the board was “a disgrace.”`, []string{
			`partial|the board was “a disgrace.”|Lind`,
		}},
		{`Varga said on Monday, adding that the plan was “dead.”`, []string{
			`partial|that the plan was “dead.”|Varga`,
		}},
		{`The mayor said, calling from Castelmar, that the ferry was “gone.”`, []string{
			`partial|that the ferry was “gone.”|The mayor`,
		}},
	}
	runLineCases(t, tests)
}
