package actor_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"storyline/internal/actor"
	"storyline/internal/eval/corefeval"
)

// TestClusterSharedData scores Cluster on the dev files of ../shared with
// all documents in one group (no story clusterer), as a floor against
// regressions. `storyline eval coref` groups documents by story first and
// scores higher (docs/coref.md).
func TestClusterSharedData(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared not present")
	}
	tests := []struct {
		corpus string
		floor  float64
	}{
		{"ecbplus", 0.72},
		{"meantime", 0.65},
	}
	for _, tc := range tests {
		t.Run(tc.corpus, func(t *testing.T) {
			docs, err := corefeval.ReadDocs(filepath.Join(root, tc.corpus, "dev.docs.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			all, err := corefeval.ReadMentions(filepath.Join(root, tc.corpus, "dev.mentions.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			ms := corefeval.Select(all, "entity")
			texts := map[string]string{}
			for _, d := range docs {
				texts[d.ID] = d.Text
			}
			refs := make([]actor.Ref, len(ms))
			for i, m := range ms {
				class, sub := actor.CorpusClass(m.Type)
				refs[i] = actor.Ref{ID: m.ID, Doc: m.Doc, Group: "all", Sentence: m.Sentence, Start: m.Start, End: m.End,
					Text: m.Text, Class: class, Sub: sub}
			}
			labels := actor.Cluster(refs, texts, actor.DefaultOptions())
			key, resp := map[string]string{}, map[string]string{}
			for i, m := range ms {
				key[m.ID], resp[m.ID] = m.Chain, strconv.Itoa(labels[i])
			}
			r := corefeval.Score(key, resp)
			t.Logf("%s dev, one group: MUC %.4f B3 %.4f CEAFe %.4f CoNLL %.4f", tc.corpus, r.MUC.F1, r.B3.F1, r.CEAFe.F1, r.CoNLL)
			if r.CoNLL < tc.floor {
				t.Errorf("CoNLL F1 %.4f, want at least %.2f", r.CoNLL, tc.floor)
			}
		})
	}
}
