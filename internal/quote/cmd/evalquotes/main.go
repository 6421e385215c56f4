// Command evalquotes is `storyline eval quotes` without the rest of the
// binary, for tuning the extractor while other packages are in flux:
//
//	go run ./internal/quote/cmd/evalquotes [-out PRED] FILE
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"storyline"
	"storyline/internal/eval/quoteeval"
	"storyline/internal/quote"
	"storyline/internal/text"
)

func main() {
	out := flag.String("out", "", "write predictions as JSONL to this file")
	flag.Parse()
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "evalquotes:", err)
		os.Exit(1)
	}
}

func run(name, outPath string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	arts, err := quoteeval.Read(f)
	f.Close()
	if err != nil {
		return err
	}
	var pred io.Writer
	if outPath != "" {
		of, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer of.Close()
		pred = of
	}
	res, err := quoteeval.Run(arts, func(t string) []storyline.Quote { return quote.Extract(t, text.Split(t), nil) }, pred)
	if err != nil {
		return err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	fmt.Println(string(b))
	return nil
}
