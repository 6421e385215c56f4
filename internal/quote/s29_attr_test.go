package quote

import "testing"

// TestS29Attributions pins the attribution shapes of session 29: a
// phrase of time opening the clause without a comma ("A few minutes
// later they …") is no speaker; a reported clause stops before a second
// subject with a short adjunct before its speech verb ("…, while Varga
// in a blog post said …") and before "with" and a participle with its
// own subject ("…, with three in 10 saying …"); the adjunct "in a
// statement" is no part of the speaker, and "six in 10" is the speaker,
// not "10".
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
	}
	runLineCases(t, tests)
}
