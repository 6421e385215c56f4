package quote

import "testing"

// TestS28Attributions pins the attribution shapes of session 28: a
// quotation after "in which Varga declares," is one of its own, not the
// gap of a relative clause; a speech verb right before the marks keeps
// a quotation direct when a second attribution follows it ("Varga said
// “…,” she said"); and the verbs that report only the quotation beside
// them ("jeered", "boomed") attribute it but open no reported clause;
// "ca" and "wo" of "can't" and "won't" are auxiliaries, not speakers;
// "but now said" shares its subject with the verb before it; a headline
// "Report: …" is what the report says.
func TestS28Attributions(t *testing.T) {
	tests := []lineCase{
		// before(): "in which" with a comma before the quotation
		{`The council is airing a radio ad in which Varga declares, "The purpose of our harbour is to serve the town."`, []string{
			`direct|"The purpose of our harbour is to serve the town."|Varga`,
		}},
		// guard: "what he called “…”" stays the relative clause
		{`Lind was blunt about the rift, what he called "our quarrels this year."`, []string{
			`indirect|the rift|Lind`,
			`partial|what he called "our quarrels this year."|he`,
		}},
		// extract(): a second attribution after the quotation
		{`Asked about the survey, Varga said "I know nothing about the harbour," she said.`, []string{
			`indirect|about the survey|`,
			`direct|"I know nothing about the harbour,"|she`,
		}},
		// guard: "said" in the subject, the quotation starting lower case
		{`Nothing the mayor said "will calm the dockers," Lind said.`, []string{
			`partial|Nothing the mayor said "will calm the dockers,"|Lind`,
		}},
		// quoteOnlyVerbs
		{`As the ferry left the harbour, his friends jeered, "Goodbye, Lind!"`, []string{
			`direct|"Goodbye, Lind!"|his friends`,
		}},
		{`Varga thanked the town and then boomed, "Today, you proved there is no place like home."`, []string{
			`indirect|the town|Varga`,
			`direct|"Today, you proved there is no place like home."|Varga`,
		}},
		{`The crowd jeered him until he left the stage.`, nil},
		// aux: "can't" and "won't" are split before "n't"; "ca" and
		// "wo" are no speakers
		{`I can't say the harbour has been all that busy this year.`, []string{
			`indirect|the harbour has been all that busy this year|I`,
		}},
		{`Varga won't say the harbour is closed.`, []string{
			`indirect|the harbour is closed|Varga`,
		}},
		// coordAdverbs: "but now said" shares the subject of the verb
		// it is coordinated with
		{`Harbour master Jan Lind used to support the mayor, but now said Varga had "the duty to bring us together."`, []string{
			`partial|Varga had "the duty to bring us together."|Harbour master Jan Lind`,
		}},
		// headline: "Report:" alone opening the text labels what a
		// report says; "Exclusive:" stays a label
		{"Report: Walker to speak at the harbour festival.\n\nThe mayor will speak on Friday.", []string{
			`indirect|Walker to speak at the harbour festival|Report`,
		}},
		{"Exclusive: Walker to speak at the harbour festival.\n\nThe mayor will speak on Friday.", nil},
	}
	runLineCases(t, tests)
}
