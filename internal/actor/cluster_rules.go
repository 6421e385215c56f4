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
	"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
	"seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "1st": "1st", "2nd": "2nd", "3rd": "3rd",
}

// numbersIn returns the numbers a phrase states, in digits ("three" →
// "3", "7:42" stays "7:42", "first" and "1st" are "1st").
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

// coreName returns the words of a name before any phrase that follows it
// ("Morningside Recovery in Newport Beach" → "morningside recovery"),
// each reduced to its singular ("Colts" → "colt").
func coreName(m *mention) []string {
	n := len(m.ws)
	for j := 1; j < len(m.ws); j++ {
		if headBreak[m.ws[j]] {
			n = j
			break
		}
	}
	out := make([]string, n)
	for i, w := range m.ws[:n] {
		out[i] = lemma(w)
	}
	return out
}

// containMatch tells whether one typed name is the other's opening or
// closing words: "Indianapolis" and "Colts" are the "Indianapolis Colts",
// "Promises" the "Promises Treatment Center", "Lo Presti" is "Gaetano Lo
// Presti". People match on closing words of two or more only (one word is
// the surname rule's); countries ("France", "France Telecom"), things
// ("Internet", "Internet Explorer") and names of unknown class never match
// this way.
func containMatch(a, b *mention) bool {
	if !a.proper || !b.proper || a.pron != nil || b.pron != nil || a.group || b.group {
		return false
	}
	if a.class == ClassUnknown || b.class == ClassUnknown || a.class == ClassTime || a.class == ClassThing || b.class == ClassThing || !compatible(a, b) {
		return false
	}
	s, l := coreName(a), coreName(b)
	short := a
	if len(s) > len(l) {
		s, l = l, s
		short = b
	}
	if len(s) == 0 || short.alias != "" && countryNames[short.alias] {
		return false // "France" is not "France Telecom"
	}
	named := false
	for _, w := range s {
		if !titles[w] && !geoWords[w] && !leadDrop[w] && !orgWords[w] && !corpSuffix[w] {
			named = true
		}
	}
	if !named {
		return false
	}
	prefix, suffix := true, true
	for i, w := range s {
		prefix = prefix && l[i] == w
		suffix = suffix && l[len(l)-len(s)+i] == w
	}
	if a.class == ClassPerson {
		return suffix && len(s) >= 2
	}
	return prefix || suffix
}

// clusterMatch is nameMatch with the matches only Cluster makes.
func clusterMatch(a, b *mention, nominal bool) bool {
	if genericNameClash(a, b) {
		return false
	}
	return nameMatch(a, b, nominal) || containMatch(a, b) || firstPrefixMatch(a, b)
}

// genericNameClash tells whether two names of organisations or places
// share only a generic word ("Department", "Police", "Motors") and
// differ in the words that tell them apart ("Interior Department" and
// "Department of Criminal Justice", "Woodburn Police Department" and
// "Staunton Police Department").
func genericNameClash(a, b *mention) bool {
	if !a.proper || !b.proper || a.class == ClassPerson || b.class == ClassPerson || a.group || b.group {
		return false
	}
	ka, ga := distinctive(a)
	kb, gb := distinctive(b)
	if !ga || !gb || len(ka) == 0 || len(kb) == 0 {
		return false
	}
	for w := range ka {
		if kb[w] {
			return false
		}
	}
	return true
}

// distinctive returns the words of a name other than generic
// organisation words, and whether the name has a generic one.
func distinctive(m *mention) (map[string]bool, bool) {
	out := map[string]bool{}
	generic := false
	for _, w := range m.ws {
		switch {
		case orgWords[w] || corpSuffix[w]:
			generic = true
		case leadDrop[w] || w == "'s" || w == "and" || w == "&":
		default:
			out[w] = true
		}
	}
	return out, generic
}

// firstPrefixMatch tells whether two people's names share the surname and
// the first three letters of the first name ("Katie Jenkin" and "Kathryn
// Jenkin", "Alexis" and "Alexandros Grigoropoulos"): variants the nickname
// table does not list. Only inside one story group.
func firstPrefixMatch(a, b *mention) bool {
	if !a.proper || !b.proper || a.ref.Group != b.ref.Group || a.class != ClassPerson || b.class != ClassPerson {
		return false
	}
	if a.surname == "" || a.surname != b.surname || len(a.first) < 3 || len(b.first) < 3 {
		return false
	}
	return a.first[:3] == b.first[:3]
}

// containKeys are the blocking keys under which containMatch meets:
// the first and the last word of a typed name's core.
func containKeys(m *mention) []string {
	if !m.proper || m.class == ClassUnknown || m.class == ClassTime || m.class == ClassThing || m.pron != nil || m.group {
		return nil
	}
	c := coreName(m)
	if len(c) == 0 {
		return nil
	}
	return []string{"cf:" + c[0], "cl:" + c[len(c)-1]}
}

// relational nouns name a person by a tie to someone else or by a part in
// that person's affairs ("her publicist", "the judge"): in a report about
// one named person they are seldom that person.
var relational = set("rep", "representative", "publicist", "spokesman", "spokeswoman", "spokesperson", "agent",
	"manager", "lawyer", "attorney", "counsel", "judge", "prosecutor", "jury", "juror", "source", "family", "friend",
	"mother", "father", "mom", "mum", "dad", "parent", "sister", "brother", "sis", "son", "daughter", "child", "wife",
	"husband", "girlfriend", "boyfriend", "ex-girlfriend", "ex-boyfriend", "partner", "relative", "neighbor",
	"neighbour", "landlord", "doctor", "witness", "victim", "officer", "deputy", "detective", "investigator", "official")

// personNumberClash tells whether one of two common nouns for people or
// organisations is plural and the other not: "the woman" is not "the
// women", "the record company" not "the two companies".
func personNumberClash(a, b *mention) bool {
	return (a.class == ClassPerson || b.class == ClassPerson || a.class == ClassOrg || b.class == ClassOrg) && isPluralNoun(a) != isPluralNoun(b)
}

// orgLike tells whether an untyped name may be an organisation that
// "we" or "they" stand for: a name without a first name ("Boeing",
// "EADS").
func orgLike(a *mention) bool {
	return a.class == ClassUnknown && a.proper && a.pron == nil && a.first == ""
}

// listLike tells whether a phrase lists names with a comma glued to a word
// ("Apple Inc., Apple Corps"), which isGroup, reading separate tokens,
// misses.
func listLike(s string) bool {
	f := strings.Fields(s)
	for i := 0; i+1 < len(f); i++ {
		if len(f[i]) > 1 && strings.HasSuffix(f[i], ",") && isCapitalised(f[i]) && isCapitalised(f[i+1]) {
			return true
		}
	}
	return false
}

// corePreps end the core of a phrase ("between Sicily and Tunisia" is
// not part of "the Mediterranean").
var corePreps = set("between", "of", "in", "at", "on", "near", "off", "across", "around", "from", "to", "with", "by",
	"for", "into", "outside", "inside", "along", "over", "under", "through", "throughout", "within")

// coordinated tells whether the core of a phrase, leading determiners
// and prepositions dropped and cut at the next preposition, joins two
// names: "to Tunisia and Egypt", "between Europe and the Middle East",
// "Europe , Africa and Asia". Such a phrase names a group, not either
// member.
func coordinated(text string) bool {
	f := tokensKeepCommas(text)
	for len(f) > 1 && leadDrop[strings.ToLower(f[0])] {
		f = f[1:]
	}
	for i := 1; i < len(f); i++ {
		if corePreps[strings.ToLower(f[i])] {
			f = f[:i]
			break
		}
	}
	capBefore := false
	for i, w := range f {
		lw := strings.ToLower(w)
		if (lw == "and" || lw == "or" || lw == "&") && capBefore {
			for _, x := range f[i+1:] {
				if isCapitalised(x) {
					return true
				}
			}
		}
		if isCapitalised(w) {
			capBefore = true
		}
	}
	return false
}

// tokensKeepCommas splits on spaces and keeps commas as tokens.
func tokensKeepCommas(s string) []string {
	var out []string
	for _, t := range strings.Fields(s) {
		if len(t) > 1 && strings.HasSuffix(t, ",") {
			out = append(out, strings.TrimSuffix(t, ","), ",")
			continue
		}
		out = append(out, t)
	}
	return out
}

// keyGroups returns the document groups under which a mention meets
// others on key k: its story group, and for names also the whole file,
// except a person's bare one-word name ("Bush"), which names different
// people in different stories.
func keyGroups(m *mention, k string, opt Options) []string {
	g := groupOf(m, k)
	if g == m.ref.Group {
		return []string{g}
	}
	if opt.BareNamesStay && m.class == ClassPerson && len(m.ws) == 1 {
		return []string{m.ref.Group}
	}
	return []string{m.ref.Group, g}
}
