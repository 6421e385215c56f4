package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"storyline/internal/export"
)

func newExportCmd(env Env) *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "export [--db FILE] --format jsonl",
		Short: "Write everything stored as JSONL on stdout",
		Long: `export writes the store's records on stdout, one JSON object per line,
each with a "type" field: report, mention, quote, timex, position, actor,
event, story. Byte offsets (start, end) index the report's "text".
docs/export.md describes every field. The output depends only on what is
stored: exporting the same store twice gives the same bytes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" {
				return fmt.Errorf("export: unknown format %q (known: jsonl)", format)
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			var extra export.Extra
			if extra.Actors, err = st.Actors(ctx); err != nil {
				return err
			}
			if extra.Events, err = st.Events(ctx); err != nil {
				return err
			}
			if extra.Stories, err = st.Stories(ctx); err != nil {
				return err
			}
			return export.JSONL(ctx, st, extra, env.Stdout)
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl")
	return cmd
}
