package actor

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"storyline"
)

// seedNames are hand-listed mention surfaces for the reports in
// ../shared/seeds (the tagger is not ready); longer surfaces win.
var seedNames = map[string]storyline.MentionKind{
	"Volodymyr Zelenskyy": storyline.Person, "Volodymyr Zelensky": storyline.Person, "Zelenskyy": storyline.Person,
	"Zelensky": storyline.Person, "Zelenskiy": storyline.Person, "Mr. Zelensky": storyline.Person,
	"Mark Rutte": storyline.Person, "Rutte": storyline.Person,
	"Sergei Lavrov": storyline.Person, "Sergey Lavrov": storyline.Person, "Lavrov": storyline.Person,
	"Alexander Stubb": storyline.Person, "Stubb": storyline.Person, "Mette Frederiksen": storyline.Person,
	"Frederiksen": storyline.Person, "Alar Karis": storyline.Person, "Karis": storyline.Person,
	"Keir Starmer": storyline.Person, "Starmer": storyline.Person, "Emmanuel Macron": storyline.Person,
	"Macron": storyline.Person, "Antonio Costa": storyline.Person, "Costa": storyline.Person,
	"Donald Trump": storyline.Person, "Trump": storyline.Person, "Mr. Trump": storyline.Person,
	"Vladimir Putin": storyline.Person, "Putin": storyline.Person, "President Putin": storyline.Person,
	"Dmitry Peskov": storyline.Person, "Mr. Peskov": storyline.Person, "Peskov": storyline.Person,
	"The alliance leader": storyline.Person, "The head of NATO": storyline.Person, "NATO chief": storyline.Person,
	"NATO": storyline.Organisation, "North Atlantic Treaty Organization": storyline.Organisation,
	"Kremlin": storyline.Organisation, "Moscow": storyline.Place, "Ukraine": storyline.Place,
	"Russia": storyline.Place, "Kyiv": storyline.Place, "Ukrainian": storyline.Other,
}

// handMentions finds every whole-word occurrence of the listed surfaces,
// longest first, without overlaps.
func handMentions(report, text string, names map[string]storyline.MentionKind) []storyline.Mention {
	surfaces := make([]string, 0, len(names))
	for s := range names {
		surfaces = append(surfaces, s)
	}
	sort.Slice(surfaces, func(i, j int) bool {
		if len(surfaces[i]) != len(surfaces[j]) {
			return len(surfaces[i]) > len(surfaces[j])
		}
		return surfaces[i] < surfaces[j]
	})
	taken := make([]bool, len(text))
	var out []storyline.Mention
	for _, s := range surfaces {
		for from := 0; ; {
			k := strings.Index(text[from:], s)
			if k < 0 {
				break
			}
			st, en := from+k, from+k+len(s)
			from = en
			if st > 0 {
				if r, _ := utf8.DecodeLastRuneInString(text[:st]); unicode.IsLetter(r) {
					continue
				}
			}
			if en < len(text) {
				if r, _ := utf8.DecodeRuneInString(text[en:]); unicode.IsLetter(r) {
					continue
				}
			}
			free := true
			for i := st; i < en; i++ {
				free = free && !taken[i]
			}
			if !free {
				continue
			}
			for i := st; i < en; i++ {
				taken[i] = true
			}
			out = append(out, storyline.Mention{Report: report, Span: storyline.Span{Start: st, End: en}, Surface: s, Kind: names[s]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

func seedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present")
	}
	return dir
}

func TestSeedsActors(t *testing.T) {
	dir := seedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	r := NewResolver()
	ids := map[string]map[string]bool{} // surface → actor ids
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, m := range r.Add(filepath.Base(f), text, handMentions(filepath.Base(f), text, seedNames)) {
			if text[m.Span.Start:m.Span.End] != m.Surface {
				t.Fatalf("span %v of %q is %q", m.Span, m.Surface, text[m.Span.Start:m.Span.End])
			}
			if ids[m.Surface] == nil {
				ids[m.Surface] = map[string]bool{}
			}
			ids[m.Surface][m.ActorID] = true
		}
	}
	one := func(surfaces ...string) string {
		got := map[string]bool{}
		for _, s := range surfaces {
			for id := range ids[s] {
				got[id] = true
			}
		}
		if len(got) != 1 {
			t.Errorf("%v: actors %v, want one", surfaces, got)
		}
		for id := range got {
			return id
		}
		return ""
	}
	tests := []struct {
		name     string
		surfaces []string
	}{
		{"Zelensky", []string{"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky", "Mr. Zelensky"}},
		{"Lavrov", []string{"Sergei Lavrov", "Sergey Lavrov"}},
		{"Rutte", []string{"Mark Rutte", "Rutte", "The alliance leader", "The head of NATO", "NATO chief"}},
		{"Peskov", []string{"Dmitry Peskov", "Mr. Peskov"}},
		{"Putin", []string{"Vladimir Putin", "President Putin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { one(tc.surfaces...) })
	}
	t.Run("six leaders apart", func(t *testing.T) {
		seen := map[string]string{}
		for _, s := range []string{"Alexander Stubb", "Mette Frederiksen", "Alar Karis", "Keir Starmer", "Emmanuel Macron", "Antonio Costa"} {
			id := one(s)
			if o, dup := seen[id]; dup {
				t.Errorf("%s and %s share actor %s", s, o, id)
			}
			seen[id] = s
		}
	})
	t.Run("government of Russia", func(t *testing.T) {
		var gov *storyline.Actor
		for _, a := range r.Actors() {
			if a.Name == "Government of Russia" {
				gov = &a
			}
		}
		if gov == nil {
			t.Fatal("no Government of Russia actor")
		}
		if a := strings.Join(gov.Aliases, "|"); !strings.Contains(a, "Moscow") || !strings.Contains(a, "Kremlin") {
			t.Errorf("government aliases %q, want Moscow and Kremlin", a)
		}
	})
	t.Run("descriptors", func(t *testing.T) {
		for _, a := range r.Actors() {
			if a.Name == "Volodymyr Zelenskyy" || a.Name == "Volodymyr Zelensky" {
				if !strings.Contains(strings.Join(a.Descriptors, "|"), "ukrainian president") {
					t.Errorf("Zelensky descriptors %q, want ukrainian president", a.Descriptors)
				}
				return
			}
		}
		t.Error("no Zelensky actor")
	})
}
