package actor

import (
	"sort"
	"strings"
	"unicode"
)

// Class is the coarse semantic class of a mention. Two mentions of
// different known classes never corefer; ClassUnknown is compatible with
// every class.
type Class string

// The mention classes.
const (
	ClassUnknown Class = ""
	ClassPerson  Class = "person"
	ClassOrg     Class = "organisation"
	ClassPlace   Class = "place"
	ClassTime    Class = "time"
	ClassThing   Class = "thing"
)

// Ref is one mention handed to Cluster: any noun phrase, name or pronoun
// in a document, with its position.
type Ref struct {
	ID    string
	Doc   string
	Group string // documents of one group (a story) may share any entity
	// Wide is a coarser group (a topic) whose documents may share named
	// entities only; empty means the same as Group.
	Wide     string
	Sentence int
	Start    int
	End      int
	Text     string
	Class    Class
	// Sub is a finer type (e.g. "GEO", "FAC"); when both mentions carry
	// one they must agree.
	Sub string
}

// Options tunes Cluster.
type Options struct {
	// CrossDoc links entities across the documents of a group; when false
	// only within-document links are made.
	CrossDoc bool
	// NominalCrossDoc lets common-noun mentions with the same head join
	// across documents; proper names always may.
	NominalCrossDoc bool
	// NominalToName joins a cluster of common-noun mentions ("the host")
	// to the named entity of the same class that most often shares its
	// documents ("Ellen DeGeneres").
	NominalToName bool
	// MinShare is the share of the nominal cluster's documents that the
	// named entity must appear in.
	MinShare float64
	// Appositive links adjacent mentions joined by a comma or a copula.
	Appositive bool
	// SoloPerson links definite common nouns of people to the only person
	// a document names.
	SoloPerson bool
	// NamedNominalsStay keeps common nouns that a document already tied
	// to a name out of cross-document head matching.
	NamedNominalsStay bool
	// Descriptors ties common nouns to the named entity of their
	// document that the group's reports describe with that noun ("Watergate
	// figure Fred LaRue" ← "the figure").
	Descriptors bool
	// TrueCase reads one-word capitalised mentions that the texts use in
	// lower case ("Man", "TEEN") as common nouns.
	TrueCase bool
	// NameGuard keeps pronouns, appositives and common nouns from joining
	// two clusters whose proper names do not match ("its" between Apple
	// Corps and Apple Inc.).
	NameGuard bool
	// NamedFirst makes "he" and "she" prefer the nearest antecedent whose
	// cluster has a name over a nearer common noun ("Reid's rep said she").
	NamedFirst bool
	// Synonyms lets common nouns that reports use for one another meet
	// on one head ("cops" and "police", "flaw" and "vulnerability").
	Synonyms bool
	// BareNamesStay keeps a person's one-word name ("Bush") from meeting
	// names of other story groups.
	BareNamesStay bool
}

// DefaultOptions are the settings chosen on ECB+ and MEANTIME: the first
// ones by reading errors on train and dev, the later ones (Descriptors,
// TrueCase, NameGuard, NamedFirst, Synonyms, BareNamesStay) by their effect
// on train alone.
func DefaultOptions() Options {
	return Options{CrossDoc: true, NominalCrossDoc: true, NominalToName: true, MinShare: 0.5, Appositive: true, NamedNominalsStay: false, SoloPerson: true, Descriptors: true, TrueCase: true, NameGuard: true, NamedFirst: true, Synonyms: true, BareNamesStay: true}
}

type pronoun struct {
	person, nonPerson, plural, singular, relative, first, place, time bool
}

var pronouns = map[string]pronoun{
	"he": {person: true, singular: true}, "him": {person: true, singular: true}, "his": {person: true, singular: true},
	"himself": {person: true, singular: true}, "she": {person: true, singular: true}, "her": {person: true, singular: true},
	"hers": {person: true, singular: true}, "herself": {person: true, singular: true},
	"it": {nonPerson: true, singular: true}, "its": {nonPerson: true, singular: true}, "itself": {nonPerson: true, singular: true},
	"they": {plural: true}, "them": {plural: true}, "their": {plural: true}, "theirs": {plural: true}, "themselves": {plural: true},
	"i": {person: true, first: true, singular: true}, "me": {person: true, first: true, singular: true},
	"my": {person: true, first: true, singular: true}, "mine": {person: true, first: true, singular: true},
	"myself": {person: true, first: true, singular: true},
	"we":     {first: true, plural: true}, "us": {first: true, plural: true}, "our": {first: true, plural: true},
	"ours": {first: true, plural: true}, "ourselves": {first: true, plural: true},
	"who": {relative: true, person: true}, "whom": {relative: true, person: true}, "whose": {relative: true},
	"which": {relative: true, nonPerson: true}, "that": {relative: true},
	"here": {place: true}, "there": {place: true}, "where": {relative: true, place: true},
	"then": {time: true}, "when": {relative: true, time: true},
}

var leadDrop = set("the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "of", "for", "to", "by",
	"from", "with", "during", "since", "until", "about", "after", "before", "near", "inside", "outside", "into",
	"over", "under", "around", "across", "through", "throughout", "between", "within", "some", "several", "another",
	"last", "next", "early", "late", "earlier", "later", "this", "every", "each", "all", "both")

var possessives = set("his", "her", "its", "their", "our", "my", "your")

// headBreak ends the head phrase: "the head of NATO" has head "head".
var headBreak = set("of", "in", "at", "on", "for", "from", "with", "who", "which", "that", ",", "to", "by", "and", "'s")

// mention is a Ref analysed for matching.
type mention struct {
	i       int
	ref     *Ref
	raw     []string // original-case words after dropping leading determiners
	ws      []string // folded words, same length as raw
	pron    *pronoun
	head    string // lemma of the head word
	proper  bool   // the head is a capitalised name
	norm    string // the words joined
	first   string // a person's first name when given
	surname string // translit key of a person's surname
	acr     string // acronym of a multi-word proper name
	alias   string // country or organisation key from the alias tables
	timeKey string // normalised time expression
	class   Class  // the ref's class, or one inferred from the head
	corp    string // an organisation's name without corporate suffixes
	anaphor bool   // a common noun resolved to a name in its document
	group   bool   // a coordination of names ("GM and Chrysler")
	paren   string // a short form in parentheses after the name
	tail    string // the trailing name after lower-case descriptors ("automaker GM" → "gm")
}

func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '"' || r == '“' || r == '”' || r == '(' || r == ')'
	})
}

func analyse(r *Ref, i int) *mention {
	m := &mention{i: i, ref: r, class: r.Class}
	var raw, ws []string
	text := r.Text
	// "General Motors Corporation ( GM )": the name, then its short form
	if k := strings.Index(text, " ("); k > 0 && r.Class == ClassUnknown && !isGroup(text) {
		m.paren = strings.Join(words(strings.Trim(text[k+2:], " )")), " ")
		text = text[:k]
	}
	for _, t := range tokens(text) {
		for _, w := range words(t) {
			ws = append(ws, w)
			raw = append(raw, rawFor(t, w))
		}
	}
	if len(ws) == 1 {
		if k := strings.IndexByte(ws[0], '\''); k > 0 {
			if _, ok := pronouns[ws[0][:k]]; ok { // "I'm", "we've"
				ws = []string{ws[0][:k]}
			}
		}
	}
	if len(ws) == 1 {
		if p, ok := pronouns[ws[0]]; ok {
			m.pron = &p
		}
	}
	// drop leading determiners, prepositions and possessive pronouns
	for len(ws) > 1 && (leadDrop[ws[0]] || possessives[ws[0]]) {
		ws, raw = ws[1:], raw[1:]
	}
	// a possessor before 's is not the head: "Ford 's Chief Executive"
	for j := len(ws) - 2; j >= 0; j-- {
		if ws[j] == "'s" {
			ws, raw = ws[j+1:], raw[j+1:]
			break
		}
	}
	if n := len(ws); n > 1 && ws[n-1] == "'s" {
		ws, raw = ws[:n-1], raw[:n-1]
	}
	m.ws, m.raw = ws, raw
	m.norm = strings.Join(ws, " ")
	m.group = r.Class == ClassUnknown && isGroup(r.Text)
	// head: last word before a break word
	h := len(ws) - 1
	for j := 1; j < len(ws); j++ {
		if headBreak[ws[j]] {
			h = j - 1
			break
		}
	}
	if h >= 0 {
		m.head = lemma(ws[h])
		m.proper = isCapitalised(raw[h]) && !titles[ws[h]] && r.Class != ClassTime
		// strip name suffixes: "Ford Jr." has head "ford"
		if nameSuffixes[ws[h]] && h > 0 {
			h--
			m.head = lemma(ws[h])
		}
		if m.proper {
			m.head = ws[h]
			// person names: first name and surname
			var name []string
			var firsts []string
			for j := 0; j <= h; j++ {
				if titles[ws[j]] || !isCapitalised(raw[j]) {
					name = name[:0]
					firsts = firsts[:0]
					continue
				}
				name = append(name, ws[j])
				firsts = append(firsts, ws[j])
			}
			if len(name) > 0 {
				m.surname = translit(name[len(name)-1])
				if len(name) > 1 {
					m.first = firsts[0]
				}
			}
			if len(ws) > 1 {
				m.acr = acronym(ws[:h+1])
			}
		}
	}
	if m.class == ClassUnknown && m.pron == nil {
		switch {
		case orgHeads[m.head]:
			m.class = ClassOrg
		case m.proper && len(ws) > 1 && corpSuffix[ws[len(ws)-1]]:
			m.class = ClassOrg
		}
	}
	if m.proper {
		m.corp = corpKey(ws)
		// trailing name after descriptors: "U.S. automaker GM"
		k := len(raw)
		for k > 0 && isCapitalised(raw[k-1]) && !(titles[ws[k-1]] && len(raw)-k >= 2) {
			k--
		}
		if k > 0 && k < len(raw) {
			m.tail = strings.Join(ws[k:], " ")
		}
	}
	if a, ok := countryAliases[m.norm]; ok {
		m.alias = a
	} else if a, ok := demonyms[m.norm]; ok {
		m.alias = a
	} else if countryNames[m.norm] {
		m.alias = m.norm
	} else if m.proper && len(ws) == 1 && len(ws[0]) >= 2 && len(ws[0]) <= 6 && strings.ToUpper(raw[0]) == raw[0] {
		m.alias = ws[0] // an acronym itself
	}
	if r.Class == ClassTime || r.Class == ClassUnknown {
		m.timeKey = timeKey(ws)
	}
	return m
}

// rawFor returns the original-case form of folded word w inside token t.
func rawFor(t, w string) string {
	if w == "'s" {
		return w
	}
	ft := fold(t)
	if k := strings.Index(ft, w); k >= 0 && k+len(w) <= len(t) && len(ft) == len(t) {
		return t[k : k+len(w)]
	}
	return t
}

// lemma is a crude English singular.
func lemma(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	switch w {
	case "men":
		return "man"
	case "women":
		return "woman"
	case "people":
		return "person"
	case "children":
		return "child"
	}
	return w
}

func compatible(a, b *mention) bool {
	ca, cb := a.class, b.class
	if ca != ClassUnknown && cb != ClassUnknown && ca != cb {
		return false
	}
	if a.ref.Sub != "" && b.ref.Sub != "" && a.ref.Sub != b.ref.Sub {
		return false
	}
	return true
}

// nameMatch tells whether two non-pronoun mentions name the same entity
// by the name rules: equal strings, surname with compatible first names,
// acronym of the long form, alias tables, or the same common-noun head.
func nameMatch(a, b *mention, nominal bool) bool {
	if !compatible(a, b) || a.group != b.group {
		return false
	}
	if a.group {
		return a.norm == b.norm
	}
	if a.proper && b.proper && (a.tail != "" || b.tail != "" || a.paren != "" || b.paren != "") {
		ka, kb := a.nameKey(), b.nameKey()
		if ka == kb || a.paren != "" && (a.paren == kb || a.paren == b.alias) || b.paren != "" && (b.paren == ka || b.paren == a.alias) {
			return true
		}
	}
	if a.norm != "" && a.norm == b.norm {
		return true
	}
	if a.alias != "" && (a.alias == b.alias || a.alias == b.acr) || b.alias != "" && b.alias == a.acr {
		return true
	}
	if a.acr != "" && len(b.ws) == 1 && b.ws[0] == a.acr || b.acr != "" && len(a.ws) == 1 && a.ws[0] == b.acr {
		return true
	}
	if a.proper && b.proper {
		if a.corp != "" && a.corp == b.corp && (a.corp != a.norm || b.corp != b.norm) {
			return true
		}
		if a.surname != "" && a.surname == b.surname && firstCompatible(a.first, b.first) && personLike(a) && personLike(b) {
			return true
		}
		return false
	}
	if a.proper != b.proper {
		return false
	}
	if !nominal {
		return false
	}
	if quantifierHeads[a.head] || quantifierHeads[b.head] || numbersClash(a, b) || personNumberClash(a, b) {
		return false
	}
	if a.timeKey != "" || b.timeKey != "" {
		return a.timeKey == b.timeKey
	}
	if ma, mb := modifiers(a.raw, a.ws), modifiers(b.raw, b.ws); len(ma) > 0 && len(mb) > 0 {
		shared := false
		for k := range ma {
			shared = shared || mb[k]
		}
		if !shared {
			return false // "the government of Canada", "the US government"
		}
	}
	return a.head != "" && a.head == b.head
}

// Cluster groups refs into entities and returns a cluster number per ref.
// Within each document it runs a sieve (names, then common-noun heads, then
// pronouns to the nearest compatible antecedent); across the documents of
// one group it joins entities whose names or heads match.
func Cluster(refs []Ref, texts map[string]string, opt Options) []int {
	ms := make([]*mention, len(refs))
	var common map[string]bool
	if opt.TrueCase {
		common = commonWords(texts)
	}
	for i := range refs {
		ms[i] = analyse(&refs[i], i)
		if opt.TrueCase {
			ms[i] = demote(ms[i], common)
			ms[i] = demoteHeadline(ms[i], texts[refs[i].Doc], common)
		}
		ms[i] = placeOfName(ms[i])
		if m := ms[i]; opt.Synonyms && !m.proper && m.pron == nil {
			if c, ok := synonymHeads[m.head]; ok {
				m.head = c
			}
		}
		if ms[i].pron == nil && refs[i].Class == ClassUnknown && listLike(refs[i].Text) {
			ms[i].group = true
		}
		if ms[i].pron == nil && refs[i].Class != ClassUnknown && coordinated(refs[i].Text) {
			ms[i].group = true
		}
	}
	uf := newUnionFind(len(refs))
	for i, m := range ms {
		uf.person[i], uf.org[i] = evidence(m)
	}
	if opt.NameGuard {
		uf.names = make([][]*mention, len(ms))
		for i, m := range ms {
			if m.proper && m.pron == nil && !m.group {
				uf.names[i] = []*mention{m}
			}
		}
	}
	byDoc := map[string][]*mention{}
	var docs []string
	for _, m := range ms {
		if _, ok := byDoc[m.ref.Doc]; !ok {
			docs = append(docs, m.ref.Doc)
		}
		byDoc[m.ref.Doc] = append(byDoc[m.ref.Doc], m)
	}
	for _, d := range docs {
		dm := byDoc[d]
		sort.SliceStable(dm, func(i, j int) bool {
			if dm[i].ref.Start != dm[j].ref.Start {
				return dm[i].ref.Start < dm[j].ref.Start
			}
			return dm[i].ref.End > dm[j].ref.End
		})
		withinDoc(dm, texts[d], uf, opt)
		nameHeadLinks(dm, common, uf)
	}
	if opt.CrossDoc {
		// a common noun already tied to a name in its document ("the
		// company" → Ford) meets other documents only through that name
		named := map[int]bool{}
		for _, m := range ms {
			if m.proper && m.pron == nil {
				named[uf.find(m.i)] = true
			}
		}
		var open []*mention
		for _, m := range ms {
			if !m.anaphor && (m.proper || !named[uf.find(m.i)] || !opt.NamedNominalsStay && m.class != ClassUnknown) {
				open = append(open, m)
			}
		}
		crossDoc(open, uf, opt)
	}
	if opt.Descriptors {
		descriptorLinks(ms, byDoc, docs, texts, uf)
	}
	if opt.NominalToName {
		nominalsToNames(ms, uf, opt)
	}
	out := make([]int, len(refs))
	for i := range out {
		out[i] = uf.find(i)
	}
	return out
}

func withinDoc(dm []*mention, text string, uf *unionFind, opt Options) {
	// a mention that opens with another and a comma is that one with its
	// appositive: "Fritz Henderson , the Chief Executive Officer of GM"
	if opt.Appositive && text != "" {
		for j := 1; j < len(dm); j++ {
			a, m := dm[j-1], dm[j]
			if a.ref.Start == m.ref.Start && a.ref.End > m.ref.End && m.ref.End < len(text) && a.pron == nil && m.pron == nil {
				rest := strings.TrimSpace(text[m.ref.End:min(a.ref.End, len(text))])
				if strings.HasPrefix(rest, ",") && !a.group {
					uf.link(a.i, m.i)
				}
			}
		}
	}
	// appositives and predicate nominatives: "Raj Chohan , 61 , a
	// grandmother", "Cheeks , the coach ,", "Obama is the president-elect"
	if opt.Appositive && text != "" {
		for j := 1; j < len(dm); j++ {
			a, m := dm[j-1], dm[j]
			if a.pron != nil || m.pron != nil || a.ref.End > m.ref.Start || m.ref.Start > len(text) || a.ref.Sentence != m.ref.Sentence {
				continue
			}
			if !compatible(a, m) || a.ref.Class == ClassTime || a.proper && m.proper || isPluralNoun(a) != isPluralNoun(m) {
				continue
			}
			if m.ref.Start == dm[j-1].ref.Start || j >= 2 && dm[j-2].ref.Start == m.ref.Start {
				continue // nested under a longer mention
			}
			if linking(text[a.ref.End:m.ref.Start]) && !inList(text, m.ref.End) {
				uf.link(a.i, m.i)
			}
		}
	}
	// names and nominals: link to the earliest matching mention
	for j, m := range dm {
		if m.pron != nil {
			continue
		}
		for k := 0; k < j; k++ {
			a := dm[k]
			if a.pron != nil {
				continue
			}
			if clusterMatch(a, m, true) {
				uf.union(a.i, m.i)
				break
			}
		}
	}
	// "the company": nearest earlier named organisation in the document
	for j, m := range dm {
		if m.pron != nil || m.proper || !orgHeads[m.head] || isPluralNoun(m) || !definite(m.ref.Text) || hasCapital(m.raw) || hasCapital(tokens(m.ref.Text)[1:]) {
			continue
		}
		for k := j - 1; k >= 0; k-- {
			a := dm[k]
			if a.proper && a.pron == nil && !a.group && !countryNames[a.alias] && (a.class == ClassOrg || a.class == ClassUnknown && a.corp != "" && a.surname != "" && len(a.ws) <= 3) && compatible(a, m) {
				if uf.link(a.i, m.i) {
					m.anaphor = true
				}
				break
			}
		}
	}
	// "the woman" in a report that names one person only: that person
	if opt.SoloPerson {
		named := map[int]bool{}
		for _, a := range dm {
			if a.proper && a.pron == nil && a.class == ClassPerson {
				named[uf.find(a.i)] = true
			}
		}
		if len(named) == 1 {
			var only int
			for r := range named {
				only = r
			}
			for _, m := range dm {
				if m.pron == nil && !m.proper && m.class == ClassPerson && m.ref.Sub == "" && !isPluralNoun(m) && !relational[m.head] {
					uf.link(only, m.i)
				}
			}
		}
	}
	// pronouns: nearest compatible antecedent in this or the three
	// previous sentences
	for j, m := range dm {
		if m.pron == nil {
			continue
		}
		p := m.pron
		// he and she look for a named person first, then for anyone
		passes := []bool{false}
		if opt.NamedFirst && p.person && p.singular && !p.first && !p.relative {
			passes = []bool{true, false}
		}
		linked := false
		for _, namedOnly := range passes {
			for k := j - 1; k >= 0 && !linked; k-- {
				a := dm[k]
				if m.ref.Sentence-a.ref.Sentence > 3 {
					break
				}
				if p.relative && a.ref.Sentence != m.ref.Sentence {
					break
				}
				if a.ref.End > m.ref.Start { // nested in or overlapping
					continue
				}
				if !pronounAgrees(p, a) || !compatible(a, m) {
					continue
				}
				if p.person && !p.first && a.class == ClassUnknown && a.alias != "" {
					continue // "he" is no country or acronym
				}
				if namedOnly && !uf.named(a.i) {
					continue
				}
				linked = uf.link(a.i, m.i)
			}
			if linked {
				break
			}
		}
		// "he" or "she" with no antecedent near: the document's most
		// mentioned named person, also one named only later ("She's back
		// in rehab" over a report on Lindsay Lohan)
		if !linked && p.person && p.singular && !p.first && !p.relative {
			count := map[int]int{}
			best, bestN := -1, 0
			for _, a := range dm {
				if a.pron != nil || !a.proper || a.class != ClassPerson && !(a.class == ClassUnknown && a.first != "") {
					continue
				}
				r := uf.find(a.i)
				count[r]++
				if count[r] > bestN || count[r] == bestN && r < best {
					best, bestN = r, count[r]
				}
			}
			if best >= 0 {
				uf.link(best, m.i)
			}
		}
	}
}

func pronounAgrees(p *pronoun, a *mention) bool {
	c := a.ref.Class
	if a.pron != nil {
		q := a.pron
		if p.person && q.nonPerson || p.nonPerson && q.person || p.plural && q.singular || p.singular && q.plural {
			return false
		}
		if p.first != q.first {
			return false
		}
		return !q.relative
	}
	if p.first {
		// "I" inside a quote is its speaker, most often the nearest
		// named person before it
		return p.singular && c == ClassPerson && a.proper || p.plural && (c == ClassOrg || isPluralNoun(a) || orgLike(a))
	}
	switch {
	case p.place:
		return c == ClassPlace || c == ClassUnknown
	case p.time:
		return c == ClassTime
	case p.person:
		if c != ClassPerson && c != ClassUnknown {
			return false
		}
		return !isPluralNoun(a)
	case p.nonPerson:
		if c == ClassPerson || c == ClassTime {
			return false
		}
		return !isPluralNoun(a)
	case p.plural:
		return c != ClassTime && (isPluralNoun(a) || c == ClassOrg || orgLike(a))
	}
	return c != ClassTime
}

func isPluralNoun(a *mention) bool {
	if a.proper || len(a.ws) == 0 {
		return false
	}
	h := a.ws[len(a.ws)-1]
	return lemma(h) != h || h == "people" || h == "police"
}

func crossDoc(ms []*mention, uf *unionFind, opt Options) {
	// index the non-pronoun mentions of each group by their match keys
	type bucket struct{ ms []*mention }
	index := map[string]*bucket{}
	for _, m := range ms {
		if m.pron != nil {
			continue
		}
		for _, k := range keys(m, opt) {
			for _, g := range keyGroups(m, k, opt) {
				gk := g + "\x00" + k
				b := index[gk]
				if b == nil {
					b = &bucket{}
					index[gk] = b
				}
				b.ms = append(b.ms, m)
			}
		}
	}
	for _, m := range ms {
		if m.pron != nil {
			continue
		}
		for _, k := range keys(m, opt) {
			for _, g := range keyGroups(m, k, opt) {
				for _, a := range index[g+"\x00"+k].ms {
					if a.i >= m.i || a.ref.Doc == m.ref.Doc {
						continue
					}
					if clusterMatch(a, m, opt.NominalCrossDoc && a.ref.Group == m.ref.Group) {
						uf.union(a.i, m.i)
					}
				}
			}
		}
	}
}

// groupOf returns the group inside which key k may link: named keys link
// across the wide group, common-noun heads only inside the narrow one.
func groupOf(m *mention, k string) string {
	if strings.HasPrefix(k, "h:") || m.ref.Wide == "" || !m.proper {
		return m.ref.Group
	}
	return m.ref.Wide
}

// keys are the blocking keys under which a mention may meet its matches.
func keys(m *mention, opt Options) []string {
	var ks []string
	if m.norm != "" {
		ks = append(ks, "n:"+m.norm)
	}
	if m.alias != "" {
		ks = append(ks, "a:"+m.alias)
	}
	if m.acr != "" {
		ks = append(ks, "a:"+m.acr)
	}
	if len(m.ws) == 1 && m.proper {
		ks = append(ks, "a:"+m.ws[0])
	}
	if m.tail != "" {
		ks = append(ks, "n:"+m.tail)
	}
	if m.paren != "" {
		ks = append(ks, "n:"+m.paren, "a:"+m.paren)
	}
	if m.timeKey != "" {
		ks = append(ks, "h:"+m.timeKey)
	} else if m.proper && m.surname != "" {
		ks = append(ks, "s:"+m.surname)
		if m.corp != "" {
			ks = append(ks, "c:"+m.corp)
		}
	} else if !m.proper && m.head != "" && opt.NominalCrossDoc && !generic[m.head] {
		ks = append(ks, "h:"+m.head)
	}
	return append(ks, containKeys(m)...)
}

// unionFind keeps the clusters, with for each root whether some member
// shows it is a person or an organisation; union refuses to join the two.
type unionFind struct {
	parent      []int
	person, org []bool
	// names holds, at each root, the proper names of its cluster (a few
	// distinct ones); nil when Cluster does not guard by names.
	names [][]*mention
}

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), person: make([]bool, n), org: make([]bool, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the clusters of a and b and tells whether they are now one.
func (u *unionFind) union(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	if u.person[ra] && u.org[rb] || u.org[ra] && u.person[rb] {
		return false
	}
	p, o := u.person[ra] || u.person[rb], u.org[ra] || u.org[rb]
	u.person[ra], u.person[rb], u.org[ra], u.org[rb] = p, p, o, o
	if u.names != nil {
		n := mergeNames(u.names[ra], u.names[rb])
		u.names[ra], u.names[rb] = n, n
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
	return true
}

// ClusterEvents groups event mentions: within a story group, mentions
// whose head lemmas match corefer.
func ClusterEvents(refs []Ref) []int {
	uf := newUnionFind(len(refs))
	first := map[string]int{}
	for i := range refs {
		m := analyse(&refs[i], i)
		k := refs[i].Group + "\x00" + eventLemma(m)
		if j, ok := first[k]; ok {
			uf.union(j, i)
		} else {
			first[k] = i
		}
	}
	out := make([]int, len(refs))
	for i := range out {
		out[i] = uf.find(i)
	}
	return out
}

// nominalsToNames links clusters made only of common nouns for people,
// organisations or places (not things: "the film" is no more "Twilight"
// than any other film of its report) to the named
// cluster of a compatible class that appears in most of their documents.
func nominalsToNames(ms []*mention, uf *unionFind, opt Options) {
	type info struct {
		proper, nominal int
		docs            map[string]bool
		rep             *mention
		plural          bool
	}
	clusters := map[int]*info{}
	var order []int
	for _, m := range ms {
		if m.pron != nil {
			continue
		}
		r := uf.find(m.i)
		c := clusters[r]
		if c == nil {
			c = &info{docs: map[string]bool{}, rep: m}
			clusters[r] = c
			order = append(order, r)
		}
		c.docs[m.ref.Doc] = true
		if m.proper {
			c.proper++
			if !c.rep.proper {
				c.rep = m
			}
		} else {
			c.nominal++
			if isPluralNoun(m) {
				c.plural = true
			}
		}
	}
	// named clusters by document
	named := map[string][]int{}
	for _, r := range order {
		c := clusters[r]
		if c.proper == 0 {
			continue
		}
		for d := range c.docs {
			named[d] = append(named[d], r)
		}
	}
	for _, r := range order {
		c := clusters[r]
		if c.proper > 0 || c.plural || c.rep.class == ClassTime || c.rep.class == ClassUnknown || c.rep.class == ClassThing || relational[c.rep.head] {
			continue
		}
		share := map[int]int{}
		for d := range c.docs {
			for _, n := range named[d] {
				if compatible(clusters[n].rep, c.rep) {
					share[n]++
				}
			}
		}
		best, bestN, second := -1, 0, 0
		for _, n := range order {
			if k := share[n]; k > bestN {
				best, second, bestN = n, bestN, k
			} else if k > second {
				second = k
			}
		}
		if best >= 0 && bestN > second && float64(bestN) >= opt.MinShare*float64(len(c.docs)) {
			uf.link(best, r)
		}
	}
}

// linking tells whether the text between two adjacent mentions makes the
// second an appositive or a predicate nominative of the first.
func linking(between string) bool {
	ws := strings.Fields(fold(between))
	// drop an age or number between commas: ", 61 ,"
	var kept []string
	for _, w := range ws {
		if w == "," || w == "(" || w == ")" || w == "-" || w == "--" || w == "—" || w == "–" {
			kept = append(kept, ",")
			continue
		}
		if isNumber(w) {
			continue
		}
		kept = append(kept, w)
	}
	s := strings.Join(kept, " ")
	switch s {
	case ",", ", ,", "is", "was", ", is", ", was", "is now", "was named", "is named", "became", "becomes", "as", ", as", "named", "called":
		return true
	}
	return false
}

// inList tells whether the words after a mention continue a list ("A, B
// and C"), where a comma does not make an appositive.
func inList(text string, end int) bool {
	if end > len(text) {
		return false
	}
	rest := strings.Fields(text[end:min(len(text), end+40)])
	if len(rest) == 0 {
		return false
	}
	w := strings.ToLower(rest[0])
	return w == "and" || w == "or" || w == "," && len(rest) > 1 && isCapitalised(rest[1])
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tomorrow", "tonight")

var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// timeKey reduces a time expression to the day or date it names:
// "on Friday night" and "Friday" share "friday"; "Feb. 22" is "feb 22";
// a date beside "today" wins over it.
func timeKey(ws []string) string {
	day := ""
	for i, w := range ws {
		if relDays[w] {
			if day == "" {
				day = w
			}
			continue
		}
		if weekdays[w] {
			return w
		}
		if months[w] {
			k := w[:3]
			if i+1 < len(ws) && isNumber(ws[i+1]) && len(ws[i+1]) <= 2 {
				k += " " + ws[i+1]
			}
			return k
		}
	}
	if day != "" {
		return day
	}
	for _, w := range ws {
		if len(w) == 4 && isNumber(w) {
			return w
		}
	}
	return ""
}

// generic heads name no one in particular across reports.
var generic = set("man", "woman", "person", "people", "one", "other", "official", "group", "thing", "place",
	"area", "someone", "anyone", "everyone", "member", "resident", "source", "witness", "friend", "family")

// orgHeads are common nouns that name an organisation.
var orgHeads = set("company", "firm", "corporation", "automaker", "carmaker", "maker", "manufacturer", "group",
	"bank", "union", "government", "ministry", "agency", "party", "team", "club", "army", "navy", "police",
	"administration", "alliance", "organization", "organisation", "business", "retailer", "airline", "network",
	"newspaper", "court", "council", "committee", "league", "university", "school", "hospital", "bloc")

// corpSuffix are the last words of company names that short forms drop.
var corpSuffix = set("company", "corporation", "corp", "inc", "group", "spa", "co", "ltd", "llc", "plc", "ag",
	"sa", "nv", "holdings", "incorporated", "limited")

// corpKey returns an organisation name without its corporate suffixes and
// a trailing "motor" ("Ford Motor Company" → "ford"); "" when the name has
// none.
func corpKey(ws []string) string {
	n := len(ws)
	for n > 1 && corpSuffix[ws[n-1]] {
		n--
	}
	if n < len(ws) && n > 1 && ws[n-1] == "motor" {
		n--
	}
	return strings.Join(ws[:n], " ")
}

func hasCapital(raw []string) bool {
	for _, w := range raw {
		if isCapitalised(w) {
			return true
		}
	}
	return false
}

func definite(s string) bool {
	f := strings.Fields(fold(s))
	return len(f) > 0 && (f[0] == "the" || f[0] == "this" || f[0] == "that")
}

var geoWords = set("north", "south", "east", "west", "new", "upper", "lower", "central", "northern", "southern",
	"eastern", "western", "united", "great", "greater")

// personLike tells whether a proper mention may take part in surname
// (last-word) matching: typed mentions do; untyped ones do unless a title,
// a geographic word or an alias table says they are no person's name.
func personLike(m *mention) bool {
	if m.class != ClassUnknown {
		return true // a typed name: its last word is its head name
	}
	if m.alias != "" || len(m.ws) > 4 || orgWords[m.ws[len(m.ws)-1]] || corpSuffix[m.ws[len(m.ws)-1]] {
		return false
	}
	if len(m.ws) > 1 && (titles[m.ws[0]] || geoWords[m.ws[0]]) {
		return false
	}
	return true
}

// evidence tells whether a mention by itself shows a person (he, she, Mr.,
// Jr.) or an organisation (Inc., "the company", it).
func evidence(m *mention) (person, org bool) {
	switch m.class {
	case ClassPerson:
		return true, false
	case ClassOrg:
		return false, true
	case ClassUnknown:
	default:
		return false, false
	}
	if p := m.pron; p != nil {
		return p.person && !p.first && !p.relative, p.nonPerson && !p.relative
	}
	if len(m.ws) == 0 {
		return false, false
	}
	if m.proper {
		for _, w := range m.ws {
			if nameSuffixes[w] || honorifics[w] {
				return true, false
			}
		}
		return false, corpSuffix[m.ws[len(m.ws)-1]]
	}
	return false, orgHeads[m.head]
}

// isGroup tells whether a phrase coordinates two names ("GM , Chrysler",
// "GM and Chrysler"): a capitalised word on both sides of "and", "&" or a
// comma.
func isGroup(s string) bool {
	f := strings.Fields(s)
	for i := 1; i+1 < len(f); i++ {
		prev := f[i-1]
		if prev == ")" && i >= 2 {
			prev = f[i-2]
		}
		if (f[i] == "and" || f[i] == "," || f[i] == "&") && isCapitalised(prev) && isCapitalised(f[i+1]) {
			return true
		}
	}
	return false
}

// nameKey is the part of a proper mention that names it: the trailing
// name after descriptors, or the whole.
func (m *mention) nameKey() string {
	if m.tail != "" {
		return m.tail
	}
	return m.norm
}

// orgWords end organisation names, never a person's.
var orgWords = set("motors", "motor", "airlines", "airways", "bank", "industries", "systems", "technologies",
	"electric", "energy", "media", "news", "times", "post", "union", "council", "committee", "party", "university",
	"institute", "association", "foundation", "agency", "ministry", "department", "office", "court", "police",
	"army", "navy", "force", "forces", "government", "administration", "house", "airport", "station", "hospital")

// modifiers returns the names inside a common-noun phrase ("the
// United States government" → "united states"), mapped through the alias
// tables.
func modifiers(raw, ws []string) map[string]bool {
	var out map[string]bool
	for i, w := range raw {
		if i == len(raw)-1 || !isCapitalised(w) || titles[ws[i]] {
			continue
		}
		k := ws[i]
		if a, ok := countryAliases[k]; ok {
			k = a
		} else if a, ok := demonyms[k]; ok {
			k = a
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[k] = true
	}
	return out
}

// eventLemma reduces an event mention to a crude verb or noun stem: the
// first content word ("fired", "firing", "fires" → "fir"), so that
// inflections of one predicate meet.
func eventLemma(m *mention) string {
	w := m.head
	for _, x := range m.ws {
		if !leadDrop[x] && !auxiliaries[x] {
			w = x
			break
		}
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "e"} {
		if len(w) >= len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] {
		w = w[:n-1] // "stopped" → "stopp" → "stop"
	}
	return w
}

var auxiliaries = set("was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
	"did", "do", "does", "not", "n't", "to")
