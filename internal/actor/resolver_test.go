package actor

import (
	"slices"
	"strings"
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

// TestAddPreparedTwice checks that one Prepared serves two resolvers (the
// Linker's and Resolve's) and gives what Add gives.
func TestAddPreparedTwice(t *testing.T) {
	text := `NATO Secretary General Mark Rutte arrived in Kyiv. The alliance leader met Volodymyr Zelenskyy. "We stand with Ukraine," Rutte said. He added that the head of NATO would return.`
	var ms []storyline.Mention
	for _, n := range []struct {
		s string
		k storyline.MentionKind
	}{{"NATO", storyline.Organisation}, {"Mark Rutte", storyline.Person}, {"Kyiv", storyline.Place}, {"Volodymyr Zelenskyy", storyline.Person}, {"Ukraine", storyline.Place}, {"Rutte", storyline.Person}, {"He", storyline.Person}} {
		i := strings.Index(text, n.s)
		for _, m := range ms {
			if m.Span.Start == i {
				i = strings.Index(text[m.Span.End:], n.s) + m.Span.End
			}
		}
		ms = append(ms, storyline.Mention{Span: storyline.Span{Start: i, End: i + len(n.s)}, Surface: n.s, Kind: n.k})
	}
	want := NewResolver().Add("r1", text, ms)
	p := Prepare("r1", text, ms)
	if !p.Fits("r1", text, ms) || p.Fits("r2", text, ms) || p.Fits("r1", text, ms[1:]) {
		t.Fatal("Fits is wrong")
	}
	for i := range 2 {
		got := NewResolver().AddPrepared(p, ms)
		if !slices.Equal(got, want) {
			t.Errorf("use %d: AddPrepared\n got %+v\nwant %+v", i, got, want)
		}
	}
	if want[1].ActorID == "" || want[1].ActorID != want[5].ActorID {
		t.Errorf("Rutte not linked: %+v", want)
	}
}
