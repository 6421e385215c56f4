package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"storyline/internal/text"
)

// unlabeledFiles are the corpora in the shared data folder whose "text"
// fields feed the word clusters (their annotations are not used).
var unlabeledFiles = []string{
	"ecbplus/train.docs.jsonl",
	"ecbplus/dev.docs.jsonl",
	"gum/news.train.jsonl",
	"gum/news.dev.jsonl",
	"gum/interview.train.jsonl",
	"gum/interview.dev.jsonl",
	"meantime/train.docs.jsonl",
	"meantime/dev.docs.jsonl",
	"polnear/train.jsonl",
	"polnear/dev.jsonl",
	"tempeval3/aquaint.jsonl",
}

// ReadUnlabeled returns the tokenised sentences of the plain text in the
// shared data folder dir, for word clustering. Missing files are skipped.
func ReadUnlabeled(dir string) ([][]string, error) {
	var out [][]string
	for _, name := range unlabeledFiles {
		f, err := os.Open(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var rec struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				f.Close()
				return nil, fmt.Errorf("read %s: %w", name, err)
			}
			for _, s := range text.Split(rec.Text) {
				ws := make([]string, len(s.Tokens))
				for i, t := range s.Tokens {
					ws[i] = t.Text
				}
				out = append(out, ws)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	return out, nil
}
