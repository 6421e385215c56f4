package quote

import "testing"

// TestSignedParagraph pins a list of readers' comments, each paragraph
// signed with a dash and a name: a paragraph holding two quotations
// before its signature is one quote of the name that signs it, not a
// continuation of the paragraph before.
func TestSignedParagraph(t *testing.T) {
	tests := []lineCase{
		{"“The ferry is late again. Nobody on the board cares.” ― Anna Lind\n“No one in Castelmar wants a pier that floods. To quote my grandmother ‘a wet pier is no pier.” And that’s all they built “a monument to waste’.” ― Tomas Varga.", []string{
			"direct|“The ferry is late again. Nobody on the board cares.”|Anna Lind",
			"direct|“No one in Castelmar wants a pier that floods. To quote my grandmother ‘a wet pier is no pier.” And that’s all they built “a monument to waste’.”|Tomas Varga",
		}},
		// guards: one quotation a paragraph; a second quotation with an
		// attribution of its own before the signature
		{"“The ferry is late again.” ― Anna Lind\n“No one wants a pier that floods.” ― Tomas Varga", []string{
			"direct|“The ferry is late again.”|Anna Lind",
			"direct|“No one wants a pier that floods.”|Tomas Varga",
		}},
		{"“The ferry is late again,” Lind said. “It floods,” Varga said. “It is a monument to waste.” ― Harbour Daily", []string{
			"direct|“The ferry is late again,”|Lind",
			"direct|“It floods,”|Varga",
			"direct|“It is a monument to waste.”|Harbour Daily",
		}},
	}
	runLineCases(t, tests)
}

// TestLeadNounFrom pins a line that introduces a quotation with a noun
// phrase and "from" a name before a colon: the name is the speaker.
func TestLeadNounFrom(t *testing.T) {
	tests := []lineCase{
		{"A lesson from Anna Lind: 'Be the voice that people hear.'\nAs a young clerk, Lind said she learned a lot.", []string{
			"direct|'Be the voice that people hear.'|Anna Lind",
			"indirect|she learned a lot|Lind",
		}},
		{"Advice from Tomas Varga: “Never trust a ferry timetable.”", []string{
			"direct|“Never trust a ferry timetable.”|Tomas Varga",
		}},
		// guard: "from" after a verb and its object is no lead-in
		{"He took the ferry from Castelmar: 'Be the voice that people hear.'", []string{
			"direct|'Be the voice that people hear.'|He",
		}},
	}
	runLineCases(t, tests)
}

// TestDeterminerNounCue pins a subject made of a determiner, a noun that
// may be a cue and an appositive name ("Another critic, Anna Lind,
// likened ..."): the noun has no speaker of its own, so the verb is the
// cue and the whole phrase its speaker.
func TestDeterminerNounCue(t *testing.T) {
	tests := []lineCase{
		{`Another critic, Anna K. Lind, likened the rules to "burning the harbour charter."`, []string{
			`partial|the rules to "burning the harbour charter."|Another critic, Anna K. Lind`,
		}},
		// guard: a determiner that is the subject of a verb cue
		{`Another said he hoped with his "whole heart" that the ferry sails.`, []string{
			`partial|he hoped with his "whole heart" that the ferry sails|Another`,
		}},
	}
	runLineCases(t, tests)
}

// TestTopicLead pins a quotation after a topic lead, "As for the pier,":
// the lead names what the speaker talks about and is no part of what is
// quoted, so a quotation opening in lower case there is still direct.
func TestTopicLead(t *testing.T) {
	tests := []lineCase{
		{"As for complexity, ''closing loopholes for the harbour inevitably involves some administration,'' said Mr. Varga.", []string{
			"direct|''closing loopholes for the harbour inevitably involves some administration,''|Mr. Varga",
		}},
		{"As for the pier, “it will be built next year,” Lind said.", []string{
			"direct|“it will be built next year,”|Lind",
		}},
		// guard: a lead with a verb of its own is a clause
		{"As the pier was built, “it flooded twice,” Lind said.", []string{
			"partial|As the pier was built, “it flooded twice,”|Lind",
		}},
	}
	runLineCases(t, tests)
}

// TestPutItAdjunct pins "as X put it" with an adjunct before the
// quotation: "it" belongs to the cue, so the adjunct is as short as in
// "as X said in a profile," and the quotation is direct.
func TestPutItAdjunct(t *testing.T) {
	tests := []lineCase{
		{"The ties have not spared him from being seen, as The Harbour Review put it in a lengthy profile, “the operator.”", []string{
			"direct|“the operator.”|The Harbour Review",
		}},
		// guard: a long clause before lower-case quoted words goes on
		// with them
		{"Lind said the group might sail to the islands next spring, “depending on the weather.”", []string{
			"partial|the group might sail to the islands next spring, “depending on the weather.”|Lind",
		}},
	}
	runLineCases(t, tests)
}

// TestToHerView pins "because to her, “…”": the pronoun after "to" gives
// the view the quotation states, so it is the quotation's speaker, and
// the sentence is no tail of the report before it.
func TestToHerView(t *testing.T) {
	tests := []lineCase{
		{"Lind explained how important it is to fight this story. She gives credit to the dockers for speaking out because to her, “there is nothing more important than the port.”", []string{
			"indirect|how important it is to fight this story|Lind",
			"direct|“there is nothing more important than the port.”|her",
		}},
		// guard: "to her" after a speech verb is its addressee
		{"He said to her, “the port is dead.”", []string{
			"direct|“the port is dead.”|He",
		}},
	}
	runLineCases(t, tests)
}

// TestBridgeStopsAtNewCue pins two quotations a sentence apart, the
// second brought in by a speech participle of its own: they are two
// quotes, not one quotation interrupted by its attribution.
func TestBridgeStopsAtNewCue(t *testing.T) {
	tests := []lineCase{
		{"“You work hard. So why didn’t Varga pay his?” a narrator in the ad asks. The spot ends with footage of Varga saying during the debate last week, “That makes me smart,” when Lind blasted him.", []string{
			"direct|“You work hard. So why didn’t Varga pay his?”|a narrator",
			"direct|“That makes me smart,”|Varga",
		}},
		// guard: a participle in the attribution's own sentence joins
		{"“We will sail,” Lind said on Monday, adding that the board agreed. “The port is ours.”", []string{
			"direct|“We will sail,” Lind said on Monday, adding that the board agreed. “The port is ours.”|Lind",
		}},
	}
	runLineCases(t, tests)
}

// TestWishedSpeech pins a quotation that a writer hopes someone will
// say: the speech is not made, so the quotation is no statement of the
// one who would say it; the hope is the report, and the quoted words
// are part of its clause.
func TestWishedSpeech(t *testing.T) {
	tests := []lineCase{
		{`She has done nothing wrong. I hope in 2017 Castelmar says, "Mayor Lind, thank you for a lifetime of public service."`, []string{
			`partial|in 2017 Castelmar says, "Mayor Lind, thank you for a lifetime of public service."|I`,
		}},
		{"I hope that the board tells Varga, “You are fired.”", []string{
			"partial|the board tells Varga, “You are fired.”|I",
		}},
		// guard: the speech verb's own subject, with no wish before it
		{"In 2017 Castelmar said, “Thank you, Mayor Lind.”", []string{
			"direct|“Thank you, Mayor Lind.”|Castelmar",
		}},
	}
	runLineCases(t, tests)
}

// TestColonAfterSubordinateClause pins a quotation after a colon that
// ends a clause brought in by "that" ("so upset that I had to change my
// answer:"): the subject of that clause is the speaker.
func TestColonAfterSubordinateClause(t *testing.T) {
	tests := []lineCase{
		{`She became so upset, and started driving so erratically, that I had to change my answer: "Of course I believe in the ferry. I was just kidding." To which she said, "Thank God."`, []string{
			`direct|"Of course I believe in the ferry. I was just kidding."|I`,
			`direct|"Thank God."|she`,
		}},
		// guard: a noun after "that" is no pronoun subject (the clause
		// is reported with "upset", as before)
		{`She was so upset that the ferry had to change course: "Of course." To which she said, "Thank God."`, []string{
			`partial|the ferry had to change course: "Of course."|She`,
			`direct|"Thank God."|she`,
		}},
	}
	runLineCases(t, tests)
}
