package story

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// firstLine returns a report's first non-empty line as its title, cut
// after its first sentence when the line is a whole paragraph.
func firstLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if len(l) > 200 {
				if k := strings.Index(l, ". "); k > 0 {
					l = l[:k+1]
				}
			}
			return l
		}
	}
	return ""
}

func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	sort.Strings(files)
	c := NewClusterer()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(Doc{ID: filepath.Base(f)[:3], Title: firstLine(string(b)), Text: string(b)})
	}
	c.Repair()
	stories := c.Stories()
	if len(stories) != 1 {
		t.Errorf("%d stories %+v, want 1", len(stories), stories)
	}
	events := c.Events()
	if len(events) != 4 {
		t.Errorf("%d events %+v, want 4", len(events), events)
	}
	e0, _, _ := c.Assignment("000")
	e1, _, _ := c.Assignment("001")
	if e0 != e1 {
		t.Errorf("reports 000 and 001 (Rutte in Kyiv) in events %s and %s, want one", e0, e1)
	}
}

// synthetic builds a report about one happening: its own names and
// words, plus the words its story shares with its sibling events.
func synthetic(id, storyWords, eventWords string) Doc {
	text := "Officials said on Monday that " + storyWords + ". " + eventWords + ". Reporters said " + eventWords + " and " + storyWords + "."
	return Doc{ID: id, Title: eventWords, Text: text}
}

func TestTwoStoriesFromAStream(t *testing.T) {
	flood := "river flood water levels rose across the valley as Rescue Teams evacuated residents"
	vote := "parliament vote budget bill passed after long debate among Lawmakers Opposition"
	c := NewClusterer()
	var docs []Doc
	for i := 0; i < 6; i++ {
		docs = append(docs, synthetic("f"+string(rune('0'+i)), flood, "Danube Vienna sandbags dams"))
		docs = append(docs, synthetic("v"+string(rune('0'+i)), vote, "Bundestag Berlin coalition Merz"))
	}
	for _, d := range docs {
		c.Add(d)
	}
	c.Repair()
	story := map[string]string{}
	for _, d := range docs {
		_, s, ok := c.Assignment(d.ID)
		if !ok {
			t.Fatalf("no assignment for %s", d.ID)
		}
		story[d.ID] = s
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"f0", "f5", true}, {"v0", "v5", true}, {"f0", "v0", false}, {"f3", "v3", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"-"+tc.b, func(t *testing.T) {
			if got := story[tc.a] == story[tc.b]; got != tc.same {
				t.Errorf("same story(%s, %s) = %v, want %v (%v)", tc.a, tc.b, got, tc.same, story)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []string {
		c := NewClustererWith(func() Options { o := DefaultOptions(); o.RepairEvery = 3; return o }())
		var out []string
		for i := 0; i < 12; i++ {
			words := []string{"Alpha Beta storm coast", "Gamma Delta election vote", "Epsilon Zeta trade tariffs"}[i%3]
			e, s := c.Add(synthetic(string(rune('a'+i)), words+" shared context", words))
			out = append(out, e+"/"+s)
		}
		for _, st := range c.Stories() {
			out = append(out, st.ID+":"+strings.Join(st.Reports, ","))
		}
		return out
	}
	a, b := run(), run()
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("two runs differ:\n%v\n%v", a, b)
	}
}

func TestTakeChanged(t *testing.T) {
	c := NewClustererWith(func() Options { o := DefaultOptions(); o.RepairEvery = 0; return o }())
	words := "Alpha Beta storm coast flood"
	for i := 0; i < 6; i++ {
		c.Add(synthetic(string(rune('a'+i)), words+" shared", words))
	}
	c.Repair()
	for _, id := range c.TakeChanged() {
		if _, _, ok := c.Assignment(id); !ok {
			t.Errorf("changed id %q is not stored", id)
		}
	}
	if got := c.TakeChanged(); got != nil {
		t.Errorf("second TakeChanged = %v, want nil", got)
	}
}

func TestDatesSeparateEvents(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 8, d, 0, 0, 0, 0, time.UTC) }
	words := "Rutte Kyiv NATO security guarantees visit Zelenskyy press conference"
	c := NewClusterer()
	c.Add(Doc{ID: "a", Title: words, Text: words, Published: day(1)})
	c.Add(Doc{ID: "b", Title: words, Text: words, Published: day(1)})
	c.Add(Doc{ID: "c", Title: words, Text: words, Published: day(25)})
	c.Repair()
	ea, sa, _ := c.Assignment("a")
	eb, _, _ := c.Assignment("b")
	ec, sc, _ := c.Assignment("c")
	if ea != eb {
		t.Errorf("same-day reports in events %s and %s, want one", ea, eb)
	}
	if ea == ec {
		t.Errorf("reports 24 days apart share event %s, want two", ea)
	}
	if sa != sc {
		t.Errorf("reports of one story in stories %s and %s, want one", sa, sc)
	}
}

func TestAgglomerate(t *testing.T) {
	tests := []struct {
		name  string
		sizes []float64
		fixed []bool
		links []link
		th    float64
		want  []int
	}{
		{"chain above threshold", []float64{1, 1, 1}, []bool{false, false, false},
			[]link{{0, 1, 0.9}, {1, 2, 0.8}}, 0.2, []int{0, 0, 0}},
		{"average link keeps weak third apart", []float64{1, 1, 1}, []bool{false, false, false},
			[]link{{0, 1, 0.9}, {1, 2, 0.3}}, 0.2, []int{0, 0, 2}},
		{"fixed nodes never merge", []float64{1, 1, 1}, []bool{true, true, false},
			[]link{{0, 1, 0.9}, {1, 2, 0.8}}, 0.2, []int{0, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := agglomerate(tc.sizes, tc.fixed, tc.links, tc.th, func(a, b float64) float64 { return a * b })
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("agglomerate = %v, want %v", got, tc.want)
				}
			}
		})
	}
}
