package quote

import "testing"

// TestS32Attributions pins the span fixes of session 32: a reported
// clause with a quotation in it starts at "that" after the addressee of
// "told" even when "that" stands right before the quotation, and after
// the source of "according to"; a quotation closed by a comma and
// followed by a participle ("drawing applause") does not run on into the
// narrator's phrase.
func TestS32Attributions(t *testing.T) {
	tests := []lineCase{
		{`Varga told reporters that "the harbour will close in May."`, []string{
			`partial|that "the harbour will close in May."|Varga`,
		}},
		{`Lind told the dockers on Monday that “the ferries are gone.”`, []string{
			`partial|that “the ferries are gone.”|Lind`,
		}},
		{`According to the port board, the ferries were “a luxury” for the town.`, []string{
			`partial|the ferries were “a luxury” for the town|the port board`,
		}},
		{`According to Lind, she was once “the harbour's best friend.”`, []string{
			`partial|she was once “the harbour's best friend.”|Lind`,
		}},
		{`Varga said, “The harbour is closed,” drawing applause from the dockers.`, []string{
			`direct|“The harbour is closed,”|Varga`,
		}},
		// parenThat: a short parenthetical between the cue and "that"
		{`Lind said, however, that the ferries would stay in port.`, []string{
			`indirect|that the ferries would stay in port|Lind`,
		}},
		{`Varga said, without evidence, that “the board sold the docks.”`, []string{
			`partial|that “the board sold the docks.”|Varga`,
		}},
		// toListener: "to" and the listener of a speech verb
		{`Lind complained to the harbour board that the ferries were late.`, []string{
			`indirect|that the ferries were late|Lind`,
		}},
		// guard: "that" opening a relative clause after the adjunct
		{`Varga spoke at the harbour on Tuesday about rights that had been denied to dockers.`, []string{
			`indirect|at the harbour on Tuesday about rights that had been denied to dockers|Varga`,
		}},
		// infinitiveCue: the infinitive of saying joins the cue
		{`Lind was quick to point out that the ferries had never been late.`, []string{
			`indirect|that the ferries had never been late|Lind`,
		}},
		{`Varga continued to question whether the harbour board had the money.`, []string{
			`indirect|whether the harbour board had the money|Varga`,
		}},
		// guard: "declined to say whether" keeps its infinitive
		{`Lind declined to say whether the ferries would return in spring.`, []string{
			`indirect|to say whether the ferries would return in spring|Lind`,
		}},
		// connectiveLead: "Still," before the attribution leaves the
		// quotation direct; "But," stays in the clause
		{`Still, she added, “we cannot keep the ferries running all winter.”`, []string{
			`direct|“we cannot keep the ferries running all winter.”|she`,
		}},
		{`At the same time, Lind said, “the dockers need the work.”`, []string{
			`direct|“the dockers need the work.”|Lind`,
		}},
		{`But, Lind said, “the dockers need the work.”`, []string{
			`partial|But, Lind said, “the dockers need the work.”|Lind`,
		}},
		// evidenceSubject: records, polls and studies show and find
		{`Public records show little evidence that the board paid the dockers.`, []string{
			`indirect|little evidence that the board paid the dockers|Public records`,
		}},
		{`Harbour records from the 2019 season show the ferries ran late.`, []string{
			`indirect|the ferries ran late|Harbour records from the 2019 season`,
		}},
		// guard: "show" after another subject reports nothing
		{`The old ferries show their age in the winter storms.`, nil},
		// reportedlyClauses: the clause "reportedly" marks, no speaker
		{`The harbour board is reportedly spending $1.5 million on new ferries.`, []string{
			`indirect|The harbour board is reportedly spending $1.5 million on new ferries|`,
		}},
		{`In total, the dockers have reportedly joined 100 protests, leaving the board fearful.`, []string{
			`indirect|the dockers have reportedly joined 100 protests|`,
		}},
		{`The vote is in May (the board has reportedly hired two pollsters) and Lind is ahead.`, []string{
			`indirect|the board has reportedly hired two pollsters|`,
		}},
		// guard: "reportedly" inside a quotation
		{`Lind said, “The board reportedly lied to all of us.”`, []string{
			`direct|“The board reportedly lied to all of us.”|Lind`,
		}},
		// secondAttribution: no cut that leaves "that" alone
		{`The union said that while polls of its members showed Varga lagging, Lind was ahead.`, []string{
			`indirect|that while polls of its members showed Varga lagging, Lind was ahead|The union`,
		}},
		// guard: the reported clause goes on after a quoted phrase
		{`Varga said “the next mayor” should decide.`, []string{
			`direct|“the next mayor” should decide|Varga`,
		}},
	}
	runLineCases(t, tests)
}
