package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTagDocs reads testdata/tags.txt: one token per line, a blank line
// between sentences, "===" between documents, "#" lines are comments.
func readTagDocs(t *testing.T) [][][]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "tags.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var docs [][][]string
	var doc [][]string
	var sent []string
	endSent := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "":
			endSent()
		case line == "===":
			endSent()
			docs = append(docs, doc)
			doc = nil
		default:
			sent = append(sent, line)
		}
	}
	endSent()
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	return docs
}

// TestTagsGolden pins the IOB2 tags of a few hand-written documents that
// touch every feature family (ALL-CAPS and Title Case headlines, a topic
// line, a table row, respelling, digits, non-ASCII words), so that speed
// work on the tagger cannot change its output unnoticed. -update rewrites
// testdata/tags.golden.
func TestTagsGolden(t *testing.T) {
	tg := loadT(t)
	var buf bytes.Buffer
	for _, doc := range readTagDocs(t) {
		tags := tg.TagDocument(doc)
		for si, s := range doc {
			for i, w := range s {
				buf.WriteString(w + " " + tags[si][i] + "\n")
			}
			buf.WriteString("\n")
		}
		buf.WriteString("===\n")
	}
	checkGolden(t, "tags.golden", buf.Bytes())
}

// checkGolden compares got with testdata/name, which -update rewrites.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update and review the diff):\n%s", golden, got)
	}
}
