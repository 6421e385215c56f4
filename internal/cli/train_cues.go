package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/quote"
)

func newTrainCuesCmd(env Env) *cobra.Command {
	var data, out string
	cmd := &cobra.Command{
		Use:   "cues --data FILE --out FILE",
		Short: "Train the quote extractor's cue lexicon on PolNeAR JSONL",
		Long: `cues counts, over the articles of a PolNeAR JSONL file (the train split), how
often each word outside quote marks falls inside an annotated cue, alone and
with the class of the token after it, and writes the lexicon as TSV. The
same file gives the same bytes. To ship a lexicon, write it to
internal/quote/cues.tsv and rebuild; docs/quotes.md says how it is used.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return fmt.Errorf("train cues: --data and --out are required")
			}
			arts, err := readPolNeAR("train cues", data)
			if err != nil {
				return err
			}
			docs := make([]quote.TrainDoc, 0, len(arts))
			cues := 0
			for _, a := range arts {
				d := quote.TrainDoc{Text: a.Text}
				for _, at := range a.Attributions {
					for _, c := range at.Cue {
						d.Cues = append(d.Cues, storyline.Span{Start: c.Start, End: c.End})
					}
				}
				cues += len(d.Cues)
				docs = append(docs, d)
			}
			n, err := writeModel("train cues", out, quote.TrainCues(docs).Write)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "wrote %s: %d articles, %d cue pieces, %d entries\n", out, len(arts), cues, n)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR JSONL file to count cues in (the train split)")
	cmd.Flags().StringVar(&out, "out", "", "lexicon file to write (TSV)")
	return cmd
}

// writeModel writes a trained model to file out through write and
// returns its number of lines; errors name the command what.
func writeModel(what, out string, write func(io.Writer) error) (int, error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	return bytes.Count(buf.Bytes(), []byte("\n")), nil
}
