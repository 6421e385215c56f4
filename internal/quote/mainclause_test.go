package quote

import (
	"fmt"
	"testing"
)

// TestMainClauseCut pins reported clauses inside a subordinate clause
// that opens the sentence: they end at the comma before the main clause
// (mainClauseCut), unless the attribution itself is the opener ("As the
// Harbour Daily reported, ...") and the main clause is the content.
func TestMainClauseCut(t *testing.T) {
	tests := []struct {
		text string
		want []string // kind|content|speaker, in order
	}{
		{`While Lind says she will not vote for Varga and considers him reckless, she applauds his plan for the harbour.`, []string{
			`indirect|she will not vote for Varga and considers him reckless|Lind`,
		}},
		{`When the mayor learned that the dockers would strike on Monday, the council voted at once.`, []string{
			`indirect|that the dockers would strike on Monday|the mayor`,
		}},
		{`Although the board announced that the pier would close, it reopened in May.`, []string{
			`indirect|that the pier would close|the board`,
		}},
		// unchanged
		{`As the Harbour Daily reported, even if Varga wins the vote, he would still need the board.`, []string{
			`indirect|even if Varga wins the vote, he would still need the board|the Harbour Daily`,
		}},
		{`Lind said that the dockers, tired of waiting, had voted to strike.`, []string{
			`indirect|that the dockers, tired of waiting, had voted to strike|Lind`,
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
