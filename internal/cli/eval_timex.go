package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"storyline/internal/eval/timexeval"
	"storyline/internal/timex"
)

// newEvalTimexCmd scores the temporal expression tagger on TempEval-3.
func newEvalTimexCmd(env Env) *cobra.Command {
	var out string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   "timex FILE",
		Short: "Score temporal expressions on TempEval-3 (Task A)",
		Long: `timex reads the TempEval-3 JSONL of ../shared/data/tempeval3, tags each
document's text anchored on its dct.value and prints the TempEval-3 Task A
figures (strict and relaxed extent P/R/F1, value F1, type accuracy) as one
JSON object on the last line of stdout. docs/timex.md defines them.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			docs, err := timexeval.Read(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("read %s: %w", args[0], err)
			}
			var pw *bufio.Writer
			if out != "" {
				of, err := os.Create(out)
				if err != nil {
					return err
				}
				defer of.Close()
				pw = bufio.NewWriter(of)
			}
			var c timexeval.Counts
			for _, d := range docs {
				dct, err := timexeval.ParseDCT(d.DCT)
				if err != nil {
					return fmt.Errorf("%s: %w", d.ID, err)
				}
				found := timex.Extract(d.Text, dct)
				sys := make([]timexeval.Timex, len(found))
				for k, t := range found {
					sys[k] = timexeval.Timex{Start: t.Span.Start, End: t.Span.End, Type: string(t.Type), Value: t.Value}
				}
				c.Add(d.Timexes, sys)
				if showErrors {
					timexeval.WriteErrors(env.Stderr, d, sys)
				}
				if pw != nil {
					b, err := json.Marshal(struct {
						ID      string            `json:"id"`
						Timexes []timexeval.Timex `json:"timexes"`
					}{d.ID, sys})
					if err != nil {
						return err
					}
					pw.Write(b)
					pw.WriteByte('\n')
				}
			}
			if pw != nil {
				if err := pw.Flush(); err != nil {
					return fmt.Errorf("write %s: %w", out, err)
				}
			}
			fmt.Fprintf(env.Stdout, "docs %d gold %d system %d\n", len(docs), c.Gold, c.System)
			b, err := json.Marshal(c.Scores())
			if err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, string(b))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write the predictions as JSONL to `PRED`")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list missed, spurious and wrongly valued timexes on stderr")
	return cmd
}
