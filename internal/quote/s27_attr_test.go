package quote

import "testing"

// TestCoordinatedCues pins the attribution shapes of session 27: a cue
// coordinated with the one before it, their subject shared, heads a
// reported clause of its own ("said A and called it “B”"), also past an
// auxiliary or an adverb ("and has called for", "but also warned"); and
// a cue whose own subject opens a clause of its own ("Although …, Lind
// said, “…”") is not taken into the clause of a cue before it.
func TestCoordinatedCues(t *testing.T) {
	tests := []lineCase{
		// coordAt in secondCut and speakerPhrase: past an auxiliary or
		// an adverb
		{`Lind has said the budget is too small and has called for a new levy.`, []string{
			`indirect|the budget is too small|Lind`,
			`indirect|a new levy|Lind`,
		}},
		{`Varga said the harbour plan was fair but also warned of delays.`, []string{
			`indirect|the harbour plan was fair|Varga`,
			`indirect|of delays|Varga`,
		}},
		// coordinatedCue in before(): the partial quote starts at the
		// second cue's clause
		{`Varga said the harbour plan was fair and called it "a deal for the town."`, []string{
			`indirect|the harbour plan was fair|Varga`,
			`partial|it "a deal for the town."|Varga`,
		}},
		{`Lind said the quay was unsafe and has accused the mayor of "hiding the survey."`, []string{
			`indirect|the quay was unsafe|Lind`,
			`partial|the mayor of "hiding the survey."|Lind`,
		}},
		// coordStop: the first clause stops before the coordinated cue
		{`Varga said after a lunch on Tuesday that he had not read the plan, but called it a "starting point for talks."`, []string{
			`indirect|that he had not read the plan|Varga`,
			`partial|it a "starting point for talks."|Varga`,
		}},
		// learnedClauses: a clause of a weaker cue stops before the
		// cue of another attribution coordinated with it
		{`Lind welcomed the decision and said the first ferry would sail on Saturday.`, []string{
			`indirect|the decision|Lind`,
			`indirect|the first ferry would sail on Saturday|Lind`,
		}},
		// separateSubject: the second cue's own subject opens a clause
		{`Although the port does not track ferry delays and has maintained that the timetable is set by law, Varga said about the dispute, "I support the dockers."`, []string{
			`indirect|that the timetable is set by law|the port`,
			`direct|"I support the dockers."|Varga`,
		}},
		// not a coordinated cue: the verb has a subject of its own in
		// the reported clause
		{`Varga said the dockers would strike and the port would close.`, []string{
			`indirect|the dockers would strike and the port would close|Varga`,
		}},
	}
	runLineCases(t, tests)
}
