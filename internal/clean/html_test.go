package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour talks resume in Selm | Tidewater</title>
<meta property="og:title" content="Harbour talks resume in Selm">
<meta name="author" content="Ines Carrow">
<meta property="article:published_time" content="2026-03-05T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour talks resume in Selm</h1>
<p>Negotiators from Varnia and Kestoria sat down again on Tuesday in the port city of Selm, two weeks after the talks broke down over fishing quotas and the line of the strait.</p>
<p>The mediator said the co` + "\u00AD" + `operation of both fleets was the last chance before the summer season, when the boats go out again.</p>
<p>“We are not there yet,” said Jose` + "\u0301" + ` Alvarez, the mediator, as he left the town hall late in the evening.</p>
</article>
<footer>© Tidewater 2026. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>`

func TestHTML(t *testing.T) {
	p, err := HTML(page, "https://tidewater.example/2026/03/05/harbour-talks")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sub string
		want      bool
	}{
		{"first paragraph", "Negotiators from Varnia and Kestoria sat down again", true},
		{"soft hyphen removed", "cooperation of both fleets", true},
		{"accent composed", "José Alvarez", true},
		{"decomposed accent gone", "e\u0301", false},
		{"navigation dropped", "Sport", false},
		{"footer dropped", "All rights reserved", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Contains(p.Text, tt.sub); got != tt.want {
				t.Errorf("text contains %q = %v, want %v; text:\n%s", tt.sub, got, tt.want, p.Text)
			}
		})
	}
	if p.Title != "Harbour talks resume in Selm" {
		t.Errorf("title %q", p.Title)
	}
	if p.Published != "2026-03-05" {
		t.Errorf("published %q", p.Published)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add(page)
	f.Add("<p>unclosed <b>bold")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := HTML(s, "")
		if err != nil {
			return
		}
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(p.Text) {
			t.Errorf("invalid UTF-8 out of valid input")
		}
	})
}
