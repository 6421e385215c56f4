package story_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"storyline/internal/actor"
	"storyline/internal/dedup"
	"storyline/internal/story"
)

// TestSeedsPipeline runs the seed reports through the three cross-report
// stages as the pipeline will (with the capitalised-word stand-in for the
// tagger): no duplicates, one story, four events, 000 and 001 together.
func TestSeedsPipeline(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	sort.Strings(files)
	ix, res, cl := dedup.New(), actor.NewResolver(), story.NewClusterer()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)[:3]
		text := string(b)
		if orig, dup := ix.Add(id, text); dup {
			t.Errorf("%s reported as a duplicate of %s", id, orig)
		}
		title := strings.TrimSpace(text)
		if k := strings.IndexAny(title, "\n"); k > 0 {
			title = title[:k]
		}
		if k := strings.Index(title, ". "); len(title) > 200 && k > 0 {
			title = title[:k+1]
		}
		cl.Add(story.Doc{ID: id, Title: title, Text: text, Mentions: res.Add(id, text, capitalRuns(id, text))})
	}
	cl.Repair()
	if n := len(cl.Stories()); n != 1 {
		t.Errorf("%d stories, want 1", n)
	}
	if n := len(cl.Events()); n != 4 {
		for _, e := range cl.Events() {
			t.Logf("event %s %v", e.ID, e.Reports)
		}
		t.Errorf("%d events, want 4", n)
	}
	e0, _, _ := cl.Assignment("000")
	e1, _, _ := cl.Assignment("001")
	if e0 != e1 {
		t.Errorf("000 and 001 in events %s and %s, want one", e0, e1)
	}
}
