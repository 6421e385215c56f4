package cli

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"storyline/internal/store/sqlite"
)

// defaultDB is the store file used when --db is not given: $STORYLINE_DB,
// else storyline.db in the working directory.
func defaultDB() string {
	if p := os.Getenv("STORYLINE_DB"); p != "" {
		return p
	}
	return "storyline.db"
}

func addDBFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "db", defaultDB(), "the store file (SQLite); $STORYLINE_DB overrides the default")
}

func openStore(ctx context.Context, path string) (*sqlite.Store, error) {
	return sqlite.Open(ctx, path)
}
