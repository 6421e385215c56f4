package actor

import "testing"

func TestCluster(t *testing.T) {
	texts := map[string]string{
		"d1": "Hugh Jackman will host the Oscars . He said the ceremony is fun .",
		"d2": "Jackman , the Australian actor , was named host on Friday .",
	}
	refs := []Ref{
		{ID: "a", Doc: "d1", Group: "g", Start: 0, End: 12, Text: "Hugh Jackman", Class: ClassPerson},
		{ID: "b", Doc: "d1", Group: "g", Start: 25, End: 35, Text: "the Oscars", Class: ClassThing},
		{ID: "c", Doc: "d1", Group: "g", Sentence: 1, Start: 38, End: 40, Text: "He", Class: ClassPerson},
		{ID: "d", Doc: "d1", Group: "g", Sentence: 1, Start: 46, End: 58, Text: "the ceremony", Class: ClassThing},
		{ID: "e", Doc: "d2", Group: "g", Start: 0, End: 7, Text: "Jackman", Class: ClassPerson},
		{ID: "f", Doc: "d2", Group: "g", Start: 10, End: 29, Text: "the Australian actor", Class: ClassPerson},
		{ID: "g", Doc: "d2", Group: "g", Start: 47, End: 56, Text: "on Friday", Class: ClassTime},
	}
	got := Cluster(refs, texts, DefaultOptions())
	same := func(i, j int) bool { return got[i] == got[j] }
	tests := []struct {
		name string
		i, j int
		want bool
	}{
		{"pronoun to name", 0, 2, true},
		{"surname across documents", 0, 4, true},
		{"appositive", 4, 5, true},
		{"person and thing apart", 0, 1, false},
		{"time apart from person", 4, 6, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if same(tc.i, tc.j) != tc.want {
				t.Errorf("%s and %s together = %v, want %v (labels %v)", refs[tc.i].Text, refs[tc.j].Text, !tc.want, tc.want, got)
			}
		})
	}
}

func TestEventLemma(t *testing.T) {
	tests := []struct{ a, b string }{
		{"fired", "fires"}, {"firing", "fired"}, {"stopped", "stops"}, {"was arrested", "arrest"},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			x := eventLemma(analyse(&Ref{Text: tc.a}, 0))
			y := eventLemma(analyse(&Ref{Text: tc.b}, 0))
			if x != y {
				t.Errorf("eventLemma(%q) = %q, eventLemma(%q) = %q, want equal", tc.a, x, tc.b, y)
			}
		})
	}
}
