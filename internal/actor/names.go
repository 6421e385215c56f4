package actor

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and strips diacritics (NFKD, combining marks dropped).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', '‘', '`':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// words splits a phrase into lowercase, diacritic-free words, dropping
// punctuation and turning possessive endings into a separate "'s" word.
func words(s string) []string {
	f := fold(s)
	var out []string
	for _, w := range strings.FieldsFunc(f, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' || r == '.' || r == '&')
	}) {
		w = strings.Trim(w, "-.")
		if w == "" {
			continue
		}
		if w == "'s" || w == "'" {
			out = append(out, "'s")
			continue
		}
		if strings.HasSuffix(w, "'s") {
			out = append(out, strings.TrimSuffix(w, "'s"), "'s")
			continue
		}
		w = strings.Trim(w, "'")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// translit returns a key under which common romanisation variants of one
// name coincide: Zelensky, Zelenskyy and Zelenskiy; Sergei and Sergey;
// Dmitry and Dmitri; Gaddafi and Qaddafi. Doubled letters collapse, y and
// iy become i, kh becomes h, q becomes k, ph becomes f, ck becomes k, w
// becomes v, j after a vowel becomes i, an initial q becomes g, and a final
// e after i is dropped.
func translit(w string) string {
	w = fold(w)
	if strings.HasPrefix(w, "q") { // Qaddafi, Gaddafi
		w = "g" + w[1:]
	}
	w = translitPairs.Replace(w)
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'y' {
			c = 'i'
		}
		if c == 'j' && i > 0 && isVowel(w[i-1]) {
			c = 'i'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	s := string(b)
	if strings.HasSuffix(s, "ei") {
		s = strings.TrimSuffix(s, "ei") + "i"
	}
	s = strings.ReplaceAll(s, "ii", "i")
	if strings.HasSuffix(s, "ie") && len(s) > 3 {
		s = strings.TrimSuffix(s, "e")
	}
	if strings.HasSuffix(s, "iu") {
		s = strings.TrimSuffix(s, "iu") + "u"
	}
	return s
}

// translitPairs are the letter groups translit rewrites (read-only).
var translitPairs = strings.NewReplacer("kh", "h", "ph", "f", "ck", "k", "q", "k", "w", "v", "dh", "d", "gh", "g", "ts", "z", "tz", "z")

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// titles are words that may stand before a name and are not part of it.
var titles = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
	"secretary", "general", "gen", "lt", "col", "colonel", "capt", "captain", "maj", "major", "sgt", "sergeant",
	"adm", "admiral", "gov", "governor", "sen", "senator", "rep", "representative", "congressman", "congresswoman",
	"mayor", "judge", "justice", "pope", "cardinal", "bishop", "rev", "reverend", "father", "sister", "brother",
	"chairman", "chairwoman", "chair", "ceo", "chief", "executive", "director", "foreign", "defence", "defense",
	"commander", "coach", "officer", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
	"deputy", "acting", "former", "ex", "leader", "head", "mp", "detective", "inspector", "st", "saint", "pres",
	"supt", "superintendent", "sheriff", "attorney", "agent", "actor", "actress", "singer", "star", "pm")

// nameSuffixes follow a surname and are not it.
var nameSuffixes = set("jr", "sr", "ii", "iii", "iv", "jnr", "snr")

// nicknames maps a short or variant first name to a canonical one.
var nicknames = map[string]string{
	"bill": "william", "will": "william", "billy": "william", "willie": "william",
	"bob": "robert", "rob": "robert", "bobby": "robert", "robbie": "robert",
	"jim": "james", "jimmy": "james", "jamie": "james",
	"mike": "michael", "mick": "michael", "mickey": "michael",
	"tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard", "rich": "richard",
	"joe": "joseph", "joey": "joseph", "dave": "david", "davy": "david", "steve": "stephen", "steven": "stephen",
	"chris": "christopher", "tony": "anthony", "andy": "andrew", "drew": "andrew", "dan": "daniel", "danny": "daniel",
	"ed": "edward", "eddie": "edward", "ted": "edward", "ned": "edward", "ben": "benjamin", "sam": "samuel",
	"alex": "alexander", "sasha": "alexander", "aleksandr": "alexander", "alexandr": "alexander",
	"nick": "nicholas", "nicolas": "nicholas", "pat": "patrick", "matt": "matthew", "pete": "peter",
	"kate": "katherine", "katie": "katherine", "kathy": "katherine", "catherine": "katherine", "liz": "elizabeth",
	"beth": "elizabeth", "betty": "elizabeth", "jenny": "jennifer", "jen": "jennifer", "sue": "susan",
	"meg": "margaret", "maggie": "margaret", "peggy": "margaret", "larry": "lawrence", "laurence": "lawrence",
	"jon": "jonathan", "johnny": "john", "jack": "john", "hank": "henry", "harry": "henry", "jerry": "gerald",
	"greg": "gregory", "fred": "frederick", "charlie": "charles", "chuck": "charles", "al": "albert",
	"vlad": "vladimir", "volodymyr": "vladimir", "dmytro": "dmitri", "dimitri": "dmitri", "mikhail": "michael",
	"sergiy": "sergei", "serhiy": "sergei", "oleksandr": "alexander", "yuri": "yuri", "yury": "yuri", "iurii": "yuri",
}

// firstKey returns the comparison key of a first name.
func firstKey(w string) string {
	w = fold(w)
	if n, ok := nicknames[w]; ok {
		w = n
	}
	return translit(w)
}

// firstCompatible tells whether two first names may belong to one person:
// equal keys, or one is the other's initial.
func firstCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return firstKey(a) == firstKey(b)
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// acronym returns the initials of the capitalised content words of a long
// name ("North Atlantic Treaty Organization" → "nato"), or "" when the name
// has fewer than two such words.
func acronym(ws []string) string {
	var b strings.Builder
	n := 0
	for _, w := range ws {
		if stopWords[w] || w == "'s" {
			continue
		}
		r := []rune(w)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		b.WriteRune(r[0])
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

var stopWords = set("the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "&", "de", "du", "des", "la", "le", "von", "van")

// demonyms maps a nationality adjective to its country; plural nouns
// ("Ukrainians") map to the people, which the caller treats as the country.
var demonyms = map[string]string{
	"ukrainian": "ukraine", "russian": "russia", "american": "united states", "british": "united kingdom",
	"french": "france", "german": "germany", "italian": "italy", "spanish": "spain", "polish": "poland",
	"finnish": "finland", "danish": "denmark", "estonian": "estonia", "latvian": "latvia", "lithuanian": "lithuania",
	"swedish": "sweden", "norwegian": "norway", "dutch": "netherlands", "belgian": "belgium", "chinese": "china",
	"japanese": "japan", "korean": "korea", "indian": "india", "pakistani": "pakistan", "iranian": "iran",
	"iraqi": "iraq", "israeli": "israel", "palestinian": "palestine", "syrian": "syria", "turkish": "turkey",
	"egyptian": "egypt", "saudi": "saudi arabia", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil",
	"australian": "australia", "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england",
	"greek": "greece", "portuguese": "portugal", "austrian": "austria", "swiss": "switzerland", "hungarian": "hungary",
	"czech": "czech republic", "slovak": "slovakia", "romanian": "romania", "bulgarian": "bulgaria",
	"serbian": "serbia", "croatian": "croatia", "belarusian": "belarus", "georgian": "georgia", "afghan": "afghanistan",
	"indonesian": "indonesia", "filipino": "philippines", "vietnamese": "vietnam", "thai": "thailand",
	"nigerian": "nigeria", "kenyan": "kenya", "somali": "somalia", "sudanese": "sudan", "libyan": "libya",
	"lebanese": "lebanon", "jordanian": "jordan", "yemeni": "yemen", "venezuelan": "venezuela", "cuban": "cuba",
	"colombian": "colombia", "argentine": "argentina", "argentinian": "argentina", "chilean": "chile",
	"peruvian": "peru", "european": "europe", "african": "africa", "asian": "asia", "soviet": "soviet union",
	"nato": "nato", "moldovan": "moldova", "kazakh": "kazakhstan", "armenian": "armenia", "azerbaijani": "azerbaijan",
	"new zealander": "new zealand", "south african": "south africa", "north korean": "north korea",
	"south korean": "south korea", "taiwanese": "taiwan", "emirati": "united arab emirates", "qatari": "qatar",
}

// countryAliases maps short and long forms of a place to one key.
var countryAliases = map[string]string{
	"us": "united states", "u.s": "united states", "u.s.": "united states", "usa": "united states",
	"america": "united states", "united states of america": "united states",
	"uk": "united kingdom", "u.k": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
	"great britain": "united kingdom", "the uk": "united kingdom",
	"eu": "european union", "un": "united nations", "u.n": "united nations", "u.n.": "united nations",
	"russian federation": "russia", "holland": "netherlands", "the netherlands": "netherlands",
	"north atlantic treaty organization": "nato", "north atlantic treaty organisation": "nato",
	"uae": "united arab emirates", "prc": "china", "dprk": "north korea",
}

// seats maps a capital or seat of power, used for its government, to the
// country it stands for ("the Kremlin said" → Russia's government).
var seats = map[string]string{
	"kremlin": "russia", "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine", "washington": "united states",
	"white house": "united states", "downing street": "united kingdom", "london": "united kingdom",
	"paris": "france", "elysee": "france", "berlin": "germany", "beijing": "china", "tehran": "iran",
	"pentagon": "united states", "brussels": "european union", "ankara": "turkey", "warsaw": "poland",
	"tokyo": "japan", "seoul": "south korea", "pyongyang": "north korea", "jerusalem": "israel",
	"damascus": "syria", "baghdad": "iraq", "kabul": "afghanistan", "minsk": "belarus", "helsinki": "finland",
	"copenhagen": "denmark", "tallinn": "estonia", "rome": "italy", "madrid": "spain", "ottawa": "canada",
}

// isCapitalised reports whether the original word starts with an upper-case
// letter.
func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}
