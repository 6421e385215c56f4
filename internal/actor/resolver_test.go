package actor

import (
	"testing"

	"storyline"
)

func TestTranslit(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Zelensky", "Zelenskyy"}, {"Zelensky", "Zelenskiy"}, {"Sergei", "Sergey"}, {"Dmitry", "Dmitri"},
		{"Gaddafi", "Qaddafi"}, {"Khodorkovsky", "Hodorkovskiy"},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if x, y := translit(tc.a), translit(tc.b); x != y {
				t.Errorf("translit(%q) = %q, translit(%q) = %q, want equal", tc.a, x, tc.b, y)
			}
		})
	}
}

// add runs one report through r with mentions given as surface → kind,
// located by handMentions, and returns surface → actor id.
func add(r *Resolver, id, text string, names map[string]storyline.MentionKind) map[string]string {
	got := map[string]string{}
	for _, m := range r.Add(id, text, handMentions(id, text, names)) {
		got[m.Surface] = m.ActorID
	}
	return got
}

func TestResolverRules(t *testing.T) {
	P, O, L, X := storyline.Person, storyline.Organisation, storyline.Place, storyline.Other
	tests := []struct {
		name    string
		reports []string
		names   map[string]storyline.MentionKind
		same    [][2]string
		apart   [][2]string
	}{
		{
			name:    "acronym and long name",
			reports: []string{"The North Atlantic Treaty Organization met.", "NATO said more."},
			names:   map[string]storyline.MentionKind{"North Atlantic Treaty Organization": O, "NATO": O},
			same:    [][2]string{{"North Atlantic Treaty Organization", "NATO"}},
		},
		{
			name:    "demonym",
			reports: []string{"Ukraine was hit.", "Ukrainian troops held."},
			names:   map[string]storyline.MentionKind{"Ukraine": L, "Ukrainian": X},
			same:    [][2]string{{"Ukraine", "Ukrainian"}},
		},
		{
			name:    "surname and honorific join the full name",
			reports: []string{"Kremlin spokesman Dmitry Peskov spoke.", "Mr. Peskov added.", "Dmitri Peskov denied it."},
			names:   map[string]storyline.MentionKind{"Dmitry Peskov": P, "Mr. Peskov": P, "Dmitri Peskov": P, "Kremlin": O},
			same:    [][2]string{{"Dmitry Peskov", "Mr. Peskov"}, {"Dmitry Peskov", "Dmitri Peskov"}},
			apart:   [][2]string{{"Dmitry Peskov", "Kremlin"}},
		},
		{
			name:    "shared surname stays apart",
			reports: []string{"Joe Biden spoke.", "Hunter Biden was charged."},
			names:   map[string]storyline.MentionKind{"Joe Biden": P, "Hunter Biden": P},
			apart:   [][2]string{{"Joe Biden", "Hunter Biden"}},
		},
		{
			name:    "seat of power is the government",
			reports: []string{"Moscow insists on talks. The Kremlin said no.", "Flights to Moscow resumed."},
			names:   map[string]storyline.MentionKind{"Moscow": L, "Kremlin": O},
			same:    [][2]string{{"Kremlin", "Moscow#0"}},
			apart:   [][2]string{{"Moscow#0", "Moscow#1"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewResolver()
			ids := map[string]string{}
			for i, text := range tc.reports {
				for s, id := range add(r, string(rune('a'+i)), text, tc.names) {
					if _, dup := ids[s]; !dup {
						ids[s] = id
					}
					ids[s+"#"+string(rune('0'+i))] = id
				}
			}
			for _, p := range tc.same {
				if ids[p[0]] == "" || ids[p[0]] != ids[p[1]] {
					t.Errorf("%q → %q, %q → %q, want one actor", p[0], ids[p[0]], p[1], ids[p[1]])
				}
			}
			for _, p := range tc.apart {
				if ids[p[0]] == ids[p[1]] {
					t.Errorf("%q and %q share actor %q, want two", p[0], p[1], ids[p[0]])
				}
			}
		})
	}
}
