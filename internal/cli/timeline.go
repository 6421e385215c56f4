package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/timeline"
)

func newTimelineCmd(env Env) *cobra.Command {
	var db, format string
	var width int
	cmd := &cobra.Command{
		Use:   "timeline [--db FILE] [STORY]",
		Short: "Print a story's timeline: date, actor, what, source report",
		Long: `timeline prints who said what, and when, in one story: one row per
statement with a known speaker (the same statement carried by several
reports once), dated by the day the text says it was made, else by its
report's publication date (marked with ~). STORY is a story id from the
export; without it, the story with the most reports is shown.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			stories, err := st.Stories(ctx)
			if err != nil {
				return err
			}
			if len(stories) == 0 {
				return fmt.Errorf("timeline: no stories stored in %s (ingest reports first)", db)
			}
			var s *storyline.Story
			if len(args) == 1 {
				for i := range stories {
					if stories[i].ID == args[0] {
						s = &stories[i]
					}
				}
				if s == nil {
					return fmt.Errorf("timeline: no story %q in %s", args[0], db)
				}
			} else {
				s = &stories[0]
				for i := range stories {
					if len(stories[i].Reports) > len(s.Reports) {
						s = &stories[i]
					}
				}
			}
			var reports []*storyline.Analysis
			ids := slices.Clone(s.Reports)
			slices.Sort(ids)
			for _, id := range ids {
				a, err := st.Report(ctx, id)
				if err != nil {
					return fmt.Errorf("timeline: report %s: %w", id, err)
				}
				reports = append(reports, a)
			}
			actors, err := st.Actors(ctx)
			if err != nil {
				return err
			}
			names := make(map[string]string, len(actors))
			for _, a := range actors {
				names[a.ID] = a.Name
			}
			rows := timeline.Rows(reports, names)
			if format == "json" {
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				for _, r := range rows {
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
				return nil
			}
			fmt.Fprintf(env.Stdout, "%s  %s (%d reports)\n\n", s.ID, s.Title, len(s.Reports))
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tACTOR\tWHAT\tSOURCE")
			for _, r := range rows {
				date := r.Date
				if date == "" {
					date = "?"
				} else if !r.Dated {
					date = "~" + date
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", date, r.Actor, clip(r.What, width), r.Origin)
			}
			return tw.Flush()
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&format, "format", "table", "output: table or json (one row per line)")
	cmd.Flags().IntVar(&width, "width", 80, "clip the WHAT column to this many characters (0: no clipping)")
	return cmd
}

func clip(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
