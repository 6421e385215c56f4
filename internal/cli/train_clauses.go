package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/quote"
)

func newTrainClausesCmd(env Env) *cobra.Command {
	var data, out string
	var threshold float64
	cmd := &cobra.Command{
		Use:   "clauses --data FILE --out FILE",
		Short: "Train the quote extractor's clause model on PolNeAR JSONL",
		Long: `clauses trains the model that finds reported speech the extractor's rules
miss: it runs the rules over each article of a PolNeAR JSONL file (the train
split), takes every word left outside quotations whose cue rate reaches the
model's minimum as a candidate, labels it by whether its clause matches an
annotated attribution no rule quote found, and fits a logistic model to the
candidates' features. The same file gives the same bytes. To ship a model,
write it to internal/quote/clauses.tsv and rebuild; docs/quotes.md says how
it is used.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return fmt.Errorf("train clauses: --data and --out are required")
			}
			arts, err := readPolNeAR("train clauses", data)
			if err != nil {
				return err
			}
			docs := make([]quote.TrainDoc, 0, len(arts))
			for _, a := range arts {
				d := quote.TrainDoc{Text: a.Text}
				for _, at := range a.Attributions {
					if len(at.Content) == 0 {
						continue
					}
					ta := quote.TrainAttribution{Content: storyline.Span{Start: at.Content[0].Start, End: at.Content[0].End}}
					for _, p := range at.Content {
						ta.Content.Start = min(ta.Content.Start, p.Start)
						ta.Content.End = max(ta.Content.End, p.End)
					}
					for _, c := range at.Cue {
						ta.Cues = append(ta.Cues, storyline.Span{Start: c.Start, End: c.End})
					}
					d.Attributions = append(d.Attributions, ta)
				}
				docs = append(docs, d)
			}
			m, st := quote.TrainClauseModel(docs)
			m.Threshold = threshold
			n, err := writeModel("train clauses", out, m.Write)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "wrote %s: %d articles, %d candidates (%d positive), %d lines\n",
				out, len(arts), st.Candidates, st.Positives, n)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR JSONL file to train on (the train split)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write (TSV)")
	cmd.Flags().Float64Var(&threshold, "threshold", quote.ClauseThreshold, "least score of a clause the model reports (written into the model file)")
	return cmd
}
