package actor

import "strings"

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

// descKey counts how often a group's reports put a descriptor before a
// named cluster (by its root when counting began).
type descKey struct {
	group, desc string
	root        int
}

// descriptorLinks ties common nouns for people and organisations ("the
// mother", "the figure") to the named entity of their document that the
// group's reports describe with that noun ("his mother Alice McMeekin",
// "Watergate figure Fred LaRue"). A noun joins only when one named
// entity of its document carries the descriptor more often than any other.
func descriptorLinks(ms []*mention, byDoc map[string][]*mention, docs []string, texts map[string]string, uf *unionFind) {
	count := map[descKey]int{}
	root := map[int]int{} // mention → root of its named cluster before any link here
	for _, d := range docs {
		text := texts[d]
		for _, m := range byDoc[d] {
			if m.pron != nil || !m.proper || m.group {
				continue
			}
			r := uf.find(m.i)
			root[m.i] = r
			seen := map[string]bool{}
			for _, w := range []string{descriptorBefore(text, m.ref.Start), descriptorInside(m)} {
				if w != "" && !seen[w] {
					seen[w] = true
					count[descKey{m.ref.Group, w, r}]++
				}
			}
		}
	}
	countInTexts(byDoc, docs, texts, root, count)
	hasName := map[int]bool{}
	for _, r := range root {
		hasName[r] = true
	}
	for _, d := range docs {
		dm := byDoc[d]
		var named []int // mention indexes of the document's names, one per cluster
		seen := map[int]bool{}
		for _, a := range dm {
			if r, ok := root[a.i]; ok && !seen[r] {
				seen[r] = true
				named = append(named, a.i)
			}
		}
		for _, m := range dm {
			if m.pron != nil || m.proper || m.head == "" || m.class == ClassTime || m.class == ClassThing || isPluralNoun(m) {
				continue
			}
			if hasName[uf.find(m.i)] {
				continue // already tied to a name
			}
			best, bestN, second := -1, 0, 0
			for _, a := range named {
				if !compatible(ms[a], m) {
					continue
				}
				n := count[descKey{m.ref.Group, m.head, root[a]}]
				if n > bestN {
					best, second, bestN = a, bestN, n
				} else if n > second {
					second = n
				}
			}
			if best >= 0 && bestN > second && uf.link(best, m.i) {
				hasName[uf.find(m.i)] = true
			}
		}
	}
}

// countInTexts adds the descriptors before and in an appositive after
// every occurrence of a named cluster's surface forms in the texts of its
// group, also outside the mentions given ("his mother Alice McMeekin",
// "Alice McMeekin , 58 , his mother" in a sentence nobody annotated). A
// surface form that two clusters share is skipped.
func countInTexts(byDoc map[string][]*mention, docs []string, texts map[string]string, root map[int]int, count map[descKey]int) {
	surf := map[string]map[string]int{} // group → surface → root, -1 when ambiguous
	groupDocs := map[string][]string{}
	for _, d := range docs {
		for _, m := range byDoc[d] {
			r, ok := root[m.i]
			if !ok || m.class == ClassTime {
				continue
			}
			t := strings.TrimSpace(m.ref.Text)
			if len(t) < 3 || strings.Contains(t, "\n") {
				continue
			}
			g := m.ref.Group
			if surf[g] == nil {
				surf[g] = map[string]int{}
			}
			if old, ok := surf[g][t]; !ok {
				surf[g][t] = r
			} else if old != r {
				surf[g][t] = -1
			}
		}
		if len(byDoc[d]) > 0 {
			g := byDoc[d][0].ref.Group
			groupDocs[g] = append(groupDocs[g], d)
		}
	}
	for g, ss := range surf {
		for t, r := range ss {
			if r < 0 {
				continue
			}
			for _, d := range groupDocs[g] {
				text := texts[d]
				for off := 0; ; {
					k := strings.Index(text[off:], t)
					if k < 0 {
						break
					}
					at := off + k
					off = at + len(t)
					if w := descriptorBefore(text, at); w != "" {
						count[descKey{g, w, r}]++
					}
					if w := descriptorAfter(text, at+len(t)); w != "" {
						count[descKey{g, w, r}]++
					}
				}
			}
		}
	}
}

// descriptorAfter returns the lemma of the head of an appositive or a
// predicate noun right after a name ("Alice McMeekin , 58 , his mother ,",
// "LaRue was a former official"), or "".
func descriptorAfter(text string, end int) string {
	if end < 0 || end >= len(text) {
		return ""
	}
	f := strings.Fields(text[end:min(len(text), end+120)])
	if len(f) < 2 {
		return ""
	}
	copula := (f[0] == "is" || f[0] == "was") && (f[1] == "a" || f[1] == "an" || f[1] == "the")
	if f[0] != "," && !copula {
		return ""
	}
	f = f[1:]
	if len(f) >= 2 && isNumber(f[0]) && f[1] == "," {
		f = f[2:]
	}
	if len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an" || possessives[f[0]]) {
		f = f[1:]
	}
	head := ""
	for _, w := range f {
		if w == "," || w == "." || w == "of" || w == "who" || w == "and" || w == "in" || w == "at" || w == "for" {
			break
		}
		ok := true
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r == '-') {
				ok = false
				break
			}
		}
		if !ok || descStop[w] {
			return ""
		}
		head = w
	}
	if len(head) < 3 {
		return ""
	}
	return lemma(head)
}
