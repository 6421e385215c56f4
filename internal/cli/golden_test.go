package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// checkGolden compares got with testdata/golden/name, or rewrites it
// with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %s\nwant: %s\n(review and rerun with -update if the change is right)", path, i+1, g, w)
			}
		}
	}
}

// exampleExport ingests examples/ into a fresh store and returns its
// export records and the database path.
func exampleExport(t *testing.T) ([]map[string]any, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ex.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, filepath.Join("..", "..", "examples")); code != 0 {
		t.Fatalf("ingest examples: exit %d: %s", code, stderr)
	}
	_, out, _ := run(t, "", "export", "--db", db)
	return records(t, out), db
}

func str(v any) string {
	if v == nil {
		return "-"
	}
	switch x := v.(type) {
	case float64:
		return fmt.Sprint(int(x))
	case []any:
		var s []string
		for _, e := range x {
			s = append(s, str(e))
		}
		return strings.Join(s, ", ")
	}
	return fmt.Sprint(v)
}

// TestExamplesGolden pins what storyline finds in examples/: every
// report's metadata, every temporal expression, every quote with its
// speaker and group, the actors, duplicates, events and stories, and the
// story timeline.
func TestExamplesGolden(t *testing.T) {
	recs, db := exampleExport(t)
	origin := map[string]string{}
	for _, r := range recs {
		if r["type"] == "report" {
			origin[str(r["id"])] = str(r["origin"])
		}
	}
	var reports, timexes, quotes, actors, clusters []string
	for _, r := range recs {
		switch r["type"] {
		case "report":
			dup := str(r["duplicate_of"])
			if dup != "-" {
				dup = origin[dup]
			}
			reports = append(reports, fmt.Sprintf("%s | %s | published=%s | duplicate_of=%s", str(r["origin"]), str(r["title"]), str(r["published"]), dup))
		case "timex":
			timexes = append(timexes, fmt.Sprintf("%s %s-%s %q %s %s", str(r["origin"]), str(r["start"]), str(r["end"]), str(r["text"]), str(r["timex_type"]), str(r["value"])))
		case "quote":
			quotes = append(quotes, fmt.Sprintf("%s %s-%s %s cue=%q speaker_text=%q speaker=%s date=%s group=%s", str(r["origin"]), str(r["start"]), str(r["end"]), str(r["kind"]), str(r["cue"]), str(r["speaker_text"]), str(r["speaker"]), str(r["date"]), str(r["group"])))
		case "actor":
			actors = append(actors, fmt.Sprintf("%s %s (%s) aliases: %s; descriptors: %s", str(r["id"]), str(r["name"]), str(r["kind"]), str(r["aliases"]), str(r["descriptors"])))
		case "event", "story":
			var names []string
			for _, id := range r["reports"].([]any) {
				names = append(names, origin[str(id)])
			}
			slices.Sort(names)
			clusters = append(clusters, fmt.Sprintf("%s %s %q: %s", str(r["type"]), str(r["id"]), str(r["title"]), strings.Join(names, ", ")))
		}
	}
	_, timeline, _ := run(t, "", "timeline", "--db", db, "--width", "0")
	for _, g := range []struct{ name, body string }{
		{"examples.reports", strings.Join(reports, "\n")},
		{"examples.timexes", strings.Join(timexes, "\n")},
		{"examples.quotes", strings.Join(quotes, "\n")},
		{"examples.actors", strings.Join(actors, "\n")},
		{"examples.clusters", strings.Join(clusters, "\n")},
		{"examples.timeline", timeline},
	} {
		t.Run(g.name, func(t *testing.T) { checkGolden(t, g.name, g.body+"\n") })
	}
}

// TestIngestInTwoRuns checks that the cross-report stage, which takes the
// reports a run has just stored from memory and the others from the
// store, finds what one run over everything finds.
func TestIngestInTwoRuns(t *testing.T) {
	want, _ := exampleExport(t)
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "two.db")
	half := len(entries) / 2
	for _, part := range [][]os.DirEntry{entries[half:], entries[:half]} {
		args := []string{"ingest", "--db", db}
		for _, e := range part {
			args = append(args, filepath.Join("..", "..", "examples", e.Name()))
		}
		if code, _, stderr := run(t, "", args...); code != 0 {
			t.Fatalf("ingest: exit %d: %s", code, stderr)
		}
	}
	sameExport(t, db, want)
}

// sameExport checks that the export of db has the records of want.
func sameExport(t *testing.T, db string, want []map[string]any) {
	t.Helper()
	_, out, _ := run(t, "", "export", "--db", db)
	got := records(t, out)
	if len(got) != len(want) {
		t.Fatalf("export %d records, want %d", len(got), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			t.Fatalf("record %d differs:\n got: %s\nwant: %s", i, g, w)
		}
	}
}

// TestIngestSameFileTwice names one file twice in one run: the second
// copy is stored as unchanged, so the cross-report stage, which starts
// before the writer ends, must run again without it. The export is that
// of one copy.
func TestIngestSameFileTwice(t *testing.T) {
	want, _ := exampleExport(t)
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "twice.db")
	args := []string{"ingest", "--db", db}
	for _, e := range entries {
		args = append(args, filepath.Join("..", "..", "examples", e.Name()))
	}
	args = append(args, args[3])
	if code, _, stderr := run(t, "", args...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	sameExport(t, db, want)
}
