package actor

import (
	"testing"

	"storyline"
)

// FuzzResolverAdd runs arbitrary text and one mention at arbitrary
// offsets through the resolver: no panic, mentions come back in number
// and every resolved mention names an existing actor.
func FuzzResolverAdd(f *testing.F) {
	f.Add("Moscow insists that Mr. Peskov said so.", 0, 6, "Moscow insists ", 20)
	f.Add("\xff\xfe NATO", 3, 7, "", 0)
	f.Fuzz(func(t *testing.T, text string, start, end int, text2 string, start2 int) {
		if start < 0 || end > len(text) || start > end {
			return
		}
		r := NewResolver()
		ms := []storyline.Mention{{Report: "a", Span: storyline.Span{Start: start, End: end}, Surface: text[start:end], Kind: storyline.Person}}
		out := r.Add("a", text, ms)
		if len(out) != 1 {
			t.Fatalf("got %d mentions back, want 1", len(out))
		}
		if start2 >= 0 && start2 < len(text2) {
			out = r.Add("b", text2, []storyline.Mention{{Report: "b", Span: storyline.Span{Start: start2, End: len(text2)}, Surface: text2[start2:], Kind: storyline.Other}})
		}
		ids := map[string]bool{}
		for _, a := range r.Actors() {
			ids[a.ID] = true
		}
		for _, m := range out {
			if m.ActorID != "" && !ids[m.ActorID] {
				t.Fatalf("mention points to unknown actor %q", m.ActorID)
			}
		}
	})
}

func BenchmarkResolverAdd(b *testing.B) {
	text := "Ukrainian President Volodymyr Zelenskyy met NATO Secretary General Mark Rutte in Kyiv. Rutte said Moscow insists on talks. Zelensky and Mr. Peskov spoke."
	names := map[string]storyline.MentionKind{"Volodymyr Zelenskyy": storyline.Person, "NATO": storyline.Organisation,
		"Mark Rutte": storyline.Person, "Kyiv": storyline.Place, "Rutte": storyline.Person, "Moscow": storyline.Place,
		"Zelensky": storyline.Person, "Mr. Peskov": storyline.Person}
	ms := handMentions("r", text, names)
	r := NewResolver()
	b.ReportAllocs()
	for b.Loop() {
		r.Add("r", text, ms)
	}
}
