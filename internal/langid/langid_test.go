package langid

import "testing"

func TestDetect(t *testing.T) {
	d := New()
	tests := []struct{ text, want string }{
		{"The fishing fleet stayed in port on Thursday as talks over the strait resumed in Selm.", "en"},
		{"Die Fischereiflotte blieb am Donnerstag im Hafen, während die Gespräche fortgesetzt wurden.", "de"},
		{"La flotte de pêche est restée au port jeudi pendant que les négociations reprenaient.", "fr"},
		{"ok", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := d.Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Paragraphs of 15 words and more take the English fast path or go to
// lingua; either way the answer must be the paragraph's language.
func TestDetectParagraphs(t *testing.T) {
	d := New()
	tests := []struct {
		name, text, want string
		fast             bool
	}{
		{"english", "The mayor of Selm said on Tuesday that the harbour would stay closed to foreign trawlers until the talks with Kestoria were over, and that the city had been promised compensation by the government for the weeks of lost trade. Fishermen who gathered outside the town hall were not convinced.", "en", true},
		{"german", "Der Bürgermeister von Selm sagte am Dienstag, dass der Hafen für ausländische Trawler geschlossen bleibe, bis die Gespräche mit Kestoria beendet seien, und dass der Stadt von der Regierung eine Entschädigung für die Wochen des verlorenen Handels versprochen worden sei. Die Fischer vor dem Rathaus waren nicht überzeugt.", "de", false},
		{"french", "Le maire de Selm a déclaré mardi que le port resterait fermé aux chalutiers étrangers jusqu'à la fin des pourparlers avec la Kestorie, et que le gouvernement avait promis à la ville une compensation pour les semaines de commerce perdues. Les pêcheurs réunis devant la mairie n'étaient pas convaincus.", "fr", false},
		{"dutch", "De burgemeester van Selm zei dinsdag dat de haven gesloten blijft voor buitenlandse trawlers tot de gesprekken met Kestoria voorbij zijn, en dat de regering de stad een vergoeding heeft beloofd voor de weken van verloren handel. De vissers die zich voor het stadhuis hadden verzameld, waren niet overtuigd.", "nl", false},
		{"spanish", "El alcalde de Selm dijo el martes que el puerto seguiría cerrado a los arrastreros extranjeros hasta que terminaran las conversaciones con Kestoria, y que el gobierno había prometido a la ciudad una compensación por las semanas de comercio perdidas. Los pescadores reunidos frente al ayuntamiento no estaban convencidos.", "es", false},
		{"russian", "Мэр Сельма заявил во вторник, что порт останется закрытым для иностранных траулеров до окончания переговоров с Кесторией, и что правительство пообещало городу компенсацию за недели потерянной торговли. Рыбаки, собравшиеся у мэрии, не были убеждены, что обещание будет выполнено в срок и полностью.", "ru", false},
		// Long texts (60 words and more) need a tenth: page furniture
		// before the English, but never a Dutch or German article.
		{"english under urls", "Harbour strike ends after talks\n\nhttp : / / www . selm - courier . com / news / 2026 / 03 / harbour - strike - ends - after - talks / 4471 . html\n\nMar 03 , 2026 , 9 : 12 AM\n\nDockworkers in Selm went back to work on Tuesday after the union and the port authority agreed to a new rota. The strike had closed the harbour for nine days, and the fishing fleet had been stuck at anchor.", "en", true},
		{"long dutch", "De burgemeester van Selm zei dinsdag dat de haven gesloten blijft voor buitenlandse trawlers tot de gesprekken met Kestoria voorbij zijn. Hij was daar niet blij mee, maar de regering had de stad een vergoeding beloofd voor de weken van verloren handel. De vissers die zich voor het stadhuis hadden verzameld, waren niet overtuigd. Een van hen zei dat hij al drie weken niet had gevaren en dat zijn schulden elke dag groter werden.", "nl", false},
		{"long german", "Der Bürgermeister von Selm sagte am Dienstag, der Hafen bleibe für ausländische Trawler geschlossen, bis die Gespräche mit Kestoria beendet seien. Was die Fischer davon halten, war vor dem Rathaus deutlich zu hören: Sie wollen ihre Boote wieder auslaufen lassen, und wer will es ihnen verdenken. Die Regierung hat der Stadt eine Entschädigung für die Wochen des verlorenen Handels versprochen, doch niemand weiß, wann das Geld kommt.", "de", false},
		// Short texts (15 to 40 words) need a quarter of function words.
		{"short english", "Crews were called to the harbour on Sunday after a fire broke out in a warehouse that had been empty for years.", "en", true},
		{"short headline", "Mayor Of Selm Closes Harbour To Foreign Trawlers Until Talks With Kestoria End In Spring Next Year", "en", false},
		{"short german", "Der Hafen war am Sonntag geschlossen, weil die Fischer was sie wollten nicht bekommen hatten und die Stadt will warten.", "de", false},
		{"short dutch", "De haven was zondag gesloten omdat de vissers niet hadden gekregen wat ze wilden en de stad had geen antwoord.", "nl", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainEnglish(tt.text); got != tt.fast {
				t.Errorf("plainEnglish = %v, want %v", got, tt.fast)
			}
			if got := d.Detect(tt.text); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := "Negotiators from Varnia and Kestoria sat down again on Tuesday in the port city of Selm, two weeks after the talks collapsed over fishing quotas. The mediator said the talks were the last chance before the summer, when the boats go out. "
	for len(text) < 2000 {
		text += text
	}
	d.Detect(text)
	b.SetBytes(2000)
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(text)
	}
}
