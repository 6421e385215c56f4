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

// TestSongsAndChants pins what a singer sings and a crowd chants or
// yells ("the Harbour Boys sings, “…”", "yelling “no more fees!”",
// "their chants of “Varga! Varga!”"), and a quotation ending in "!" or
// "?" that the sentence goes on after ("chanted, “Lock the gates!” as
// they had before"): the quotation ends at its marks.
func TestSongsAndChants(t *testing.T) {
	tests := []lineCase{
		{`In one old ballad, the Harbour Boys sings, "Do not leave the quay tonight."`, []string{
			`direct|"Do not leave the quay tonight."|the Harbour Boys`,
		}},
		{`As the Harbour Boys sang back in the 1980s, "The tide will take us all."`, []string{
			`direct|"The tide will take us all."|the Harbour Boys`,
		}},
		{`Children bashed a toy crane, yelling "no more fees!"`, []string{
			`direct|"no more fees!"|Children`,
		}},
		// chantsOf
		{`But their chants of "Varga! Varga!" faded as the polls closed.`, []string{
			`direct|"Varga! Varga!"|their`,
		}},
		{`Dockers responded with chants of "Close the port!"`, []string{
			`direct|"Close the port!"|Dockers`,
		}},
		{`The mayor walked into the hall to chants of "No new fees!"`, []string{
			`direct|"No new fees!"|`,
		}},
		// regEndsExclaim
		{`As the mayor spoke, the dockers chanted, "Lock the gates!" as they had for earlier speakers.`, []string{
			`direct|"Lock the gates!"|the dockers`,
		}},
		{`The crowd shouted "Close the port!" as Varga spoke.`, []string{
			`direct|"Close the port!"|The crowd`,
		}},
		// a noun, no speech: "shouting" stays out of the speech verbs
		{`The hearing ended in hostility, slurs, shouting or worse.`, nil},
	}
	runLineCases(t, tests)
}

// TestTranscriptLines pins the lines of a transcript: a name in capitals
// opening a line, a colon, and the rest of the line as what the name
// said, quotations and inner reports included; labels that are no names
// of the text ("UPDATE:") and "Q:" / "A:" stay out.
func TestTranscriptLines(t *testing.T) {
	tests := []lineCase{
		{"Varga spoke to Lind on the radio.\n\nLIND: Mr. Varga, is the harbour plan dead?\n\nVARGA: I think the plan is alive. I think the town wants it, and “nobody is giving up.”", []string{
			`indirect|Mr. Varga, is the harbour plan dead|LIND`,
			`partial|I think the plan is alive. I think the town wants it, and “nobody is giving up.”|VARGA`,
		}},
		{"Varga met the council.\n\nUPDATE: The council met again on Monday in the town hall.", nil},
		{"Lind led the interview.\n\nQ: Did the port stay open all winter?\n\nA: It stayed open, and the ferries ran.", nil},
		// the label must be a name the text writes in mixed case
		{"The boats came in.\n\nLOOK: the harbour is full of boats this week, as anyone can see. Look at them.", nil},
	}
	runLineCases(t, tests)
}
