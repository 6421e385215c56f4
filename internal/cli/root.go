// Package cli is the storyline command line: one file per subcommand, each
// wiring its configuration and dependencies explicitly.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"
)

// Env is what a command may touch of the outside world. Tests pass their
// own readers and writers.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// IsTerminal tells whether stderr is a terminal (progress bars).
	IsTerminal bool
}

// exitError carries an exit status out of a command that already printed
// its own message.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs the storyline command line with args (without the program
// name) and returns the process exit status.
func Main(ctx context.Context, args []string, env Env) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if path := os.Getenv("STORYLINE_CPUPROFILE"); path != "" {
		// A CPU profile of the whole command, for docs/PERFORMANCE.md.
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	root := newRootCmd(env)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(env.Stderr, "storyline:", err)
	return 1
}

func newRootCmd(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn a stream of news reports into the story they tell",
		Long: `storyline reads news reports (text, HTML, JSONL) about developing stories,
cleans them, finds who said what, when, and about whom, and groups reports
into events and stories. Everything is kept in one embedded SQLite file
(storyline.db by default) and can be exported as JSONL.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newIngestCmd(env),
		newExportCmd(env),
		newEvalCmd(env),
		newTrainCmd(env),
		newWatchCmd(env),
		newServeCmd(env),
		newTimelineCmd(env),
		newBenchCmd(env),
	)
	return root
}

func newEvalCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval TASK FILE...",
		Short: "Score an analyser against an annotated corpus",
		Long: `eval reads an annotated corpus in the format its README in ../shared/data
describes, runs one analyser on it and prints one JSON object of metrics as
the last line of stdout.`,
	}
	cmd.AddCommand(
		newEvalNERCmd(env),
		newEvalQuotesCmd(env),
		newEvalTimexCmd(env),
		newEvalCorefCmd(env),
		newEvalClustersCmd(env),
	)
	return cmd
}

func newTrainCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train MODEL",
		Short: "Train a model from annotated data, reproducibly",
	}
	cmd.AddCommand(newTrainNERCmd(env), newTrainCuesCmd(env), newTrainClausesCmd(env))
	return cmd
}
