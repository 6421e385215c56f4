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
