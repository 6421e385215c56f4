package quote

import "testing"

// TestLoneQuotedSentence pins quoted sentences that stand alone inside a
// paragraph, after a sentence that reports speech: PolNeAR runs the
// content of that sentence's quote on over them, as it does for
// “A,” he said. “B.” A lone sentence with no quote before it in its
// paragraph stays a quote of its own, with no speaker named. A sentence
// of other words with no cue that ends in a quotation runs it on too.
func TestLoneQuotedSentence(t *testing.T) {
	tests := []lineCase{
		{`The ferry is late again, Lind said. “Nobody in Castelmar believes the timetable any more.”`, []string{
			`partial|The ferry is late again, Lind said. “Nobody in Castelmar believes the timetable any more.”|Lind`,
		}},
		{`Varga added that the board wants the sale done before the election. “They do not like to talk about it, but the docks are worth millions.”`, []string{
			`partial|that the board wants the sale done before the election. “They do not like to talk about it, but the docks are worth millions.”|Varga`,
		}},
		{`Yet the harbour is also “a place of work,” said Tomas Varga, a councillor who has fought the sale for a decade. “We will not let the board sell it off.”`, []string{
			`partial|Yet the harbour is also “a place of work,” said Tomas Varga, a councillor who has fought the sale for a decade. “We will not let the board sell it off.”|Tomas Varga`,
		}},
		{`“The docks are full,” Anna Lind, the mayor who opened the second pier, told the Gazette on Monday. “We need a third pier before the summer.”`, []string{
			`direct|“The docks are full,” Anna Lind, the mayor who opened the second pier, told the Gazette on Monday. “We need a third pier before the summer.”|Anna Lind, the mayor who opened the second pier,`,
		}},
		// a sentence of other words ending in a quotation, with no cue
		{`“The docks are full,” Lind says. It is “a harbour with no room left.”`, []string{
			`direct|“The docks are full,” Lind says. It is “a harbour with no room left.”|Lind`,
		}},
		{`“We thought the ferry was safe,” said Varga, who has sailed it for years. The board “simply lied to us.”`, []string{
			`direct|“We thought the ferry was safe,” said Varga, who has sailed it for years. The board “simply lied to us.”|Varga`,
		}},
		// guards: no cue in the sentence before; a quote that is
		// attributed after its marks; a lone quote opening a paragraph
		{`The ferry left at noon. “Nobody in Castelmar believes the timetable any more.”`, nil},
		{`The ferry left at noon. It was “a harbour with no room left.”`, nil},
		{`“The docks are full,” Lind says. Varga calls it “a harbour with no room left.”`, []string{
			`direct|“The docks are full,”|Lind`,
			`partial|it “a harbour with no room left.”|Varga`,
		}},
		{`Lind said the ferry was late. “Nobody believes the timetable any more,” Varga said.`, []string{
			`indirect|the ferry was late|Lind`,
			`direct|“Nobody believes the timetable any more,”|Varga`,
		}},
	}
	runLineCases(t, tests)
}
