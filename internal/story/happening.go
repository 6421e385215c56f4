package story

import (
	"slices"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

var weekdays = map[string]int8{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// happeningWeekday returns the weekday a report names for its happening:
// the first one its title names, else the first one its lead names ("on
// Friday", "Friday's meeting"), skipping those said of another week
// ("last Friday", "next Monday"); -1 when it names none. Later weekdays
// are mostly of other happenings the report recalls.
func happeningWeekday(title, text string) int8 {
	if d := firstWeekday(title); d >= 0 {
		return d
	}
	return firstWeekday(text[:wordEnd(text, leadWords)])
}

func firstWeekday(s string) int8 {
	prev := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		lw := strings.ToLower(w)
		lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		if d, ok := weekdays[lw]; ok && unicode.IsUpper([]rune(w)[0]) {
			switch prev {
			case "last", "next", "previous", "since", "until", "till", "every", "coming", "from", "by", "before", "after", "through", "this":
			default:
				return d
			}
		}
		prev = strings.ToLower(w)
	}
	return -1
}

// maxQuoteShingles bounds the quotation shingles kept per report.
const maxQuoteShingles = 256

// quoteShingles returns the sorted, distinct hashes of the word 4-grams
// of the passages between double quotation marks (straight or curly).
func quoteShingles(text string) []uint32 {
	var out []uint32
	in := false
	start := 0
	for i, r := range text {
		switch r {
		case '“':
			in, start = true, i+len("“")
		case '”':
			if in {
				out = appendShingles(out, text[start:i])
			}
			in = false
		case '"':
			if in {
				out = appendShingles(out, text[start:i])
				in = false
			} else {
				in, start = true, i+1
			}
		case '\n':
			// a quotation left open at the end of a paragraph
			if in {
				out = appendShingles(out, text[start:i])
				in = false
			}
		}
	}
	if in {
		out = appendShingles(out, text[start:])
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxQuoteShingles {
		out = out[:maxQuoteShingles]
	}
	return out
}

func appendShingles(out []uint32, passage string) []uint32 {
	ws := strings.FieldsFunc(strings.ToLower(passage), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+4 <= len(ws); i++ {
		out = append(out, uint32(xxh3.HashString(strings.Join(ws[i:i+4], " "))))
	}
	return out
}

// sharedQuotes counts the quotation shingles two reports share.
func sharedQuotes(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
