package actor

import (
	"sort"
	"strings"
)

// descStop are words that may stand right before a name without
// describing it ("said Fred LaRue", "of Tara Reid").
var descStop = set("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
	"as", "that", "this", "said", "says", "say", "told", "tells", "when", "while", "after", "before", "than", "then",
	"is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "not",
	"who", "which", "whom", "whose", "about", "against", "between", "like", "including", "where", "how", "why",
	"his", "her", "its", "their", "our", "my", "your", "'s", "s", "mr", "mrs", "ms", "dr", "according", "into", "over",
	"under", "among", "since", "until", "because", "if", "so", "also", "only", "even", "just", "both", "all", "some")

// descriptorBefore returns the lemma of the word that stands right before
// a name in its text and may describe it ("Watergate figure Fred LaRue",
// "his mother Alice McMeekin"), or "".
func descriptorBefore(text string, start int) string {
	if start <= 0 || start > len(text) {
		return ""
	}
	before := strings.TrimRight(text[:start], " ")
	k := strings.LastIndexAny(before, " \n")
	w := before[k+1:]
	if w == "" || isCapitalised(w) {
		return ""
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return ""
		}
	}
	if descStop[w] || len(w) < 3 {
		return ""
	}
	return lemma(w)
}

// descriptorInside returns the lemma of a lower-case word inside a name
// mention before its name ("actress Lindsay Lohan" gives "actress"), or "".
func descriptorInside(m *mention) string {
	for j := len(m.raw) - 1; j > 0; j-- {
		if isCapitalised(m.raw[j]) && !isCapitalised(m.raw[j-1]) {
			w := m.ws[j-1]
			if descStop[w] || len(w) < 3 || isNumber(w) {
				return ""
			}
			return lemma(w)
		}
	}
	return ""
}

// descriptorLinks ties common nouns for people and organisations ("the
// mother", "the figure") to the named entity of their document that the
// group's reports describe with that noun ("his mother Alice McMeekin",
// "Watergate figure Fred LaRue"). A noun joins only when one named
// entity of its document carries the descriptor more often than any other.
func descriptorLinks(byDoc map[string][]*mention, docs []string, texts map[string]string, uf *unionFind) {
	// descriptor counts per group, per named cluster root
	type key struct {
		group, desc string
		root        int
	}
	count := map[key]int{}
	hasName := map[int]bool{}
	for _, d := range docs {
		text := texts[d]
		for _, m := range byDoc[d] {
			if m.pron != nil || !m.proper || m.group {
				continue
			}
			r := uf.find(m.i)
			hasName[r] = true
			seen := map[string]bool{}
			for _, w := range []string{descriptorBefore(text, m.ref.Start), descriptorInside(m)} {
				if w != "" && !seen[w] {
					seen[w] = true
					count[key{m.ref.Group, w, r}]++
				}
			}
		}
	}
	for _, d := range docs {
		dm := byDoc[d]
		var named []int
		for _, a := range dm {
			if a.pron == nil && a.proper && !a.group {
				named = append(named, uf.find(a.i))
			}
		}
		sort.Ints(named)
		for _, m := range dm {
			if m.pron != nil || m.proper || m.head == "" || m.class == ClassTime || m.class == ClassThing || isPluralNoun(m) {
				continue
			}
			if hasName[uf.find(m.i)] {
				continue // already tied to a name
			}
			best, bestN, second := -1, 0, 0
			for i, r := range named {
				if i > 0 && named[i-1] == r {
					continue
				}
				n := count[key{m.ref.Group, m.head, uf.find(r)}]
				if n > bestN {
					best, second, bestN = r, bestN, n
				} else if n > second {
					second = n
				}
			}
			if best >= 0 && bestN > second {
				if uf.link(best, m.i) {
					hasName[uf.find(m.i)] = true
				}
			}
		}
	}
}
