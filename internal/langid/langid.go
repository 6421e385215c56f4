// Package langid identifies the language of a report as an ISO 639-1
// code, with lingua-go in its low-accuracy mode over the languages news in
// storyline's reach is written in (fast to load, small in memory).
package langid

import (
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
)

// Detector identifies languages. It is safe for concurrent use.
type Detector struct {
	once sync.Once
	det  lingua.LanguageDetector
}

// New returns a Detector; its model loads on first use.
func New() *Detector { return &Detector{} }

var languages = []lingua.Language{
	lingua.English, lingua.German, lingua.French, lingua.Spanish, lingua.Italian,
	lingua.Portuguese, lingua.Dutch, lingua.Polish, lingua.Russian, lingua.Ukrainian,
	lingua.Swedish, lingua.Danish, lingua.Finnish, lingua.Estonian, lingua.Turkish, lingua.Arabic,
}

// Detect returns the ISO 639-1 code of text's language, or "und" when it
// cannot tell. It looks at the first 600 bytes only: a paragraph is
// plenty for the languages it knows, and the cost grows with the length.
func (d *Detector) Detect(text string) string {
	d.once.Do(func() {
		d.det = lingua.NewLanguageDetectorBuilder().
			FromLanguages(languages...).
			WithLowAccuracyMode().
			Build()
	})
	if len(text) > 600 {
		cut := 600
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	if len(strings.Fields(text)) < 3 {
		return "und"
	}
	lang, ok := d.det.DetectLanguageOf(text)
	if !ok {
		return "und"
	}
	return strings.ToLower(lang.IsoCode639_1().String())
}
