package actor

import (
	"strings"
	"unicode"
)

// commonWords learns from the texts themselves which words are common
// nouns that headlines and shouting capitalise ("Man charged", "ACCUSED",
// "Rehab"): words seen in lower case inside sentences at least twice and
// at least as often as capitalised there. Sentence openings do not count.
func commonWords(texts map[string]string) map[string]bool {
	lower, upper := map[string]int{}, map[string]int{}
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			f := strings.Fields(line)
			for i := 1; i < len(f); i++ {
				switch f[i-1] {
				case ".", "!", "?", ":", "``", "\"", "“", "''", "-", "--", "|":
					continue
				}
				w := f[i]
				r := []rune(w)
				if len(r) < 2 || !unicode.IsLetter(r[0]) {
					continue
				}
				if unicode.IsLower(r[0]) {
					lower[strings.ToLower(w)]++
				} else if unicode.IsUpper(r[0]) {
					upper[strings.ToLower(w)]++
				}
			}
		}
	}
	out := map[string]bool{}
	for w, n := range lower {
		if n >= 2 && n >= upper[w] {
			out[w] = true
		}
	}
	return out
}

// demote re-reads a one-word "name" that is a common word in lower case
// ("Man", "TEEN"), so that it matches as the common noun it is. Words the
// alias tables know ("US") stay names.
func demote(m *mention, common map[string]bool) *mention {
	if !m.proper || m.pron != nil || len(m.ws) != 1 || !common[m.ws[0]] || m.alias != "" && m.alias != m.ws[0] {
		return m
	}
	r := *m.ref
	r.Text = strings.ToLower(r.Text)
	d := analyse(&r, m.i)
	d.ref = m.ref
	return d
}

// placeNouns name a kind of place that "of" and a name may follow ("the
// city of Hawaiian Gardens", "her hometown of Wasilla").
var placeNouns = set("city", "town", "village", "hometown", "island", "state", "province", "region", "capital",
	"country", "district", "county", "borough", "suburb", "port", "republic", "kingdom", "area", "neighborhood",
	"neighbourhood", "municipality", "community")

// placeOfName re-reads "the city of Hawaiian Gardens" as the place it
// names, "Hawaiian Gardens".
func placeOfName(m *mention) *mention {
	if m.proper || m.pron != nil || m.class != ClassPlace {
		return m
	}
	f := strings.Fields(m.ref.Text)
	for i := 1; i+1 < len(f); i++ {
		if f[i] != "of" || !placeNouns[strings.ToLower(f[i-1])] {
			continue
		}
		rest := f[i+1:]
		for _, w := range rest {
			if !isCapitalised(w) {
				return m
			}
		}
		r := *m.ref
		r.Text = strings.Join(rest, " ")
		d := analyse(&r, m.i)
		d.ref = m.ref
		return d
	}
	return m
}

// synonymHeads maps common-noun heads that news reports use for one
// another to one of them ("cop" to "police", "vulnerability" to "flaw").
// Each group was kept only if dropping it lowered ECB+ or MEANTIME train
// CoNLL F1; "officer" is out of the police group because of "chief
// executive officer".
var synonymHeads = func() map[string]string {
	groups := [][]string{
		{"lawyer", "attorney", "counsel", "solicitor"},
		{"police", "cop", "policeman", "policewoman"},
		{"thief", "thieve", "robber", "crook", "burglar", "raider"}, // lemma("thieves") is "thieve"
		{"flaw", "vulnerability", "hole", "bug", "loophole", "weakness"},
		{"patch", "update", "fix"},
		{"jail", "prison", "penitentiary"},
		{"facility", "center", "centre", "clinic"},
		{"plane", "aircraft", "airplane", "jet", "airliner"},
		{"store", "shop", "boutique"},
		{"home", "house", "residence"},
		{"teen", "teenager", "youth"},
		{"mother", "mom", "mum"},
		{"deal", "agreement", "contract"},
	}
	m := map[string]string{}
	for _, g := range groups {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
}()

// titleCased tells whether the line of text around byte offset at is set
// in title case or capitals (a headline), where capitals say nothing.
func titleCased(text string, at int) bool {
	if at < 0 || at > len(text) {
		return false
	}
	start := strings.LastIndexByte(text[:at], '\n') + 1
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += at
	}
	n, caps := 0, 0
	for _, w := range strings.Fields(text[start:end]) {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) || len(r) < 4 {
			continue // short words ("of", "in", "a") stay lower case in title case
		}
		n++
		if unicode.IsUpper(r[0]) {
			caps++
		}
	}
	return n >= 3 && caps*10 >= n*8
}

// demoteHeadline re-reads a capitalised phrase of a headline whose head
// is a common word ("Hero Brooklyn Mom", "Emergency Patch") as a common
// noun.
func demoteHeadline(m *mention, text string, common map[string]bool) *mention {
	if !m.proper || m.pron != nil || len(m.ws) < 2 || m.alias != "" || !common[m.ws[len(m.ws)-1]] || !titleCased(text, m.ref.Start) {
		return m
	}
	r := *m.ref
	r.Text = strings.ToLower(r.Text)
	d := analyse(&r, m.i)
	d.ref = m.ref
	return d
}
