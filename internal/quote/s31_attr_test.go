package quote

import "testing"

// TestS31Attributions pins the attribution shapes of session 31: a
// headline in title case reports speech through any verb whose cue rate
// (as a lower-case word) reaches reportRate, not only the few
// headlineVerbs: the words before the verb are the speaker, the rest of
// the line the content.
func TestS31Attributions(t *testing.T) {
	tests := []lineCase{
		{"Ada Lind Endorses Varga For Harbour Board.\n\nThe port director met the councillor on Monday.", []string{
			`indirect|Varga For Harbour Board|Ada Lind`,
		}},
		{"Castelmar Dockers Questioned Why The Ferries Left In Winter\n\nThe union met on Friday.", []string{
			`indirect|Why The Ferries Left In Winter|Castelmar Dockers`,
		}},
		{"Harbour Board Accused Of Hiding Pension Losses.\n\nThe board denied it.", []string{
			`indirect|Hiding Pension Losses|Harbour Board`,
		}},
		// guard: no verb of the lexicon in the line
		{"The Long Winter Of The Castelmar Harbour.\n\nThe port closed in November.", nil},
		// guard: an adverb ending in "ly" is no cue, nor is "About"
		{"Harbour Chief Quietly Leaves The Port Behind.\n\nShe left on Monday.", nil},
		// guard: a quotation right after the verb is a title or a scare
		// quote
		{"Varga Mocked ‘Harbour Rats’ At The Rally.\n\nThe crowd laughed.", nil},
		// guard: a line in capitals, and a line of prose
		{"VARGA ENDORSES LIND FOR HARBOUR BOARD\n\nThe port director met the councillor on Monday.", nil},
		{"Ada Lind, the port director, Endorsed the plan on Monday after a long meeting with dockers.", nil},
		// secondCut: a second attribution after a dash
		{"Lind praised the harbour - he said the board was slow.", []string{
			`indirect|the harbour|Lind`,
			`indirect|the board was slow|he`,
		}},
		// secondCut: a participle after "while" or "before"
		{"Lind praised the board while calling for new ferries.", []string{
			`indirect|the board|Lind`,
			`indirect|new ferries|Lind`,
		}},
		{"Varga praised the report before questioning why the harbour must close.", []string{
			`indirect|the report|Varga`,
			`indirect|why the harbour must close|Varga`,
		}},
		// guard: "by" and a participle stay in the clause, as PolNeAR
		// has them
		{"Lind said she hopes the port remembers the flood by building a sea wall.", []string{
			`indirect|she hopes the port remembers the flood by building a sea wall|Lind`,
		}},
		// secondCut: a subject of quantity
		{"Most dockers said the pay was poor, and nearly three in five said the harbour should close.", []string{
			`indirect|the pay was poor|Most dockers`,
			`indirect|the harbour should close|three in five`,
		}},
		{"One docker praised the board, while another says the board failed.", []string{
			`indirect|the board|One docker`,
		}},
		// after1: quoted words inside a phrase, ending in a comma, are
		// not what a cue with a clause of its own after it reports
		{`To a question on the "privatization of harbour jobs," Lind said private contractors can be more expensive than dockers.`, []string{
			`indirect|private contractors can be more expensive than dockers|Lind`,
		}},
		// guard: a quote that opens the sentence keeps its attribution
		{`"The harbour is ours," Lind said the dockers would stay at the gates.`, []string{
			`direct|"The harbour is ours,"|Lind`,
		}},
	}
	runLineCases(t, tests)
}

func TestIsNumberWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"three", true}, {"Three", true}, {"TEN", true}, {"40", true}, {"1,237", true},
		{"", false}, {"on", false}, {"threes", false}, {"tent", false}, {"Lind", false}, {"eleven", false},
	}
	for _, tt := range tests {
		if got := isNumberWord(tt.in); got != tt.want {
			t.Errorf("isNumberWord(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestIsTitleSmall: the switch and the map agree on every word of the
// map and on a few that are not in it.
func TestIsTitleSmall(t *testing.T) {
	for w := range titleSmall {
		if !isTitleSmall(w) {
			t.Errorf("isTitleSmall(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "The", "over", "about", "ofs", "harbour"} {
		if isTitleSmall(w) != titleSmall[w] {
			t.Errorf("isTitleSmall(%q) = %v, want %v", w, isTitleSmall(w), titleSmall[w])
		}
	}
}
