package quote

import (
	"fmt"
	"testing"
)

func TestDbg(t *testing.T) {
	for _, s := range []string{
		"In an interview with journalist Matei Rosca last year, Lazar said he welcomed extradition to the United States and added, \"I'll plead guilty, no problem.\"",
		"Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head and said, ''No.''",
		"A Warren adviser, who spoke on the condition of anonymity to speak candidly, said of the senator, \"She takes the threat of Trump very seriously.\"",
	} {
		for _, q := range Extract(s, nil, nil) {
			fmt.Printf("%s [%s] spk=%q cue=%q\n", q.Kind, q.Text, q.SpeakerText, q.Cue)
		}
	}
}
