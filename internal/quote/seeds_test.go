package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sharedDir locates ../shared from the repository root.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared not present: " + dir)
	}
	return dir
}

func readSeeds(t testing.TB) (names []string, texts []string) {
	t.Helper()
	dir := sharedDir(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("no seeds in " + dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(f))
		texts = append(texts, string(b))
	}
	return names, texts
}

// seedExceptions are quote-mark spans of the seeds that are not
// statements of a named person, by file and byte offset of the opening
// mark, with the reason. The test fails if one of them starts to resolve
// (update the list) or if any other quotation is left without a named
// speaker.
var seedExceptions = map[string]map[int]string{
	"004_162ec9d7dd0c448a.txt": {
		1406: "a name in quote marks (so-called), no one's statement",
		2190: "a claim of an army, not of a named person",
	},
}

// TestSeedsGolden pins every quote of the five seed reports (offsets,
// kind, speaker phrase offsets, resolved speaker; never their words) and
// checks that every stretch in quote marks lies in a quote whose speaker
// resolved to a name.
func TestSeedsGolden(t *testing.T) {
	names, texts := readSeeds(t)
	var b strings.Builder
	for i, name := range names {
		text := texts[i]
		qs := Extract(text, nil, nil)
		checkInvariants(t, text, qs)
		fmt.Fprintf(&b, "# %s\n", name)
		for _, q := range qs {
			sp := "-"
			if q.SpeakerSpan != nil {
				sp = fmt.Sprintf("%d-%d", q.SpeakerSpan.Start, q.SpeakerSpan.End)
			}
			fmt.Fprintf(&b, "%d-%d\t%s\tspeaker_span=%s\tspeaker=%q\n", q.Span.Start, q.Span.End, q.Kind, sp, q.Speaker)
		}
		for _, r := range regions(text, sentenceEnds(text)) {
			why, excused := seedExceptions[name][r.s]
			var in *storyline.Quote
			for j := range qs {
				if qs[j].Span.Start <= r.s && r.e <= qs[j].Span.End {
					in = &qs[j]
				}
			}
			switch {
			case in == nil && !excused:
				t.Errorf("%s: quotation at %d-%d is in no quote", name, r.s, r.e)
			case in != nil && in.Speaker == "" && !excused:
				t.Errorf("%s: quotation at %d-%d has no resolved speaker (phrase %q)", name, r.s, r.e, in.SpeakerText)
			case excused && in != nil && in.Speaker != "":
				t.Errorf("%s: excused quotation at %d (%s) now resolves to %q: update seedExceptions", name, r.s, why, in.Speaker)
			}
		}
	}
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seed quotes differ from %s (run go test -update and review the diff):\n%s", golden, lineDiff(string(want), got))
	}
}

func sentenceEnds(text string) []int {
	var ends []int
	for _, s := range splitText(text) {
		ends = append(ends, s.End)
	}
	return ends
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			fmt.Fprintf(&b, "- %s\n+ %s\n", x, y)
		}
	}
	return b.String()
}

// TestGroupSeedTranslations checks that the two reports of Rutte's visit
// to Kyiv (000 and 001) carry one statement of Zelensky's, translated two
// ways, in one group. The two quotes are named by their offsets.
func TestGroupSeedTranslations(t *testing.T) {
	names, texts := readSeeds(t)
	type pick struct {
		file  string
		start int
	}
	picks := []pick{{"000_a531c5a8eb060f59.txt", 818}, {"001_a4e5bec81c731aa4.txt", 1237}}
	var items []GroupItem
	idx := map[pick]int{}
	for i, name := range names {
		if !strings.HasPrefix(name, "000_") && !strings.HasPrefix(name, "001_") {
			continue
		}
		for _, q := range Extract(texts[i], nil, nil) {
			for _, p := range picks {
				if p.file == name && q.Span.Start == p.start {
					idx[p] = len(items)
				}
			}
			items = append(items, GroupItem{Key: name, Speaker: q.Speaker, Text: q.Text})
		}
	}
	if len(idx) != 2 {
		t.Fatalf("found %d of the 2 quotes by offset; the extractor's spans changed", len(idx))
	}
	g := Group(items)
	a, b := g[idx[picks[0]]], g[idx[picks[1]]]
	if a != b {
		t.Errorf("the two translations of Zelensky's statement are in groups %d and %d", a, b)
	}
	// Nothing else joins them from a different speaker.
	for i, it := range items {
		if g[i] == a && !sameSpeaker(it.Speaker, "Zelensky") {
			t.Errorf("item %d (%s, speaker %q) joined the Zelensky group", i, it.Key, it.Speaker)
		}
	}
}

func splitText(s string) []text.Sentence { return text.Split(s) }
