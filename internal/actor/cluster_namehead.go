package actor

import "strings"

// nameHeadLinks ties a singular common noun that is not indefinite ("the
// center", "church") to the one name earlier in its document whose last
// word is that noun or its synonym ("the Betty Ford Center", "Wasilla
// Bible Church"), when the texts use that word in lower case: the name is
// a kind of that thing. Without TrueCase (common is nil) it does nothing.
func nameHeadLinks(dm []*mention, common map[string]bool, uf *unionFind) {
	for j, m := range dm {
		if m.pron != nil || m.proper || m.head == "" || isPluralNoun(m) || indefinite(m.ref.Text) || hasCapital(m.raw) {
			continue
		}
		cand := -1
		for k := 0; k < j; k++ {
			a := dm[k]
			if !a.proper || a.pron != nil || a.group || !compatible(a, m) || a.ref.End > m.ref.Start {
				continue
			}
			c := coreName(a)
			if len(c) < 2 {
				continue
			}
			last := c[len(c)-1]
			if !common[last] && !common[a.ws[len(c)-1]] {
				continue
			}
			if canonHead(last) != canonHead(m.head) {
				continue
			}
			r := uf.find(a.i)
			if cand >= 0 && cand != r {
				cand = -2 // two names fit: leave it
				break
			}
			cand = r
		}
		if cand >= 0 {
			uf.link(cand, m.i)
		}
	}
}

// indefinite tells whether a phrase opens with "a", "an" or "another".
func indefinite(s string) bool {
	f := strings.Fields(fold(s))
	return len(f) > 0 && (f[0] == "a" || f[0] == "an" || f[0] == "another")
}

// canonHead maps a head to the first word of its synonym group.
func canonHead(w string) string {
	if h, ok := synonymHeads[w]; ok {
		return h
	}
	return w
}
