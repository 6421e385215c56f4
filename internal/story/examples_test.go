package story_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"storyline/internal/actor"
	"storyline/internal/dedup"
	"storyline/internal/story"
)

var update = flag.Bool("update", false, "rewrite golden files")

// exampleDocs reads the plain-text and JSONL reports of ../../examples
// (HTML pages need the cleaner and are left out): a .txt file's first line
// is its title and its name starts with its date.
func exampleDocs(t *testing.T) []story.Doc {
	t.Helper()
	dir := filepath.Join("..", "..", "examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skip("examples not present")
	}
	sort.Strings(files)
	var docs []story.Doc
	for _, f := range files {
		base := filepath.Base(f)
		switch filepath.Ext(f) {
		case ".txt":
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			title, text, _ := strings.Cut(string(b), "\n")
			pub, _ := time.Parse("2006-01-02", base[:10])
			docs = append(docs, story.Doc{ID: base, Title: strings.TrimSpace(title), Text: text, Published: pub})
		case ".jsonl":
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 1<<20), 16<<20)
			for sc.Scan() {
				var r struct{ ID, Title, Text, Published string }
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatal(err)
				}
				pub, _ := time.Parse(time.RFC3339, r.Published)
				if pub.IsZero() {
					pub, _ = time.Parse("2006-01-02", r.Published)
				}
				docs = append(docs, story.Doc{ID: r.ID, Title: r.Title, Text: r.Text, Published: pub})
			}
			fh.Close()
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Published.Before(docs[j].Published) })
	return docs
}

// TestExamplesGolden pins the duplicates, actors (from a capitalised-word
// stand-in for the tagger), events and stories of the example reports.
func TestExamplesGolden(t *testing.T) {
	docs := exampleDocs(t)
	ix, res, cl := dedup.New(), actor.NewResolver(), story.NewClusterer()
	var b strings.Builder
	for _, d := range docs {
		if orig, dup := ix.Add(d.ID, d.Title+"\n"+d.Text); dup {
			fmt.Fprintf(&b, "duplicate %s of %s\n", d.ID, orig)
			continue
		}
		d.Mentions = res.Add(d.ID, d.Text, capitalRuns(d.ID, d.Text))
		for _, m := range d.Mentions {
			if d.Text[m.Span.Start:m.Span.End] != m.Surface {
				t.Fatalf("%s: span %v is %q, not %q", d.ID, m.Span, d.Text[m.Span.Start:m.Span.End], m.Surface)
			}
		}
		cl.Add(d)
	}
	cl.Repair()
	for _, s := range cl.Stories() {
		fmt.Fprintf(&b, "story %s %q %s..%s events %v\n", s.ID, s.Title, s.FirstSeen, s.LastSeen, s.Events)
	}
	for _, e := range cl.Events() {
		fmt.Fprintf(&b, "event %s (%s) %s %v\n", e.ID, e.Story, e.Date, e.Reports)
	}
	for _, a := range res.Actors() {
		if a.Reports >= 3 {
			fmt.Fprintf(&b, "actor %s %s %q reports %d aliases %q descriptors %q\n", a.ID, a.Kind, a.Name, a.Reports, a.Aliases, a.Descriptors)
		}
	}
	golden := filepath.Join("testdata", "examples.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("examples changed; diff against %s (rerun with -update to accept):\n%s", golden, got)
	}
}
