package quote

import "testing"

// TestS30Attributions pins the attribution shapes of session 30: an
// attribution in the sentence after a quote belongs to that sentence's
// own quotation, even a short one ("…." Lind said, "Probably."), and
// the search for ", Lind said" closing a clause that goes on after the
// quote marks stays inside the quote's sentence; the object of "led"
// or "leaving" speaks the infinitive after it; a participle's aside
// ("An official, speaking on condition of anonymity, said") and a phrase
// of time after the name ("Judge Ada Lind late Thursday issued") are no
// part of the speaker; a clause that opens with "and" right after its
// cue coordinates the cue with what follows ("Varga paused and wiped a
// tear"), and is no report unless a quotation or a speech verb is in it;
// a reported clause with quoted words runs on both sides of an
// attribution set off by commas ("Proposals from the board, he added,
// amount to “…”").
func TestS30Attributions(t *testing.T) {
	tests := []lineCase{
		// afterFar: a new sentence after the quote is no part of its
		// clause
		{`Varga acknowledged that he had only "read the report very quickly." Asked whether he would resign, Lind said, "Probably."`, []string{
			`partial|that he had only "read the report very quickly."|Varga`,
			`indirect|whether he would resign|`,
			`direct|"Probably."|Lind`,
		}},
		{`Varga is "very happy with the harbour today." Later, Lind said, "Probably not."`, []string{
			`direct|"Probably not."|Lind`,
		}},
		// guard: the clause goes on in the same sentence
		{`"The harbour is not ready for the ferries" that the council ordered last spring, said Ada Lind, the port director.`, []string{
			`direct|"The harbour is not ready for the ferries" that the council ordered last spring|Ada Lind`,
		}},
		// after1 (opensQuoteAt): "Lind said," then a short capitalised
		// quote that ends the sentence introduces that quote
		{`Varga said he had only "read the report very quickly." Lind said, "Probably."`, []string{
			`partial|he had only "read the report very quickly."|Varga`,
			`direct|"Probably."|Lind`,
		}},
		// guard: a few lower-case words after the comma stay the
		// quote's clause
		{`"We will not be moving the ferries this winter," Lind said, "at least."`, []string{
			`direct|"We will not be moving the ferries this winter," Lind said, "at least."|Lind`,
		}},
		// infinitiveSubject: the object of "led" or "leaving" speaks the
		// infinitive after it
		{`The closure led many dockers to speculate that the harbour would be sold.`, []string{
			`indirect|the harbour would be sold|many dockers`,
		}},
		{`The dockers are moving out, leaving the harbour board to wonder what went wrong.`, []string{
			`indirect|what went wrong|the harbour board`,
		}},
		// speakerOf: a participle's phrase set off by commas is an
		// aside, the phrase before it speaks
		{`A harbour official, speaking on condition of anonymity because of the inquiry, said that the port "will not reopen."`, []string{
			`partial|that the port "will not reopen."|A harbour official`,
		}},
		// speakerOf: a phrase of time after the name is the verb's
		// adjunct
		{`Judge Ada Lind late Thursday night issued a ruling that the port must reopen.`, []string{
			`indirect|a ruling that the port must reopen|Judge Ada Lind`,
		}},
		// guard: a name with a weekday in it stays whole
		{`The Sunday Times said the port must reopen.`, []string{
			`indirect|the port must reopen|The Sunday Times`,
		}},
		// coordinatedVerbs: "and" right after the cue coordinates it
		{`Varga paused and wiped a tear from the corner of his eye.`, nil},
		{`Each side said the other would be blamed if the money is not approved and the harbour closes.`, []string{
			`indirect|the other would be blamed|Each side`,
		}},
		{`The senator paused and recalled the night the harbour flooded.`, []string{
			`indirect|the night the harbour flooded|The senator`,
		}},
		{`Former spokesman Ada Lind derided and insulted “the professional left” in press conferences.`, []string{
			`direct|“the professional left” in press conferences|Former spokesman Ada Lind`,
		}},
		// before: "A, he added, B “…”" reports the clause on both sides
		// of the attribution
		{`Proposals so far from the board to raise fees, he added, amount to ''just tinkering around the edges.''`, []string{
			`partial|Proposals so far from the board to raise fees, he added, amount to ''just tinkering around the edges.''|he`,
		}},
		{`Berths are vetted to make sure they comply with limits, Lind said, but "we don't ask them their income."`, []string{
			`partial|Berths are vetted to make sure they comply with limits, Lind said, but "we don't ask them their income."|Lind`,
		}},
		// guard: a quotation that opens a sentence of its own
		{`In a statement, Lind said, "We will reopen the harbour in May."`, []string{
			`direct|"We will reopen the harbour in May."|Lind`,
		}},
	}
	runLineCases(t, tests)
}
