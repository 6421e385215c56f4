package corefeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Doc is one document of an ECB+ or MEANTIME docs file, reduced to what
// coreference and clustering need.
type Doc struct {
	Corpus            string   `json:"corpus"`
	ID                string   `json:"doc_id"`
	Topic             string   `json:"topic"`
	Subtopic          string   `json:"subtopic"`
	StoryID           string   `json:"story_id"`
	Title             string   `json:"title"`
	Date              string   `json:"date"`
	Text              string   `json:"text"`
	Sentences         [][2]int `json:"sentences"`
	Tokens            [][2]int `json:"tokens"`
	SelectedSentences []int    `json:"selected_sentences"`
}

// Mention is one annotated mention of a mentions file.
type Mention struct {
	ID         string            `json:"mention_id"`
	Doc        string            `json:"doc_id"`
	Kind       string            `json:"kind"`
	Class      string            `json:"class"`
	Type       string            `json:"type"`
	TokenIDs   []int             `json:"token_ids"`
	Sentence   int               `json:"sentence"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Text       string            `json:"text"`
	Chain      string            `json:"chain_id"`
	Selected   *bool             `json:"in_selected_sentence"`
	Attrs      map[string]string `json:"-"`
	SynType    string            `json:"-"`
	RawAttrs   json.RawMessage   `json:"attrs"`
	Discontig  bool              `json:"discontinuous"`
	ChainScope string            `json:"chain_scope"`
}

// ReadDocs reads a docs JSONL file.
func ReadDocs(path string) ([]Doc, error) {
	var docs []Doc
	err := readJSONL(path, func(line []byte) error {
		var d Doc
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ReadMentions reads a mentions JSONL file.
func ReadMentions(path string) ([]Mention, error) {
	var ms []Mention
	err := readJSONL(path, func(line []byte) error {
		var m Mention
		if err := json.Unmarshal(line, &m); err != nil {
			return err
		}
		if len(m.RawAttrs) > 0 && string(m.RawAttrs) != "null" {
			var a map[string]any
			if err := json.Unmarshal(m.RawAttrs, &a); err == nil {
				m.Attrs = map[string]string{}
				for k, v := range a {
					if s, ok := v.(string); ok {
						m.Attrs[k] = s
					}
				}
				m.SynType = m.Attrs["syntactic_type"]
			}
		}
		ms = append(ms, m)
		return nil
	})
	return ms, err
}

func readJSONL(path string, each func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return scanJSONL(f, path, each)
}

func scanJSONL(r io.Reader, name string, each func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		if err := each(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// Select returns the mentions of the given kind that the standard
// evaluation scores: on corpora with selected sentences (ECB+), only the
// mentions inside them.
func Select(ms []Mention, kind string) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Kind != kind {
			continue
		}
		if m.Selected != nil && !*m.Selected {
			continue
		}
		out = append(out, m)
	}
	return out
}
