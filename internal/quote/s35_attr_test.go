package quote

import "testing"

// TestS35Attributions pins the clause bounds of session 35 before a
// partial quote, as they already were without quote marks: a participle
// after a comma, when the cue before it has words of its own, heads the
// partial quote that follows it ("said A, calling it “B”"); a semicolon,
// a dash or a clause opener after a comma ends the first cue's clause
// before a second speaker ("said A; Varga called it “B”"). The clause of
// the cue before is then reported on its own.
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
		{`Lind said the ferry was late, while Varga said it was “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it was “a disgrace.”|Varga`,
		}},
		{`Lind said the ferry was late; Varga called it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Varga`,
		}},
		{`Lind said the ferry was late - Varga called it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Varga`,
		}},
		// guard: the clause before the opener has no words of its own
		{`Lind went on to say that, because Varga testified that the ferries were “late,” the board was wrong.`, []string{
			`partial|that, because Varga testified that the ferries were “late,” the board was wrong|Lind`,
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
