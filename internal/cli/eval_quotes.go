package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/eval/quoteeval"
	"storyline/internal/quote"
	"storyline/internal/text"
)

// newEvalQuotesCmd scores quote extraction on a PolNeAR JSONL file.
func newEvalQuotesCmd(env Env) *cobra.Command {
	var outPath string
	cmd := &cobra.Command{
		Use:   "quotes FILE",
		Short: "Score quotation extraction and speakers on PolNeAR JSONL",
		Long: `quotes runs quote extraction on the text of each article of a PolNeAR JSONL
file and prints, as the last line of stdout, one JSON object with precision,
recall, F1, exact-span F1 and speaker accuracy for direct quotes and for all
attributions (plus cue F1). docs/quotes.md defines every figure. --out writes
the predictions as JSONL, one line per article, with UTF-8 byte offsets.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			arts, err := quoteeval.Read(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			var pred io.Writer
			if outPath != "" {
				of, err := os.Create(outPath)
				if err != nil {
					return fmt.Errorf("eval quotes: %w", err)
				}
				defer of.Close()
				pred = of
			}
			extract := func(t string) []storyline.Quote { return quote.Extract(t, text.Split(t), nil) }
			res, err := quoteeval.Run(arts, extract, pred)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			b, err := json.Marshal(res)
			if err != nil {
				return err
			}
			d, a := res.DirectCounts, res.AllCounts
			fmt.Fprintf(env.Stderr, "articles %d; direct: gold %d predicted %d matched %d; all: gold %d predicted %d matched %d\n",
				res.Articles, d.Gold, d.Pred, d.Matched, a.Gold, a.Pred, a.Matched)
			_, err = fmt.Fprintln(env.Stdout, string(b))
			return err
		},
	}
	cmd.Flags().StringVar(&outPath, "out", "", "write predictions as JSONL to this file")
	return cmd
}
