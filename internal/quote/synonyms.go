package quote

// synonymGroups are words that two translations or paraphrases of one
// statement use in each other's place ("we are ready to discuss
// guarantees" and "we are prepared to talk about guarantees"; "the
// harbour stays closed" and "the port remains shut"). Quote grouping
// compares the words of two quotations by stem (their first six runes),
// so each group lists the forms whose stems differ; every form counts as
// the group's first word. The groups hold words news quotations carry
// and translators render in more than one way; a word with a second,
// common sense that the others lack ("close" as near, "state" as a
// country's part, "hard") stays out.
var synonymGroups = [][]string{
	{"ready", "prepared", "willing"},
	{"discuss", "discussed", "discusses", "discussing", "discussion", "discussions",
		"talk", "talks", "talked", "talking", "negotiate", "negotiated", "negotiating", "negotiations"},
	{"together", "jointly", "joint"},
	{"partner", "partners", "ally", "allies", "allied"},
	{"closed", "shut", "shuts"},
	{"port", "ports", "harbour", "harbours", "harbor", "harbors"},
	{"stay", "stays", "stayed", "staying", "remain", "remains", "remained", "remaining"},
	{"finish", "finished", "finishes", "finishing", "complete", "completed", "completes", "completing",
		"end", "ends", "ended", "ending"},
	{"country", "countries", "nation", "nations"},
	{"whole", "entire", "entirely"},
	{"last", "final", "finally"},
	{"deal", "deals", "agreement", "agreements", "accord", "accords"},
	{"land", "lands", "territory", "territories", "territorial"},
	{"begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting"},
	{"big", "bigger", "biggest", "large", "larger", "largest", "huge"},
	{"help", "helps", "helped", "helping", "assist", "assists", "assisted", "assisting", "assistance"},
	{"important", "importance", "crucial", "essential", "vital"},
	{"war", "wars", "conflict", "conflicts"},
	{"troops", "soldiers", "soldier"},
	{"weapons", "weapon", "weaponry", "arms"},
	{"guarantee", "assurance", "assurances"},
	{"believe", "believes", "believed", "think", "thinks"},
	{"ceasefire", "truce", "armistice"},
	{"enemy", "enemies", "adversary", "adversaries", "foe", "foes"},
	{"reject", "rejects", "rejected", "rejecting", "rejection", "refuse", "refuses", "refused", "refusing", "refusal"},
	{"goal", "goals", "aim", "aims", "objective", "objectives"},
	{"difficult", "tough"},
	{"quick", "quickly", "fast", "rapid", "rapidly", "swift", "swiftly"},
	{"stop", "stops", "stopped", "stopping", "halt", "halts", "halted", "halting", "cease", "ceases", "ceased"},
	{"protect", "protected", "protects", "protecting", "protection", "defend", "defends", "defended", "defending",
		"defence", "defense"},
	{"threat", "threats", "threaten", "threatens", "threatened", "danger", "dangers", "dangerous"},
	{"children", "child", "kids"},
	{"happen", "happens", "happened", "happening", "occur", "occurs", "occurred"},
	{"problem", "problems", "issue", "issues"},
	{"opportunity", "opportunities", "chance", "chances"},
	{"answer", "answers", "answered", "response", "responses", "respond", "responded", "reply", "replies", "replied"},
	{"ask", "asks", "asked", "asking", "request", "requests", "requested"},
	{"strong", "stronger", "strongest", "robust", "powerful", "solid"},
	{"sure", "certain", "confident"},
	{"army", "armies", "military", "militaries"},
	{"money", "funds", "fund", "funding"},
	{"give", "gives", "gave", "given", "giving", "provide", "provides", "provided", "providing",
		"supply", "supplies", "supplied"},
	{"try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "seek", "seeks", "sought"},
	{"fight", "fights", "fought", "fighting", "battle", "battles"},
	{"attack", "attacks", "attacked", "attacking", "assault", "assaults", "aggression"},
	{"want", "wants", "wanted", "wish", "wishes", "wished"},
	{"plan", "plans", "planned", "planning", "intend", "intends", "intended", "intention", "intentions"},
	{"continue", "continues", "continued", "continuing", "proceed", "proceeds"},
	{"free", "freed", "release", "released", "releases", "releasing", "liberate", "liberated"},
	{"serious", "severe", "grave"},
	{"nuclear", "atomic"},
	{"sign", "signs", "signed", "signing"},
	{"meet", "meets", "met", "meeting", "meetings"},
}

// canonStem maps the stem key of each word of synonymGroups (but the
// first of its group) to the stem key of its group's first word.
var canonStem = func() map[uint64]uint64 {
	m := map[uint64]uint64{}
	for _, g := range synonymGroups {
		head := appendWords(nil, g[0])
		if len(head) != 1 {
			panic("quote: a synonym group's first word is no content word: " + g[0])
		}
		for _, w := range g[1:] {
			k := appendWords(nil, w)
			if len(k) != 1 {
				panic("quote: a synonym is no content word: " + w)
			}
			if k[0] != head[0] {
				m[k[0]] = head[0]
			}
		}
	}
	return m
}()

// canonFilter has the bit of every key of canonStem (keyBit): most words
// are no synonym, and the filter tells so without hashing the key again.
var canonFilter = func() keyFilter {
	var f keyFilter
	for k := range canonStem {
		h := keyBit(k)
		f[h>>6] |= 1 << (h & 63)
	}
	return f
}()

// canonicalKeys replaces, in place, each stem key of a synonym with the
// key of its group's first word.
func canonicalKeys(keys []uint64) {
	for i, k := range keys {
		if h := keyBit(k); canonFilter[h>>6]>>(h&63)&1 != 0 {
			if c, ok := canonStem[k]; ok {
				keys[i] = c
			}
		}
	}
}
