package quote

import (
	"strings"
	"testing"
)

// TestS35Attributions pins the clause bounds of session 35 before a
// partial quote, as they already were without quote marks: a participle
// after a comma, when the cue before it has words of its own, heads the
// partial quote that follows it ("said A, calling it “B”"); a semicolon,
// a dash or a clause opener after a comma ends the first cue's clause
// before a second speaker ("said A; Varga called it “B”"). The clause of
// the cue before is then reported on its own.
func TestS35Attributions(t *testing.T) {
	tests := []lineCase{
		{`Lind said the ferry was late, calling it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Lind`,
		}},
		{`Varga praised the harbour crews for their work, calling them “the best in the region.”`, []string{
			`indirect|the harbour crews for their work|Varga`,
			`partial|them “the best in the region.”|Varga`,
		}},
		{`Lind criticized the port board, accusing it of “selling the docks.”`, []string{
			`indirect|the port board|Lind`,
			`partial|it of “selling the docks.”|Lind`,
		}},
		{`Lind said the ferry was late, while Varga said it was “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it was “a disgrace.”|Varga`,
		}},
		{`Lind said the ferry was late; Varga called it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Varga`,
		}},
		{`Lind said the ferry was late - Varga called it “a disgrace.”`, []string{
			`indirect|the ferry was late|Lind`,
			`partial|it “a disgrace.”|Varga`,
		}},
		// guard: the clause before the opener has no words of its own
		{`Lind went on to say that, because Varga testified that the ferries were “late,” the board was wrong.`, []string{
			`partial|that, because Varga testified that the ferries were “late,” the board was wrong|Lind`,
		}},
		// guards: the participle right after its cue, or after an
		// adjunct of the cue before "that", reports the one clause
		{`Lind shot back, saying the board was “a disgrace.”`, []string{
			`partial|the board was “a disgrace.”|Lind`,
		}},
		{`Varga said on Monday, adding that the plan was “dead.”`, []string{
			`partial|that the plan was “dead.”|Varga`,
		}},
		{`The mayor said, calling from Castelmar, that the ferry was “gone.”`, []string{
			`partial|that the ferry was “gone.”|The mayor`,
		}},
	}
	runLineCases(t, tests)
}

// TestAgentSpeaker pins speakers who speak for someone else: the phrase
// runs over "for" or "to" after the agent noun ("a spokesman for the
// mayor", "an aide to Varga"), as PolNeAR's sources do, and such a
// phrase resolves to nobody unless it names its speaker; a reflexive
// after a name does not hide the name, and an organisation is no head
// of state.
func TestAgentSpeaker(t *testing.T) {
	const head = "Harbour notes\n\nMayor Anna Lind met Tomas Varga, a councillor, on Monday.\n\n"
	tests := []struct{ name, text, has, phrase, speaker string }{
		{"spokesman for", `A spokesman for Mayor Lind said the march was "peaceful and orderly."`, "peaceful", "A spokesman for Mayor Lind", ""},
		{"aide to", "An aide to Councillor Varga said the plan was dead.", "plan was dead", "An aide to Councillor Varga", ""},
		{"plural agents", "Lawyers for Halvard Lines asked the court to release the ship.", "release the ship", "Lawyers for Halvard Lines", ""},
		{"a sentence run on after an abbreviation", "The hearing opened at 9 a.m. Lawyers for Halvard Lines asked the court to release the ship.", "release the ship", "Lawyers for Halvard Lines", ""},
		{"named spokeswoman", "Maria Kask, a spokeswoman for the ferry company, said the timetable was final.", "timetable", "Maria Kask, a spokeswoman for the ferry company,", "Maria Kask"},
		{"reflexive", `Varga himself called the plan "a gift to the shipping companies."`, "gift", "Varga himself", "Tomas Varga"},
		{"an organisation is no head of state", "The Defence Ministry said the drills would last two weeks.\n\nThe head of state said the drills were \"routine.\"", "routine", "The head of state", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			for _, q := range got {
				if strings.Contains(q.Text, tt.has) {
					if q.SpeakerText != tt.phrase || q.Speaker != tt.speaker {
						t.Fatalf("quote %q: phrase %q, speaker %q; want %q, %q", q.Text, q.SpeakerText, q.Speaker, tt.phrase, tt.speaker)
					}
					return
				}
			}
			t.Fatalf("no quote holds %q; got %s", tt.has, dump(got))
		})
	}
}
