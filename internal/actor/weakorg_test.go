package actor

import (
	"strings"
	"testing"

	"storyline"
)

// mentionsOf marks each surface's first occurrence in text with a kind.
func mentionsOf(text string, marks ...any) []storyline.Mention {
	var ms []storyline.Mention
	for k := 0; k+1 < len(marks); k += 2 {
		s, kind := marks[k].(string), marks[k+1].(storyline.MentionKind)
		i := strings.Index(text, s)
		ms = append(ms, storyline.Mention{Span: storyline.Span{Start: i, End: i + len(s)}, Surface: s, Kind: kind})
	}
	return ms
}

func TestTaggerSlips(t *testing.T) {
	type report struct {
		text  string
		marks []any
	}
	tests := []struct {
		name    string
		reports []report
		// surfaces that must share one actor, and its alias that must exist
		same  []string
		alias string
		kind  storyline.MentionKind
	}{
		{
			name: "bare surname as organisation, then the full name",
			reports: []report{
				{"Speaking with reporters, Rutte said that he was ready. The alliance leader was in the capital.", []any{"Rutte", storyline.Organisation}},
				{"NATO Secretary General Mark Rutte visited Kyiv.", []any{"NATO", storyline.Organisation, "Mark Rutte", storyline.Person}},
			},
			same: []string{"Rutte", "Mark Rutte"}, alias: "The alliance leader", kind: storyline.Person,
		},
		{
			name: "full name, then bare surname as organisation",
			reports: []report{
				{"Mark Rutte visited Kyiv.", []any{"Mark Rutte", storyline.Person}},
				{"Rutte said the talks went well.", []any{"Rutte", storyline.Organisation}},
			},
			same: []string{"Mark Rutte", "Rutte"}, kind: storyline.Person,
		},
		{
			name: "US in capitals is the country",
			reports: []report{
				{"The United States said it would help.", []any{"United States", storyline.Place}},
				{"The US will be involved.", []any{"US", storyline.Place}},
			},
			same: []string{"United States", "US"}, kind: storyline.Place,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewResolver()
			ids := map[string]string{}
			for i, rep := range tc.reports {
				for _, m := range r.Add(string(rune('a'+i)), rep.text, mentionsOf(rep.text, rep.marks...)) {
					ids[m.Surface] = m.ActorID
				}
			}
			want := ids[tc.same[0]]
			for _, s := range tc.same {
				if ids[s] == "" || ids[s] != want {
					t.Errorf("%q is actor %q, want %q's %q", s, ids[s], tc.same[0], want)
				}
			}
			for _, a := range r.Actors() {
				if a.ID != want {
					continue
				}
				if a.Kind != tc.kind {
					t.Errorf("kind %s, want %s", a.Kind, tc.kind)
				}
				if tc.alias != "" && !strings.Contains(strings.Join(a.Aliases, "|"), tc.alias) {
					t.Errorf("aliases %q lack %q", a.Aliases, tc.alias)
				}
			}
		})
	}
}

// A description with no bare surname to take it and no descriptor that
// fits stays with no one, rather than the nearest named person.
func TestDescriptionLeftAlone(t *testing.T) {
	text := "Birgit Haldorsen spoke with Aleksandr Vetrenko. The alliance chief has not commented."
	r := NewResolver()
	r.Add("a", text, mentionsOf(text, "Birgit Haldorsen", storyline.Person, "Aleksandr Vetrenko", storyline.Person))
	for _, a := range r.Actors() {
		for _, al := range a.Aliases {
			if al == "The alliance chief" {
				t.Errorf("%q given to %s", al, a.Name)
			}
		}
		if a.Name == "The alliance chief" || a.Name == "alliance chief" {
			t.Errorf("an actor made of a description alone: %+v", a)
		}
	}
}

// A one-word person the tagger made of a place name is no reason to take
// the organisation of that name for a person.
func TestWeakPersonKeepsOrganisation(t *testing.T) {
	r := NewResolver()
	a := "Varnia said the strait was closed."
	b := "The government of Varnia insists. Varnia rejected the ultimatum."
	r.Add("a", a, mentionsOf(a, "Varnia", storyline.Person))
	out := r.Add("b", b, []storyline.Mention{{Span: storyline.Span{Start: 35, End: 41}, Surface: "Varnia", Kind: storyline.Organisation}})
	for _, x := range r.Actors() {
		if x.ID == out[0].ActorID && x.Kind != storyline.Organisation {
			t.Errorf("organisation Varnia became a %s", x.Kind)
		}
	}
}
