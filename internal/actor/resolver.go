package actor

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"storyline"
)

// actorRec is one actor as the resolver grows it.
type actorRec struct {
	id          string
	name        string
	kind        storyline.MentionKind
	aliases     []string
	descriptors []string
	firsts      map[string]bool // first-name keys
	surname     string
	mentions    int
	reports     int
	lastReport  string
	lastSeq     int
}

// Resolver links the mentions of each new report to actors. It keeps every
// actor and an index from name keys (surname transliteration key, folded
// name, acronym, alias, descriptor words) to actors, so a report costs a
// few map look-ups per mention, whatever the number of stored actors.
// It is deterministic for a given order of reports and not safe for
// concurrent use.
type Resolver struct {
	actors []*actorRec
	index  map[string][]int
	seq    int
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver { return &Resolver{index: map[string][]int{}} }

func kindClass(k storyline.MentionKind) Class {
	switch k {
	case storyline.Person:
		return ClassPerson
	case storyline.Organisation:
		return ClassOrg
	case storyline.Place:
		return ClassPlace
	}
	return ClassUnknown
}

// speechVerbs after a capital or seat of power make it its government.
var speechVerbs = set("said", "says", "insists", "insisted", "warned", "warns", "demanded", "demands", "denied",
	"denies", "announced", "announces", "claimed", "claims", "accused", "accuses", "rejected", "rejects", "wants",
	"wanted", "has", "had", "responded", "replied", "stated", "argued", "argues", "called", "calls", "refused",
	"refuses", "agreed", "agrees", "threatened", "threatens", "condemned", "condemns", "welcomed", "welcomes")

// local is one entity inside the current report.
type local struct {
	ms      []int // indexes into the report's mentions
	best    *mention
	kind    storyline.MentionKind
	descs   []string
	actor   int
	country string // for a government, a country or a demonym
	gov     bool   // a capital or seat of power standing for its government
}

// Prepared is what Add needs of one report that does not depend on the
// resolver's state: the descriptions found in its text and each
// mention's analysis. It is computed by Prepare, on any goroutine, and
// may be given to AddPrepared of several resolvers; AddPrepared does not
// change it.
type Prepared struct {
	reportID, text string
	given          int                 // mentions given to Prepare
	extra          []storyline.Mention // the descriptions
	order          []int
	refs           []Ref
	ms             []mention
}

// Prepare analyses one report's mentions for Add.
func Prepare(reportID, text string, mentions []storyline.Mention) *Prepared {
	p := &Prepared{reportID: reportID, text: text, given: len(mentions), extra: descriptions(text, mentions)}
	n := len(mentions) + len(p.extra)
	at := func(i int) *storyline.Mention {
		if i < len(mentions) {
			return &mentions[i]
		}
		return &p.extra[i-len(mentions)]
	}
	p.order = make([]int, n)
	for i := range p.order {
		p.order[i] = i
	}
	sort.SliceStable(p.order, func(a, b int) bool { return at(p.order[a]).Span.Start < at(p.order[b]).Span.Start })
	p.refs = make([]Ref, n)
	p.ms = make([]mention, n)
	for i := range n {
		m := at(i)
		p.refs[i] = Ref{Doc: reportID, Start: m.Span.Start, End: m.Span.End, Text: m.Surface, Class: kindClass(m.Kind)}
		p.ms[i] = *analyse(&p.refs[i], i)
	}
	return p
}

// Fits reports whether p was prepared from this report's text and
// mentions (their spans and kinds).
func (p *Prepared) Fits(reportID, text string, mentions []storyline.Mention) bool {
	if p == nil || p.reportID != reportID || p.text != text || p.given != len(mentions) {
		return false
	}
	for i, m := range mentions {
		r := &p.refs[i]
		if r.Start != m.Span.Start || r.End != m.Span.End || r.Text != m.Surface || r.Class != kindClass(m.Kind) {
			return false
		}
	}
	return true
}

// Add resolves the mentions of one report and returns them with ActorID
// set. Mentions the resolver cannot place on an actor (pronouns) keep an
// empty ActorID.
func (r *Resolver) Add(reportID, text string, mentions []storyline.Mention) []storyline.Mention {
	return r.AddPrepared(Prepare(reportID, text, mentions), mentions)
}

// AddPrepared is Add with the report's Prepared (made by Prepare from the
// same report and mentions: see Fits). Mentions the resolver cannot
// place keep the ActorID they come with.
func (r *Resolver) AddPrepared(p *Prepared, mentions []storyline.Mention) []storyline.Mention {
	r.seq++
	reportID, text := p.reportID, p.text
	// descriptions of a person the tagger does not mark ("the alliance
	// leader") take part too, as aliases of the person they resolve to;
	// they are not returned
	given := len(mentions)
	out := make([]storyline.Mention, 0, given+len(p.extra))
	out = append(out, mentions...)
	out = append(out, p.extra...)
	order := p.order
	// the analyses are copied: resolving changes some of their fields
	ms := make([]*mention, len(out))
	copies := slices.Clone(p.ms)
	for i := range copies {
		ms[i] = &copies[i]
	}
	// within the report: link each mention to an earlier local entity
	var locals []*local
	of := make([]*local, len(out))
	for _, i := range order {
		m := ms[i]
		if m.pron != nil && upperName(out[i].Surface) && m.alias != "" {
			m.pron = nil // "US" is the country, "us" the pronoun
		}
		if m.pron != nil || m.norm == "" {
			continue
		}
		kind := out[i].Kind
		if weakOrg(m, kind) && r.personNamed(m, locals) {
			// a bare surname the tagger took for an organisation ("Rutte
			// said") where a person of that surname is known
			kind = storyline.Person
		}
		country := ""
		gov := false
		// governments: "Moscow insists", "the Kremlin said"
		if seat, ok := seats[m.norm]; ok && (m.norm == "kremlin" || m.norm == "white house" || m.norm == "downing street" || m.norm == "pentagon" || followedBySpeech(text, out[i].Span.End)) {
			kind, country, gov = storyline.Organisation, seat, true
		} else if countryNames[m.norm] && m.proper && kind != storyline.Person {
			country = m.norm
			kind = storyline.Place
			if multinational[m.norm] {
				kind = storyline.Organisation
			}
		} else if c, ok := demonyms[strings.TrimSuffix(m.norm, "s")]; ok && m.proper && len(m.ws) == 1 {
			kind, country = storyline.Place, c
		} else if c, ok := countryAliases[m.norm]; ok && kind != storyline.Person {
			kind = storyline.Place
			if multinational[c] {
				kind = storyline.Organisation
			}
			country = c
		}
		var target *local
		for _, l := range locals {
			if l.country != "" || country != "" {
				if l.country == country && l.kind == kind && l.gov == gov {
					target = l
					break
				}
				continue
			}
			if (l.kind == kind || l.kind == storyline.Other || kind == storyline.Other) && nameMatch(l.best, m, false) {
				target = l
				break
			}
			if !m.proper && kind == storyline.Person && descriptorMatch(descriptorKeys(m.norm), l.descs) {
				target = l
				break
			}
		}
		if target == nil {
			target = &local{best: m, kind: kind, country: country, gov: gov, actor: -1}
			locals = append(locals, target)
		}
		target.ms = append(target.ms, i)
		of[i] = target
		if m.proper && len(m.ws) > len(target.best.ws) || !target.best.proper && m.proper {
			target.best = m
		}
		if kind == storyline.Person && m.proper {
			if d := premodifier(text, out[i].Span.Start, m); d != "" {
				target.descs = appendNew(target.descs, d)
			}
		}
	}
	// across reports: named entities first, so that a descriptor phrase
	// ("the head of NATO") can then join the named person it describes
	for _, l := range locals {
		if l.best.proper || l.country != "" {
			l.actor = r.match(l)
			if l.actor < 0 {
				l.actor = r.create(l)
			}
		}
	}
	var kept []*local
	for _, l := range locals {
		if l.kind == storyline.Person && !l.best.proper && l.country == "" {
			if t := r.describedPerson(l, locals, out, slices.Min(l.ms) >= given); t != nil {
				if t.kind != storyline.Person {
					// a bare surname the tagger took for an organisation,
					// described as a person: "Rutte said … The alliance
					// leader was in the Ukrainian capital"
					t.kind = storyline.Person
					r.toPerson(t.actor, t.best.surname)
				}
				t.ms = append(t.ms, l.ms...)
				t.descs = appendNew(t.descs, l.best.norm)
				continue
			}
			l.actor = r.match(l)
		}
		kept = append(kept, l)
	}
	locals = kept
	for _, l := range locals {
		if l.actor < 0 && slices.Min(l.ms) >= given {
			continue // only descriptions found in the text, resolved to no one
		}
		if l.actor < 0 {
			l.actor = r.create(l)
		}
		a := r.actors[l.actor]
		if a.lastReport != reportID {
			a.reports++
			a.lastReport = reportID
		}
		a.lastSeq = r.seq
		for _, i := range l.ms {
			if i < given {
				a.mentions++
			}
			r.addAlias(l.actor, out[i].Surface)
			out[i].ActorID = a.id
		}
		for _, d := range l.descs {
			r.addDescriptor(l.actor, d)
		}
		if l.best.first != "" && a.kind == storyline.Person {
			if a.firsts == nil {
				a.firsts = map[string]bool{}
			}
			a.firsts[firstKey(l.best.first)] = true
		}
		if l.best.proper && len(l.best.raw) > 0 && betterName(l.best, a) {
			a.name = displayName(l.best)
		}
	}
	return out[:given]
}

// descriptionRE finds definite descriptions of a person by role and place
// or organisation: "the alliance leader", "The head of NATO", "the
// Ukrainian president".
var descriptionRE = regexp.MustCompile(`\b[Tt]he ((?:[A-Z][\p{L}.-]*|alliance|bloc) )?(leader|chief|head|president|prime minister|foreign minister|secretary-general|spokesman|spokeswoman)( of (?:the )?[A-Z][\p{L}]*)?\b`)

// descriptionAt is descriptionRE anchored at the start of its input.
var descriptionAt = regexp.MustCompile(`^` + descriptionRE.String()[2:])

// findDescriptions returns what descriptionRE.FindAllStringIndex(text,
// -1) returns, faster: a match starts at "The " or "the " after a word
// boundary, which strings.Index finds far sooner than the regexp engine
// trying every position.
func findDescriptions(text string) [][]int {
	var out [][]int
	for pos := 0; pos < len(text); {
		k := strings.Index(text[pos:], "he ")
		if k < 0 {
			break
		}
		i := pos + k - 1 // where "The"/"the" would start
		pos += k + 1
		if i < 0 || text[i] != 'T' && text[i] != 't' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		if ix := descriptionAt.FindStringIndex(text[i:]); ix != nil {
			out = append(out, []int{i + ix[0], i + ix[1]})
			pos = i + ix[1]
		}
	}
	return out
}

// isWordByte is \w of Go's regexp (ASCII).
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// descriptions returns person mentions for the descriptions in text that
// name both a role and a place or organisation and that no mention
// overlaps.
func descriptions(text string, mentions []storyline.Mention) []storyline.Mention {
	var out []storyline.Mention
	for _, ix := range findDescriptions(text) {
		sp := storyline.Span{Start: ix[0], End: ix[1]}
		place, role := false, false
		for _, k := range descriptorKeys(fold(text[ix[0]:ix[1]])) {
			place = place || strings.HasPrefix(k, "p:")
			role = role || strings.HasPrefix(k, "r:")
		}
		if !place || !role || slices.ContainsFunc(mentions, func(m storyline.Mention) bool { return m.Span.Overlaps(sp) }) {
			continue
		}
		out = append(out, storyline.Mention{Span: sp, Surface: text[ix[0]:ix[1]], Kind: storyline.Person})
	}
	return out
}

func betterName(m *mention, a *actorRec) bool {
	n := len(strings.Fields(displayName(m)))
	return len(strings.Fields(a.name)) < n && (a.kind != storyline.Person || n <= 3)
}

// displayName is a proper mention without its leading titles and
// honorifics: "Foreign Minister Tomas Rebane" → "Tomas Rebane".
func displayName(m *mention) string {
	raw, ws := m.raw, m.ws
	for len(ws) > 1 && (titles[ws[0]] || honorifics[ws[0]] || demonyms[ws[0]] != "") {
		raw, ws = raw[1:], ws[1:]
	}
	return strings.Clone(strings.Join(raw, " "))
}

func followedBySpeech(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest := strings.Fields(text[end:min(len(text), end+40)])
	return len(rest) > 0 && speechVerbs[strings.ToLower(strings.Trim(rest[0], ",.;:"))]
}

// premodifier returns the title and nationality words standing right
// before a name ("Ukrainian President" in "Ukrainian President Volodymyr
// Zelenskyy", "NATO Secretary General" before "Mark Rutte"), folded.
func premodifier(text string, start int, m *mention) string {
	if start <= 0 || start > len(text) {
		return ""
	}
	// titles inside the mention itself ("President Putin")
	var inner []string
	for _, w := range m.ws {
		if titles[w] || demonyms[w] != "" {
			inner = append(inner, w)
		}
	}
	before := strings.Fields(text[max(0, start-60):start])
	var ws []string
	for k := len(before) - 1; k >= 0 && len(ws) < 4; k-- {
		w := strings.Trim(before[k], ",.;:\"“”'’")
		f := fold(w)
		if w == "" || !(titles[f] || demonyms[f] != "" || countryAliases[f] != "" || isAcronym(w) || f == "u.s.") || !isCapitalised(w) {
			break
		}
		ws = append([]string{f}, ws...)
	}
	ws = append(ws, inner...)
	for len(ws) > 0 && honorifics[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) == 0 || len(ws) == 1 && roleWords[ws[0]] != "" && ws[0] != "chief" {
		return ""
	}
	return strings.Join(ws, " ")
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// roleWords map descriptor words to a role; "leader" matches every role.
var roleWords = map[string]string{
	"president": "president", "leader": "leader", "head": "head", "chief": "head", "secretary": "head",
	"general": "", "prime": "pm", "minister": "minister", "chancellor": "pm", "premier": "pm",
	"foreign": "foreign", "spokesman": "spokesman", "spokeswoman": "spokesman", "spokesperson": "spokesman",
	"king": "king", "queen": "queen", "commander": "commander",
}

// orgNouns name an organisation by its kind.
var orgNouns = map[string]string{"alliance": "nato", "bloc": "european union", "kremlin": "russia"}

// descriptorKeys turns a descriptor phrase into comparable keys: a role
// ("r:president") and the places or organisations it names ("p:ukraine").
func descriptorKeys(s string) []string {
	var ks []string
	for _, w := range words(s) {
		if r, ok := roleWords[w]; ok {
			if r != "" {
				ks = append(ks, "r:"+r)
			}
			continue
		}
		if c, ok := demonyms[w]; ok {
			ks = append(ks, "p:"+c)
		} else if c, ok := countryAliases[w]; ok {
			ks = append(ks, "p:"+c)
		} else if c, ok := orgNouns[w]; ok {
			ks = append(ks, "p:"+c)
		} else if w == "nato" || w == "ukraine" || w == "russia" {
			ks = append(ks, "p:"+w)
		}
	}
	return ks
}

// descriptorMatch tells whether a nominal's keys fit one of an actor's
// descriptors: the same place or organisation, and the same role (or the
// generic "leader"/"head").
func descriptorMatch(keys []string, descs []string) bool {
	var place, role string
	for _, k := range keys {
		if strings.HasPrefix(k, "p:") {
			place = k
		} else {
			role = k
		}
	}
	if place == "" || role == "" {
		return false
	}
	for _, d := range descs {
		dk := descriptorKeys(d)
		hasPlace, hasRole := false, false
		for _, k := range dk {
			if k == place {
				hasPlace = true
			}
			if strings.HasPrefix(k, "r:") && (k == role || role == "r:leader" || role == "r:head" && k != "r:spokesman" && k != "r:foreign") {
				hasRole = true
			}
		}
		if hasPlace && hasRole {
			return true
		}
	}
	return false
}

// describedPerson returns the named person of the report that a
// descriptor phrase most likely names: one whose known descriptors fit it,
// else the nearest named person before it (after it, failing that) whose
// descriptors name no other place or organisation.
func (r *Resolver) describedPerson(l *local, locals []*local, out []storyline.Mention, scanned bool) *local {
	keys := descriptorKeys(l.best.norm)
	var place string
	for _, k := range keys {
		if strings.HasPrefix(k, "p:") {
			place = k
		}
	}
	if place == "" {
		return nil
	}
	descsOf := func(c *local) []string {
		ds := append([]string(nil), c.descs...)
		if c.actor >= 0 {
			ds = append(ds, r.actors[c.actor].descriptors...)
		}
		return ds
	}
	for _, c := range locals {
		if c != l && c.kind == storyline.Person && c.best.proper && descriptorMatch(keys, descsOf(c)) {
			return c
		}
	}
	at := out[l.ms[0]].Span.Start
	if scanned {
		// a description found in the text only, which no known
		// descriptor fits: the nearest bare surname before it that the
		// tagger could not tell for a person ("Rutte said … The alliance
		// leader was in Kyiv"), else no one; a named person with no
		// descriptor is too weak a guess for a phrase no quote backs
		var near *local
		nearAt := -1
		for _, c := range locals {
			weak := weakOrg(c.best, c.kind) && c.actor >= 0 && weakOrgActor(r.actors[c.actor])
			if c == l || !weak || conflicts(place, descsOf(c)) || roleConflict(keys, descsOf(c)) {
				continue
			}
			for _, i := range c.ms {
				if s := out[i].Span.Start; s < at && s > nearAt {
					near, nearAt = c, s
				}
			}
		}
		return near
	}
	var before, after *local
	bestB, bestA := -1, -1
	for _, c := range locals {
		if c == l || c.kind != storyline.Person || !c.best.proper || conflicts(place, descsOf(c)) {
			continue
		}
		for _, i := range c.ms {
			s := out[i].Span.Start
			if s < at && s > bestB {
				before, bestB = c, s
			}
			if s > at && (bestA < 0 || s < bestA) {
				after, bestA = c, s
			}
		}
	}
	if before != nil {
		return before
	}
	return after
}

// roleConflict tells whether a person's descriptors give roles and none
// fits the description's role: "the alliance chief" is not the person
// known as foreign minister.
func roleConflict(keys []string, descs []string) bool {
	role := ""
	for _, k := range keys {
		if strings.HasPrefix(k, "r:") {
			role = k
		}
	}
	if role == "" || role == "r:leader" {
		return false
	}
	any := false
	for _, d := range descs {
		for _, k := range descriptorKeys(d) {
			if !strings.HasPrefix(k, "r:") {
				continue
			}
			any = true
			if k == role || role == "r:head" && !headless[k] {
				return false
			}
		}
	}
	return any
}

// headless are the roles that "head" and "chief" do not describe.
var headless = set("r:spokesman", "r:foreign", "r:minister", "r:pm")

// toPerson makes an actor stored as an organisation a person.
func (r *Resolver) toPerson(ai int, surname string) {
	if ai < 0 {
		return
	}
	a := r.actors[ai]
	a.kind = storyline.Person
	if surname != "" {
		a.surname = surname
		r.index["s:"+surname] = appendUnique(r.index["s:"+surname], ai)
	}
}

// conflicts tells whether descriptors tie a person to another place or
// organisation than place.
func conflicts(place string, descs []string) bool {
	for _, d := range descs {
		for _, k := range descriptorKeys(d) {
			if strings.HasPrefix(k, "p:") && k != place {
				return true
			}
		}
	}
	return false
}

// match finds the stored actor a local entity names, or -1.
func (r *Resolver) match(l *local) int {
	m := l.best
	if l.country != "" {
		return r.first(govKey(l))
	}
	if !m.proper {
		if l.kind != storyline.Person {
			return r.first("n:" + m.norm)
		}
		keys := descriptorKeys(m.norm)
		best := -1
		for _, k := range keys {
			for _, ai := range recent(r.index["d:"+k]) {
				a := r.actors[ai]
				if descriptorMatch(keys, a.descriptors) && (best < 0 || a.lastSeq > r.actors[best].lastSeq) {
					best = ai
				}
			}
		}
		return best
	}
	if l.kind == storyline.Person && m.proper && m.first != "" {
		// a bare surname the tagger took for an organisation in an
		// earlier report ("Rutte said"), before the person's full name
		// was seen: the actor is that person
		for _, ai := range r.index["n:"+m.ws[len(m.ws)-1]] {
			if a := r.actors[ai]; weakOrgActor(a) && translit(fold(a.name)) == m.surname {
				r.toPerson(ai, m.surname)
			}
		}
	}
	if l.kind == storyline.Person || l.kind == storyline.Other && m.surname != "" && len(m.ws) > 1 {
		cands := r.index["s:"+m.surname]
		best := -1
		for _, ai := range recent(cands) {
			a := r.actors[ai]
			if a.kind != storyline.Person {
				continue
			}
			ok := m.first == "" || len(a.firsts) == 0 || a.firsts[firstKey(m.first)]
			if !ok && len(m.first) <= 2 {
				for f := range a.firsts {
					if f[0] == firstKey(m.first)[0] {
						ok = true
					}
				}
			}
			if !ok {
				continue
			}
			// a bare surname shared by several people: the one whose
			// descriptors fit, else the most recently seen
			if best < 0 || m.first == "" && (descOverlap(l.descs, a.descriptors) > descOverlap(l.descs, r.actors[best].descriptors) ||
				descOverlap(l.descs, a.descriptors) == descOverlap(l.descs, r.actors[best].descriptors) && a.lastSeq > r.actors[best].lastSeq) {
				best = ai
			}
		}
		return best
	}
	for _, k := range []string{"n:" + m.norm, "a:" + m.alias, "a:" + m.acr, "c:" + m.corp} {
		if k[len(k)-1] == ':' {
			continue
		}
		for _, ai := range r.index[k] { // first-come: the oldest holder of a name
			if r.actors[ai].kind == l.kind || l.kind == storyline.Other || r.actors[ai].kind == storyline.Other {
				return ai
			}
		}
	}
	if len(m.ws) == 1 {
		for _, ai := range r.index["a:"+m.ws[0]] {
			if r.actors[ai].kind == l.kind {
				return ai
			}
		}
		// a nationality word for a place the tables do not know:
		// "Kestorian" → Kestoria, "Lurenian" → Lurenia
		w := m.ws[0]
		if len(w) > 5 && strings.HasSuffix(w, "n") && l.kind != storyline.Person {
			for _, ai := range r.index["n:"+w[:len(w)-1]] {
				if k := r.actors[ai].kind; k == storyline.Place || k == storyline.Other {
					return ai
				}
			}
		}
		if len(w) > 4 && strings.HasSuffix(w, "a") && l.kind != storyline.Person {
			for _, ai := range r.index["n:"+w+"n"] {
				if k := r.actors[ai].kind; k == storyline.Other {
					r.actors[ai].name = displayName(m) // the place, not its adjective
					r.index["n:"+w] = appendUnique(r.index["n:"+w], ai)
					return ai
				}
			}
		}
	}
	return -1
}

// maxScan bounds the actors read under one key (the most recent ones), so
// that a very common surname does not make a report cost more as actors
// accumulate.
const maxScan = 64

func recent(xs []int) []int {
	if len(xs) > maxScan {
		return xs[len(xs)-maxScan:]
	}
	return xs
}

func descOverlap(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n
}

func (r *Resolver) first(k string) int {
	if xs := r.index[k]; len(xs) > 0 {
		return xs[0]
	}
	return -1
}

func (r *Resolver) create(l *local) int {
	m := l.best
	ai := len(r.actors)
	a := &actorRec{id: "a" + strconv.Itoa(ai+1), kind: l.kind, surname: m.surname}
	a.name = displayName(m)
	if l.country != "" {
		a.name = titleCase(l.country)
		if l.gov {
			a.name = "Government of " + titleCase(l.country)
			a.descriptors = append(a.descriptors, "government of "+l.country)
		}
		r.index[govKey(l)] = append(r.index[govKey(l)], ai)
	}
	r.actors = append(r.actors, a)
	if m.proper && l.country == "" {
		for _, k := range []string{"n:" + m.norm, "a:" + m.alias, "a:" + m.acr, "c:" + m.corp} {
			if k[len(k)-1] != ':' {
				r.index[k] = append(r.index[k], ai)
			}
		}
		if l.kind == storyline.Person || l.kind == storyline.Other {
			r.index["s:"+m.surname] = append(r.index["s:"+m.surname], ai)
		}
	}
	return ai
}

func govKey(l *local) string {
	k := "g:" + string(l.kind) + ":" + l.country
	if l.gov {
		k += ":gov"
	}
	return k
}

// multinational are the alias-table entries that are organisations.
var multinational = set("nato", "european union", "united nations")

// countryNames are the places the demonym and alias tables lead to.
var countryNames = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range demonyms {
		m[c] = true
	}
	for _, c := range countryAliases {
		m[c] = true
	}
	for _, c := range seats {
		m[c] = true
	}
	return m
}()

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if w == "of" || w == "and" {
			continue
		}
		if w == "nato" {
			ws[i] = "NATO"
			continue
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

func (r *Resolver) addAlias(ai int, s string) {
	a := r.actors[ai]
	s = strings.TrimSpace(s)
	if s == "" || slices.Contains(a.aliases, s) {
		return
	}
	s = strings.Clone(s) // not a window on the whole report text
	a.aliases = append(a.aliases, s)
	// index the alias so that later reports find the actor under it
	m := analyse(&Ref{Text: s}, 0)
	if m.proper && m.norm != "" && a.kind != storyline.Person {
		r.index["n:"+m.norm] = appendUnique(r.index["n:"+m.norm], ai)
		if m.acr != "" {
			r.index["a:"+m.acr] = appendUnique(r.index["a:"+m.acr], ai)
		}
		if m.alias != "" {
			r.index["a:"+m.alias] = appendUnique(r.index["a:"+m.alias], ai)
		}
	}
}

func (r *Resolver) addDescriptor(ai int, d string) {
	a := r.actors[ai]
	if slices.Contains(a.descriptors, d) {
		return
	}
	d = strings.Clone(d)
	a.descriptors = append(a.descriptors, d)
	for _, k := range descriptorKeys(d) {
		r.index["d:"+k] = appendUnique(r.index["d:"+k], ai)
	}
}

func appendUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// Actors returns every actor in the order they were first seen, with
// aliases and descriptors in the order they were learned.
func (r *Resolver) Actors() []storyline.Actor {
	out := make([]storyline.Actor, len(r.actors))
	for i, a := range r.actors {
		out[i] = storyline.Actor{ID: a.id, Name: a.name, Kind: a.kind,
			Aliases: append([]string(nil), a.aliases...), Descriptors: append([]string(nil), a.descriptors...),
			Mentions: a.mentions, Reports: a.reports}
	}
	return out
}

// Actor returns the kind and the name, as they stand now, of the actor
// with the given id (an ActorID that Add returned).
func (r *Resolver) Actor(id string) (storyline.MentionKind, string, bool) {
	i, err := strconv.Atoi(strings.TrimPrefix(id, "a"))
	if err != nil || i < 1 || i > len(r.actors) {
		return "", "", false
	}
	a := r.actors[i-1]
	return a.kind, a.name, true
}

var honorifics = set("mr", "mrs", "ms", "miss", "dr", "sir", "dame")

// upperName tells whether a surface is written in capitals ("US", "UN"):
// a name, never a pronoun.
func upperName(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// weakOrg tells whether a mention is an organisation only by the tagger's
// word: one capitalised word that no table, acronym or company suffix
// makes an organisation, so that it may be a person's surname.
func weakOrg(m *mention, kind storyline.MentionKind) bool {
	return kind == storyline.Organisation && m.proper && len(m.ws) == 1 && m.alias == "" && !upperName(m.raw[0]) &&
		!orgHeads[m.head] && !countryNames[m.norm] && seats[m.norm] == ""
}

// weakOrgActor tells whether an actor is an organisation only by such
// mentions: a one-word name, no descriptors, no alias of several words or
// in capitals.
func weakOrgActor(a *actorRec) bool {
	if a.kind != storyline.Organisation || len(a.descriptors) > 0 || strings.ContainsRune(a.name, ' ') || upperName(a.name) {
		return false
	}
	for _, al := range a.aliases {
		if strings.ContainsRune(strings.TrimSpace(al), ' ') || upperName(al) {
			return false
		}
	}
	return true
}

// personNamed tells whether a one-word mention is the surname of a person
// named in full (first name and surname) earlier in the report or in a
// stored report: a bare word the tagger once took for a person ("Varnia")
// is no evidence.
func (r *Resolver) personNamed(m *mention, locals []*local) bool {
	if m.surname == "" {
		return false
	}
	for _, l := range locals {
		if l.kind == storyline.Person && l.best.proper && l.best.first != "" && l.best.surname == m.surname {
			return true
		}
	}
	for _, ai := range recent(r.index["s:"+m.surname]) {
		if a := r.actors[ai]; a.kind == storyline.Person && len(a.firsts) > 0 {
			return true
		}
	}
	return false
}
