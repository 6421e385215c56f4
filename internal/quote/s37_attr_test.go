package quote

import "testing"

// TestStrayCloserAroundSingleQuote pins a paragraph that opens its quote
// with a closing mark (” … as some copy does) and quotes a phrase in
// single marks inside it: the quote runs from the paragraph start to the
// closing mark, and the single-marked phrase stays inside it.
func TestStrayCloserAroundSingleQuote(t *testing.T) {
	tests := []lineCase{
		{"The harbour was quiet that night.\n\n” … when you start calling the new pier ‘the Varga folly,’ the way it is heard in Castelmar is that the town failed,” she said.", []string{
			"direct|” … when you start calling the new pier ‘the Varga folly,’ the way it is heard in Castelmar is that the town failed,”|she",
		}},
		// guards: the same paragraph with no single marks; a quote in
		// double marks before the stray closer keeps it a closer
		{"The harbour was quiet that night.\n\n” … when you start calling the new pier a folly, the way it is heard in Castelmar is that the town failed,” she said.", []string{
			"direct|” … when you start calling the new pier a folly, the way it is heard in Castelmar is that the town failed,”|she",
		}},
		{"The harbour was quiet that night.\n\n“The pier,” she said, is ‘the Varga folly,’ a waste.” Then she left.", []string{
			"direct|“The pier,”|she",
		}},
	}
	runLineCases(t, tests)
}

// TestQuotedTranscriptLines pins transcript lines that a report quotes as
// a block, each line opening with a quote mark that never closes: the
// label is the speaker and the rest of the line what it said, as for
// unquoted transcript lines.
func TestQuotedTranscriptLines(t *testing.T) {
	tests := []lineCase{
		{"Anna Lind spoke to Tomas Varga on the radio.\n\n\"VARGA: Will the ferry sail on Monday?\n\n\"LIND: Well, look, the board thinks this is “a harbour for tourists.” But Castelmar is a working port.", []string{
			"indirect|Will the ferry sail on Monday|VARGA",
			"partial|Well, look, the board thinks this is “a harbour for tourists.” But Castelmar is a working port|LIND",
		}},
		// guards: a label that is not a name of the text; a mark that
		// closes in the line
		{"Anna Lind spoke to Tomas Varga on the radio.\n\n\"UPDATE: The ferry will sail on Monday.", nil},
		{"Anna Lind spoke to Tomas Varga on the radio.\n\n\"LIND: the port is ours,\" she said.", []string{
			"direct|\"LIND: the port is ours,\"|she",
		}},
	}
	runLineCases(t, tests)
}

// TestGapNaming pins quotations right after a naming verb whose object
// stands before it, in a relative or a passive clause: the content is
// that clause, a partial quote. A quotation that is the verb's object,
// with words after it naming it, stays as it was.
func TestGapNaming(t *testing.T) {
	tests := []lineCase{
		{`It led to what aide Tomas Varga called “the beginning of a new harbour era” in his book.`, []string{
			`partial|what aide Tomas Varga called “the beginning of a new harbour era”|aide Tomas Varga`,
		}},
		{`Much of the anger was aimed at Lind, who Varga on Wednesday called “a horrible, despicable human being.”`, []string{
			`partial|who Varga on Wednesday called “a horrible, despicable human being.”|Varga`,
		}},
		{`In one clip that Judge Anna Lind called "distasteful," Varga said he would sail.`, []string{
			`partial|that Judge Anna Lind called "distasteful,"|Judge Anna Lind`,
			`indirect|he would sail|Varga`,
		}},
		{`When the board examined the claim, it was labeled “Mostly True.”`, []string{
			`partial|it was labeled “Mostly True.”|it`,
		}},
		// guards: the quotation as the object; an object between
		{`Varga called “the ferry plan” a disgrace.`, []string{
			`direct|“the ferry plan” a disgrace|Varga`,
		}},
		{`Lind called the plan “a disgrace to the harbour and the town.”`, []string{
			`partial|the plan “a disgrace to the harbour and the town.”|Lind`,
		}},
	}
	runLineCases(t, tests)
}

// TestStrayCloserEndsSpeech pins the closing mark with no opening one in
// its paragraph: the quote runs from the paragraph start only when the
// words before the mark end as speech does, in punctuation; an inch sign
// or a mark glued to a word mid-sentence opens no quote.
func TestStrayCloserEndsSpeech(t *testing.T) {
	tests := []lineCase{
		{"The harbour was quiet.\n\nWe will not let the board sell the docks, not this year and not ever,” Varga said.", []string{
			"direct|We will not let the board sell the docks, not this year and not ever,”|Varga",
		}},
		// an inch sign; a mark after a word, the sentence going on
		{"“The harbour is quiet,” Lind said.\n\nAmong the details in the letter: the new crane is 60'3\" tall and weighs 236 tonnes, which makes it the largest.", []string{
			"direct|“The harbour is quiet,”|Lind",
		}},
		{"The two taped a show that aired on Thursday, and was light on details.\n\nLind took Varga through a cursory review of [the] harbour\" including its cranes and its ferries.", nil},
	}
	runLineCases(t, tests)
}

// TestNamePhraseParagraph pins a paragraph that opens with a title in
// quote marks the sentence goes on about: it continues no quotation of
// the paragraph before.
func TestNamePhraseParagraph(t *testing.T) {
	tests := []lineCase{
		{"“Keep your hands in sight,” Lind sings to the crowd.\n\n“Harbour Skin (41 Shots)” was written by Varga after the 1999 shooting.", []string{
			"direct|“Keep your hands in sight,”|Lind",
		}},
		// guard: a continuing paragraph that ends in punctuation
		{"“Keep your hands in sight,” Lind sings to the crowd.\n\n“We will not let the board sell the docks, not this year and not ever.”", []string{
			"direct|“Keep your hands in sight,” Lind sings to the crowd.\n\n“We will not let the board sell the docks, not this year and not ever.”|Lind",
		}},
	}
	runLineCases(t, tests)
}
