package actor

import "strings"

// quantifierHeads are heads of noun phrases that only count or point
// ("those", "some", "all"): they carry no sense a head match could use.
var quantifierHeads = set("those", "these", "some", "all", "many", "both", "each", "any", "none", "few",
	"several", "others", "what", "most", "much", "more", "less", "either", "neither", "such", "this", "that")

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
	"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12",
}

// numbersIn returns the numbers a phrase states, in digits ("three" →
// "3", "7:42" stays "7:42").
func numbersIn(ws []string) map[string]bool {
	var out map[string]bool
	for _, w := range ws {
		k := ""
		if d, ok := numberWords[w]; ok {
			k = d
		} else if strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			k = strings.Trim(w, ".,")
		}
		if k == "" {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[k] = true
	}
	return out
}

// numbersClash tells whether two common-noun phrases both state numbers
// and share none: "three years" and "485 years", "with 7:42 left" and
// "with 14:05 left" name different things.
func numbersClash(a, b *mention) bool {
	na, nb := numbersIn(a.ws), numbersIn(b.ws)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for k := range na {
		if nb[k] {
			return false
		}
	}
	return true
}

// relDays name a day relative to the report; a date beside them says
// which ("today ( 4 November 2011 )").
var relDays = set("today", "yesterday", "tomorrow", "tonight")
