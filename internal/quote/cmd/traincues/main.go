// Command traincues trains the quote package's cue lexicon from PolNeAR
// JSONL and writes it as TSV (the file internal/quote/cues.tsv embeds):
//
//	go run ./internal/quote/cmd/traincues ../shared/data/polnear/train.jsonl > internal/quote/cues.tsv
package main

import (
	"fmt"
	"os"

	"storyline"
	"storyline/internal/eval/quoteeval"
	"storyline/internal/quote"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "traincues:", err)
		os.Exit(1)
	}
}

func run(files []string) error {
	var docs []quote.TrainDoc
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		arts, err := quoteeval.Read(f)
		f.Close()
		if err != nil {
			return err
		}
		for _, a := range arts {
			d := quote.TrainDoc{Text: a.Text}
			for _, at := range a.Attributions {
				for _, c := range at.Cue {
					d.Cues = append(d.Cues, storyline.Span{Start: c.Start, End: c.End})
				}
			}
			docs = append(docs, d)
		}
	}
	return quote.TrainCues(docs).Write(os.Stdout)
}
