package quote

import "testing"

// TestAttributionShapes pins attribution shapes the extractor missed or
// got wrong before session 25: a time adjunct after the cue of a new
// sentence ("said Wednesday she"), an outlet that "reported" before a
// participle, "in X's words", a reply led in by "who responds
// enthusiastically:", "went on" after a question, and a quotation that
// lost its closing mark before its attribution.
func TestAttributionShapes(t *testing.T) {
	tests := []lineCase{
		// timeThenClause: the next sentence is no attribution of the
		// quote, and its clause starts after the day.
		{`The mayor asserted that "trust in the harbour board is broken." Councillor Anna Varga said Wednesday she, too, wants an inquiry.`, []string{
			`partial|that "trust in the harbour board is broken."|The mayor`,
			`indirect|she, too, wants an inquiry|Councillor Anna Varga`,
		}},
		{`Lind announced on Friday he would leave the harbour board.`, []string{
			`indirect|he would leave the harbour board|Lind`,
		}},
		// reportVerbs: the clause before the outlet is the content.
		{`The harbour will close in May, the Post reported, adding that the ferries would stop.`, []string{
			`indirect|The harbour will close in May|the Post`,
			`indirect|that the ferries would stop|the Post`,
		}},
		// inWords
		{`The port is busy because, in Varga's words, "it is the most crowded harbour on the coast."`, []string{
			`direct|"it is the most crowded harbour on the coast."|Varga's`,
		}},
		{`In the words of the mayor, "the harbour belongs to everyone."`, []string{
			`direct|"the harbour belongs to everyone."|the mayor`,
		}},
		// bridge: the reply has a cue of its own behind the adverb.
		{"\"Let everybody go to the harbour,\" Varga says to Lind on camera, who responds enthusiastically: \"Okay!\"\n\nThe end.", []string{
			`direct|"Let everybody go to the harbour,"|Varga`,
			`direct|"Okay!"|who`,
		}},
		// wentOn: "went on" closes a quotation like a speech verb.
		{"\u201cCan happen.\u201d She is 45.\n\n\u201cYou know, it happens, right?\u201d Lind went on, as if she did not hear.", []string{
			"direct|\u201cYou know, it happens, right?\u201d|Lind",
		}},
		{"\u201cYou know, it happens.\u201d Lind went on.", []string{
			"direct|\u201cYou know, it happens.\u201d|Lind",
		}},
		// A reported clause that opens with a quotation is direct,
		// whatever follows the closing mark (kindOf, prepAfterCue, and
		// the clauses of the clause model).
		{"The mayor has cautioned against \u201ca betrayal of our values\u201d in the way the harbour responds.", []string{
			"direct|\u201ca betrayal of our values\u201d in the way the harbour responds|The mayor",
		}},
		{"The harbour board is seeking \u201cgroundbreaking ideas\u201d for how to house the fishermen.", []string{
			"direct|\u201cgroundbreaking ideas\u201d for how to house the fishermen|The harbour board",
		}},
		// saidAfterComma: an unclosed quotation ends at its attribution.
		{"\u201cThe harbour is full, said Varga, whose group runs the port.", []string{
			"direct|\u201cThe harbour is full,|Varga",
		}},
		{"\u201cThe harbour is full, Anna Varga said. The ferries were late.", []string{
			"direct|\u201cThe harbour is full,|Anna Varga",
		}},
	}
	runLineCases(t, tests)
}

func TestSaidAfterComma(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"\u201cA plan, said Varga", len("\u201cA plan,")},
		{"\u201cA plan, she added.", len("\u201cA plan,")},
		{"\u201cA plan, Anna Varga said, and more", len("\u201cA plan,")},
		{"\u201cA plan, and Varga said so.", 0},
		{"\u201cA plan, said the board", 0}, // lower case after the verb: no name
		{"\u201cNo comma said Varga", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := saidAfterComma(tt.in); got != tt.want {
			t.Errorf("saidAfterComma(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
