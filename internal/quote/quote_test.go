package quote

import (
	"slices"
	"strings"
	"testing"

	"storyline"
)

// want is one expected quote: a snippet its text must contain, its kind,
// the speaker phrase and the resolved speaker.
type want struct {
	has     string
	kind    storyline.QuoteKind
	phrase  string
	speaker string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "whole direct quote after its attribution",
			text: `Finance Minister Hana Borov spoke on Monday. Borov said: "The budget will be balanced next year."`,
			want: []want{{"budget will be balanced", storyline.Direct, "Borov", "Hana Borov"}},
		},
		{
			name: "quote before its attribution, curly marks",
			text: "Mayor Lena Ortiz opened the bridge.\n\n“We waited ten years for this day,” Ortiz said.",
			want: []want{{"waited ten years", storyline.Direct, "Ortiz", "Lena Ortiz"}},
		},
		{
			name: "split quote is one quote",
			text: "Coach Tim Waller was calm. “We lost the game,” he said, “but not the season.”",
			want: []want{{"lost the game,” he said, “but not the season", storyline.Direct, "he", "Tim Waller"}},
		},
		{
			name: "split quote over a full stop",
			text: `Union leader Maria Santos spoke to workers. "The strike goes on," Santos said on Friday. "Nobody returns until the deal is signed."`,
			want: []want{{"Nobody returns", storyline.Direct, "Santos", "Maria Santos"}},
		},
		{
			name: "continuing paragraph",
			text: "Senator Paul Okafor addressed the hall.\n\n“The law is wrong,” Okafor said.\n\n“It hurts farmers and it hurts towns.”\n\nThe vote is next week.",
			want: []want{{"hurts farmers", storyline.Direct, "Okafor", "Paul Okafor"}},
		},
		{
			name: "partial quote spans the reported clause",
			text: `Foreign Minister Ivo Leck said that any deal without his country would be "a ship without a rudder".`,
			want: []want{{`that any deal without his country would be "a ship without a rudder`, storyline.Partial, "Foreign Minister Ivo Leck", "Ivo Leck"}},
		},
		{
			name: "single quote marks in a headline",
			text: "Port chief warns of 'long delays' after strike\nThe head of the port authority, Jan Meyer, warned of long delays.",
			// (the content opens with the quotation: direct, as the
			// scorer counts a gold content that opens with a mark)
			want: []want{{"'long delays' after strike", storyline.Direct, "Port chief", "Jan Meyer"}},
		},
		{
			name: "a name before a colon introduces the quote",
			text: "Harbour traffic fell for a third month. The slump does not surprise port economist Lina Marsh: “Freight follows the season, and the season was poor.”",
			want: []want{{"Freight follows the season", storyline.Direct, "port economist Lina Marsh", "Lina Marsh"}},
		},
		{
			name: "a name and a date before a colon",
			text: "The plan is older than it looks.\nHere's Mayor Tom Reyes in March 2019: “We will rebuild the quay before we build anything else.”",
			want: []want{{"rebuild the quay", storyline.Direct, "Mayor Tom Reyes", "Tom Reyes"}},
		},
		{
			name: "a question attributed by a verb in the present tense, then a clause of time",
			text: "The sketch ran late on Saturday.\n\n“Who can count how many ferries we have lost this year?” Mayor Ada Quist asks as the lights go down.",
			want: []want{{"how many ferries", storyline.Direct, "Mayor Ada Quist", "Ada Quist"}},
		},
		{
			name: "a shouted quote whose attribution goes on with a clause of its own",
			text: "The meeting broke up in anger.\n\n“Go back to the harbour board,” councillor Piet Vos barked and a guard led the reporter out.",
			want: []want{{"Go back to the harbour board", storyline.Direct, "councillor Piet Vos", "Piet Vos"}},
		},
		{
			name: "a participle after an attribution takes its speaker, not a pronoun inside the quotation",
			text: "The hearing ran long.\n\n“The inspector is no friend of the port. He's a critic,” Mayor Ada Quist said at a rally on the quay, adding that she believed the report was “written in advance.”",
			want: []want{
				{"no friend of the port", storyline.Direct, "Mayor Ada Quist", "Ada Quist"},
				{"that she believed the report", storyline.Partial, "Mayor Ada Quist", "Ada Quist"},
			},
		},
		{
			name: "a participle after the object of a verb takes the clause's subject, title and name whole",
			text: "The port strike entered its third week. Union leader Rosa Lind issued a statement saying the walkout \"will go on until the last crane is safe.\"",
			want: []want{{"the walkout", storyline.Partial, "Union leader Rosa Lind", "Rosa Lind"}},
		},
		{
			name: "guillemets",
			text: `Prime Minister Alain Roux was firm. «We will not retreat», Roux said.`,
			want: []want{{"We will not retreat", storyline.Direct, "Roux", "Alain Roux"}},
		},
		{
			name: "unclosed quote ends with its sentence",
			text: `Governor Ann Pike spoke. "Schools will open on time," Pike said. "Teachers are ready. The storm damaged three roads in the north. Crews worked through the night to clear them.`,
			want: []want{{"Teachers are ready", storyline.Direct, "Pike", "Ann Pike"}},
		},
		{
			name: "indirect speech with that",
			text: `Central bank governor Rui Costa said that inflation would fall below three percent by spring.`,
			want: []want{{"that inflation would fall", storyline.Indirect, "Central bank governor Rui Costa", "Rui Costa"}},
		},
		{
			name: "according to",
			text: `According to the ministry, the new line will open in May.`,
			want: []want{{"the new line will open in May", storyline.Indirect, "the ministry", ""}},
		},
		{
			name: "content before its attribution",
			text: `The harvest was the worst in a decade, farmers said.`,
			want: []want{{"The harvest was the worst in a decade", storyline.Indirect, "farmers", ""}},
		},
		{
			name: "called for",
			text: `Chancellor Eva Lind called for an end to the blockade.`,
			want: []want{{"an end to the blockade", storyline.Indirect, "Chancellor Eva Lind", "Eva Lind"}},
		},
		{
			name: "pronoun and description resolved in the report",
			text: "Estonian President Alar Kask met reporters in Tallinn.\n\n“We are ready to help,” the Estonian president said.\n\n“Our borders are open,” he added.",
			want: []want{
				{"ready to help", storyline.Direct, "the Estonian president", "Alar Kask"},
				{"borders are open", storyline.Direct, "he", "Alar Kask"},
			},
		},
		{
			name: "description of a head of an organisation",
			text: "Tom Vardy, the alliance chief, arrived late. Vardy said: \"We are united.\"\n\nLater the head of the alliance said: \"Nothing divides us.\"",
			want: []want{
				{"We are united", storyline.Direct, "Vardy", "Tom Vardy"},
				{"Nothing divides us", storyline.Direct, "the head of the alliance", "Tom Vardy"},
			},
		},
		{
			name: "the office decides between two ministers of one country",
			text: "Selmia's prime minister warned on Monday that \"the harbour will stay shut.\"\n\nPrime Minister Ines Carrow spoke in parliament. Jon Alvik, Selmia's foreign minister, was abroad.",
			want: []want{{"the harbour will stay shut", storyline.Partial, "Selmia's prime minister", "Ines Carrow"}},
		},
		{
			name: "a minister of another office is not the one described",
			text: "Selmia's prime minister warned on Monday that \"the harbour will stay shut.\"\n\nJon Alvik, Selmia's foreign minister, was abroad.",
			want: []want{{"the harbour will stay shut", storyline.Partial, "Selmia's prime minister", ""}},
		},
		{
			name: "people in a place are no name: the phrase is kept, the speaker left unresolved",
			text: "The mayor spoke for an hour. Analysts in Port Aldric said the speech was aimed at voters at home.",
			want: []want{{"the speech was aimed", storyline.Indirect, "Analysts in Port Aldric", ""}},
		},
		{
			name: "a share of a group is the subject",
			text: "The poll was taken last week. Six in 10 harbour workers said the strike had gone on too long.",
			want: []want{{"the strike had gone on", storyline.Indirect, "Six in 10 harbour workers", ""}},
		},
		{
			name: "the speech verb, not a noun in its adjunct, is the cue",
			text: "Mayor Ada Quist, who has told aides the port comes first, said in her formal statement: \"We will reopen the quay on Monday.\"",
			want: []want{{"reopen the quay", storyline.Direct, "Mayor Ada Quist, who has told aides the port comes first,", "Ada Quist"}},
		},
		{
			name: "a cue coordinated with an intransitive verb takes that verb's subject",
			text: "When the harbour master was asked at a crowded luncheon held by the chamber of commerce on Friday whether the port would reopen before the storm season, he laughed and said, “We'll see.”",
			want: []want{{"We'll see", storyline.Direct, "he", ""}},
		},
		{
			name: "a participle after \"he said in an interview,\" takes his speaker, not the sentence's first name",
			text: "Harbour master Piet Vos weighed in as well, telling a radio host on Monday, “They are both able,” he said in an interview, adding, “The port is in good hands.”",
			want: []want{{"The port is in good hands", storyline.Direct, "he", "Piet Vos"}},
		},
		{
			name: "a phrase of time between subject and cue is no subject",
			text: "The Harbour Council this week announced that the quay would reopen in May.",
			want: []want{{"the quay would reopen", storyline.Indirect, "The Harbour Council", "Harbour Council"}},
		},
		{
			name: "a participle after \"put out a statement\" takes the clause's subject",
			text: "Mayor Ada Quist's office put out a statement saying the port \"will not be sold.\"",
			want: []want{{"will not be sold", storyline.Partial, "Mayor Ada Quist's office", ""}},
		},
		{
			name: "a participle after the object of a verb takes that verb's subject, not an opening adverb",
			text: "Shortly after the call ended, the Quist campaign sent out a press release saying the rival \"owes the harbour an apology.\"",
			want: []want{{"owes the harbour", storyline.Partial, "the Quist campaign", ""}},
		},
		{
			name: "a verb a participle follows is no subject of it",
			text: "The minister spoke for an hour. Then Mayor Ada Quist began dismissing the notion that the port \"needs a bailout.\"",
			want: []want{{"needs a bailout", storyline.Partial, "Mayor Ada Quist", "Ada Quist"}},
		},
		{
			name: "a plural noun opening a sentence is no name",
			text: "The talks ended late. Officials said the two sides would meet again on Monday.",
			want: []want{{"the two sides would meet", storyline.Indirect, "Officials", ""}},
		},
		{
			name: "an organisation keeps its demonym and possessive",
			text: "The Kestorian Navy said the patrol \"will continue.\" The Thornholm Fishermen's Union demanded compensation for the lost season.",
			want: []want{
				{"will continue", storyline.Partial, "The Kestorian Navy", "Kestorian Navy"},
				{"compensation", storyline.Indirect, "The Thornholm Fishermen's Union", "Thornholm Fishermen's Union"},
			},
		},
		{
			name: "a subject followed by a phrase set off by commas",
			text: "The harbour board met on Monday. The board's report, which was published on Friday, argues that the quay \"cannot wait another winter.\"",
			want: []want{{"cannot wait another winter", storyline.Partial, "The board's report, which was published on Friday", ""}},
		},
		{
			name: "a subject with a relative clause, not the object at its end",
			text: "Talks went on all night. A port official who spoke on condition of anonymity to discuss Mayor Ada Quist's plans said the deal was \"nearly done.\"",
			want: []want{{"nearly done", storyline.Partial, "A port official who spoke on condition of anonymity to discuss Mayor Ada Quist's plans", ""}},
		},
		{
			name: "a participle after \"to\" and its object takes the clause's subject",
			text: "Before the mayor spoke, the Quist campaign sent a text message to supporters saying: \"We won the harbour vote tonight.\"",
			want: []want{{"We won the harbour vote", storyline.Direct, "the Quist campaign", ""}},
		},
		{
			name: "a relative pronoun before the cue is the speaker phrase, resolved to the name it follows",
			text: "The talks drew praise from Mayor Ada Quist, who has long opposed the harbour tax.",
			want: []want{{"the harbour tax", storyline.Indirect, "who", "Ada Quist"}},
		},
		{
			name: "as reported by a source, the clause after the comma",
			text: "As reported by the Harbour Ledger, the quay will reopen in May.",
			want: []want{{"the quay will reopen in May", storyline.Indirect, "the Harbour Ledger", "Harbour Ledger"}},
		},
		{
			name: "an attribution in brackets after the quote",
			text: "Mayor Ada Quist said the quay would reopen because the ministry agreed to pay. (“We've finally found the money for the dredging,” she said.) The first ships are due in May.",
			want: []want{{"found the money", storyline.Direct, "she", "Ada Quist"}},
		},
		{
			name: "as a source put it, a short quotation",
			text: "The ferry line is back in profit. As port economist Lina Marsh put it, “Nobody saw this coming.” Tickets are sold out until June.",
			want: []want{{"Nobody saw this coming", storyline.Direct, "port economist Lina Marsh", "Lina Marsh"}},
		},
		{
			name: "a new sentence reporting a clause of its own is no attribution of the quote before it",
			text: "Inspector Rein Sepp said that the hull was sound, to which Mayor Ada Quist retorted: \"It's just not true.\" She said the report was rushed.",
			want: []want{{"the report was rushed", storyline.Indirect, "She", "Ada Quist"}},
		},
		{
			name: "a partial quote ending in a comma ends its clause before the next attribution",
			text: "After Minister Rein Sepp said that smaller ports might do better with “less traffic,” Mayor Ada Quist said: “I don't like what he said.”",
			want: []want{
				{"less traffic", storyline.Partial, "Minister Rein Sepp", "Rein Sepp"},
				{"I don't like", storyline.Direct, "Mayor Ada Quist", "Ada Quist"},
			},
		},
		{
			name: "words in title case that a speech verb introduces are a quotation",
			text: "Mayor Ada Quist criticised the port board and then said, “Hands Off Our Harbour.”",
			want: []want{{"Hands Off Our Harbour", storyline.Direct, "Mayor Ada Quist", "Ada Quist"}},
		},
		{
			name: "when asked by someone: the asker is the source of the question",
			text: "When asked by a reporter whether the quay would close, Mayor Ada Quist said: \"Not while I am mayor.\"",
			want: []want{
				{"whether the quay would close", storyline.Indirect, "a reporter", ""},
				{"Not while I am mayor", storyline.Direct, "Mayor Ada Quist", "Ada Quist"},
			},
		},
		{
			name: "a clause opener is no speaker",
			text: "When asked about the strike, Minister Rein Sepp said that the talks were \"close to a deal.\"",
			want: []want{{"that the talks were", storyline.Partial, "Minister Rein Sepp", "Rein Sepp"}},
		},
		{
			name: "the subject of a light verb before the cue, not the verb",
			text: "The strike is in its third week. Minister Rein Sepp made no mention of the dockers' demands.",
			want: []want{{"dockers' demands", storyline.Indirect, "Minister Rein Sepp", "Rein Sepp"}},
		},
		{
			name: "the subject of sent out",
			text: "The strike is in its third week. Minister Rein Sepp sent out a statement saying the talks would resume.",
			want: []want{{"the talks would resume", storyline.Indirect, "Minister Rein Sepp", "Rein Sepp"}},
		},
		{
			name: "a phrase of time after a relative pronoun",
			text: "Senator Ted Vale, who last year threatened to close the port, said the plan would fail.",
			want: []want{
				{"to close the port", storyline.Indirect, "who", "Ted Vale"},
				{"the plan would fail", storyline.Indirect, "Senator Ted Vale, who last year threatened to close the port,", "Ted Vale"},
			},
		},
		{
			name: "a phrase of time after a subject set off by commas",
			text: "Mayor Ada Quist, whose views on the harbour have upset even her own party, last year proposed a ban on cruise ships.",
			want: []want{{"a ban on cruise ships", storyline.Indirect, "Mayor Ada Quist, whose views on the harbour have upset even her own party,", "Ada Quist"}},
		},
		{
			name: "a preposition opening the sentence is no subject",
			text: "Mayor Ada Quist was undaunted.\n\nWithin months of her rival's political demise, she went to work seeking to reopen the quay.",
			want: []want{{"to reopen the quay", storyline.Indirect, "she", "Ada Quist"}},
		},
		{
			name: "a relative clause with an infinitive inside the subject",
			text: "Dock workers and others who want to ban cruise ships said the vote would be close.",
			want: []want{{"the vote would be close", storyline.Indirect, "others who want to ban cruise ships", ""}},
		},
		{
			name: "a participle phrase inside the subject",
			text: "Another port official speaking to the Harbour Ledger said, “The cranes will not move before Monday.”",
			want: []want{{"The cranes will not move", storyline.Direct, "Another port official speaking to the Harbour Ledger", ""}},
		},
		{
			name: "made it clear",
			text: "The talks went on all night. Mayor Ada Quist made it clear that the quay would stay open.",
			want: []want{{"the quay would stay open", storyline.Indirect, "Mayor Ada Quist", "Ada Quist"}},
		},
		{
			name: "a verb with a particle is no speaker phrase",
			text: "The ferry company rejected the report. But its managers leave out a crucial point.",
			want: []want{{"a crucial point", storyline.Indirect, "its managers", ""}},
		},
		{
			name: "a prepositional phrase after an auxiliary is no subject",
			text: "The port board met on Monday. Its members have in the past said the quay should close.",
			want: []want{{"the quay should close", storyline.Indirect, "Its members", ""}},
		},
		{
			name: "a prepositional phrase after a relative pronoun, and the relative clause ends at an irregular verb",
			text: "Judge Ann Pike, who in two earlier rulings had made clear that she would not delay the case, opened the hearing.",
			want: []want{{"that she would not delay the case", storyline.Indirect, "who", "Ann Pike"}},
		},
		{
			name: "a participle after a verb with a subject of its own",
			text: "The former mayor told voters that the port was \"finished,\" while Mayor Ada Quist held a news conference in which she continued her attack on the board, mocking its plan.",
			want: []want{{"its plan", storyline.Indirect, "she", "Ada Quist"}},
		},
		{
			name: "a quantifier standing alone is the speaker",
			text: "The dockers met on Monday. Several said the strike would go on, but many argued that the port should reopen.",
			want: []want{
				{"the strike would go on", storyline.Indirect, "Several", ""},
				{"the port should reopen", storyline.Indirect, "many", ""},
			},
		},
		{
			name: "a sentence adverb between the speaker and the verb",
			text: "The ferry line cut its fares. Its chief executive Oda Brandt however said the cuts would not last.",
			want: []want{{"the cuts would not last", storyline.Indirect, "Its chief executive Oda Brandt", "Oda Brandt"}},
		},
		{
			name: "the object of an irregular verb before a participle is no speaker",
			text: "Mayor Ada Quist spent much of her speech praising the new quay.",
			want: []want{{"the new quay", storyline.Indirect, "Mayor Ada Quist", "Ada Quist"}},
		},
		{
			name: "a light verb in the present tense",
			text: "The port board published its plan. It makes no mention of the fishermen who work on the quay.",
			want: []want{{"the fishermen who work on the quay", storyline.Indirect, "It", ""}},
		},
		{
			name: "an appositive closed by a comma inside a title's quote marks",
			text: "Ola Hemsley, the author of \"Salt Roads,\" said the days when the port had one newspaper are gone.",
			want: []want{{"the days when the port had one newspaper are gone", storyline.Indirect, `Ola Hemsley, the author of "Salt Roads,"`, "Ola Hemsley"}},
		},
		{
			name: "a relative clause whose verb has no ending",
			text: "Even economists who favor higher port fees agree that the change will be slow.",
			want: []want{{"the change will be slow", storyline.Indirect, "economists who favor higher port fees", ""}},
		},
		{
			name: "a participle and a phrase of time after the subject",
			text: "A Harbour Ledger/Kestor University poll released this week found 60 percent of fishermen want the quay open.",
			want: []want{{"60 percent of fishermen want the quay open", storyline.Indirect, "Kestor University poll", ""}},
		},
		{
			name: "a participle and a weekday after the subject",
			text: "A harbour survey released on Tuesday found that most fishermen want the quay open.",
			want: []want{{"most fishermen want the quay open", storyline.Indirect, "A harbour survey", ""}},
		},
		{
			name: "unresolvable description stays empty",
			text: "President Ana Reyes and President Omar Diallo met in Dakar.\n\n“The talks went well,” the president said.",
			want: []want{{"talks went well", storyline.Direct, "the president", ""}},
		},
		{
			name: "speech verb opening the sentence, its subject after it",
			text: "The harbour board met on Monday. Said Petra Lind, who chairs the board, \"We will not sell the quay to anyone.\"",
			want: []want{{"not sell the quay", storyline.Direct, "Petra Lind, who chairs the board", "Petra Lind"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.text, nil, nil)
			checkInvariants(t, tt.text, got)
			for _, w := range tt.want {
				var q *storyline.Quote
				for i := range got {
					if strings.Contains(got[i].Text, w.has) {
						q = &got[i]
						break
					}
				}
				if q == nil {
					t.Fatalf("no quote holds %q; got %s", w.has, dump(got))
				}
				if q.Kind != w.kind || q.SpeakerText != w.phrase || q.Speaker != w.speaker {
					t.Errorf("quote %q: got kind %s, phrase %q, speaker %q; want %s, %q, %q",
						q.Text, q.Kind, q.SpeakerText, q.Speaker, w.kind, w.phrase, w.speaker)
				}
			}
		})
	}
}

func dump(qs []storyline.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  " + string(q.Kind) + " [" + q.Text + "] phrase=" + q.SpeakerText + " speaker=" + q.Speaker + " cue=" + q.Cue)
	}
	return b.String()
}

// extractChecked runs Extract on txt with no sentences or mentions and
// checks the invariants of its result.
func extractChecked(t *testing.T, txt string) []storyline.Quote {
	t.Helper()
	got := Extract(txt, nil, nil)
	checkInvariants(t, txt, got)
	return got
}

// wantQuote extracts the quotes of txt and fails unless one of them has
// the text content.
func wantQuote(t *testing.T, txt, content string) {
	t.Helper()
	findQuote(t, txt, content)
}

// findQuote extracts the quotes of txt and returns the one whose text is
// content; it fails the test when there is none.
func findQuote(t *testing.T, txt, content string) storyline.Quote {
	t.Helper()
	got := extractChecked(t, txt)
	for _, q := range got {
		if q.Text == content {
			return q
		}
	}
	t.Fatalf("want a quote %q; got %s", content, dump(got))
	return storyline.Quote{}
}

// speakerCase is a text after a test's head with one quotation's content
// and the speaker phrase it must have.
type speakerCase struct{ name, text, content, phrase string }

// checkSpeakerPhrases extracts each case's text after head and wants its
// quotation with its speaker phrase.
func checkSpeakerPhrases(t *testing.T, head string, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if q := findQuote(t, head+tt.text, tt.content); q.SpeakerText != tt.phrase {
				t.Fatalf("speaker phrase %q; want %q", q.SpeakerText, tt.phrase)
			}
		})
	}
}

// checkInvariants asserts what every extraction must hold: spans in
// bounds and matching their text, quotes in order and never overlapping.
func checkInvariants(t testing.TB, text string, qs []storyline.Quote) {
	t.Helper()
	end := 0
	for _, q := range qs {
		if !q.Span.Valid(len(text)) || q.Span.Len() == 0 {
			t.Fatalf("quote span %v out of a text of %d bytes", q.Span, len(text))
		}
		if q.Span.Start < end {
			t.Fatalf("quote %v overlaps the one before (ending at %d)", q.Span, end)
		}
		end = q.Span.End
		if text[q.Span.Start:q.Span.End] != q.Text {
			t.Fatalf("quote text %q is not text[%d:%d]", q.Text, q.Span.Start, q.Span.End)
		}
		for _, s := range []*storyline.Span{q.SpeakerSpan, q.CueSpan} {
			if s != nil && !s.Valid(len(text)) {
				t.Fatalf("span %v out of bounds", *s)
			}
		}
		if q.SpeakerSpan != nil && text[q.SpeakerSpan.Start:q.SpeakerSpan.End] != q.SpeakerText {
			t.Fatalf("speaker text %q is not its span", q.SpeakerText)
		}
		if q.CueSpan != nil && text[q.CueSpan.Start:q.CueSpan.End] != q.Cue {
			t.Fatalf("cue %q is not its span", q.Cue)
		}
		switch q.Kind {
		case storyline.Direct, storyline.Partial, storyline.Indirect:
		default:
			t.Fatalf("bad kind %q", q.Kind)
		}
	}
}

func TestExtractNilSentencesAndMentions(t *testing.T) {
	text := `Mayor Lena Ortiz said: "The bridge opens today."`
	a := Extract(text, nil, nil)
	b := Extract(text, nil, []storyline.Mention{{Span: storyline.Span{Start: 6, End: 16}, Surface: "Lena Ortiz", Kind: storyline.Person}})
	if len(a) != 1 || len(b) != 1 || a[0].Speaker != "Lena Ortiz" || b[0].Speaker != "Lena Ortiz" {
		t.Fatalf("got %s and %s", dump(a), dump(b))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"A," he said, "B."`,
		"“Open\n\n“Still open,” she said.",
		"'x' ‘y’ «z» ''w'' \"",
		"According to , .",
		"He said that",
		"Mr. (D-N.Y.) said, \"",
		"\xff\xfe“",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Extract(s, nil, nil))
	})
}

func TestExtractConcurrent(t *testing.T) {
	texts := []string{
		`Mayor Lena Ortiz said: "The bridge opens today."`,
		"“We lost the game,” he said, “but not the season.”",
		`According to the ministry, the new line will open in May.`,
	}
	want := make([][]storyline.Quote, len(texts))
	for i, s := range texts {
		want[i] = Extract(s, nil, nil)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 50; k++ {
				i := k % len(texts)
				if got := Extract(texts[i], nil, nil); dump(got) != dump(want[i]) {
					t.Errorf("concurrent Extract of text %d: got %s, want %s", i, dump(got), dump(want[i]))
					return
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestExtractKeepsNoState runs texts in different orders: pooled scratch
// buffers must not leak anything from one call into the next.
func TestExtractKeepsNoState(t *testing.T) {
	a := "Coach Tim Waller was calm. “We lost the game,” he said, “but not the season.”"
	b := "According to the ministry, the new line will open in May. Finance Minister Hana Borov said that taxes would fall, and Borov added: \"We are ready.\""
	first := dump(Extract(a, nil, nil))
	Extract(b, nil, nil)
	Extract(b+b+b, nil, nil)
	if again := dump(Extract(a, nil, nil)); again != first {
		t.Errorf("second run differs:\n%s\nfirst:\n%s", again, first)
	}
}

// TestSpeakerOutsideContent: a phrase after the cue that the reported
// clause goes on from is content, never also its speaker.
func TestSpeakerOutsideContent(t *testing.T) {
	tests := []struct{ name, text string }{
		{"no subject before the cue", "The harbour was quiet. In a letter to the board, whose members met on Monday, said the days of the old port were over."},
		{"a clause before a semicolon", "The harbour was quiet; by noon, said the days of the old port were over."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.text, nil, nil)
			checkInvariants(t, tt.text, got)
			for _, q := range got {
				if s := q.SpeakerSpan; s != nil && s.Start >= q.Span.Start && s.End <= q.Span.End {
					t.Errorf("speaker %q lies inside the quote %q", q.SpeakerText, q.Text)
				}
			}
		})
	}
}

// TestWeakCues pins reported speech at words annotated as cues less often
// than cueRate ("plans", "focused"): kept only with a named or pronoun
// subject right before the verb and a clause or "on"-phrase after it, so
// deeds ("launched dozens of drones") and impersonal "it" stay out.
func TestWeakCues(t *testing.T) {
	tests := []struct {
		name string
		text string
		has  string // a word of the expected quote, "" for none
		spk  string
		cue  string
	}{
		{"named subject, to-clause", "Senator Rosa Delgado plans to hold hearings on the port deal in March.", "to hold hearings", "Senator Rosa Delgado", "plans"},
		{"pronoun subject, on-phrase", "The minister spoke for an hour. She focused on the cost of the new quay.", "the cost", "She", "focused on"},
		{"a deed with a noun object", "Varnia launched dozens of drones at coastal towns overnight.", "", "", ""},
		{"impersonal it", "It is unclear whether the talks will resume before the summit.", "", "", ""},
		{"common-noun subject", "The harbour board plans to vote on the lease next week.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ExtractWith(nil, tt.text, nil, nil) // the rules alone: TestClauseModel has the model
			checkInvariants(t, tt.text, got)
			if tt.has == "" {
				if len(got) != 0 {
					t.Fatalf("want no quote; got %s", dump(got))
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Text, tt.has) || got[0].Kind != storyline.Indirect || got[0].SpeakerText != tt.spk || got[0].Cue != tt.cue {
				t.Fatalf("want one indirect quote holding %q, phrase %q, cue %q; got %s", tt.has, tt.spk, tt.cue, dump(got))
			}
		})
	}
}

// TestRelativeClauseContent pins where reported speech inside a relative
// clause set off by commas ends: where the main clause resumes; an object
// relative starts at "which", the gap of the reported clause.
func TestRelativeClauseContent(t *testing.T) {
	tests := []struct{ name, text, content, phrase string }{
		{"object relative", "The port bill, which critics said was unfair to dockers, passed on Tuesday.", "which critics said was unfair to dockers", "critics"},
		{"object relative with an auxiliary", "The lease, which she has repeatedly said was a mistake, remains in force.", "which she has repeatedly said was a mistake", "she"},
		{"subject relative", "Mayor Ana Holt, who said the quay would stay open, resigned on Friday.", "the quay would stay open", "who"},
		{"partial quote in an object relative", "The port tax, which Mayor Ana Holt called a \"disgrace\", was repealed.", "which Mayor Ana Holt called a \"disgrace\"", "Mayor Ana Holt"},
		{"partial quote, the comma inside the marks", "The port tax, which Mayor Ana Holt called a \"disgrace,\" was repealed.", "which Mayor Ana Holt called a \"disgrace,\"", "Mayor Ana Holt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.text, nil, nil)
			checkInvariants(t, tt.text, got)
			if len(got) != 1 || got[0].Text != tt.content || got[0].SpeakerText != tt.phrase {
				t.Fatalf("want one quote %q by %q; got %s", tt.content, tt.phrase, dump(got))
			}
		})
	}
}

// TestWholeSubject pins the subjects of "said" that no phrase rule reads:
// the stretch from the clause start to the verb, when it has no verb of
// its own outside relative clauses; and the formula of an unnamed source,
// which is no attribution of its own.
func TestWholeSubject(t *testing.T) {
	const head = "Port notes\n\n"
	tests := []struct{ name, text, content, phrase string }{
		{"participle after a pronoun", "Again, those surveyed said the quay was the top issue.", "the quay was the top issue", "those surveyed"},
		{"adverb between subject and verb", "Mayor Ana Holt has since said she regrets the vote.", "she regrets the vote", "Mayor Ana Holt"},
		{"appositive with an unnamed source", "The foreman, a union member who asked not to be named, said the cranes were unsafe.", "the cranes were unsafe", "a union member who asked not to be named"},
		{"no subject in a passive", "The same could not be said for the old quay.", "", ""},
		{"a clause with a verb of its own", "The board met the crews at noon, and then said the vote was final.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			if tt.content == "" {
				for _, q := range got {
					if q.Cue == "said" {
						t.Fatalf("want no quote at %q; got %s", "said", dump(got))
					}
				}
				return
			}
			if len(got) != 1 || got[0].Text != tt.content || got[0].SpeakerText != tt.phrase || got[0].Cue != "said" {
				t.Fatalf("want one quote %q by %q at \"said\"; got %s", tt.content, tt.phrase, dump(got))
			}
		})
	}
}

// TestConjunctionBridge pins a quote interrupted by its attribution that
// goes on after "and" or "but": one quote from the first mark to the
// last, as PolNeAR annotates it. A sentence with no cue that ends in a
// quotation runs the quote on too (mergeLone, session 36: PolNeAR
// mostly annotates it so); one with a cue of its own keeps its own
// attribution.
func TestConjunctionBridge(t *testing.T) {
	const head = "Port notes\n\n"
	tests := []struct{ name, text, content string }{
		{"comma and", `"The quay will reopen by spring," the mayor said, and "no docker will lose a job."`,
			`"The quay will reopen by spring," the mayor said, and "no docker will lose a job."`},
		{"full stop but", `"The quay will reopen by spring," the mayor said outside the hall. But "the money must come from the state."`,
			`"The quay will reopen by spring," the mayor said outside the hall. But "the money must come from the state."`},
		{"no conjunction", `"The quay will reopen by spring," the mayor said. Crews were "ready to start."`,
			`"The quay will reopen by spring," the mayor said. Crews were "ready to start."`},
		{"a cue of its own", `"The quay will reopen by spring," the mayor said. Crews told the radio they were "ready to start."`,
			`"The quay will reopen by spring,"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			if len(got) == 0 || got[0].Text != tt.content || got[0].Kind != storyline.Direct || got[0].SpeakerText != "the mayor" {
				t.Fatalf("want a direct quote %q by %q first; got %s", tt.content, "the mayor", dump(got))
			}
		})
	}
}

// TestNamingRelative pins naming participles after an indefinite noun
// phrase: they give a thing or person its name ("a play called “The
// Last Crane”"), which is no quotation; the same verbs with a subject
// and an object still report what someone called something.
func TestNamingRelative(t *testing.T) {
	const head = "Port notes\n\n"
	tests := []struct{ name, text, content string }{
		{"a title in quote marks", `The dockers are staging a play called "The Last Crane" in the harbour theatre.`, ""},
		{"a name without marks", "A new group called Harbour First is trying to win the vote.", ""},
		{"a person's name", "The strike was led by a docker named Ana Holt, who has worked the quay for 30 years.", ""},
		{"a subject and an object", `A union leader called it "long overdue."`, `it "long overdue."`},
		{"a definite subject", `The mayor called the plan "a disaster."`, `the plan "a disaster."`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			if tt.content == "" {
				if len(got) != 0 {
					t.Fatalf("want no quote; got %s", dump(got))
				}
				return
			}
			if len(got) != 1 || got[0].Text != tt.content {
				t.Fatalf("want one quote %q; got %s", tt.content, dump(got))
			}
		})
	}
}

// TestQuestionAttribution pins the attribution after a quoted question
// or exclamation: a speech verb after "?”" closes the question even when
// a long adjunct follows it, where after "." the same words would open a
// sentence of their own.
func TestQuestionAttribution(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content, speaker string }{
		{"question, long adjunct",
			`"Do you think the quay will ever change?" Holt asked reporters rhetorically during a news conference late last month. "It will not."`,
			`"Do you think the quay will ever change?"`, "Holt"},
		{"exclamation, long adjunct",
			`"We will never sell the quay!" Holt told the port radio in an interview aired on Monday night.`,
			`"We will never sell the quay!"`, "Holt"},
		{"full stop opens a sentence",
			`"The quay will reopen." Holt told the port radio in an interview aired on Monday night that the money was found.`,
			"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			var q *storyline.Quote
			for i := range got {
				if strings.HasPrefix(tt.text, got[i].Text) && got[i].Kind == storyline.Direct {
					q = &got[i]
				}
			}
			if tt.content == "" {
				if q != nil && q.SpeakerText != "" {
					t.Fatalf("want no attribution for the opening quote; got %s", dump(got))
				}
				return
			}
			if q == nil || !strings.HasPrefix(q.Text, tt.content) || q.SpeakerText != tt.speaker {
				t.Fatalf("want a direct quote from %q by %q; got %s", tt.content, tt.speaker, dump(got))
			}
		})
	}
}

// oneQuote is a text that holds exactly one quotation, with its content
// and speaker phrase.
type oneQuote struct{ name, text, content, speaker string }

// checkOneQuote extracts each test's text after head and wants exactly
// its one quotation.
func checkOneQuote(t *testing.T, head string, tests []oneQuote) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			if len(got) != 1 || got[0].Text != tt.content || got[0].SpeakerText != tt.speaker {
				t.Fatalf("want one quote %q by %q; got %s", tt.content, tt.speaker, dump(got))
			}
		})
	}
}

// TestInvertedAttribution pins "..., said X." after reported speech: the
// phrase after the verb is the speaker, even with a relative clause or an
// appositive, and the clause before the comma is the content. A subject
// with an appositive before "said" is no such attribution (its phrase
// keeps the closing comma, as PolNeAR's source spans do).
func TestInvertedAttribution(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []oneQuote{
		{"relative clause",
			"Defending the quay is squarely within the mayor's reach, said a handful of dockers who point to his ties with labour.",
			"Defending the quay is squarely within the mayor's reach", "a handful of dockers"},
		{"title before the name",
			"The fund for the fair is $9 million short, said former governor Ed Rendell, who chairs the host committee.",
			"The fund for the fair is $9 million short", "former governor Ed Rendell"},
		{"place adjunct",
			"Even the north quay has more resonance, says political scientist Dossym Satpayev in Almaty.",
			"Even the north quay has more resonance", "political scientist Dossym Satpayev"},
		{"scare quote before the comma",
			`The port's message may be "strategic," said Jeffery Hemsley, an assistant professor at the harbour college.`,
			`The port's message may be "strategic,"`, "Jeffery Hemsley"},
		{"subject with an appositive",
			"The mayor's former campaign manager, Corey Lewandowski, said the clerk who replaced him should be fired.",
			"the clerk who replaced him should be fired", "The mayor's former campaign manager, Corey Lewandowski,"},
	}
	checkOneQuote(t, head, tests)
}

// TestAdjunctTail pins a reported clause before "X said" or "X told Y"
// followed only by adjuncts or an addressee: the clause before is the
// content, not the adjuncts after the verb; a clause after the adjuncts
// is still the content.
func TestAdjunctTail(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []oneQuote{
		{"addressee",
			"The pilot was kind and careful, a harbour official told The Coastal Times.",
			"The pilot was kind and careful", "a harbour official"},
		{"addressee reporters",
			"The quay was never at risk, the mayor told reporters on Tuesday.",
			"The quay was never at risk", "the mayor"},
		{"time and place",
			"Dockers earn too little for the hours they work, former mayor Ed Lane said this week at a rally in Tromso.",
			"Dockers earn too little for the hours they work", "former mayor Ed Lane"},
		{"addressee with an article",
			"The ferry levy was only what nine ports already charge, the owners told the tribunal in their filing.",
			"The ferry levy was only what nine ports already charge", "the owners"},
		{"in a memo",
			"Two ledgers from the port office have been placed in secure storage, the auditor wrote in a memo to the council.",
			"Two ledgers from the port office have been placed in secure storage", "the auditor"},
		{"clause after the adjunct",
			"The quay is safe for now, the mayor said on Tuesday at the harbour that the council would vote on it in May.",
			"that the council would vote on it in May", "the mayor"},
	}
	checkOneQuote(t, head, tests)
	// "told a joke": the object is what was told; the adverbial before
	// the subject reports nothing.
	for _, txt := range []string{
		"PORT SALLOW - On Friday morning, the third day of his tour of the coast, the mayor told a joke.",
		"On Friday morning, the third day of his long tour of the coast, the mayor told a story.",
	} {
		for _, q := range extractChecked(t, head+txt) {
			if strings.HasPrefix(q.Text, "On Friday") {
				t.Errorf("%q: the adverbial is no content; got %s", txt, dump([]storyline.Quote{q}))
			}
		}
	}
}

// TestOuterAttribution pins a reported clause that holds a cue of its
// own which is no speech verb ("refusing", "endorse", "concern"): the
// speech verb after the clause attributes all of it.
func TestOuterAttribution(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []oneQuote{
		{"participle inside",
			"On Sunday, four dockers were detained after refusing to leave the ferry terminal during the strike, the coastguard said.",
			"On Sunday, four dockers were detained after refusing to leave the ferry terminal during the strike", "the coastguard"},
		{"according to",
			"The two unions are close to a deal that would see the smaller one endorse the pay offer in May, according to two union officials.",
			"The two unions are close to a deal that would see the smaller one endorse the pay offer in May", "two union officials"},
		{"noun cue inside",
			"The quay has been a lasting concern for the council this winter, Lane said.",
			"The quay has been a lasting concern for the council this winter", "Lane"},
		{"'that' with no clause inside",
			"Opening the ledgers now could help clear that up, the auditor said.",
			"Opening the ledgers now could help clear that up", "the auditor"},
	}
	checkOneQuote(t, head, tests)
}

// TestDatelineNotContent pins a dateline opening a reported clause: it
// is no part of the content.
func TestDatelineNotContent(t *testing.T) {
	const content = "Dockers and owners ended a second day of talks without a deal"
	checkOneQuote(t, "Talks stall\n\n", []oneQuote{
		{"agency and date", "PORT SALLOW, March 20 (NWA) - " + content + ", mediators said.", content, "mediators"},
		{"agency only", "PORT SALLOW (NWA) - " + content + ", mediators said.", content, "mediators"},
		{"city only", "PORT SALLOW - " + content + ", mediators said.", content, "mediators"},
	})
}

// TestMidAttribution pins "A, X said, B": the reported clause runs on
// both sides of the attribution and its span covers both, unless what
// follows is a participle or a relative clause of the attribution's own.
func TestMidAttribution(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content string }{
		{"subject before",
			"Her dockers, she said, should not listen to those who claim that the quay is closed.",
			"Her dockers, she said, should not listen to those who claim that the quay is closed"},
		{"adverb before",
			"Recently, he said, he has found that the north quay is less welcoming.",
			"Recently, he said, he has found that the north quay is less welcoming"},
		{"clause before",
			"The new ferry was a welcome step, Lane said, but the council should still find the money that the quay needs.",
			"The new ferry was a welcome step, Lane said, but the council should still find the money that the quay needs"},
		{"participle after",
			"The mayor will open the quay in May, Lane said, adding that the council had found the money.",
			"that the council had found the money"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantQuote(t, head+tt.text, tt.content)
		})
	}
}

// TestCloseToSpeaker pins speaker phrases with "close to" and "familiar
// with": the speakers are the people near someone, not the person named.
func TestCloseToSpeaker(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, speaker string }{
		{"after the clause", "The council's first task is whether it can win back the dockers, people close to Lane say.", "people close to Lane"},
		{"opening the sentence", "People close to Lane say the council's first task is winning back the dockers.", "People close to Lane"},
		{"familiar with", "The council will sign the lease on Monday, a source familiar with the talks said.", "a source familiar with the talks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			if len(got) != 1 || got[0].SpeakerText != tt.speaker || got[0].Speaker == "Lane" {
				t.Fatalf("want one quote by %q; got %s", tt.speaker, dump(got))
			}
		})
	}
}

// TestTurnOfPhrase pins "That said," and "Having said that," as turns of
// phrase that report nothing, while "said that," still reports.
func TestTurnOfPhrase(t *testing.T) {
	const head = "Port notes\n\nThe mayor may win the vote. "
	tests := []struct{ name, text, content string }{
		{"that said", "That said, a loss to Lane in this ward would be a sour end to her campaign.", ""},
		{"having said that", "Having said that, the quay cannot get enough votes.", ""},
		{"said that", "Lane said that, in her view, the quay cannot get enough votes.", "that, in her view, the quay cannot get enough votes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			switch {
			case tt.content == "" && len(got) != 0:
				t.Fatalf("want no quote; got %s", dump(got))
			case tt.content != "" && (len(got) != 1 || got[0].Text != tt.content):
				t.Fatalf("want %q; got %s", tt.content, dump(got))
			}
		})
	}
}

// TestVerbAfterSubjectPhrase pins reporting verbs that the cue lexicon
// rates low but that after a quotation and its subject can only report
// it: "states" (mostly "United States" elsewhere) at the sentence end,
// and plain present forms after a plural subject.
func TestVerbAfterSubjectPhrase(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, speaker, cue string }{
		{"the report states", `"The board picked a new rule out of thin air," the report states.`, "the report", "states"},
		{"the union's letter states", `"The board picked a new rule," the union's letter states. "We do not see the need."`, "the union's letter", "states"},
		{"the two write", `"The board picked a new rule out of thin air," the two write.`, "the two", "write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			if len(got) != 1 || got[0].Kind != storyline.Direct || got[0].SpeakerText != tt.speaker || got[0].Cue != tt.cue {
				t.Fatalf("want one direct quote by %q, cue %q; got %s", tt.speaker, tt.cue, dump(got))
			}
		})
	}
}

// TestModalName pins a capitalised modal right before a finite verb as
// part of a name ("Theresa May said", "Will wrote"), where a lower-case
// modal is skipped as an auxiliary.
func TestModalName(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, speaker string }{
		{"name before said", `"We will not sell the quay," Theresa May said.`, "Theresa May"},
		{"title and name", `"We will not sell the quay," Prime Minister Theresa May told reporters.`, "Prime Minister Theresa May"},
		{"reported speech", "Theresa May said the quay would not be sold.", "Theresa May"},
		{"a surname alone", `"The quay stays," Will wrote.`, "Will"},
		{"a lower-case modal", `"The quay stays," the mayor will say on Friday.`, "the mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			got := extractChecked(t, txt)
			if len(got) != 1 || got[0].SpeakerText != tt.speaker {
				t.Fatalf("want one quote by %q; got %s", tt.speaker, dump(got))
			}
		})
	}
}

// TestLeadInSentence pins where “A,” X said. … “B.” stops being one
// quote: a whole sentence that ends in a colon before B is B's own
// lead-in ("Later that day, Lane went further: “…”"), while a short tail
// or a conjunction keeps A and B together.
func TestLeadInSentence(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"sentence with a colon",
			"“The quay will not close this year,” Lane said in a radio interview. At a dinner later that evening, Lane went even further: “It will never close.”",
			[]string{"“The quay will not close this year,”", "“It will never close.”"}},
		{"attribution tail",
			"“The quay will not close this year,” Lane said on Monday. “It will never close.”",
			[]string{"“The quay will not close this year,” Lane said on Monday. “It will never close.”"}},
		{"conjunction",
			"“The quay will not close this year,” Lane said. But “it will need new cranes.”",
			[]string{"“The quay will not close this year,” Lane said. But “it will need new cranes.”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			var texts []string
			for _, q := range got {
				if q.Kind == storyline.Direct {
					texts = append(texts, q.Text)
				}
			}
			if !slices.Equal(texts, tt.want) {
				t.Fatalf("want direct quotes %q; got %s", tt.want, dump(got))
			}
		})
	}
}

// TestParticipleLeadIn pins “A,” adding, “B.”: the participle after A
// leads in to B, a direct quote of its own with the speaker of A, both
// after a direct quote and after a reported clause.
func TestParticipleLeadIn(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"after a direct quote",
			"On the radio the day before, she stated, “The quay will not close this year,” adding, “We found the money in March.”",
			[]string{"direct “The quay will not close this year,” she stated", "direct “We found the money in March.” she adding"}},
		{"after a reported clause, colon",
			"Lane described the vote as a “breach of trust,” adding: “I am now telling every docker about it.”",
			[]string{"partial the vote as a “breach of trust,” Lane described", "direct “I am now telling every docker about it.” Lane adding"}},
		{"quote at the end of the text",
			"Lane said the vote was “a breach of trust,”",
			[]string{"partial the vote was “a breach of trust,” Lane said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			var texts []string
			for _, q := range got {
				texts = append(texts, string(q.Kind)+" "+q.Text+" "+q.SpeakerText+" "+q.Cue)
			}
			if !slices.Equal(texts, tt.want) {
				t.Fatalf("want %q; got %q", tt.want, texts)
			}
		})
	}
}

// TestAddresseeThat pins the content of "X told Y that Z": it starts at
// "that", after the addressee, in a reported clause with quoted words and
// in one without; with no "that", at a pronoun that opens the clause.
func TestAddresseeThat(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content string }{
		{"indirect",
			"Lane told the Harbour Gazette on Monday that the council had found the money for the north quay.",
			"that the council had found the money for the north quay"},
		{"partial",
			"Lane told dockers that the council had been “asleep at the wheel” for years.",
			"that the council had been “asleep at the wheel” for years"},
		{"reminding",
			"The mayor spoke for an hour, reminding the dockers that the quay had never closed in a century.",
			"that the quay had never closed in a century"},
		{"no that, a pronoun subject",
			"Lane told the Harbour Gazette on Monday he would not sign the lease this year.",
			"he would not sign the lease this year"},
		{"comma inside the addressee",
			"Lane told a packed hall in Castelmar, on the last night of the campaign, that the quay would stay open.",
			"that the quay would stay open"},
		{"a relative clause in the addressee (no pronoun subject inside it)",
			"Lane told dockers who asked why he had voted for the lease that the council had no choice.",
			"dockers who asked why he had voted for the lease that the council had no choice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantQuote(t, head+tt.text, tt.content)
		})
	}
}

// TestPrepAfterCue pins the preposition after a cue ("talked about",
// "warned of") as part of the cue, not of the content; a quotation right
// after it is then a direct quote.
func TestPrepAfterCue(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct {
		name, text, content, cue string
		kind                     storyline.QuoteKind
	}{
		{"about", "Lane talked about the plan to rebuild the north quay before the winter storms.",
			"the plan to rebuild the north quay before the winter storms", "talked about", storyline.Indirect},
		{"quoted words", "The mayor warned of “a winter the docks will not forget.”",
			"“a winter the docks will not forget.”", "warned of", storyline.Direct},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractChecked(t, head+tt.text)
			for _, q := range got {
				if q.Text == tt.content && q.Cue == tt.cue && q.Kind == tt.kind {
					return
				}
			}
			t.Fatalf("want content %q with cue %q; got %s", tt.content, tt.cue, dump(got))
		})
	}
}

// TestRelativeOpener pins the content of a reported clause whose gap is
// a relative word before the speaker: it starts at "what" or "which";
// after a preposition ("during which") it starts after the cue.
func TestRelativeOpener(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content string }{
		{"what", "The new board quickly undid what Lane said were the worst mistakes of the old one.",
			"what Lane said were the worst mistakes of the old one"},
		{"which", "Lane wants a new sea wall, which he said the government in Varnograd should pay for.",
			"which he said the government in Varnograd should pay for"},
		{"during which", "The vote came after a long night, during which Lane said the council had lost its way.",
			"the council had lost its way"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantQuote(t, head+tt.text, tt.content)
		})
	}
}

// TestMaintained pins "maintained" as a cue of reported speech only
// before "that": "has maintained a lead" and "maintained by her aides"
// report nothing.
func TestMaintained(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content string }{
		{"that clause", "Lane maintained that the north quay was safe for the new cranes.", "that the north quay was safe for the new cranes"},
		{"a lead", "Lane has maintained a double-digit lead over the harbour board candidates since May.", ""},
		{"passive", "The records of the quay are maintained by the port authority in Castelmar.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.content != "" {
				wantQuote(t, head+tt.text, tt.content)
			} else if got := extractChecked(t, head+tt.text); len(got) != 0 {
				t.Fatalf("want no quote; got %s", dump(got))
			}
		})
	}
}

// TestTimeIsNoSpeaker pins that a phrase of time, a dateline or a name in
// a modifier never stands for the speaker.
func TestTimeIsNoSpeaker(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content, phrase, speaker string }{
		{"a paper called Times", "In Castelmar, The Harbour Times wrote that the quay was unsafe for the new cranes.",
			"that the quay was unsafe for the new cranes", "The Harbour Times", "Harbour Times"},
		{"time before a participle", "The union, which opposes the merger, launched a radio ad in Castelmar on Saturday afternoon titled, “Sold Out.”",
			"“Sold Out.”", "The union", ""},
		{"time opening the phrase", "On Saturday, Senator Ada Lind of Castelmar, a harbour board rival, assailed the board for its vote on the cranes.",
			"the board for its vote on the cranes", "Senator Ada Lind of Castelmar, a harbour board rival,", "Ada Lind"},
		{"a poll out this week", "A Castelmar University poll out this week shows Lind with an 8-point lead over Varga in the harbour race.",
			"Lind with an 8-point lead over Varga in the harbour race", "A Castelmar University poll", ""},
		{"later that night", "But a victory over Varga in Castelmar later that night could ratify Lind's nomination in the minds of many voters.",
			"Lind's nomination in the minds of many voters", "a victory over Varga in Castelmar", ""},
		{"less than two weeks ago", "The harbour board less than two weeks ago said that the cranes had been ordered.",
			"that the cranes had been ordered", "The harbour board", ""},
		{"who a week ago", "Lind, who just a week ago surprised Varga by declaring he could not yet support the plan, spoke on Monday.",
			"he could not yet support the plan", "who", "Lind"},
		{"that three weeks ago", "The board had “kept its word on the cranes”, Lind said, in unusually warm language for a union that only three weeks ago was accusing the board of theft.",
			"the board of theft", "a union", ""},
		{"dateline in title case", "Castelmar (AFP) – Harbour chief Ada Lind has taken a swipe at the board, saying that the new cranes were a waste of money.",
			"that the new cranes were a waste of money", "Harbour chief Ada Lind", "Ada Lind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if q := findQuote(t, head+tt.text, tt.content); q.SpeakerText != tt.phrase || q.Speaker != tt.speaker {
				t.Fatalf("speaker phrase %q (resolved %q); want %q (%q)", q.SpeakerText, q.Speaker, tt.phrase, tt.speaker)
			}
		})
	}
}

// TestAccordingToDocument pins that "according to" a document takes in
// the author after "from", "by" or "with".
func TestAccordingToDocument(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"report from", "The harbour will need three new cranes by May, according to a report from the Castelmar Harbour Institute.",
			"The harbour will need three new cranes by May", "a report from the Castelmar Harbour Institute"},
		{"analysis by", "According to an analysis by the harbour board, the quay lost money for three years.",
			"the quay lost money for three years", "an analysis by the harbour board"},
		{"interviews with", "The quay lost money last year, according to interviews with a dozen dock workers.",
			"The quay lost money last year", "interviews with a dozen dock workers"},
		{"a name stays", "The quay lost money last year, according to Lind in a statement.",
			"The quay lost money last year", "Lind"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestPassiveAsked pins that a question put to someone ("X was asked")
// is not X's words: the asker after "by" speaks, or nobody named does.
func TestPassiveAsked(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"no asker", "In an interview with the Castelmar Gazette, Lind was asked, “What is the most dangerous quay you have seen?”",
			"“What is the most dangerous quay you have seen?”", ""},
		{"asker after by", "Lind was asked by harbour board member Tomas Varga, “What will the cranes cost?”",
			"“What will the cranes cost?”", "harbour board member Tomas Varga"},
		{"active asked", "Tomas Varga asked Lind, “What will the cranes cost?”",
			"“What will the cranes cost?”", "Tomas Varga"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestObjectBeforePrepCue pins the speaker of a preposition cue after a
// verb's object: the verb's subject, not the object.
func TestObjectBeforePrepCue(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"after a modal and n't", "They can't make the same case about the northern quays, where the cranes stood idle in 2019.",
			"the northern quays, where the cranes stood idle in 2019", "They"},
		{"after will and a prepositional object", "On Friday, Lind will speak before the harbour committee about the plan to sell the dry dock.",
			"the plan to sell the dry dock", "Lind"},
		{"after to", "The mayor's deputies gathered with the pilots to give a frank report about the ferry's future.",
			"the ferry's future", "The mayor's deputies"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestInfinitiveSpeaker pins the speaker of "to say" before a quotation:
// the subject of the verb the infinitive follows; and "to say" itself is
// no reported content.
func TestInfinitiveSpeaker(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content, phrase string }{
		{"goes on to say", "The union's letter goes on to say: “The cranes have not moved since the strike began.”",
			"“The cranes have not moved since the strike began.”", "The union's letter"},
		{"went so far as to say", "The Gazette columnist Ann Lind went so far as to say: “The old port is finished.”",
			"“The old port is finished.”", "The Gazette columnist Ann Lind"},
		{"prompted in a subordinate clause", "Much of the hearing was so calm that Mr. Varga was prompted to say, “I am surprised how calm the room stayed.”",
			"“I am surprised how calm the room stayed.”", "Mr. Varga"},
		{"after an appositive", "Varga, who signed the dock rules as mayor, interjected to say: “They have both changed their minds on this.”",
			"“They have both changed their minds on this.”", "Varga, who signed the dock rules as mayor,"},
		{"had this to say", "A paper from the Castelmar Institute had this to say about the plan: “Shippers would pay a third more.”",
			"“Shippers would pay a third more.”", "A paper from the Castelmar Institute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			if q := findQuote(t, txt, tt.content); q.SpeakerText != tt.phrase {
				t.Fatalf("speaker phrase %q; want %q", q.SpeakerText, tt.phrase)
			}
			for _, q := range extractChecked(t, txt) {
				if q.Text == "to say" {
					t.Fatalf("\"to say\" reported as content: %s", dump([]storyline.Quote{q}))
				}
			}
		})
	}
}

// TestAdjectiveInSpeaker pins a speaker after a speech verb whose words
// include an adjective in -ed: "said the printed slate card".
func TestAdjectiveInSpeaker(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"after a determiner", "“Please keep your votes for this list,” said the printed union slate card.",
			"“Please keep your votes for this list,”", "the printed union slate card"},
		{"after a count", "“Nothing in the figures says so,” said one unaligned Castelmar party strategist.",
			"“Nothing in the figures says so,”", "one unaligned Castelmar party strategist"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestRestrictiveWho pins relative clauses with no comma: "who" is the
// speaker of its own cue, as PolNeAR annotates it; the clause's content
// ends where the main clause's verb resumes.
func TestRestrictiveWho(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"who tweeted", "The best response was this tweet from Ann Lind who tweeted, “They never pay attention to the harbour rules.”",
			"“They never pay attention to the harbour rules.”", "who"},
		{"the relative clause's content", "So even economists who favor harbour fees agree that movement toward them will be slow.",
			"harbour fees", "who"},
		{"the main clause's content", "So even economists who favor harbour fees agree that movement toward them will be slow.",
			"that movement toward them will be slow", "economists who favor harbour fees"},
		{"a verb after a dash", "Dock workers who backed the strike — about 40 percent of them — warned that the port may have to close.",
			"that the port may have to close", "Dock workers who backed the strike — about 40 percent of them"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestClauseBeforeParticiple pins "A, X said <adjunct>, noting B": the
// speech verb reports the clause before it, the participle the words
// after it, and a title in marks ending the adjunct is no quotation.
func TestClauseBeforeParticiple(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []struct{ name, text, content, cue string }{
		{"the clause before the speech verb", "Varga's “blunders” are a scandal, Lind said Tuesday in Castelmar, noting the mayor “has lost the docks.”",
			"Varga's “blunders” are a scandal", "said"},
		{"the participle's words", "Varga's “blunders” are a scandal, Lind said Tuesday in Castelmar, noting the mayor “has lost the docks.”",
			"the mayor “has lost the docks.”", "noting"},
		{"a title after the speech verb", "Lind was for the yard while the mayor was in office, he said Wednesday morning on Harbour Radio's “Morning Tide.”",
			"Lind was for the yard while the mayor was in office", "said"},
		{"a verb in the present", "Mr. Varga intends to open the dry dock this month, Mr. Lind said, adding that he would also hold talks to address the ''pay gap.''",
			"Mr. Varga intends to open the dry dock this month", "said"},
		{"no participle alone", "Mr. Varga intends to open the dry dock this month, Mr. Lind said, adding that he would also hold talks to address the ''pay gap.''",
			"that he would also hold talks to address the ''pay gap.''", "adding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := head + tt.text
			if q := findQuote(t, txt, tt.content); q.Cue != tt.cue {
				t.Fatalf("cue %q; want %q", q.Cue, tt.cue)
			}
			for _, q := range extractChecked(t, txt) {
				if !strings.ContainsAny(q.Text, " ,") && isParticiple(q.Text) {
					t.Fatalf("a participle alone reported as content: %s", dump([]storyline.Quote{q}))
				}
			}
		})
	}
}

// TestInvertedJoinedSpeaker pins "A, said X and Y" and "A, said X for Y":
// the speaker phrase after the speech verb runs over the join, and the
// clause before it is the content.
func TestInvertedJoinedSpeaker(t *testing.T) {
	const head = "Port notes\n\nThe harbour was quiet on Monday.\n\n"
	tests := []speakerCase{
		{"for", "She also had a say in the board's choice of crane suppliers, said a former spokesman for the Castelmar harbour board, Tomas Varga.",
			"She also had a say in the board's choice of crane suppliers", "a former spokesman for the Castelmar harbour board"},
		{"and", "The agency worked for the dockers' union on pensions and shift rules, said lobbyist and party strategist Ann Lind, Varga's former partner.",
			"The agency worked for the dockers' union on pensions and shift rules", "lobbyist and party strategist Ann Lind"},
		{"a place after the name", "The north quay now earns more from its ferries, says harbour economist Ann Lind in Castelmar.",
			"The north quay now earns more from its ferries", "harbour economist Ann Lind"},
	}
	checkSpeakerPhrases(t, head, tests)
}

// TestZeroThatClause pins a weak cue whose clause has no "that" ("Port
// officials believe Castelmar has reopened ..."): the phrase right before
// the verb is the speaker when it names a group, and a preposition is no
// such cue.
func TestZeroThatClause(t *testing.T) {
	const head = "Port notes\n\nThe strike entered its third week.\n\n"
	checkSpeakerPhrases(t, head, []speakerCase{
		{"a name and a plural noun", "Port officials believe Castelmar has reopened its customs office.",
			"Castelmar has reopened its customs office", "Port officials"},
		{"a plural noun phrase", "Union strategists believe dockers are likely to vote for the deal.",
			"dockers are likely to vote for the deal", "Union strategists"},
		{"a pronoun before a clause with a modal", "They believe other ports would follow Castelmar.",
			"other ports would follow Castelmar", "They"},
	})
	for _, txt := range []string{
		"Attitudes about coastal shipping may change.",
		"Still, doubts about the harbour board's plans persist among the dockers.",
	} {
		if got := extractChecked(t, head+txt); len(got) != 0 {
			t.Errorf("%q: want no quotation; got %s", txt, dump(got))
		}
	}
}

// TestRaisedSubject pins the content of "expected", "seems" and the other
// raising verbs when no phrase stands right before the verb: it opens at a
// relative word, or at the sentence's subject after a comma or "but".
func TestRaisedSubject(t *testing.T) {
	const head = "Port notes\n\nThe strike entered its third week.\n\n"
	for _, tt := range []struct{ name, text, content string }{
		{"a relative word", "The ferry runs during the regatta, which is expected to draw a large crowd.",
			"which is expected to draw a large crowd"},
		{"a subject before a relative clause", "The harbour board, which met on Monday, is expected to vote on the fees.",
			"The harbour board, which met on Monday, is expected to vote on the fees"},
		{"a subject before but", "She is moving to Castelmar but is expected to keep her seat on the board.",
			"She is moving to Castelmar but is expected to keep her seat on the board"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if q := findQuote(t, head+tt.text, tt.content); q.SpeakerSpan != nil {
				t.Fatalf("speaker %q; want none", q.SpeakerText)
			}
		})
	}
}

// TestWhenAskedMidSentence pins "X said when asked whether ...": the
// question is reported speech of its own, running to the end of the
// sentence, with the asker only when "by" names one.
func TestWhenAskedMidSentence(t *testing.T) {
	const head = "Port notes\n\nThe strike entered its third week.\n\n"
	for _, tt := range []struct{ name, text, content, phrase, cue string }{
		{"whether", "“You bet I would,” Varga said when asked whether he would close the harbour to tankers.",
			"whether he would close the harbour to tankers", "", "asked"},
		{"about", "“I think the port will reopen,” Lind said Monday when asked about the dockers' pay claim.",
			"the dockers' pay claim", "", "asked about"},
		{"by an asker", "“Absolutely,” he said when asked by a reporter if that remains his view.",
			"if that remains his view", "a reporter", "asked"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if q := findQuote(t, head+tt.text, tt.content); q.SpeakerText != tt.phrase || q.Cue != tt.cue {
				t.Fatalf("speaker %q, cue %q; want %q, %q", q.SpeakerText, q.Cue, tt.phrase, tt.cue)
			}
		})
	}
}
