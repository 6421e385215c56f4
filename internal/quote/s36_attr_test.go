package quote

import "testing"

// TestLoneQuotedSentence pins quoted sentences that stand alone inside a
// paragraph, after a sentence that reports speech: PolNeAR runs the
// content of that sentence's quote on over them, as it does for
// “A,” he said. “B.” A lone sentence with no quote before it in its
// paragraph stays a quote of its own, with no speaker named.
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
		// guards: no cue in the sentence before; a quote that is
		// attributed after its marks; a lone quote opening a paragraph
		{`The ferry left at noon. “Nobody in Castelmar believes the timetable any more.”`, nil},
		{`Lind said the ferry was late. “Nobody believes the timetable any more,” Varga said.`, []string{
			`indirect|the ferry was late|Lind`,
			`direct|“Nobody believes the timetable any more,”|Varga`,
		}},
	}
	runLineCases(t, tests)
}
