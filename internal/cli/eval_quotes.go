package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/eval/quoteeval"
	"storyline/internal/quote"
	"storyline/internal/text"
)

// newEvalQuotesCmd scores quote extraction on a PolNeAR JSONL file.
func newEvalQuotesCmd(env Env) *cobra.Command {
	var outPath, by, clausePath string
	cmd := &cobra.Command{
		Use:   "quotes FILE",
		Short: "Score quotation extraction and speakers on PolNeAR JSONL",
		Long: `quotes runs quote extraction on the text of each article of a PolNeAR JSONL
file and prints, as the last line of stdout, one JSON object with precision,
recall, F1, exact-span F1 and speaker accuracy for direct quotes and for all
attributions (plus cue F1). docs/quotes.md defines every figure. --out writes
the predictions as JSONL, one line per article, with UTF-8 byte offsets.
--clause-model scores a clause model before it is shipped (or, with "none",
the rules without it).

On stderr it prints the counts behind the figures, --by annotator or --by
publisher splits them by the article's gold annotator or outlet, and on the
articles annotated by several people (PolNeAR's agreement study) it puts
the extractor beside the annotators: its F1 against each annotator, the
annotators' F1 against one another, and both against the consensus.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if by != "" && by != "annotator" && by != "publisher" {
				return fmt.Errorf("eval quotes: --by %q: want annotator or publisher", by)
			}
			arts, err := readPolNeAR("eval quotes", args[0])
			if err != nil {
				return err
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
			clauses := quote.DefaultClauseModel()
			switch clausePath {
			case "":
			case "none":
				clauses = nil
			default:
				f, err := os.Open(clausePath)
				if err != nil {
					return fmt.Errorf("eval quotes: %w", err)
				}
				clauses, err = quote.ReadClauseModel(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("eval quotes: %s: %w", clausePath, err)
				}
			}
			extract := func(t string) []storyline.Quote { return quote.ExtractWith(clauses, t, text.Split(t), nil) }
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
			switch by {
			case "annotator":
				printSplits(env.Stderr, "annotator", res.ByAnnotator)
			case "publisher":
				printSplits(env.Stderr, "publisher", res.ByPublisher)
			}
			printAgreement(env.Stderr, res.Agreement)
			_, err = fmt.Fprintln(env.Stdout, string(b))
			return err
		},
	}
	cmd.Flags().StringVar(&outPath, "out", "", "write predictions as JSONL to this file")
	cmd.Flags().StringVar(&clausePath, "clause-model", "", `clause model file to use instead of the embedded one (storyline train clauses), or "none" for the rules alone`)
	cmd.Flags().StringVar(&by, "by", "", "also print the figures split by annotator or publisher (stderr)")
	return cmd
}

// printSplits prints one line per annotator or publisher, in name order.
func printSplits(w io.Writer, what string, m map[string]*quoteeval.Split) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		sp := m[k]
		d, a := sp.Direct.Metrics(false), sp.All.Metrics(true)
		fmt.Fprintf(w, "%s %-12s articles %3d  direct gold %4d F1 %.3f speaker %.3f  all gold %5d F1 %.3f speaker %.3f\n",
			what, k, sp.Articles, sp.Direct.Gold, d.F1, d.SpeakerAccuracy, sp.All.Gold, a.F1, a.SpeakerAccuracy)
	}
}

// printAgreement prints the agreement-study comparison, when the corpus
// has articles annotated by several people.
func printAgreement(w io.Writer, g quoteeval.Agreement) {
	if g.Articles == 0 {
		return
	}
	for _, x := range []struct {
		name string
		c    quoteeval.AgreementCounts
	}{{"direct", g.Direct}, {"all", g.All}} {
		fmt.Fprintf(w, "agreement study, %d articles, %s F1: extractor vs each annotator %.3f, annotators pairwise %.3f; vs consensus: extractor %.3f, annotators %.3f\n",
			g.Articles, x.name, x.c.OursVsEach.Metrics(false).F1, x.c.Pairwise.Metrics(false).F1,
			x.c.OursVsConsensus.Metrics(false).F1, x.c.EachVsConsensus.Metrics(false).F1)
	}
}

// readPolNeAR reads the articles of a PolNeAR JSONL file for the command
// named what; an error names the file and the reason, and a file with no
// article is one.
func readPolNeAR(what, path string) ([]quoteeval.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	arts, err := quoteeval.Read(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", what, path, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%s: %s: no articles (want PolNeAR JSONL, one article per line)", what, path)
	}
	return arts, nil
}
