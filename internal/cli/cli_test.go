package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line in-process and returns its exit status and
// what it printed.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func records(t *testing.T, jsonl string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("export line is not JSON: %v: %s", err, sc.Text())
		}
		recs = append(recs, m)
	}
	return recs
}

func seedsDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present: real-report checks skipped")
	}
	return dir
}

func TestIngestExportSeeds(t *testing.T) {
	seeds := seedsDir(t)
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := run(t, "", "ingest", "--db", db, seeds)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	code, first, stderr := run(t, "", "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	var reports []map[string]any
	for _, r := range records(t, first) {
		if r["type"] == "report" {
			reports = append(reports, r)
		}
	}
	if len(reports) != 5 {
		t.Fatalf("%d report records, want 5", len(reports))
	}
	for _, r := range reports {
		text := r["text"].(string)
		for _, noise := range []string{"Today", "--RTC", "Home", "Share"} {
			if strings.HasSuffix(text, noise) {
				t.Errorf("%s: text ends with %q", r["origin"], noise)
			}
		}
		for _, f := range []string{"id", "origin", "title", "published", "language", "text", "duplicate_of"} {
			if _, ok := r[f]; !ok {
				t.Errorf("%s: report record has no %q", r["origin"], f)
			}
		}
		if r["origin"] == "002_5302ef9ff5af7681.txt" && r["published"] != "2025-02-27" {
			t.Errorf("002: published %v, want 2025-02-27", r["published"])
		}
		if r["language"] != "en" {
			t.Errorf("%s: language %v", r["origin"], r["language"])
		}
	}
	// Ingesting again changes nothing.
	if code, _, stderr := run(t, "", "ingest", "--db", db, seeds); code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, stderr)
	}
	_, second, _ := run(t, "", "export", "--db", db)
	if first != second {
		t.Error("export changed after ingesting the same reports again")
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good1.txt", []byte("Strait talks resume in Selm\nNegotiators from Varnia met their counterparts on Tuesday.\n"))
	write("good2.md", []byte("# Council sends observers\n\nThe Northern Maritime Council said it would send observers.\n"))
	write("invalid.txt", []byte("Varnia \xff\xfe\xfd said \xc3\x28 nothing"))
	write("empty.txt", nil)
	write("binary.dat", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0})
	big, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Repeat([]byte("The talks went on. "), 1000)
	for size := 0; size < 60<<20; size += len(line) {
		big.Write(line)
	}
	big.Close()
	write("feed.jsonl", []byte(`{"id":"j1","source":"Harbour Post","title":"Fleet stays in port","published":"2026-03-05","text":"The fishing fleet stayed in port on Thursday."}
{"id":"j2","source":"Harbour Post","title":"Cut off","text":"The council met on Fri`))

	db := filepath.Join(t.TempDir(), "s.db")
	// Something stored before must survive a bad run.
	if code, _, stderr := run(t, "First report\nThe fleet left port.", "ingest", "--db", db, "-"); code != 0 {
		t.Fatalf("stdin ingest: %d %s", code, stderr)
	}
	code, _, stderr := run(t, "Earlier report\nThe mediator arrived in Selm.", "ingest", "--db", db, "--quiet", dir, "-")
	if code == 0 {
		t.Fatal("exit status 0 with bad files")
	}
	for name, reason := range map[string]string{
		"invalid.txt":  "invalid UTF-8",
		"empty.txt":    "empty",
		"binary.dat":   "binary",
		"huge.txt":     "over the",
		"feed.jsonl:2": "invalid JSON",
	} {
		found := false
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, name) && strings.Contains(l, reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("stderr does not name %s with %q:\n%s", name, reason, stderr)
		}
	}
	_, out, _ := run(t, "", "export", "--db", db)
	origins := map[string]bool{}
	for _, r := range records(t, out) {
		if r["type"] == "report" {
			origins[r["origin"].(string)] = true
		}
	}
	for _, o := range []string{"good1.txt", "good2.md", "feed.jsonl", "-"} {
		if !origins[o] {
			t.Errorf("report from %s not stored; stored: %v", o, origins)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"ingest", "--help"}, {"export", "--help"}, {"eval", "--help"}, {"train", "--help"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	code, _, stderr := run(t, "", "export", "--db", filepath.Join(t.TempDir(), "x.db"), "--format", "xml")
	if code == 0 || !strings.Contains(stderr, "unknown format") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestEvalQuotesBy(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	line := `{"id":"a","text":"Ann said: \"We won.\" Bo said: \"No.\"","annotator":"x1","meta":{"publisher":"nyt"},` +
		`"attributions":[{"source":[{"bspan":[0,3]}],"cue":[{"bspan":[4,8]}],"content":[{"bspan":[10,19]}]}],` +
		`"alt_annotations":{"x2":{"attributions":[{"content":[{"bspan":[10,19]}]},{"content":[{"bspan":[29,34]}]}]}}}` + "\n"
	if err := os.WriteFile(corpus, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		by       string
		code     int
		inStderr []string
	}{
		{"annotator", 0, []string{"annotator x1", "agreement study, 1 articles, direct F1"}},
		{"publisher", 0, []string{"publisher nyt", "annotators pairwise 0.667"}},
		{"outlet", 1, []string{`--by "outlet"`}},
	}
	for _, tt := range tests {
		code, out, stderr := run(t, "", "eval", "quotes", corpus, "--by", tt.by)
		if code != tt.code {
			t.Errorf("--by %s: exit %d, stderr %q", tt.by, code, stderr)
		}
		for _, s := range tt.inStderr {
			if !strings.Contains(stderr, s) {
				t.Errorf("--by %s: stderr lacks %q: %q", tt.by, s, stderr)
			}
		}
		if code == 0 {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			var res map[string]any
			if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil || res["task"] != "quotes" {
				t.Errorf("--by %s: last line %q is not the result (%v)", tt.by, lines[len(lines)-1], err)
			}
		}
	}
}

// TestEvalQuotesBadInput: a file that is no PolNeAR JSONL is an error
// that names the file and the reason.
func TestEvalQuotesBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, content, reason string }{
		{"broken.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{not json\n", "line 2"},
		{"empty.jsonl", "\n\n", "no articles"},
		{"span.jsonl", `{"id":"a","text":"Ann said so.","attributions":[{"content":[{"bspan":[4,99]}]}]}` + "\n", "(a)"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, "", "eval", "quotes", path)
		if code == 0 || !strings.Contains(stderr, path) || !strings.Contains(stderr, tt.reason) {
			t.Errorf("%s: exit %d, stderr %q; want an error naming the file and %q", tt.name, code, stderr, tt.reason)
		}
	}
	code, _, stderr := run(t, "", "eval", "quotes", filepath.Join(dir, "missing.jsonl"))
	if code == 0 || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
}

// TestTrainCues trains the cue lexicon on two hand-made articles whose
// counts are known: "said" is a cue twice in three uses ("The said notice"
// is none), twice before a plain word of which once a cue, and "warned"
// twice in three; pairs seen once are dropped.
func TestTrainCues(t *testing.T) {
	dir := t.TempDir()
	type piece struct {
		Bspan [2]int `json:"bspan"`
	}
	type attribution struct {
		Cue []piece `json:"cue"`
	}
	var jsonl strings.Builder
	for i, a := range []struct {
		text string
		cues []string
	}{
		{"Ann said the quay would close. Bob said nothing. The said notice was read.", []string{"Ann said", "Bob said"}},
		{"Ann warned the docks. Ann warned again. The docks were warned.", []string{"Ann warned", "Ann warned again"}},
	} {
		var ats []attribution
		from := 0
		for _, c := range a.cues {
			k := strings.Index(a.text[from:], c) + from + strings.Index(c, " ") + 1
			e := k + strings.IndexAny(a.text[k:], " .")
			ats = append(ats, attribution{Cue: []piece{{Bspan: [2]int{k, e}}}})
			from = e
		}
		line, err := json.Marshal(map[string]any{"id": fmt.Sprint(i), "text": a.text, "attributions": ats})
		if err != nil {
			t.Fatal(err)
		}
		jsonl.Write(line)
		jsonl.WriteByte('\n')
	}
	data, out := filepath.Join(dir, "train.jsonl"), filepath.Join(dir, "cues.tsv")
	if err := os.WriteFile(data, []byte(jsonl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "train", "cues", "--data", data, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "said\t2\t3\nsaid|w\t1\t2\nwarned\t2\t3\n"; string(got) != want {
		t.Errorf("lexicon:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(stdout, "2 articles, 4 cue pieces, 3 entries") {
		t.Errorf("stdout %q", stdout)
	}
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, []byte("\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "", "train", "cues", "--data", empty, "--out", out); code == 0 || !strings.Contains(stderr, empty) {
		t.Errorf("empty file: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := run(t, "", "train", "cues", "--out", out); code == 0 {
		t.Error("no --data: exit 0")
	}
}

// TestTrainCuesReproducesModel retrains the cue lexicon on PolNeAR train
// and wants the bytes the quote package embeds.
func TestTrainCuesReproducesModel(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "polnear", "train.jsonl")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("PolNeAR train not found at %s (../shared beside the repo): %v", data, err)
	}
	out := filepath.Join(t.TempDir(), "cues.tsv")
	if code, _, stderr := run(t, "", "train", "cues", "--data", data, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "quote", "cues.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained lexicon (%d bytes) differs from internal/quote/cues.tsv (%d bytes); retrain with: storyline train cues --data %s --out internal/quote/cues.tsv", len(got), len(want), data)
	}
}

// TestTrainClausesReproducesModel retrains the clause model on PolNeAR
// train and wants the bytes the quote package embeds.
func TestTrainClausesReproducesModel(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "polnear", "train.jsonl")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("PolNeAR train not found at %s (../shared beside the repo): %v", data, err)
	}
	out := filepath.Join(t.TempDir(), "clauses.tsv")
	if code, _, stderr := run(t, "", "train", "clauses", "--data", data, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "quote", "clauses.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained clause model (%d bytes) differs from internal/quote/clauses.tsv (%d bytes); retrain with: storyline train clauses --data %s --out internal/quote/clauses.tsv", len(got), len(want), data)
	}
	if code, _, _ := run(t, "", "train", "clauses", "--out", out); code == 0 {
		t.Error("no --data: exit 0")
	}
}
