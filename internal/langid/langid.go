// Package langid identifies the language of a report as an ISO 639-1
// code, with lingua-go in its low-accuracy mode over the languages news in
// storyline's reach is written in (fast to load, small in memory).
//
// Most reports are English, and lingua costs about 1.8 ms for each, more
// than the entity tagger: a text whose opening words are plainly English
// (function words no other language here shares make up a seventh of them,
// and its letters are Latin) is called English without asking lingua.
package langid

import (
	"strings"
	"sync"
	"unicode"

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
// cannot tell. The English test reads the first 3,000 bytes (a page's
// opening lines may be a dateline, a URL or a list of names); lingua
// reads the first 600 only: a paragraph is plenty for the languages it
// knows, and its cost grows with the length.
func (d *Detector) Detect(text string) string {
	if len(strings.Fields(prefix(text, 600))) < 3 {
		return "und"
	}
	if plainEnglish(prefix(text, 3000)) {
		return "en"
	}
	d.once.Do(func() {
		d.det = lingua.NewLanguageDetectorBuilder().
			FromLanguages(languages...).
			WithLowAccuracyMode().
			Build()
	})
	text = prefix(text, 600)
	lang, ok := d.det.DetectLanguageOf(text)
	if !ok {
		return "und"
	}
	return strings.ToLower(lang.IsoCode639_1().String())
}

// englishWords are frequent English function words that are not also
// common words of the other languages Detect knows ("in", "a", "an",
// "on", "de", "die" are left out).
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "that": true, "for": true,
	"with": true, "was": true, "said": true, "by": true, "from": true, "his": true,
	"has": true, "have": true, "were": true, "will": true, "this": true, "which": true,
	"who": true, "its": true, "their": true, "they": true, "after": true, "had": true,
	"been": true, "it": true, "he": true, "she": true, "are": true, "not": true,
	"but": true, "would": true, "about": true, "there": true, "or": true, "be": true,
}

// plainEnglish reports whether text is Latin-letter words of which
// enough are English function words: a tenth of 60 words or more (a page
// may open with URLs, datelines and lists of names), a seventh of 40 or
// more, a quarter of 15 or more. Other languages' texts have a few of
// these words by chance (Dutch "was", "had"), far fewer.
func plainEnglish(text string) bool {
	words, english := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		for _, r := range w {
			if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
				return false
			}
		}
		words++
		if len(w) <= 5 && englishWords[strings.ToLower(w)] {
			english++
		}
	}
	// A short text needs a larger share.
	return words >= 60 && english*10 >= words || words >= 40 && english*7 >= words || words >= 15 && english*4 >= words
}

// prefix cuts text to at most n bytes, at a character boundary.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && text[n]&0xC0 == 0x80 {
		n--
	}
	return text[:n]
}
