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
