package cli

import "github.com/spf13/cobra"

func newIngestCmd(env Env) *cobra.Command { return &cobra.Command{Use: "ingest"} }
