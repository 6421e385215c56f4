package cli

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"storyline/internal/eval/conlleval"
	"storyline/internal/ner"
)

func newEvalNERCmd(env Env) *cobra.Command {
	var predOut, modelPath string
	cmd := &cobra.Command{
		Use:   "ner FILE",
		Short: "Score the entity tagger on a CoNLL-2003 file (conlleval definitions)",
		Long: `ner tags each document of a CoNLL-format file (token first, entity tag last,
-DOCSTART- lines between documents, IOB1 or IOB2) from its tokens alone and
prints, as its last line, one JSON object with micro-averaged precision,
recall and F1 and the same per type: an entity counts only when its span and
type both match. --out writes the input again with the predicted IOB2 tag
appended to every token line.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file, err := readConll(args[0])
			if err != nil {
				return err
			}
			var t *ner.Tagger
			if modelPath != "" {
				f, err := os.Open(modelPath)
				if err != nil {
					return err
				}
				t, err = ner.Read(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("eval ner: %s: %w", modelPath, err)
				}
			} else if t, err = ner.Load(); err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			var sc conlleval.Scorer
			pred := make([][][]string, len(file.Docs))
			for di, d := range file.Docs {
				sents := make([][]string, len(d.Sentences))
				for si, s := range d.Sentences {
					sents[si] = s.Tokens
				}
				pred[di] = t.TagDocument(sents)
				for si, s := range d.Sentences {
					sc.Add(s.Tags, pred[di][si])
				}
			}
			if predOut != "" {
				f, err := os.Create(predOut)
				if err != nil {
					return err
				}
				if err := file.WritePredictions(f, pred); err != nil {
					f.Close()
					return fmt.Errorf("eval ner: write %s: %w", predOut, err)
				}
				if err := f.Close(); err != nil {
					return err
				}
			}
			b, err := json.Marshal(sc.Result("ner", "PER", "ORG", "LOC", "MISC"))
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(env.Stdout, string(b))
			return err
		},
	}
	cmd.Flags().StringVar(&predOut, "out", "", "write the input with a predicted IOB2 column appended")
	cmd.Flags().StringVar(&modelPath, "model", "", "score this model file instead of the embedded one")
	return cmd
}
