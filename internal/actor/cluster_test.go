package actor

import (
	"strings"
	"testing"
)

// clusterPairs runs Cluster and checks which pairs of refs (by ID) end up
// together.
func clusterPairs(t *testing.T, refs []Ref, texts map[string]string, pairs []pairCase) {
	t.Helper()
	got := Cluster(refs, texts, DefaultOptions())
	at := map[string]int{}
	for i, r := range refs {
		at[r.ID] = i
	}
	for _, tc := range pairs {
		t.Run(tc.name, func(t *testing.T) {
			i, j := at[tc.a], at[tc.b]
			if (got[i] == got[j]) != tc.want {
				t.Errorf("%q and %q together = %v, want %v (labels %v)", refs[i].Text, refs[j].Text, !tc.want, tc.want, got)
			}
		})
	}
}

type pairCase struct {
	name string
	a, b string
	want bool
}

// ref builds a Ref whose span is the first occurrence of text in the
// document at or after from.
func ref(id, doc, docText, text string, from int, class Class, sub string) Ref {
	k := strings.Index(docText[from:], text) + from
	sent := strings.Count(docText[:k], "\n")
	return Ref{ID: id, Doc: doc, Group: "g", Sentence: sent, Start: k, End: k + len(text), Text: text, Class: class, Sub: sub}
}

func TestClusterRules(t *testing.T) {
	texts := map[string]string{
		"d1": "Man charged over deaths\nJohn Jenkin was charged after his mother Alice McMeekin died .\nThe mother was 58 .",
		"d2": "Colts beat Titans\nThe Indianapolis Colts won on Sunday .\nIndianapolis scored late .",
		"d3": "Colts lose\nThe Colts lost today ( 4 November 2011 ) .\nThree years passed .",
		"d4": "Flights between Tunisia and Egypt were cut .\nEgypt said the cut would last 485 years .",
	}
	d1, d2, d3, d4 := texts["d1"], texts["d2"], texts["d3"], texts["d4"]
	refs := []Ref{
		ref("man", "d1", d1, "Man", 0, ClassPerson, ""),
		ref("jenkin", "d1", d1, "John Jenkin", 0, ClassPerson, ""),
		ref("alice", "d1", d1, "Alice McMeekin", 0, ClassPerson, ""),
		ref("mother", "d1", d1, "The mother", 0, ClassPerson, ""),
		ref("colts2", "d2", d2, "Indianapolis Colts", 0, ClassOrg, ""),
		ref("indy", "d2", d2, "Indianapolis", 70, ClassOrg, ""),
		ref("colts3", "d3", d3, "Colts", 15, ClassOrg, ""),
		ref("today", "d3", d3, "today ( 4 November 2011 )", 0, ClassTime, ""),
		ref("years3", "d3", d3, "Three years", 0, ClassTime, ""),
		ref("tunegy", "d4", d4, "between Tunisia and Egypt", 0, ClassPlace, "GEO"),
		ref("egypt", "d4", d4, "Egypt", 30, ClassPlace, "GEO"),
		ref("years4", "d4", d4, "485 years", 0, ClassTime, ""),
	}
	clusterPairs(t, refs, texts, []pairCase{
		{"headline capital is a common noun", "man", "jenkin", false},
		{"descriptor before a name", "mother", "alice", true},
		{"relational noun stays apart from the lone man", "mother", "jenkin", false},
		{"city name for its team", "indy", "colts2", true},
		{"team name across documents", "colts3", "colts2", true},
		{"coordination is not its member", "tunegy", "egypt", false},
		{"numbers clash", "years3", "years4", false},
	})
}

func TestClusterNameGuard(t *testing.T) {
	text := "Apple Corps sued Apple Inc. over its logo .\nApple Inc. said it would win ."
	texts := map[string]string{"d": text}
	refs := []Ref{
		ref("corps", "d", text, "Apple Corps", 0, ClassUnknown, ""),
		ref("inc", "d", text, "Apple Inc.", 0, ClassUnknown, ""),
		ref("its", "d", text, "its", 0, ClassUnknown, ""),
		ref("inc2", "d", text, "Apple Inc.", 45, ClassUnknown, ""),
		ref("it", "d", text, "it", 50, ClassUnknown, ""),
	}
	clusterPairs(t, refs, texts, []pairCase{
		{"two names stay apart", "corps", "inc", false},
		{"pronoun joins a name", "it", "inc2", true},
		{"a pronoun never bridges two names", "corps", "inc2", false},
	})
}

func TestNumbersClash(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"three years", "485 years", true},
		{"three years", "3 years", false},
		{"with 7:42 left", "with 14:05 left", true},
		{"with 7:42 left", "with 7:42 left in the first half", false},
		{"the years", "485 years", false},
		{"the first half", "the second half", true},
		{"the 1st half", "the first half", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a, b := analyse(&Ref{Text: tc.a}, 0), analyse(&Ref{Text: tc.b}, 1)
			if got := numbersClash(a, b); got != tc.want {
				t.Errorf("numbersClash(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestTimeKeyPrefersDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"today ( 4 November 2011 )", "nov"},
		{"today", "today"},
		{"on Friday night", "friday"},
		{"Feb. 22", "feb 22"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := timeKey(words(tc.in)); got != tc.want {
				t.Errorf("timeKey(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCommonWordsAndDemote(t *testing.T) {
	texts := map[string]string{
		"a": "MAN CHARGED\nPolice said a man was held . The man is 21 .\nA local man said Jenkin lied .",
		"b": "Jenkin spoke .\nThe man Jenkin met was a man of Millom .",
	}
	common := commonWords(texts)
	tests := []struct {
		text   string
		proper bool
	}{
		{"Man", false},
		{"MAN", false},
		{"Jenkin", true},
		{"Police", true}, // seen in lower case never
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := demote(analyse(&Ref{Text: tc.text, Class: ClassPerson}, 0), common)
			if m.proper != tc.proper {
				t.Errorf("demote(%q).proper = %v, want %v", tc.text, m.proper, tc.proper)
			}
		})
	}
}

func TestDescriptors(t *testing.T) {
	text := "Watergate figure Fred LaRue died .\nThe actress Lindsay Lohan said , according to Tara Reid ."
	tests := []struct {
		name string
		at   string
		want string
	}{
		{"lower-case noun before", "Fred LaRue", "figure"},
		{"after a determiner", "Lindsay Lohan", "actress"},
		{"function word", "Tara Reid", ""},
		{"capitalised word", "Watergate", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := descriptorBefore(text, strings.Index(text, tc.at)); got != tc.want {
				t.Errorf("descriptorBefore(%q) = %q, want %q", tc.at, got, tc.want)
			}
		})
	}
	after := []struct{ text, want string }{
		{"Alice McMeekin , 58 , his mother , died .", "mother"},
		{"Fred LaRue , a Watergate figure , died .", ""}, // a capitalised word inside
		{"Fred LaRue , the former official who died", "official"},
		{"Fred LaRue , Tom Smith and others", ""},
		{"Fred LaRue said", ""},
		{"Fred LaRue was a former official .", "official"},
	}
	for _, tc := range after {
		t.Run("after/"+tc.text, func(t *testing.T) {
			end := len("Alice McMeekin")
			if strings.HasPrefix(tc.text, "Fred") {
				end = len("Fred LaRue")
			}
			if got := descriptorAfter(tc.text, end); got != tc.want {
				t.Errorf("descriptorAfter(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
	m := analyse(&Ref{Text: "actress Lindsay Lohan", Class: ClassPerson}, 0)
	if got := descriptorInside(m); got != "actress" {
		t.Errorf("descriptorInside(%q) = %q, want %q", m.ref.Text, got, "actress")
	}
}

func TestContainMatch(t *testing.T) {
	tests := []struct {
		a, b  string
		class Class
		want  bool
	}{
		{"Indianapolis", "Indianapolis Colts", ClassOrg, true},
		{"Colts", "Indianapolis Colts", ClassOrg, true},
		{"Promises", "Promises Treatment Center in Malibu", ClassPlace, true},
		{"Lo Presti", "Gaetano Lo Presti", ClassPerson, true},
		{"Gaetano", "Gaetano Lo Presti", ClassPerson, false},
		{"Internet", "Internet Explorer", ClassThing, false},
		{"France", "France Telecom", ClassOrg, false},
		{"Boeing", "Boeing Commercial Airplanes", ClassUnknown, false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a := analyse(&Ref{Text: tc.a, Class: tc.class}, 0)
			b := analyse(&Ref{Text: tc.b, Class: tc.class}, 1)
			if got := containMatch(a, b); got != tc.want {
				t.Errorf("containMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestCoordinated(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"to Tunisia and Egypt", true},
		{"between Europe and the Middle East", true},
		{"Europe , Africa and Asia", true},
		{"in Wasilla , Alaska", false},
		{"on Tuesday , December 9 , 2008", false},
		{"in the Mediterranean between Sicily and Tunisia", false},
		{"the media and the public", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := coordinated(tc.in); got != tc.want {
				t.Errorf("coordinated(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
	if !listLike("Apple Inc., Apple Corps") || listLike("Apple Inc. , a firm") {
		t.Errorf("listLike: want true for a glued comma between names only")
	}
}

func TestPersonNumberClash(t *testing.T) {
	tests := []struct {
		a, b  string
		class Class
		want  bool
	}{
		{"the woman", "the women", ClassPerson, true},
		{"the company", "the two companies", ClassOrg, true},
		{"the cable", "the cables", ClassThing, false},
		{"the worker", "a worker", ClassPerson, false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a := analyse(&Ref{Text: tc.a, Class: tc.class}, 0)
			b := analyse(&Ref{Text: tc.b, Class: tc.class}, 1)
			if got := personNumberClash(a, b); got != tc.want {
				t.Errorf("personNumberClash(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestPlaceOfName(t *testing.T) {
	tests := []struct {
		text  string
		class Class
		want  string // the name read, or "" when the mention stays as it is
	}{
		{"her hometown of Wasilla", ClassPlace, "wasilla"},
		{"in the city of Hawaiian Gardens", ClassPlace, "hawaiian gardens"},
		{"the city of the future", ClassPlace, ""},
		{"Section 7 of the Endangered Species Act", ClassThing, ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := analyse(&Ref{Text: tc.text, Class: tc.class}, 0)
			got := placeOfName(m)
			switch {
			case tc.want == "" && got != m:
				t.Errorf("placeOfName(%q) re-read it as %q, want it unchanged", tc.text, got.norm)
			case tc.want != "" && (!got.proper || got.norm != tc.want):
				t.Errorf("placeOfName(%q) = %q (proper %v), want the name %q", tc.text, got.norm, got.proper, tc.want)
			}
		})
	}
}

func TestSynonymHeads(t *testing.T) {
	text := "Two cops arrested the robbers .\nThe police said the thieves fled ."
	texts := map[string]string{"d": text}
	refs := []Ref{
		ref("cops", "d", text, "cops", 0, ClassPerson, ""),
		ref("robbers", "d", text, "the robbers", 0, ClassPerson, ""),
		ref("police", "d", text, "The police", 20, ClassPerson, ""),
		ref("thieves", "d", text, "the thieves", 20, ClassPerson, ""),
	}
	clusterPairs(t, refs, texts, []pairCase{
		{"cops are the police", "cops", "police", true},
		{"robbers are the thieves", "robbers", "thieves", true},
		{"police are not the thieves", "police", "thieves", false},
	})
}

func TestBareNamesStay(t *testing.T) {
	texts := map[string]string{
		"a": "Reggie Bush ran .\nBush scored .",
		"b": "Bush ran again .",
		"c": "George Bush spoke .\nBush left .",
	}
	refs := []Ref{
		ref("reggie", "a", texts["a"], "Reggie Bush", 0, ClassPerson, ""),
		ref("bushA", "a", texts["a"], "Bush", 12, ClassPerson, ""),
		ref("bushB", "b", texts["b"], "Bush", 0, ClassPerson, ""),
		ref("george", "c", texts["c"], "George Bush", 0, ClassPerson, ""),
		ref("bushC", "c", texts["c"], "Bush", 18, ClassPerson, ""),
	}
	for i := range refs {
		refs[i].Wide = "all"
		if refs[i].Doc == "c" {
			refs[i].Group = "other"
		}
	}
	clusterPairs(t, refs, texts, []pairCase{
		{"bare name in the same story", "bushB", "reggie", true},
		{"bare names of two stories", "bushB", "bushC", false},
		{"first names differ", "reggie", "george", false},
	})
}

func TestFirstPrefixMatch(t *testing.T) {
	tests := []struct {
		a, b   string
		groupB string
		want   bool
	}{
		{"Katie Jenkin", "Kathryn Jenkin", "g", true},
		{"Alexis Grigoropoulos", "Alexandros Grigoropoulos", "g", true},
		{"Katie Jenkin", "Kathryn Jenkin", "other", false},
		{"John Jenkin", "Katie Jenkin", "g", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a := analyse(&Ref{Text: tc.a, Class: ClassPerson, Group: "g"}, 0)
			b := analyse(&Ref{Text: tc.b, Class: ClassPerson, Group: tc.groupB}, 1)
			if got := firstPrefixMatch(a, b); got != tc.want {
				t.Errorf("firstPrefixMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestNameHeadLinks(t *testing.T) {
	text := "She entered the Betty Ford Center , not the Morningside center .\nThe center is quiet , a center said ."
	common := map[string]bool{"center": true}
	tests := []struct {
		name  string
		names []string
		want  bool
	}{
		{"one name ends in the noun", []string{"the Betty Ford Center"}, true},
		{"two names do", []string{"the Betty Ford Center", "the Morningside Center"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var dm []*mention
			for i, n := range tc.names {
				k := strings.Index(strings.ToLower(text), strings.ToLower(n))
				dm = append(dm, analyse(&Ref{Text: n, Start: k, End: k + len(n), Class: ClassPlace}, i))
			}
			k := strings.Index(text, "The center")
			m := analyse(&Ref{Text: "The center", Start: k, End: k + 10, Class: ClassPlace}, len(dm))
			dm = append(dm, m)
			uf := newUnionFind(len(dm))
			nameHeadLinks(dm, common, uf)
			if got := uf.find(0) == uf.find(m.i); got != tc.want {
				t.Errorf("the center joined %q = %v, want %v", tc.names[0], got, tc.want)
			}
		})
	}
}

func TestGenericNameClash(t *testing.T) {
	tests := []struct {
		a, b  string
		class Class
		want  bool
	}{
		{"Interior Department", "Department of Criminal Justice", ClassOrg, true},
		{"Woodburn Police Department", "Staunton Police Department", ClassOrg, true},
		{"Staunton Police Department", "Staunton police", ClassOrg, false},
		{"General Motors", "Ford Motors", ClassUnknown, true},
		{"Ford Motor Company", "Ford", ClassUnknown, false},
		{"Tom Ford", "Glenn Ford", ClassPerson, false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a := analyse(&Ref{Text: tc.a, Class: tc.class}, 0)
			b := analyse(&Ref{Text: tc.b, Class: tc.class}, 1)
			if got := genericNameClash(a, b); got != tc.want {
				t.Errorf("genericNameClash(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestDemoteHeadline(t *testing.T) {
	text := "Hero Brooklyn Mom Killed In Crossfire\nThe mom was shot near the Betty Ford Center , police said ."
	common := map[string]bool{"mom": true, "center": true, "police": true}
	tests := []struct {
		text   string
		proper bool
	}{
		{"Hero Brooklyn Mom", false},
		{"the Betty Ford Center", true}, // not in a headline
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			k := strings.Index(text, tc.text)
			m := analyse(&Ref{Text: tc.text, Start: k, End: k + len(tc.text), Class: ClassPerson}, 0)
			if got := demoteHeadline(m, text, common); got.proper != tc.proper {
				t.Errorf("demoteHeadline(%q).proper = %v, want %v", tc.text, got.proper, tc.proper)
			}
		})
	}
}
