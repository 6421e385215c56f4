package cli

import (
	"fmt"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/ingest"
	"storyline/internal/langid"
	"storyline/internal/pipeline"
	"storyline/internal/store"
)

func newIngestCmd(env Env) *cobra.Command {
	var (
		db      string
		quiet   bool
		verbose bool
		workers int
		maxSize int64
	)
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] PATH...",
		Short: "Read reports into the store, cleaned and analysed",
		Long: `ingest reads reports and stores them, cleaned and analysed.

PATH may be a file, a directory (read recursively, hidden files skipped) or
"-" for standard input. Formats, by extension:
  .txt, .md      one plain report; a leading short line is its title
  .html, .htm    a web page; its main text and metadata are extracted
  .jsonl         one report per line: {"id","url","source","title",
                 "published" (RFC 3339 or YYYY-MM-DD), "text" or "html"}
Files with other extensions are read as HTML or text by their content.

On a terminal, a progress bar and a summary line go to stderr; otherwise
ingest prints nothing but problems (and the summary with --verbose).

A file that cannot be read (invalid UTF-8 that cannot be repaired, binary,
empty, over the size limit, a broken JSONL line) is named on stderr with its
reason and skipped; the rest is stored and the exit status is 1.
Re-ingesting is idempotent: the same report (same URL or file, same content)
changes nothing; the same URL or file with new content replaces it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			defer pipeline.BatchGC(ctx)()
			// The entity model loads while the store opens.
			loaded := pipeline.Go(newAnalyser)
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			src := &ingest.Source{Paths: args, Stdin: env.Stdin, MaxSize: maxSize}
			var bar *progressbar.ProgressBar
			if env.IsTerminal && !quiet {
				if files := src.Files(); len(files) > 1 {
					bar = progressbar.NewOptions(len(files),
						progressbar.OptionSetWriter(env.Stderr),
						progressbar.OptionSetDescription("ingest"),
						progressbar.OptionShowCount(),
						progressbar.OptionClearOnFinish(),
						progressbar.OptionThrottle(100_000_000))
				}
			}
			analyser, err := loaded()
			if err != nil {
				return err
			}
			cfg := pipeline.Config{
				Workers:  workers,
				Language: langid.New(),
				Analyser: analyser,
				OnFailure: func(f *ingest.Failure) {
					if bar != nil {
						bar.Clear()
					}
					fmt.Fprintf(env.Stderr, "storyline: skipped %s: %v\n", f.Name, f.Err)
				},
				OnWarning: func(msg string) {
					if !quiet {
						fmt.Fprintf(env.Stderr, "storyline: warning: %s\n", msg)
					}
				},
				OnFile: func(string) {
					if bar != nil {
						bar.Add(1)
					}
				},
				OnStored: func(*storyline.Report, store.Outcome) {},
			}
			stats, tRun, ct, err := ingestAll(ctx, st, src, cfg)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				return err
			}
			if !quiet && (env.IsTerminal || verbose) {
				fmt.Fprintf(env.Stderr, "storyline: %d added, %d replaced, %d unchanged, %d failed (%s)\n",
					stats.Added, stats.Replaced, stats.Unchanged, stats.Failed, db)
			}
			if verbose {
				fmt.Fprintf(env.Stderr, "storyline: %.2f s reading, analysing and storing (store writes %.2f s); across reports (begun beside the last writes): load %.2f s, resolve %.2f s, save %.2f s\n",
					tRun.Seconds(), stats.Store.Seconds(), ct.Load.Seconds(), ct.Resolve.Seconds(), ct.Save.Seconds())
			}
			if stats.Failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors (no progress bar, no summary)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print a summary line even when stderr is not a terminal")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis workers (0: one per CPU)")
	cmd.Flags().Int64Var(&maxSize, "max-size", ingest.DefaultMaxSize, "largest file or JSONL line read, in bytes")
	return cmd
}
