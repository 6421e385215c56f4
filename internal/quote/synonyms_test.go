package quote

import "testing"

// TestSynonymGroups checks the table: no stem in two groups (a chain of
// groups would join words no group joins), and every form counts as its
// group's first word.
func TestSynonymGroups(t *testing.T) {
	group := map[uint64]int{}
	for gi, g := range synonymGroups {
		head := appendWords(nil, g[0])[0]
		for _, w := range g {
			k := appendWords(nil, w)[0]
			if other, ok := group[k]; ok && other != gi {
				t.Errorf("%q (stem key %x) is in group %q and group %q", w, k, synonymGroups[other][0], g[0])
			}
			group[k] = gi
			keys := []uint64{k}
			canonicalKeys(keys)
			if keys[0] != head {
				t.Errorf("%q counts as key %x, want %q's %x", w, keys[0], g[0], head)
			}
		}
	}
	// a word of no group keeps its key
	for _, w := range []string{"portrait", "castelmar", "inspectors", "closer", "hardly"} {
		keys := appendWords(nil, w)
		want := keys[0]
		canonicalKeys(keys)
		if keys[0] != want {
			t.Errorf("%q: key %x changed to %x", w, want, keys[0])
		}
	}
}

func TestPluralS(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"talks", true}, {"deals", true}, {"backs", true}, {"ports", true},
		{"press", false}, {"focus", false}, {"crisis", false}, {"gas", false}, {"talk", false}, {"", false},
	}
	for _, tt := range tests {
		if got := pluralS([]byte(tt.word)); got != tt.want {
			t.Errorf("pluralS(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	// the stem keys of "talks" and "talk" are one; "troopships" keeps its six runes
	if a, b := appendWords(nil, "talks"), appendWords(nil, "talk"); a[0] != b[0] {
		t.Errorf("talks %x, talk %x", a[0], b[0])
	}
	if a, b := appendWords(nil, "troopships"), appendWords(nil, "troops"); a[0] == b[0] {
		t.Errorf("troopships and troops share stem key %x", a[0])
	}
}
