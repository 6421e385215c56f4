package quote

import (
	"fmt"
	"testing"
)

// TestPhrasalAndLeadIn pins the attribution shapes of session 26: speech
// verbs that need their particle ("shot back", "cut in"), a speech verb
// followed by a comma and a speech participle ("responded, saying
// that"), and a short sentence of speaker and verb that leads in to the
// quotation after it ("Lind replied. “…”").
func TestPhrasalAndLeadIn(t *testing.T) {
	tests := []lineCase{
		// phrasalSpeech
		{`The mayor defended the plan. Varga shot back, "The harbour will flood long before the money arrives."`, []string{
			`indirect|the plan|The mayor`,
			`direct|"The harbour will flood long before the money arrives."|Varga`,
		}},
		{`Her husband cut in, "Do not forget the boats."`, []string{
			`direct|"Do not forget the boats."|Her husband`,
		}},
		{`"The money is gone," Varga shot back.`, []string{
			`direct|"The money is gone,"|Varga`,
		}},
		// no speech: the particle is missing or a break word follows it
		{`The fisherman was shot on the quay.`, nil},
		{`Harbour fees shot back up in March.`, nil},
		{`The council cut in half the money for the harbour.`, nil},
		// saidSaying: the participle reports the clause.
		{`Varga responded, saying that the harbour was safe.`, []string{
			`indirect|that the harbour was safe|Varga`,
		}},
		{`Lind shot back in a statement, saying he had "made a lot of money in bad years."`, []string{
			`partial|he had "made a lot of money in bad years."|Lind`,
		}},
		{`Lind hit back, saying at a meeting last week that Varga was not "fit" for the post.`, []string{
			`partial|that Varga was not "fit" for the post|Lind`,
		}},
		// leadSentence
		{`"Tell her I promised," Varga said, and her husband cut in. "Do not forget the boats. They matter."`, []string{
			`direct|"Tell her I promised,"|Varga`,
			`direct|"Do not forget the boats. They matter."|her husband`,
		}},
		{`The mayor was asked about the fees. Lind replied angrily. "Nobody pays them."`, []string{
			`direct|"Nobody pays them."|Lind`,
		}},
		{`Then Lind shot back. "We will stay in the harbour."`, []string{
			`direct|"We will stay in the harbour."|Lind`,
		}},
		// "…, X says." closes the reported clause before it: no lead-in;
		// the lone quoted sentence after it runs the clause on
		// (mergeLone, session 36)
		{`Or maybe the ferry board, Varga says. "Several surveys suggest it."`, []string{
			`partial|Or maybe the ferry board, Varga says. "Several surveys suggest it."|Varga`,
		}},
	}
	runLineCases(t, tests)
}

// TestAccordingAndCoordination pins "according to" after a sentence
// adverb, a connective, a colon or a quotation that closed its sentence,
// a list inside the source, coordinated speakers closing a sentence,
// and a pronoun addressee of "told" closing one.
func TestAccordingAndCoordination(t *testing.T) {
	tests := []lineCase{
		{`Now, according to the survey, some boats are leaving.`, []string{
			`indirect|some boats are leaving|the survey`,
		}},
		{`But according to the survey, some boats are leaving.`, []string{
			`indirect|some boats are leaving|the survey`,
		}},
		{`It has not gone unnoticed: According to recent polls, Varga holds only 14 percent of the harbour vote.`, []string{
			`indirect|Varga holds only 14 percent of the harbour vote|recent polls`,
		}},
		{"Lind said he did not ''use it that much.'' According to port records, the ferry has sailed 333 hours since June.", []string{
			"partial|he did not ''use it that much.''|Lind",
			`indirect|the ferry has sailed 333 hours since June|port records`,
		}},
		{`But according to interviews with a dozen of her friends, aides and allies, she wants to lead the harbour board.`, []string{
			`indirect|she wants to lead the harbour board|interviews with a dozen of her friends`,
		}},
		{`According to the survey, harbour and ferry fees rose, and the mayor resigned.`, []string{
			`indirect|harbour and ferry fees rose, and the mayor resigned|the survey`,
		}},
		{`The harbour is busy, dockers and union officials said.`, []string{
			`indirect|The harbour is busy|dockers and union officials`,
		}},
		{`The harbour is busy, dockers and union officials told the Herald.`, []string{
			`indirect|The harbour is busy|dockers and union officials`,
		}},
		{`Her husband was free and would soon come home, the mayor told her.`, []string{
			`indirect|Her husband was free and would soon come home|the mayor`,
		}},
		// the conjuncts of a speaker phrase only: "critic" is no verb
		{`“We will have a wipeout,” said Castelmar’s Anna Varga, a harbour consultant and longtime critic.`, []string{
			`direct|“We will have a wipeout,”|Castelmar’s Anna Varga`,
		}},
	}
	runLineCases(t, tests)
}

// TestSetOffSubjects pins subjects set off from their verb by a phrase
// between commas: a participle with a quotation ("Lind, citing “…,”
// said …"), an appositive with a relative clause inside it, and an
// example list after "like".
func TestSetOffSubjects(t *testing.T) {
	tests := []lineCase{
		{"Lind, citing ''the unique magic of the harbour,'' said the port could be busy in May.", []string{
			"direct|''the unique magic of the harbour,''|Lind",
			`indirect|the port could be busy in May|Lind`,
		}},
		{`Anna Varga, calling the plan "a disgrace," said the council would pay.`, []string{
			`partial|the plan "a disgrace,"|Anna Varga`,
			`indirect|the council would pay|Anna Varga`,
		}},
		// an inverted speaker after the quotation still reads so
		{`"The harbour is full," said the mayor, who was tired.`, []string{
			`direct|"The harbour is full,"|the mayor`,
		}},
		{`The docker, a registered member who spoke on the condition of anonymity for fear of losing her job, said she became pregnant last year.`, []string{
			// (an unnamed source: the appositive, as in TestWholeSubject)
			`indirect|she became pregnant last year|a registered member who spoke on the condition of anonymity for fear of losing her job`,
		}},
		{`Even the biggest critics, like Lind and Varga, say the harbour should stay open.`, []string{
			`indirect|the harbour should stay open|the biggest critics, like Lind and Varga`,
		}},
	}
	runLineCases(t, tests)
}

// lineCase is a text and the quotes Extract should find in it, as
// quoteLines writes them: kind|content|speaker, in order.
type lineCase struct {
	text string
	want []string
}

// runLineCases runs each case as a subtest named by its text.
func runLineCases(t *testing.T, tests []lineCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := quoteLines(tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got\n  %q\nwant\n  %q", got, tt.want)
			}
		})
	}
}
