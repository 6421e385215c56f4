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
