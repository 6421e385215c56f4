// Command storyline turns a stream of news reports into the story they
// tell. It only hands its arguments to internal/cli.
package main

import (
	"context"
	"os"

	"storyline/internal/cli"
)

func main() {
	fi, err := os.Stderr.Stat()
	tty := err == nil && fi.Mode()&os.ModeCharDevice != 0
	os.Exit(cli.Main(context.Background(), os.Args[1:], cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, IsTerminal: tty,
	}))
}
