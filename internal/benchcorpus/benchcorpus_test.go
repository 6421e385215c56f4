package benchcorpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	arts := []Article{
		{Title: "Council meets", Text: "The council met on Monday in Selm to discuss the strait.\nIt agreed to send observers.\nThe fleet stayed in port.\nOfficials said talks would go on."},
		{Title: "Fleet sails", Text: "The fleet sailed on Tuesday. The ministers met. The port reopened. Traders were relieved. Prices fell. Ships moved."},
	}
	a, b := Generate(arts, 200, 7), Generate(arts, 200, 7)
	if len(a) != 200 {
		t.Fatalf("%d reports, want 200", len(a))
	}
	for i := range a {
		if a[i].Text() != b[i].Text() || a[i].URL != b[i].URL {
			t.Fatalf("report %d differs between two runs with one seed", i)
		}
	}
	copies := 0
	for _, r := range a {
		if strings.HasPrefix(r.Title, "Update: ") {
			copies++
		}
	}
	if copies == 0 {
		t.Error("no near-duplicates generated")
	}
	dir := t.TempDir()
	paths, size, err := Write(dir, a[:30])
	if err != nil || size == 0 || len(paths) != 3 {
		t.Fatalf("Write = %v, %d, %v", paths, size, err)
	}
	txt, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if len(txt) != 10 {
		t.Errorf("%d text files, want 10", len(txt))
	}
	if fi, err := os.Stat(paths[2]); err != nil || fi.Size() == 0 {
		t.Errorf("WARC file: %v", err)
	}
}
