package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"storyline/internal/eval/clustereval"
	"storyline/internal/eval/corefeval"
	"storyline/internal/story"
)

func newEvalClustersCmd(env Env) *cobra.Command {
	var out, level string
	var opt = story.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "clusters DOCS",
		Short: "Score online story clustering on ECB+ (B-cubed and pairwise F1)",
		Long: `clusters feeds the documents of an ECB+ docs JSONL file, in file order, one
at a time to the online event and story clusterer and scores the stories
against the gold story_id with B-cubed and pairwise precision, recall and F1.

The last line of stdout is {"task":"clusters","bcubed_precision":..,
"bcubed_recall":..,"bcubed_f1":..,"pairwise_f1":..}. With --out PRED one
JSONL line per document, {"doc_id":..,"story":..,"event":..}, is written.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := corefeval.ReadDocs(args[0])
			if err != nil {
				return fmt.Errorf("eval clusters: %w", err)
			}
			stories, events := clusterDocs(docs, opt)
			gold := make([]string, len(docs))
			for i, d := range docs {
				gold[i] = d.StoryID
			}
			if out != "" {
				if err := writeClusters(out, docs, stories, events); err != nil {
					return fmt.Errorf("eval clusters: %w", err)
				}
			}
			scored := stories
			if level == "event" {
				scored = events
			}
			r := clustereval.Score(gold, scored)
			line, err := json.Marshal(struct {
				Task  string  `json:"task"`
				BP    float64 `json:"bcubed_precision"`
				BR    float64 `json:"bcubed_recall"`
				BF    float64 `json:"bcubed_f1"`
				PP    float64 `json:"pairwise_precision"`
				PR    float64 `json:"pairwise_recall"`
				PF    float64 `json:"pairwise_f1"`
				Docs  int     `json:"docs"`
				Pred  int     `json:"stories"`
				Gold  int     `json:"gold_stories"`
				Event int     `json:"events"`
			}{"clusters", round4(r.BCubed.Precision), round4(r.BCubed.Recall), round4(r.BCubed.F1),
				round4(r.Pairwise.Precision), round4(r.Pairwise.Recall), round4(r.Pairwise.F1),
				len(docs), distinct(stories), distinct(gold), distinct(events)})
			if err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, string(line))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write one JSONL line per document with its predicted story and event")
	cmd.Flags().Float64Var(&opt.StoryThreshold, "story-threshold", opt.StoryThreshold, "least similarity to join a story")
	cmd.Flags().Float64Var(&opt.EventThreshold, "event-threshold", opt.EventThreshold, "least similarity to join an event")
	cmd.Flags().IntVar(&opt.Neighbours, "neighbours", opt.Neighbours, "similarity edges kept per report")
	cmd.Flags().IntVar(&opt.RepairEvery, "repair-every", opt.RepairEvery, "re-cluster the window every this many reports (0: only at the end)")
	cmd.Flags().IntVar(&opt.LinkCap, "link-cap", opt.LinkCap, "cap the cluster sizes in average link (0: none)")
	cmd.Flags().Float64Var(&opt.AttachThreshold, "attach", opt.AttachThreshold, "least similarity to the nearest report for a lone report to follow it (0: never)")
	cmd.Flags().StringVar(&level, "level", "story", "which predicted level is scored against story_id: story or event")
	cmd.Flags().Float64Var(&opt.IDFPrior, "idf-prior", opt.IDFPrior, "background documents assumed in idf")
	cmd.Flags().Float64Var(&opt.NameWeight, "name-weight", opt.NameWeight, "weight of the name channel")
	return cmd
}

// clusterDocs streams docs through a story clusterer and returns each
// document's story and event id.
func clusterDocs(docs []corefeval.Doc, opt story.Options) (stories, events []string) {
	c := story.NewClustererWith(opt)
	stories = make([]string, len(docs))
	events = make([]string, len(docs))
	for _, d := range docs {
		var pub time.Time
		if d.Date != "" {
			pub, _ = time.Parse("2006-01-02", d.Date)
		}
		c.Add(story.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: pub})
	}
	c.Repair()
	for i, d := range docs {
		events[i], stories[i], _ = c.Assignment(d.ID)
	}
	return stories, events
}

func distinct(xs []string) int {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

func writeClusters(path string, docs []corefeval.Doc, stories, events []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i, d := range docs {
		b, _ := json.Marshal(struct {
			Doc   string `json:"doc_id"`
			Story string `json:"story"`
			Event string `json:"event"`
		}{d.ID, stories[i], events[i]})
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
