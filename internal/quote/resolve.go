package quote

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

	"storyline"
	"storyline/internal/text"
)

// Speaker resolution inside one report, sieve style: a phrase holding a
// name resolves to the fullest form of that name in the report; a pronoun
// to the speaker of the previous quotation (else the nearest person named
// before it); a description ("the Ukrainian president", "the head of
// NATO") to the one person whose titles and appositives in the report fit
// it; a quote repeated in the report (headline and body) to the speaker
// the other copy names. Anything else stays unresolved: no guessing.

// roleNouns are the nouns of office a description is built on. The value
// groups synonyms.
var roleNouns = map[string]string{
	"president": "president", "leader": "head", "chief": "head", "head": "head",
	"minister": "minister", "premier": "head", "chancellor": "head", "secretary-general": "head",
	"secretary": "secretary", "spokesman": "spokes", "spokeswoman": "spokes",
	"spokesperson": "spokes", "governor": "governor", "senator": "senator", "sen.": "senator",
	"gov.": "governor", "mayor": "mayor", "chairman": "head", "chairwoman": "head", "chair": "head",
	"director": "head", "ambassador": "ambassador", "envoy": "envoy", "king": "head",
	"queen": "head", "pope": "head", "commander": "commander", "general": "general",
	"prosecutor": "prosecutor", "judge": "judge", "justice": "judge", "candidate": "candidate",
	"nominee": "candidate", "counterpart": "*", "official": "official", "adviser": "adviser",
	"advisor": "adviser", "aide": "adviser", "ceo": "head", "founder": "founder", "speaker": "speaker",
	"representative": "representative", "rep.": "representative", "congressman": "representative",
	"congresswoman": "representative", "lawmaker": "representative", "dictator": "head",
	"strongman": "head", "host": "host", "coach": "coach", "manager": "head", "captain": "captain",
	"admiral": "commander", "colonel": "commander", "lieutenant": "commander", "vice": "vice", "deputy": "vice", "prime": "",
	"foreign": "", "defence": "", "defense": "", "secretary-general's": "head",
}

// qualifierKey is the modifier key of a word that narrows an office
// ("prime", "foreign", "defence" minister): a foreign minister is not the
// prime minister, whatever else the two descriptions share.
func qualifierKey(w string) string {
	if w == "defense" {
		w = "defence"
	}
	return "office:" + w
}

func isQualifier(m string) bool { return strings.HasPrefix(m, "office:") }

// headRoles are the roles a generic "leader", "chief" or "head" can stand
// for.
var headRoles = map[string]bool{"head": true, "president": true, "*": true}

// isHeadRole is headRoles[r] without the map.
func isHeadRole(r string) bool { return r == "head" || r == "president" || r == "*" }

// titleWords precede a name without being part of it.
var titleWords = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "sen.": true, "rep.": true,
	"gov.": true, "gen.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true, "adm.": true,
	"rev.": true, "pres.": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "former": true, "then": true, "acting": true,
	"interim": true, "incoming": true, "outgoing": true, "late": true, "rear": true,
}

// groupAliases map a few words of descriptions to the body they name.
var groupAliases = map[string]string{"alliance": "nato", "kremlin": "russia", "moscow": "russia",
	"kyiv": "ukraine", "kiev": "ukraine", "washington": "us", "american": "us", "america": "us",
	"u.s.": "us", "u.s": "us", "united": "us", "white": "us", "beijing": "china", "chinese": "china",
	"british": "uk", "britain": "uk", "u.k.": "uk", "european": "eu", "e.u.": "eu", "brussels": "eu",
	"french": "france", "german": "germany", "israeli": "israel",
}

// person is one named person of the report.
type person struct {
	name   string   // fullest form seen
	last   string   // normalised surname
	roles  []string // role classes from titles and descriptions (roleNouns values)
	mods   []string // qualifier keys (modKeyNorm)
	pos    []int    // byte offsets of mentions
	quoted bool     // speaker of some quotation
	gender byte     // 'm' or 'f' when an honorific in the report tells, else 0
	multi  bool     // multiField(name)
	hash   uint64   // lastHash(last)
	next   int32    // the next person with this last (index in resolver.persons), -1 for none
}

// modKeyNorm reduces a normalised modifier to a comparable key: group
// aliases, then a five-letter stem, so "Ukrainian", "Ukraine" and
// "Ukraine's" meet. It allocates only for non-ASCII words.
func modKeyNorm(w string) string {
	if a, ok := groupAliases[w]; ok {
		return a
	}
	return modStem(w)
}

// modKey is modKeyNorm(lw) for lw, the normTok of token k.
func (d *doc) modKey(k int, lw string) string {
	if len(lw) == len(d.lower(k)) && d.xf[k]&xAlias == 0 { // (lw is d.lower(k) when as long: normTok trims)
		return modStem(lw) // (no alias)
	}
	return modKeyNorm(lw)
}

// modStem is modKeyNorm for a word that is no group alias.
func modStem(w string) string {
	if w == "us" || w == "u.s" {
		return "us"
	}
	for i := 0; i < len(w) && i < 5; i++ {
		if w[i] >= 0x80 {
			r := []rune(w)
			if len(r) > 5 {
				r = r[:5]
			}
			return string(r)
		}
	}
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// surnameKey compares surnames loosely: letters only, lower case, and a
// trailing doubled letter dropped (Zelenskyy, Zelensky).
func surnameKey(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z') {
			ascii = false
			break
		}
	}
	if ascii {
		for len(w) > 3 && w[len(w)-1] == w[len(w)-2] {
			w = w[:len(w)-1]
		}
		return w
	}
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	for len(s) > 3 && s[len(s)-1] == s[len(s)-2] {
		s = s[:len(s)-1]
	}
	return s
}

// asciiSurnameKey appends to dst surnameKey(strings.ToLower(w)) (which
// is also surnameKey(w)) when w is ASCII; ok is false when it is not.
func asciiSurnameKey(dst []byte, w string) (key []byte, ok bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' {
			dst = append(dst, c)
		}
	}
	for len(dst) > 3 && dst[len(dst)-1] == dst[len(dst)-2] {
		dst = dst[:len(dst)-1]
	}
	return dst, true
}

var determinerCap = map[string]bool{"The": true, "A": true, "An": true, "His": true, "Her": true, "Their": true, "Its": true, "Our": true, "This": true, "That": true, "These": true, "Those": true, "He": true, "She": true, "They": true, "We": true, "I": true, "It": true}

type resolver struct {
	txt     string
	toks    []text.Token
	persons []*person // in the order they were found
	// byLast indexes persons by surname key: an open-addressed table,
	// a power of two long and at most half full, of the index + 1 of
	// the first person with a key (0: empty), the others chained by
	// person.next in the order they came. (Scanning every person for
	// each name cost more than the rest of the lookups.)
	byLast []int32
	// runs are the runs of name words buildPersons added, in text
	// order, each as nameRun packs it: describePersons reads the titles,
	// role nouns and modifiers around them only when a description
	// asks, which most reports never do. (The array is the pool's
	// bagArena, which resolveSpeakers fills with bags only after the
	// descriptions.)
	runs      []uint64
	described bool // describePersons has run
}

// nameRun packs a run of name words, tokens [i, i+w) (w at most 4), and
// the index in persons of the person it names.
func nameRun(i, w, p int) uint64 { return uint64(i) | uint64(w)<<32 | uint64(p)<<35 }

func unpackRun(r uint64) (i, w, p int) {
	return int(uint32(r)), int(r >> 32 & 7), int(r >> 35)
}

func lastHash(key []byte) uint64 { return xxh3.Hash(key) }

// withLast returns the index in persons of the first person whose last
// is key (h its lastHash), -1 when none.
func (rs *resolver) withLast(key []byte, h uint64) int {
	mask := len(rs.byLast) - 1
	if mask < 0 {
		return -1
	}
	for i := int(h) & mask; ; i = (i + 1) & mask {
		f := rs.byLast[i]
		if f == 0 {
			return -1
		}
		if p := rs.persons[f-1]; p.hash == h && p.last == string(key) {
			return int(f - 1)
		}
	}
}

// link enters persons[k], the last person, into byLast.
func (rs *resolver) link(k int) {
	if 2*len(rs.persons) > len(rs.byLast) {
		// (never from buildPersons, which sizes the table for the most
		// persons it can add)
		size := 16
		for size < 4*len(rs.persons) {
			size *= 2
		}
		rs.byLast = make([]int32, size)
		for j, p := range rs.persons[:k] {
			p.next = -1
			rs.link(j)
		}
	}
	p := rs.persons[k]
	p.next = -1
	mask := len(rs.byLast) - 1
	for i := int(p.hash) & mask; ; i = (i + 1) & mask {
		f := rs.byLast[i]
		if f == 0 {
			rs.byLast[i] = int32(k + 1)
			return
		}
		if q := rs.persons[f-1]; q.hash == p.hash && q.last == p.last {
			for q.next >= 0 {
				q = rs.persons[q.next]
			}
			q.next = int32(k)
			return
		}
	}
}

// buildPersons finds named persons: given person mentions, plus runs of
// two or more capitalised words (after titles) and single capitalised
// words right after a title or role noun; each with the titles, role
// nouns and modifiers written before it in its noun phrase.
func (d *doc) buildPersons(mentions []storyline.Mention) *resolver {
	// Persons live in a slab from the pool, sized for the most the
	// loop below can add, so that pointers into it stay valid.
	most := len(mentions) + d.nNames
	buf := d.buf
	if cap(buf.slab) < most {
		buf.slab = make([]person, 0, most)
	}
	rs := &buf.rs
	size := 16
	for size < 2*most {
		size *= 2
	}
	byLast := grow(buf.byLast, size) // (from the pool: one array per report cost an allocation each)
	clear(byLast)
	buf.byLast = byLast
	*rs = resolver{txt: d.text, toks: d.toks, persons: buf.ptrs[:0], byLast: byLast, runs: buf.bagArena[:0]}
	slab := buf.slab[:0]
	defer func() { buf.slab, buf.ptrs, buf.bagArena = slab, rs.persons, rs.runs }()
	// add returns the person of the name and its index in persons.
	add := func(name string, pos int, lastLow string) (*person, int) {
		name = trimSpace(name)
		if name == "" {
			return nil, -1
		}
		single := !hasBlank(name)
		var last string // the surname key, when there is a string of it
		var kbuf [64]byte
		var kb []byte // the surname key's bytes (no allocation to compare)
		if lastLow != "" {
			last = surnameKey(lastLow)
			kb = append(kbuf[:0], last...)
		} else if k, ok := asciiSurnameKey(kbuf[:0], lastWord(name)); ok {
			kb = k
		} else {
			last = surnameKey(strings.ToLower(lastWord(name)))
			kb = append(kbuf[:0], last...)
		}
		if len(kb) == 0 {
			return nil, -1
		}
		h := lastHash(kb)
		for k := rs.withLast(kb, h); k >= 0; k = int(rs.persons[k].next) {
			p := rs.persons[k] // (the persons with that surname, in the order they came)
			if strings.HasSuffix(p.name, name) || strings.HasSuffix(name, p.name) || !hasBlank(p.name) || single {
				if len(name) > len(p.name) {
					p.name = name
					p.multi = multiField(name)
				}
				p.pos = append(p.pos, pos)
				return p, k
			}
		}
		// (a slab entry keeps the arrays of the person it held before)
		if len(slab) < cap(slab) {
			slab = slab[:len(slab)+1]
		} else {
			slab = append(slab, person{}) // (never: most bounds the persons)
		}
		p := &slab[len(slab)-1]
		if last == "" {
			last = string(kb)
		}
		*p = person{name: name, last: last, pos: append(p.pos[:0], pos), roles: p.roles[:0], mods: p.mods[:0], multi: multiField(name), hash: h}
		rs.persons = append(rs.persons, p)
		rs.link(len(rs.persons) - 1)
		return p, len(rs.persons) - 1
	}
	for _, m := range mentions {
		if m.Kind == storyline.Person && m.Span.Valid(len(d.text)) {
			add(d.text[m.Span.Start:m.Span.End], m.Span.Start, "")
		}
	}
	n := len(d.toks)
	for i := d.nextName(0); i < n; i = d.nextName(i) {
		if d.tokReg[i] >= 0 {
			i++
			continue
		}
		if d.flags[i]&fSpeech != 0 && (i == 0 || d.tokSent[i-1] != d.tokSent[i]) && i+1 < n && d.isName(i+1) {
			i++ // "Said Comey, “…”": the verb opening the sentence is no part of the name
			continue
		}
		// A run of one name word counts only after a title or role noun
		// (below): when token i+1 cannot extend the run, titledBefore,
		// false for nine single name words in ten, is asked first, and
		// isMod and hasDoubleDash only when it holds.
		titled := false
		if !(i+1 < n && d.isName(i+1) && d.tokReg[i+1] < 0 && d.tokSent[i+1] == d.tokSent[i]) {
			if titled = d.titledBefore(i); !titled {
				i++
				continue
			}
		}
		j := i
		for j < n && j-i < 4 && d.isName(j) && d.tokReg[j] < 0 && d.tokSent[j] == d.tokSent[i] && !d.isMod(j) && !d.hasDoubleDash(j) {
			if j > i && d.toks[j-1].End == d.toks[j].Start && !strings.HasSuffix(d.toks[j-1].Text, ".") {
				break
			}
			j++
		}
		if j == i {
			i++
			continue
		}
		// A single name word needs a title or role noun before it ("Mr
		// Keel", "President Keel"; isMod(i) is false, or the run would
		// be empty). The titles, role nouns and modifiers themselves are
		// read by describePersons, when a description asks.
		if j-i >= 2 || titled || d.titledBefore(i) {
			name := d.text[d.toks[i].Start:d.toks[j-1].End]
			if p, k := add(name, d.toks[i].Start, d.lower(j-1)); p != nil {
				if i > 0 {
					switch strings.TrimSuffix(d.lower(i-1), ".") {
					case "mr":
						p.gender = 'm'
					case "ms", "mrs", "miss":
						p.gender = 'f'
					}
				}
				rs.runs = append(rs.runs, nameRun(i, j-i, k))
			}
		}
		i = j
	}
	for _, p := range rs.persons {
		sort.Ints(p.pos)
	}
	return rs
}

// titledBefore reports whether a title or role noun stands before token
// i in its noun phrase: the premodifiers describeRun reads, up to the
// first of them.
func (d *doc) titledBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
		w := d.toks[k].Text
		lw := d.normTok(k)
		if w == "'s" || w == "’s" {
			continue
		}
		if _, ok := d.roleOf(k, lw); ok || d.xf[k]&xTitleWord != 0 {
			return true
		}
		if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[w]) || d.contentWord(k) {
			continue
		}
		return false
	}
	return false
}

// describePersons gives the persons the titles, role nouns and
// modifiers written around their names (describeRun), once: only a
// description reads them (byDescription).
func (rs *resolver) describePersons(d *doc) {
	if rs.described {
		return
	}
	rs.described = true
	for _, r := range rs.runs {
		i, w, k := unpackRun(r)
		d.describeRun(rs.persons[k], i, i+w)
	}
}

// describeRun adds to p the role classes and modifier keys of the name
// tokens [i, j): the titles, role nouns and modifiers written before it
// in its noun phrase, a description set before it by a comma, and an
// appositive after it.
func (d *doc) describeRun(p *person, i, j int) {
	n := len(d.toks)
	var rb, mb [8]string // (premodifiers of a name, most often few)
	// premodifiers: titles, role nouns, modifiers before the run
	roles, mods := rb[:0], mb[:0]
	for k := i - 1; k >= 0 && k >= i-6 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
		w := d.toks[k].Text
		lw := d.normTok(k)
		if w == "'s" || w == "’s" {
			continue
		}
		if r, ok := d.roleOf(k, lw); ok {
			if r != "" {
				roles = append(roles, r)
			} else {
				mods = append(mods, qualifierKey(lw))
			}
			continue
		}
		if d.xf[k]&xTitleWord != 0 {
			continue
		}
		if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[w]) || d.contentWord(k) {
			if lw != "" {
				mods = append(mods, d.modKey(k, lw))
			}
			continue
		}
		break
	}
	// "The head of the port authority, Jan Meyer,": a description
	// set before the name by a comma.
	if i >= 2 && d.toks[i-1].Text == "," {
		var rb2, mb2 [8]string
		r2, m2 := rb2[:0], mb2[:0]
		hasRole := false
		for k := i - 2; k >= 0 && k >= i-10 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
			lw := d.normTok(k)
			if r, ok := d.roleOf(k, lw); ok {
				hasRole = true
				if r != "" {
					r2 = append(r2, r)
				} else {
					m2 = append(m2, qualifierKey(lw))
				}
				continue
			}
			if d.flags[k]&fDet != 0 || lw == "of" || lw == "the" || d.toks[k].Text == "'s" || d.toks[k].Text == "’s" {
				if d.flags[k]&fDet != 0 && lw != "of" && !(k > 0 && d.lower(k-1) == "of") {
					break
				}
				continue
			}
			if d.xf[k]&sCap != 0 || d.contentWord(k) {
				m2 = append(m2, d.modKey(k, lw))
				continue
			}
			hasRole = false
			break
		}
		if hasRole {
			roles = append(roles, r2...)
			mods = append(mods, m2...)
		}
	}
	for _, r := range roles {
		p.addRole(r)
	}
	for _, m := range mods {
		p.addMod(m)
	}
	// appositive: "Name, the alliance's chief," / "Name, a spokesman for X,"
	if j+1 < n && d.toks[j].Text == "," {
		for k := j + 1; k < n && k < j+8 && d.toks[k].Text != "," && d.toks[k].Text != "." && d.tokReg[k] < 0; k++ {
			lw := d.normTok(k)
			if r, ok := d.roleOf(k, lw); ok && r != "" {
				p.addRole(r)
			} else if ok {
				p.addMod(qualifierKey(lw))
			} else if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[d.toks[k].Text]) || d.contentWord(k) {
				p.addMod(d.modKey(k, d.normTok(k)))
			}
		}
	}
}

// nameIn returns the name a speaker phrase holds: its last run of name
// words, or "" when it has none (a pronoun or a description).
func (d *doc) nameIn(a, b int) (string, int) {
	// An appositive: "Bernstein, a local resident" names before the comma,
	// "Kestoria's foreign minister, Tomas Rebane," after it.
	for k := a; k < b; k++ {
		if d.toks[k].Text == "," || d.toks[k].Text == "(" {
			if name, pos := d.nameIn1(a, k); name != "" {
				return name, pos
			}
			if d.toks[k].Text == "(" {
				return "", -1
			}
			m := k + 1
			for m < b && d.toks[m].Text != "," && d.toks[m].Text != "(" {
				m++
			}
			if k+1 < b && isLowerWord(d.toks[k+1].Text) && d.xf[k+1]&xDeterminer == 0 && d.lower(k+1) != "or" && d.flags[k+1]&fTitle == 0 {
				// "The board's report, which was published on Friday,"
				// "The ad, titled ...": a clause, no appositive name.
				return "", -1
			}
			return d.nameIn1(k+1, m)
		}
	}
	return d.nameIn1(a, b)
}

// nameIn1 is nameIn for a phrase with no appositive.
func (d *doc) nameIn1(a, b int) (string, int) {
	for k := a + 1; k < b; k++ {
		if w := d.lower(k); w == "who" || w == "which" || w == "speaking" || w == "talking" || k+1 < b && (w == "close" && d.lower(k+1) == "to" || w == "familiar" && d.lower(k+1) == "with") {
			// "local leaders who would rather back Ben Carson", "a source
			// speaking to Fox News", "people close to Clinton": the head
			b = k
			break
		}
	}
	for k := a; k < b; k++ {
		if d.lower(k) == "of" && k > a {
			// A description "the head of NATO": an of-phrase after a role
			// noun; "Ruslan Gerchev of the Civic Platform party": a name
			// before it.
			if _, ok := d.roleOf(k-1, d.normTok(k-1)); ok {
				return "", -1
			}
			if d.isName(k-1) && !(d.lower(a) == "a" || d.lower(a) == "an") {
				// ("A University of Belmarra poll": an indefinite
				// article opens no name)
				b = k
				break
			}
		}
		if k > a && (d.in(k, yPhraseJoin) || cuePreps[d.lower(k)]) && d.lower(k) != "of" {
			// "Analysts in Varnograd", "a court in Kolvany", "Nobody
			// in Belmarra": the place after the preposition does not
			// speak; the phrase is a description. ("Ruslan Gerchev in
			// Kyiv": the name before it.)
			if !d.isName(k-1) || k-1 == a && (d.flags[a]&(fOpener|fDet|fPron) != 0 || d.breakBefore(a) && d.in(a, yGroupNoun|yQuantifier)) {
				return "", -1
			}
			b = k
			break
		}
	}
	if a >= b {
		return "", -1
	}
	end := b
	if end-1 > a && reflexives[d.lower(end-1)] {
		end-- // "Varga himself said": the name before the pronoun
	}
	for end > a && !d.isName(end-1) {
		if end-1 > a && (d.toks[end-1].Text == "'s" || d.toks[end-1].Text == "’s") {
			return "", -1 // "Russia's president"
		}
		if isLowerWord(d.toks[end-1].Text) {
			return "", -1 // a lower-case head noun: a description
		}
		end--
	}
	if end == a {
		return "", -1
	}
	start := end - 1
	org := d.in(end-1, yOrgHead)
	for start > a {
		// (an organisation keeps its demonym or possessive: "the
		// Kestorian Navy", "the Thornholm Fishermen's Union")
		if org && start-2 >= a && (d.toks[start-1].Text == "'s" || d.toks[start-1].Text == "’s") && d.isName(start-2) {
			start -= 2
			continue
		}
		if !d.isName(start-1) || d.isMod(start-1) && !org {
			break
		}
		start--
	}
	if end-start == 1 && (isDemonym(d.lower(start)) || d.in(start, yGroupNoun) || quantifiers[d.lower(start)] || standAlone[d.lower(start)] || org) {
		return "", -1 // "Ukrainian", "Officials said", "Several said", "The Navy"
	}
	return d.text[d.toks[start].Start:d.toks[end-1].End], d.toks[start].Start
}

// agentFor reports whether the phrase [a, b) is an agent noun speaking
// for someone named after "for" or "to" ("a spokesman for Lind"), before
// any appositive ("Maria Kask, a spokeswoman for the board" names her).
func (d *doc) agentFor(a, b int) bool {
	for k := a + 1; k < b; k++ {
		w := d.lower(k)
		if w == "," || w == "(" {
			return false
		}
		if (w == "for" || w == "to") && agentNouns[d.lower(k-1)] {
			return true
		}
	}
	return false
}

// reflexives may follow a name for emphasis ("Varga himself").
var reflexives = map[string]bool{"himself": true, "herself": true, "themselves": true, "itself": true}

// orgHeads end the name of an organisation, which keeps the modifiers a
// person's name sheds ("the Varnian Maritime Directorate").
var orgHeads = map[string]bool{"directorate": true, "navy": true, "army": true, "union": true, "ministry": true,
	"council": true, "committee": true, "party": true, "agency": true, "department": true, "guard": true,
	"office": true, "court": true, "parliament": true, "government": true, "police": true, "commission": true,
	"federation": true, "association": true, "institute": true, "bank": true, "league": true, "coalition": true}

// groupNouns are plural nouns for unnamed people that open a sentence
// capitalised and are no name ("Officials said", "Diplomats said").
var groupNouns = map[string]bool{"officials": true, "organisers": true, "organizers": true, "diplomats": true,
	"analysts": true, "sources": true, "residents": true, "critics": true, "protesters": true, "witnesses": true,
	"observers": true, "experts": true, "authorities": true, "investigators": true, "officers": true,
	"lawmakers": true, "voters": true, "supporters": true, "opponents": true, "aides": true, "police": true,
	"negotiators": true, "economists": true, "activists": true, "workers": true, "locals": true, "fishermen": true}

// quantifiers open a phrase about people that names nobody ("Nobody in
// Belmarra", "Many in the party", "Six in 10 voters").
var quantifiers = map[string]bool{"nobody": true, "everyone": true, "everybody": true, "someone": true,
	"somebody": true, "many": true, "some": true, "few": true, "most": true, "others": true, "none": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "half": true}

// describe returns the role and modifier keys of a description phrase.
func (d *doc) describe(a, b int, roles, mods []string) ([]string, []string) {
	for k := a; k < b; k++ {
		w := d.toks[k].Text
		lw := d.normTok(k)
		if r, ok := d.roleOf(k, lw); ok {
			if r != "" {
				roles = append(roles, r)
			} else {
				mods = append(mods, qualifierKey(lw))
			}
			continue
		}
		if d.isDeterminer(k, lw) || lw == "of" || lw == "the" || w == "'s" || w == "’s" || lw == "" {
			continue
		}
		if isCap(w) || d.isMod(k) || d.contentWord(k) {
			mods = append(mods, d.modKey(k, lw))
		}
	}
	return roles, mods
}

func roleFits(want string, have []string) bool {
	for _, h := range have {
		if h == want || h == "*" || isHeadRole(want) && isHeadRole(h) {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// resolveSpeakers fills the resolved speaker of every quote.
func resolveSpeakers(txt string, d *doc, qs []cand, mentions []storyline.Mention) {
	if len(qs) == 0 {
		return
	}
	rs := d.buildPersons(mentions)
	tokOf := func(b int) int { return d.tokAt(b) }
	// First pass: names.
	var kb [64]byte
	var kind []byte // 'n' name, 'p' pronoun, 'd' description, 0 none
	if len(qs) <= len(kb) {
		kind = kb[:len(qs)]
	} else {
		kind = make([]byte, len(qs))
	}
	for i := range qs {
		q := &qs[i]
		if q.spkS < 0 {
			continue
		}
		a, b := tokOf(q.spkS), tokOf(q.spkE)
		if a >= b {
			continue
		}
		if allCaps(txt[q.spkS:q.spkE]) {
			continue // a headline in capitals ("HOW CHINA'S DECLINE AFFECTS ..."): no name to guess
		}
		if b-a == 1 && (d.lower(a) == "who" || d.lower(a) == "which") {
			// a relative pronoun: the name it follows
			j := a
			if j > 0 && d.toks[j-1].Text == "," {
				j-- // "Ted Cruz, who said ..."
			}
			if s, e, ok := d.npLeft(j, max(0, a-8)); ok {
				if name, pos := d.nameIn(s, e); name != "" {
					q.speaker = rs.fullName(name, pos)
					kind[i] = 'n'
				}
			}
			continue
		}
		if b-a == 1 && d.xf[a]&xPronoun != 0 {
			kind[i] = 'p'
			continue
		}
		if d.agentFor(a, b) {
			// "an aide to Councillor Varga", "a spokeswoman for the
			// board": the one who speaks is not named, and is neither
			// the one spoken for nor another spokesman of the report
			continue
		}
		if name, pos := d.nameIn(a, b); name != "" {
			kind[i] = 'n'
			q.speaker = rs.fullName(name, pos)
			if p := rs.find(q.speaker); p != nil {
				p.quoted = true
			}
			continue
		}
		kind[i] = 'd'
	}
	// Second pass, in text order: descriptions and pronouns.
	prev := "" // the last resolved speaker
	prevEnd := -1
	lastEnd := -1 // the end of the last quotation with a speaker phrase
	for i := range qs {
		q := &qs[i]
		switch kind[i] {
		case 'd':
			a, b := tokOf(q.spkS), tokOf(q.spkE)
			q.speaker = rs.byDescription(d, a, b)
		case 'p':
			w := d.lower(tokOf(q.spkS))
			if w == "it" {
				q.speaker = d.subjectName(tokOf(q.spkS))
			}
			if w == "he" || w == "she" {
				want := byte('m')
				if w == "she" {
					want = 'f'
				}
				// the person named last before the quotation and its
				// attribution: a name inside the quoted words is what
				// the speaker talks about
				near, nearPos := rs.nearestBeforePos(min(q.spkS, q.s), want)
				pp := rs.find(prev)
				switch {
				case near != "" && nearPos > lastEnd && near != prev:
					// a person named since the last quotation: "Johanna
					// Keel greeted the crew. “...,” she said."
					q.speaker = near
				case prev != "" && q.spkS-prevEnd < 1500 && (pp == nil || pp.gender == 0 || pp.gender == want):
					q.speaker = prev
				default:
					q.speaker = near
				}
				if p := rs.find(q.speaker); p != nil && p.gender == 0 {
					p.gender = want // learnt: later pronouns of the other gender skip p
				}
			}
		}
		if q.speaker != "" {
			prev = q.speaker
			prevEnd = q.e
		}
		if q.spkS >= 0 {
			// a name before an unresolved attribution ("The minister
			// said Varnia had ...") was not named since it
			lastEnd = q.e
		}
	}
	// Unresolved quotes that repeat a resolved one (headline and body).
	// A quotation's stem keys are read once, in text order; its bag (the
	// keys sorted, with their pairs) is made only for a pair that a
	// filter of the unresolved quote's keys lets through: similar scores
	// 0 below three shared words, and few pairs share three (sorting every
	// bag cost as much as reading them).
	arena := d.buf.bagArena[:0]
	var from, to []int32 // the keys of qs[i] are arena[from[i]:to[i]], from[i] < 0 until read
	var bags []bag
	var done []bool
	keysAt := func(i int) []uint64 {
		if from == nil {
			ft := make([]int32, 2*len(qs)) // (one allocation for both)
			from, to = ft[:len(qs):len(qs)], ft[len(qs):]
			bags, done = make([]bag, len(qs)), make([]bool, len(qs))
			for k := range from {
				from[k] = -1
			}
		}
		if from[i] < 0 {
			from[i] = int32(len(arena))
			arena = d.appendSpanWords(arena, qs[i].s, qs[i].e)
			canonicalKeys(arena[from[i]:])
			to[i] = int32(len(arena))
		}
		return arena[from[i]:to[i]]
	}
	bagAt := func(i int) bag {
		if !done[i] {
			keys := keysAt(i)
			a := len(arena)
			arena, bags[i] = finishBag(append(arena, keys...), a)
			done[i] = true
		}
		return bags[i]
	}
	for i := range qs {
		if qs[i].speaker != "" || !qs[i].fromRegion || qs[i].e-qs[i].s < 20 {
			continue
		}
		var f keyFilter
		f.add(keysAt(i))
		for j := max(0, i-100); j < len(qs) && j < i+100; j++ {
			if j != i && qs[j].speaker != "" && f.hits(keysAt(j)) >= 3 && similar(bagAt(i), bagAt(j)) >= 0.6 {
				qs[i].speaker = qs[j].speaker
				break
			}
		}
	}
	d.buf.bagArena = arena
}

func (rs *resolver) find(name string) *person {
	var buf [64]byte
	w := lastWord(trimSpace(name))
	k, ok := asciiSurnameKey(buf[:0], w)
	if !ok {
		k = append(buf[:0], surnameKey(strings.ToLower(w))...)
	}
	if i := rs.withLast(k, lastHash(k)); i >= 0 {
		return rs.persons[i]
	}
	return nil
}

// fullName expands a name to its fullest form in the report: the person
// with that surname mentioned most recently before pos (else first).
func (rs *resolver) fullName(name string, pos int) string {
	last, many := lastField(name)
	var buf [64]byte
	kb, ascii := asciiSurnameKey(buf[:0], last)
	if !ascii {
		kb = append(buf[:0], surnameKey(last)...)
	}
	var best *person
	bestPos := -1
	for k := rs.withLast(kb, lastHash(kb)); k >= 0; k = int(rs.persons[k].next) {
		p := rs.persons[k] // (the persons with that surname, in the order they came)
		if many && !strings.HasSuffix(p.name, name) && !strings.HasSuffix(name, p.name) {
			continue
		}
		// the last mention at or before pos (positions are sorted)
		if k := sort.SearchInts(p.pos, pos+1); k > 0 && p.pos[k-1] > bestPos {
			best, bestPos = p, p.pos[k-1]
		}
		if best == nil {
			best = p
		}
	}
	if best == nil || len(best.name) < len(name) {
		return name
	}
	return best.name
}

// nearestBeforePos returns the person named last before byte pos and the
// offset of that mention, skipping persons the report marks with the other
// gender (Mr, Ms) and one-word names of persons never quoted.
func (rs *resolver) nearestBeforePos(pos int, gender byte) (string, int) {
	best, bestPos := "", -1
	for _, p := range rs.persons {
		if !p.multi && !p.quoted || p.gender != 0 && p.gender != gender {
			continue
		}
		if k := sort.SearchInts(p.pos, pos); k > 0 && p.pos[k-1] > bestPos {
			best, bestPos = p.name, p.pos[k-1]
		}
	}
	return best, bestPos
}

// byDescription resolves a description to the one person it fits.
func (rs *resolver) byDescription(d *doc, a, b int) string {
	var rb, mb [8]string
	roles, mods := d.describe(a, b, rb[:0], mb[:0])
	if len(roles) == 0 {
		return ""
	}
	rs.describePersons(d)
	role := roles[len(roles)-1]
	var full, partial []*person
	for _, p := range rs.persons {
		if !roleFits(role, p.roles) {
			continue
		}
		all := true
		for _, m := range mods {
			if !contains(p.mods, m) {
				all = false
				break
			}
		}
		switch {
		case all && len(mods) > 0:
			full = append(full, p)
		case len(mods) == 0:
			partial = append(partial, p)
		}
	}
	if len(full) == 1 {
		return full[0].name
	}
	if len(full) == 0 && len(partial) == 1 {
		return partial[0].name
	}
	// "Kestoria's prime minister" when the report calls her "Prime
	// Minister Johanna Keel": the office decides when the other
	// modifiers do not, provided one person holds it.
	if len(full) == 0 && slices.ContainsFunc(mods, isQualifier) {
		var office []*person
		for _, p := range rs.persons {
			if !roleFits(role, p.roles) {
				continue
			}
			fits := true
			for _, m := range mods {
				if isQualifier(m) && !contains(p.mods, m) {
					fits = false
					break
				}
			}
			if fits {
				office = append(office, p)
			}
		}
		if len(office) == 1 {
			return office[0].name
		}
		return ""
	}
	if len(full) > 0 || len(partial) > 0 {
		return ""
	}
	// No person carries a fitting title: the description names the one
	// quoted person the report gives no title at all.
	if !isHeadRole(role) {
		return ""
	}
	var bare []*person
	for _, p := range rs.persons {
		if p.quoted && len(p.roles) == 0 && len(p.mods) == 0 && p.multi && !orgHeads[strings.ToLower(lastWord(p.name))] {
			// (an organisation, "the Defence Ministry", is no head of
			// anything a description names)
			bare = append(bare, p)
		}
	}
	if len(bare) == 1 {
		return bare[0].name
	}
	return ""
}

// subjectName returns the name that opens the sentence holding token i,
// when it is a single capitalised name (an organisation or a capital
// standing for a government: "Moscow rejects ... what it calls ...").
func (d *doc) subjectName(i int) string {
	sa, _ := d.sentBounds(i)
	for sa < i && (connectives[d.lower(sa)] || sentenceOpeners[d.toks[sa].Text]) {
		sa++
	}
	if sa < i && d.isName(sa) && (sa+1 >= len(d.toks) || !d.isName(sa+1)) {
		return d.toks[sa].Text
	}
	return ""
}

// normTok is token i lower-cased (from the cache) without possessive
// ending and marks.
func (d *doc) normTok(i int) string {
	w := d.lower(i)
	if n := len(w); n > 0 && w[0]-'a' < 26 && w[n-1]-'a' < 26 && !(w[n-1] == 's' && n >= 2 && (w[n-2] == '\'' || w[n-2] == 0x99)) {
		return w // (a word starting and ending with a letter, no possessive: nothing to trim)
	}
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "’s")
	for w != "" && isTrimmable(w[0]) {
		w = w[1:]
	}
	for w != "" {
		if isTrimmable(w[len(w)-1]) {
			w = w[:len(w)-1]
			continue
		}
		if strings.HasSuffix(w, "’") || strings.HasSuffix(w, "”") {
			w = w[:len(w)-len("’")]
			continue
		}
		break
	}
	for strings.HasPrefix(w, "“") || strings.HasPrefix(w, "’") {
		w = w[len("“"):]
	}
	return w
}

// roleOf is roleNouns[lw] for lw, the normTok of token k.
func (d *doc) roleOf(k int, lw string) (string, bool) {
	if len(lw) == len(d.lower(k)) && d.xf[k]&xRole == 0 { // (lw is d.lower(k) when as long: normTok trims)
		return "", false
	}
	r, ok := roleNouns[lw]
	return r, ok
}

// isDeterminer is determiners[lw] for lw, the normTok of token k.
func (d *doc) isDeterminer(k int, lw string) bool {
	if len(lw) == len(d.lower(k)) { // (lw is d.lower(k) when as long: normTok trims)
		return d.xf[k]&xDeterminer != 0
	}
	return determiners[lw]
}

func isTrimmable(c byte) bool { return c == '.' || c == ',' || c == '\'' || c == '"' }

// nextName returns the first token from i that isName accepts, else
// len(d.toks). (Names are few: the bytes of nameMemo are read eight at a
// time, without a branch per token.)
func (d *doc) nextName(i int) int {
	m := d.nameMemo[:len(d.toks)]
	for ; i+8 <= len(m); i += 8 {
		if z := zeroBytes(binary.LittleEndian.Uint64(m[i:i+8]) ^ 0x0202020202020202); z != 0 {
			return i + bits.TrailingZeros64(z)/8 // (the first zero byte: the first 2)
		}
	}
	for i < len(m) && m[i] != 2 {
		i++
	}
	return i
}

// hasDoubleDash is strings.Contains(d.toks[i].Text, "--"): for a token
// of up to eight bytes, its eight bytes at a time (a loop over the bytes
// mispredicted its end at every name).
func (d *doc) hasDoubleDash(i int) bool {
	t := d.toks[i]
	n := t.End - t.Start
	if !d.spanText || n > 8 || t.Start+8 > len(d.text) {
		return strings.Contains(t.Text, "--")
	}
	x := load8(d.text, t.Start) & (1<<(8*n) - 1) // (the token's bytes; 1<<64 is 0)
	y := x &^ hi8                                // (no carry between bytes in ge8, le8)
	dash := ge8(y, '-') & le8(y, '-') &^ x       // (the high bit of each '-')
	return dash&(dash>>8) != 0
}

// isName and isMod tell, cached per token, whether a token may be part of
// a name and whether it is a modifier (demonym, acronym, possessive).
func (d *doc) isName(i int) bool {
	return d.nameMemo[i] == 2 // (set for every token by newDoc)
}

func (d *doc) isMod(i int) bool {
	if m := d.modMemo[i]; m != 0 {
		return m == 2
	}
	m := d.modOf(i)
	d.modMemo[i] = 1 + uint8(b2u(m))
	return m
}

// modOf is isMod without the memo: an alias of a group, a demonym (not
// one in "ic"), a word in capitals or a possessive.
func (d *doc) modOf(i int) bool {
	t := d.toks[i].Text
	lt := d.normTok(i)
	alias := d.xf[i]&xAlias != 0
	if len(lt) != len(d.lower(i)) { // (normTok trims: lt is d.lower(i) when as long)
		_, alias = groupAliases[lt]
	}
	n := len(t)
	// (the tests of the ends without a branch each: they are taken at
	// random)
	var possessive uint32
	if n >= 2 {
		possessive = b2u(t[n-2] == '\'' && t[n-1] == 's')
	}
	if n >= 4 {
		possessive |= b2u(t[n-4:] == "’s")
	}
	return alias || b2u(isDemonym3(lt))|possessive != 0 || n >= 2 && isUpperASCII(t)
}

func isUpperASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			return false
		}
	}
	return true
}

func (p *person) addRole(r string) {
	if !contains(p.roles, r) {
		p.roles = append(p.roles, r)
	}
}

func (p *person) addMod(m string) {
	if !contains(p.mods, m) {
		p.mods = append(p.mods, m)
	}
}

// lastWord returns the last space-separated word of s.
// trimSpace is strings.TrimSpace(s), s itself when its first and last
// bytes are ASCII and no blanks (names are: no call, no loop).
func trimSpace(s string) string {
	if n := len(s); n > 0 && s[0] < utf8.RuneSelf && s[n-1] < utf8.RuneSelf && !asciiBlank(s[0]) && !asciiBlank(s[n-1]) {
		return s
	}
	return strings.TrimSpace(s)
}

func lastWord(s string) string {
	// (strings.LastIndexAny(s, " \t\n") byte by byte: no set of the
	// three built at each call, and a rune beyond ASCII holds none of
	// them)
	for i := len(s) - 1; i >= 0; i-- {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' {
			return s[i+1:]
		}
	}
	return s
}

// isDemonym3 is isDemonym for the suffixes of three letters (all but
// "ic"), without a branch on the word's end.
func isDemonym3(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	e := uint32(w[n-3])<<16 | uint32(w[n-2])<<8 | uint32(w[n-1])
	return b2u(e == 'i'<<16|'a'<<8|'n')|b2u(e == 'e'<<16|'a'<<8|'n')|b2u(e == 'c'<<16|'a'<<8|'n')|
		b2u(e == 'e'<<16|'s'<<8|'e')|b2u(e == 'i'<<16|'s'<<8|'h') != 0
}

// isDemonym guesses whether a lower-cased word is a nationality adjective.
func isDemonym(w string) bool {
	n := len(w)
	if n < 2 {
		return false
	}
	switch w[n-1] { // the suffixes "ian", "ese", "ish", "ean", "can", "ic"
	case 'n':
		return n >= 3 && w[n-2] == 'a' && (w[n-3] == 'i' || w[n-3] == 'e' || w[n-3] == 'c')
	case 'e':
		return n >= 3 && w[n-2] == 's' && w[n-3] == 'e'
	case 'h':
		return n >= 3 && w[n-2] == 's' && w[n-3] == 'i'
	case 'c':
		return w[n-2] == 'i'
	}
	return false
}

// hasBlank is strings.ContainsAny(s, " \t\n").
func hasBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c-'\t' <= '\n'-'\t' { // (\t \n)
			return true
		}
	}
	return false
}

// contentWord reports whether token i is a lower-case word that can
// qualify a role in a description ("port" in "the port chief", "union"
// in "union leader"): not a function word, title or verb.
func (d *doc) contentWord(i int) bool {
	if d.xf[i]&sLower == 0 || d.flags[i]&(fStop|fDet|fPron|fAux|fSpeech) != 0 || d.xf[i]&xTitleWord != 0 || d.verbish(i) {
		return false
	}
	switch d.lower(i) {
	case "of", "the", "a", "an", "new", "top", "senior", "chief", "former":
		return false
	}
	return len(d.lower(i)) > 2
}

// allCaps reports whether s holds two or more words and no lower-case
// letter.
func allCaps(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError && len(s[i:]) > 0 && (len(s[i:]) < 3 || s[i:i+3] != "\uFFFD") || unicode.ToUpper(r) != r {
			return false // (strings.ToUpper would change it)
		}
	}
	return countWords(s, 2) >= 2
}

// lastField returns the last of the space-separated fields of s (as
// strings.Fields splits it, without allocating) and whether s has more
// than one.
func lastField(s string) (last string, many bool) {
	if l, m, ok := lastFieldASCII(s); ok {
		return l, m
	}
	e := len(s)
	for e > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	b := e
	for b > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:b])
		if unicode.IsSpace(r) {
			break
		}
		b -= w
	}
	return s[b:e], b > 0 && strings.TrimLeftFunc(s[:b], unicode.IsSpace) != ""
}

// lastFieldASCII is lastField for s of ASCII bytes; ok is false when s
// has others.
//
// Up to 64 bytes, it reads them eight at a time into a mask of the
// blanks, a bit per byte, whose bits give the ends of the last field and
// whether another comes before it: no loop over the bytes, whose ends the
// processor mispredicted (names are short, and of many lengths).
func lastFieldASCII(s string) (last string, many, ok bool) {
	n := len(s)
	if n > 64 {
		return lastFieldBytes(s)
	}
	var sp, all uint64 // the blanks' bits; all the bytes or-ed
	if n < 8 {
		var x uint64
		for i := 0; i < n; i++ {
			x |= uint64(s[i]) << (8 * i) // (zero bytes after: no blanks)
		}
		all, sp = x, blankBits(x)
	} else {
		for i := 0; i < n; i += 8 {
			j := min(i, n-8) // (the last eight bytes overlap those before: the same bits)
			x := load8(s, j)
			all |= x
			sp |= blankBits(x) << j
		}
	}
	if all&hi8 != 0 {
		return "", false, false
	}
	word := ^sp & (1<<n - 1)         // the bytes of fields (1<<64 is 0)
	e := bits.Len64(word)            // the last field's end
	b := bits.Len64(sp & (1<<e - 1)) // and its start, after the blank before it
	return s[b:e], word&(1<<b-1) != 0, true
}

// blankBits has bit j set when byte j of x (ASCII) is a blank of
// lastField: ' ', or '\t' to '\r'.
func blankBits(x uint64) uint64 {
	y := x &^ hi8 // (no carry between bytes in ge8, le8; the caller rejects the bytes beyond ASCII)
	m := ge8(y, ' ')&le8(y, ' ') | ge8(y, '\t')&le8(y, '\r')
	return (m >> 7) * 0x0102040810204080 >> 56 // (the high bits, gathered: byte j's to bit j)
}

// lastFieldBytes is lastFieldASCII byte by byte, for longer strings.
func lastFieldBytes(s string) (last string, many, ok bool) {
	var all byte
	for i := 0; i < len(s); i++ {
		all |= s[i]
	}
	if all >= utf8.RuneSelf {
		return "", false, false
	}
	sp := func(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' } // (\t \n \v \f \r)
	e := len(s)
	for e > 0 && sp(s[e-1]) {
		e--
	}
	b := e
	for b > 0 && !sp(s[b-1]) {
		b--
	}
	m := false
	for i := 0; i < b; i++ {
		if !sp(s[i]) {
			m = true
			break
		}
	}
	return s[b:e], m, true
}

// multiField reports whether s has two or more space-separated fields.
func multiField(s string) bool {
	_, many := lastField(s)
	return many
}
