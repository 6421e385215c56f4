package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"storyline/internal/actor"
	"storyline/internal/eval/corefeval"
	"storyline/internal/story"
)

func newEvalCorefCmd(env Env) *cobra.Command {
	var kind, out, groups, wideGroups string
	cmd := &cobra.Command{
		Use:   "coref DOCS MENTIONS",
		Short: "Score cross-document coreference on ECB+ or MEANTIME (MUC, B3, CEAF-e, CoNLL F1)",
		Long: `coref clusters the gold mentions of a corpus across all its documents with
the actor resolver (documents are first grouped into stories, then entities
are linked inside each group) and scores the clusters against the gold
chains with MUC, B-cubed and CEAF-e, singletons included. On corpora with
selected sentences (ECB+) only the mentions in them are scored.

The last line of stdout is {"task":"coref","kind":..,"muc_f1":..,
"b3_f1":..,"ceafe_f1":..,"conll_f1":..}. With --out PRED one JSONL line per
clustered mention, {"mention_id":..,"cluster":..}, is written to PRED.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if kind != "entity" && kind != "event" {
				return fmt.Errorf("eval coref: --kind must be entity or event, not %q", kind)
			}
			docs, err := corefeval.ReadDocs(args[0])
			if err != nil {
				return fmt.Errorf("eval coref: %w", err)
			}
			all, err := corefeval.ReadMentions(args[1])
			if err != nil {
				return fmt.Errorf("eval coref: %w", err)
			}
			ms := corefeval.Select(all, kind)
			group, err := docGroups(docs, groups)
			if err != nil {
				return fmt.Errorf("eval coref: %w", err)
			}
			wide, err := docGroups(docs, wideGroups)
			if err != nil {
				return fmt.Errorf("eval coref: %w", err)
			}
			refs := make([]actor.Ref, len(ms))
			for i, m := range ms {
				class, sub := actor.CorpusClass(m.Type)
				refs[i] = actor.Ref{ID: m.ID, Doc: m.Doc, Group: group[m.Doc], Sentence: m.Sentence,
					Start: m.Start, End: m.End, Text: m.Text, Class: class, Sub: sub, Wide: wide[m.Doc]}
			}
			var labels []int
			if kind == "entity" {
				texts := make(map[string]string, len(docs))
				for _, d := range docs {
					texts[d.ID] = d.Text
				}
				labels = actor.Cluster(refs, texts, actor.DefaultOptions())
			} else {
				labels = actor.ClusterEvents(refs)
			}
			key := make(map[string]string, len(ms))
			resp := make(map[string]string, len(ms))
			for i, m := range ms {
				key[m.ID] = m.Chain
				resp[m.ID] = strconv.Itoa(labels[i])
			}
			if out != "" {
				if err := writePred(out, ms, labels); err != nil {
					return fmt.Errorf("eval coref: %w", err)
				}
			}
			r := corefeval.Score(key, resp)
			fmt.Fprintf(env.Stderr, "mentions %d, gold clusters %d, predicted %d\n", r.Mentns, r.Keys, r.Resps)
			fmt.Fprintf(env.Stderr, "MUC   P %.4f R %.4f F %.4f\nB3    P %.4f R %.4f F %.4f\nCEAFe P %.4f R %.4f F %.4f\n",
				r.MUC.Precision, r.MUC.Recall, r.MUC.F1, r.B3.Precision, r.B3.Recall, r.B3.F1,
				r.CEAFe.Precision, r.CEAFe.Recall, r.CEAFe.F1)
			line, err := json.Marshal(struct {
				Task   string  `json:"task"`
				Kind   string  `json:"kind"`
				MUCF1  float64 `json:"muc_f1"`
				B3F1   float64 `json:"b3_f1"`
				CEAFF1 float64 `json:"ceafe_f1"`
				CoNLL  float64 `json:"conll_f1"`
				MUCP   float64 `json:"muc_precision"`
				MUCR   float64 `json:"muc_recall"`
				B3P    float64 `json:"b3_precision"`
				B3R    float64 `json:"b3_recall"`
				CEAFP  float64 `json:"ceafe_precision"`
				CEAFR  float64 `json:"ceafe_recall"`
				N      int     `json:"mentions"`
			}{"coref", kind, round4(r.MUC.F1), round4(r.B3.F1), round4(r.CEAFe.F1), round4(r.CoNLL),
				round4(r.MUC.Precision), round4(r.MUC.Recall), round4(r.B3.Precision), round4(r.B3.Recall),
				round4(r.CEAFe.Precision), round4(r.CEAFe.Recall), r.Mentns})
			if err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, string(line))
			return nil
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "entity", "mention kind to cluster: entity or event")
	cmd.Flags().StringVar(&out, "out", "", "write one JSONL line per mention with its predicted cluster to this file")
	cmd.Flags().StringVar(&wideGroups, "wide-groups", "all", "coarser document groups inside which names may link (same values)")
	cmd.Flags().StringVar(&groups, "doc-groups", "story", "how documents are grouped before linking: story (predicted, online), all (one group), topic (gold topic; diagnosis only)")
	return cmd
}

func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

func writePred(path string, ms []corefeval.Mention, labels []int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i, m := range ms {
		b, _ := json.Marshal(struct {
			ID      string `json:"mention_id"`
			Cluster string `json:"cluster"`
		}{m.ID, "c" + strconv.Itoa(labels[i])})
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// docGroups assigns every document a group within which entities may be
// linked across documents.
func docGroups(docs []corefeval.Doc, mode string) (map[string]string, error) {
	g := make(map[string]string, len(docs))
	switch mode {
	case "all":
		for _, d := range docs {
			g[d.ID] = "all"
		}
	case "topic", "subtopic":
		for _, d := range docs {
			g[d.ID] = d.Topic
			if mode == "subtopic" {
				g[d.ID] = d.Subtopic
			}
		}
	case "story", "event":
		stories, events := clusterDocs(docs, story.DefaultOptions())
		for i, d := range docs {
			g[d.ID] = stories[i]
			if mode == "event" {
				g[d.ID] = events[i]
			}
		}
	default:
		return nil, fmt.Errorf("unknown --doc-groups %q", mode)
	}
	return g, nil
}
