package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesGolden pins every quote and speaker of our own example
// reports in testdata (*.txt) in testdata/examples.golden.
func TestExamplesGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no example reports in testdata")
	}
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		qs := Extract(text, nil, nil)
		checkInvariants(t, text, qs)
		fmt.Fprintf(&b, "# %s\n", filepath.Base(f))
		for _, q := range qs {
			fmt.Fprintf(&b, "%s\t%q\tphrase=%q\tspeaker=%q\tcue=%q\n", q.Kind, q.Text, q.SpeakerText, q.Speaker, q.Cue)
		}
	}
	golden := filepath.Join("testdata", "examples.golden")
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
		t.Errorf("example quotes differ from %s (run go test -update and review the diff):\n%s", golden, lineDiff(string(want), got))
	}
}

func ExampleExtract() {
	text := "Union leader Maria Santos spoke to workers.\n\n“The strike goes on,” Santos said. “Nobody returns until the deal is signed.”\n\nShe added that talks would resume on Monday."
	for _, q := range Extract(text, nil, nil) {
		fmt.Printf("%s | %s | %s\n", q.Kind, q.Speaker, q.Text)
	}
	// Output:
	// direct | Maria Santos | “The strike goes on,” Santos said. “Nobody returns until the deal is signed.”
	// indirect | Maria Santos | that talks would resume on Monday
}

func ExampleGroup() {
	g := Group([]GroupItem{
		{Key: "report-a", Speaker: "Dmitriy Orlanov", Text: "Security depends on what our allies can send to the coast and on how strong our navy becomes."},
		{Key: "report-b", Speaker: "Dmitry Orlanov", Text: "security depends on what the allies can send to the coast, as well as on how strong the navy becomes"},
		{Key: "report-b", Speaker: "Dmitry Orlanov", Text: "We are ready to meet the mediator in Castelmar next week."},
	})
	fmt.Println(g)
	// Output: [0 0 1]
}
