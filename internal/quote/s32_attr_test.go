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
		// guard: the reported clause goes on after a quoted phrase
		{`Varga said “the next mayor” should decide.`, []string{
			`direct|“the next mayor” should decide|Varga`,
		}},
	}
	runLineCases(t, tests)
}
