package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until its issue lands: it exists so the command tree is
// complete and each analyser's owner edits only this file.
func newServeCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT]",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("not built yet")
		},
	}
}
