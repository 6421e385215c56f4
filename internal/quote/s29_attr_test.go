package quote

import "testing"

// TestS29Attributions pins the attribution shapes of session 29: a
// phrase of time opening the clause without a comma ("A few minutes
// later they …") is no speaker; a reported clause stops before a second
// subject with a short adjunct before its speech verb ("…, while Varga
// in a blog post said …") and before "with" and a participle with its
// own subject ("…, with three in 10 saying …"); the adjunct "in a
// statement" is no part of the speaker, and "six in 10" is the speaker,
// not "10"; a sentence adverb ("Perhaps Varga said") is no part of the
// speaker; a name with its place set off by commas ("Tom Lind of
// Castelmar, N.H., stood …") is the subject, not a leading adverbial;
// the object of "allowed" is the subject of the infinitive after it.
func TestS29Attributions(t *testing.T) {
	tests := []lineCase{
		// clauseBegin: pastTimeLead
		{`A few minutes later they walked to the docks and said the port would reopen.`, []string{
			`indirect|the port would reopen|they`,
		}},
		{`Two days earlier the council said the port would reopen.`, []string{
			`indirect|the port would reopen|the council`,
		}},
		// guards: no count and unit before "later"
		{`The Times later said the port would reopen.`, []string{
			`indirect|the port would reopen|The Times`,
		}},
		{`Two of the dockers later said the port would reopen.`, []string{
			`indirect|the port would reopen|Two of the dockers`,
		}},
		// secondCut: a subject, a short adjunct, a speech verb
		{`Lind proposed a new agency to run the harbour, while Varga in a blog post said she would put more boats on the water.`, []string{
			`indirect|a new agency to run the harbour|Lind`,
			`indirect|she would put more boats on the water|Varga`,
		}},
		// guard: a bare plural before the preposition is no subject
		{`Lind said that some dockers who were voting as independents in council elections complained about the ballot.`, []string{
			`indirect|that some dockers who were voting as independents in council elections complained about the ballot|Lind`,
		}},
		// secondCut: ", with NP VERBing"
		{`Most voters said they want the next mayor to rebuild the harbour, with three in 10 saying they want the mayor to keep the old docks.`, []string{
			`indirect|they want the next mayor to rebuild the harbour|Most voters`,
			`indirect|they want the mayor to keep the old docks|three in 10`,
		}},
		// speakerOf: "in a statement" is the verb's adjunct
		{`Varga in a statement said the port would reopen.`, []string{
			`indirect|the port would reopen|Varga`,
		}},
		{`Six in 10 said the port would reopen.`, []string{
			`indirect|the port would reopen|Six in 10`,
		}},
		// sentenceOpeners: a sentence adverb is no part of the name
		// after it
		{`Perhaps Varga said the port would reopen.`, []string{
			`indirect|the port would reopen|Varga`,
		}},
		{`Separately Lind said the port would reopen.`, []string{
			`indirect|the port would reopen|Lind`,
		}},
		// clauseBegin: a name with its place set off by commas is the
		// subject, not a leading adverbial, and takes in the place
		{`Tom Lind of Castelmar, N.H., stood at a council event to say he was leaning toward the mayor.`, []string{
			`indirect|he was leaning toward the mayor|Tom Lind of Castelmar, N.H.,`,
		}},
		{`Recently, Tom Lind of Castelmar, N.H., stood at a council event to say he was leaning toward the mayor.`, []string{
			`indirect|he was leaning toward the mayor|Tom Lind of Castelmar, N.H.,`,
		}},
		// guards: a single adverb before a comma is no name
		{`Mostly, they have offered colourful language about the harbour.`, []string{
			`indirect|colourful language about the harbour|they`,
		}},
		// extract(): a relative clause with "who" for speaker ends
		// where the main clause resumes; speakerPhrase: the phrase
		// after a naming verb is its object, no inverted speaker
		{`Secretary-General Ada Lind, who had warned Varga earlier this month against any "miscalculation," called the accord "a victory for patience" and said the council would "stay close, but step back."`, []string{
			`partial|Varga earlier this month against any "miscalculation,"|who`,
			`partial|the accord "a victory for patience"|who`,
			`partial|the council would "stay close, but step back."|who`,
		}},
		// setOffSubject: a determiner's phrase set off before its verb
		{`That letter, on harbour board letterhead, demanded that Lind make "a major public apology" or that Varga fire him.`, []string{
			`partial|that Lind make "a major public apology" or that Varga fire him|That letter, on harbour board letterhead`,
		}},
		{`A legal opinion drafted for the project, obtained by a reporter, concluded that the centre qualified as a foreign principal.`, []string{
			`indirect|that the centre qualified as a foreign principal|A legal opinion drafted for the project, obtained by a reporter`,
		}},
		// infinitiveSubject: the object of "allowed" speaks
		{`Harbour Lines, its operator, will pay a reduced penalty into a safety fund, a formula that allowed both sides to claim they had not given ground.`, []string{
			`indirect|they had not given ground|both sides`,
		}},
	}
	runLineCases(t, tests)
}
