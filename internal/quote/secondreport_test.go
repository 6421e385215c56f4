package quote

import (
	"fmt"
	"testing"

	"storyline/internal/text"
)

// TestSecondReports pins sentences that hold a second report after the
// first one's content, which the first quote swallowed before: a
// participle after a comma inside the quote marks, "to which X replied",
// a cue coordinated with "and ... that", and a participle leading in to
// a quotation of its own.
func TestSecondReports(t *testing.T) {
	tests := []struct {
		text string
		want []string // kind|content|speaker, in order
	}{
		{`The mayor said the harbour levy was "unfair," noting that it is "very strange that dockers pay more than the shipowners."`, []string{
			`partial|the harbour levy was "unfair,"|The mayor`,
			`partial|that it is "very strange that dockers pay more than the shipowners."|The mayor`,
		}},
		{`She said that the dockers had voted for the plan, to which Varga interjected: "It is just not true."`, []string{
			`indirect|that the dockers had voted for the plan|She`,
			`direct|"It is just not true."|Varga`,
		}},
		{`Lind said that the board had sold the pier, to which Varga replied that it was never for sale.`, []string{
			`indirect|that the board had sold the pier|Lind`,
			`indirect|that it was never for sale|Varga`,
		}},
		{`Some councillors fear that Varga has already missed a chance and warn that counting on the dockers is not a strategy.`, []string{
			`indirect|that Varga has already missed a chance|Some councillors`,
			`indirect|that counting on the dockers is not a strategy|Some councillors`,
		}},
		{`"We have started all those talks," Varga said, adding of the mayor, "He cares about the harbour."`, []string{
			`direct|"We have started all those talks,"|Varga`,
			`direct|"He cares about the harbour."|Varga`,
		}},
		// a second verb in the past after a subject set off by an
		// appositive heads a clause of its own, as after a plain
		// subject ("Mara Lind said A and hoped that B") (session 29: PolNeAR
		// splits "Chris Brownell, an audience member, said he makes
		// $41,000 a year and questioned how …" and its like)
		{`Mara Lind, an organiser with a dockers' group based in Castelmar, said she did not condone the blockade and hoped that the board would find a way to talk.`, []string{
			`indirect|she did not condone the blockade|Mara Lind, an organiser with a dockers' group based in Castelmar,`,
			`indirect|that the board would find a way to talk|Mara Lind, an organiser with a dockers' group based in Castelmar,`,
		}},

		// unchanged: the reported clause between two pieces of one quotation
		{`"We have come a long way," Lind said, adding that the docks had reopened. "We will work as hard as we can."`, []string{
			`direct|"We have come a long way," Lind said, adding that the docks had reopened. "We will work as hard as we can."|Lind`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := quoteLines(tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got\n  %q\nwant\n  %q", got, tt.want)
			}
		})
	}
}

// quoteLines extracts the quotations of txt as "kind|content|speaker"
// lines, in text order.
func quoteLines(txt string) []string {
	var lines []string
	for _, q := range Extract(txt, text.Split(txt), nil) {
		lines = append(lines, fmt.Sprintf("%s|%s|%s", q.Kind, q.Text, q.SpeakerText))
	}
	return lines
}
