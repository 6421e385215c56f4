package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"storyline/internal/benchcorpus"
	"storyline/internal/ingest"
	"storyline/internal/langid"
	"storyline/internal/pipeline"
)

func newBenchCmd(env Env) *cobra.Command {
	var (
		data, dir string
		n, work   int
		seed      uint64
		keep      bool
		perFormat bool
	)
	cmd := &cobra.Command{
		Use:   "bench [--data DIR] [--reports N]",
		Short: "Measure the whole pipeline on a generated corpus",
		Long: `bench builds a corpus of N reports by mixing and perturbing the article
texts under --data (the annotated corpora in ../shared/data), writes a third
of it as text files, a third as HTML pages and a third as one WARC file
(written by storyline's own writer), then ingests it all into a fresh store
through the whole pipeline (read, clean, analyse, store, then dedup, actor
resolution and clustering) and reports reports/s, MB/s, peak RSS and the time
spent in each stage. Then (unless --per-format=false) it ingests each
format's third alone into its own fresh store, the same way, and reports each
one's throughput under "formats". The last line of stdout is one JSON
object.

Stage times: ingest_wall is the pipeline run (read to last write);
cross_load and cross_resolve are the cross-report stage, which begins once
the last report is analysed and so overlaps the last writes; cross_save
follows the last write; dedup_resolve_cluster_wall is the wall time from
the last write to the end.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			defer pipeline.BatchGC(ctx)()
			arts, err := benchcorpus.Load(data)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			if dir == "" {
				if dir, err = os.MkdirTemp("", "storyline-bench"); err != nil {
					return err
				}
				if !keep {
					defer os.RemoveAll(dir)
				}
			}
			t0 := time.Now()
			reports := benchcorpus.Generate(arts, n, seed)
			paths, size, err := benchcorpus.Write(filepath.Join(dir, "corpus"), reports)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			fmt.Fprintf(env.Stdout, "corpus: %d reports from %d source articles, %.1f MB, written in %s to %s\n",
				n, len(arts), float64(size)/1e6, time.Since(t0).Round(time.Millisecond), dir)

			res, err := benchRun(ctx, env, paths, filepath.Join(dir, "bench.db"), work)
			if err != nil {
				return err
			}
			res["task"] = "bench"
			fmt.Fprintf(env.Stdout, "all formats: stored %d reports (%d failed) in %.1f s: %.1f reports/s, %.2f MB/s, peak RSS %.0f MB\n",
				res["reports"], res["failed"], res["wall_seconds"], res["reports_per_sec"], res["mb_per_sec"], res["peak_rss_mb"])
			if perFormat {
				// Each third again, alone, into a fresh store: the
				// throughput of the whole pipeline per input format.
				formats := map[string]any{}
				for i, name := range []string{"text", "html", "warc"} {
					r, err := benchRun(ctx, env, paths[i:i+1], filepath.Join(dir, name+".db"), work)
					if err != nil {
						return err
					}
					delete(r, "peak_rss_mb")
					formats[name] = r
					fmt.Fprintf(env.Stdout, "%s alone: stored %d reports in %.1f s: %.1f reports/s, %.2f MB/s\n",
						name, r["reports"], r["wall_seconds"], r["reports_per_sec"], r["mb_per_sec"])
				}
				res["formats"] = formats
				res["peak_rss_mb"] = round(peakRSSMB())
			}
			b, _ := json.Marshal(res)
			fmt.Fprintln(env.Stdout, string(b))
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join("..", "shared", "data"), "folder of annotated corpora whose texts the corpus is made from")
	cmd.Flags().IntVar(&n, "reports", 20000, "number of reports to generate")
	cmd.Flags().StringVar(&dir, "dir", "", "where to write the corpus and store (default: a temporary folder, removed after)")
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the temporary folder")
	cmd.Flags().IntVar(&work, "workers", 0, "analysis workers (0: one per CPU)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed of the corpus generator")
	cmd.Flags().BoolVar(&perFormat, "per-format", true, "also ingest each format's third alone into a fresh store and report its throughput")
	return cmd
}

// benchRun ingests paths into a fresh store at db through the whole
// pipeline, as storyline ingest does, and returns what it measured.
func benchRun(ctx context.Context, env Env, paths []string, db string, work int) (map[string]any, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	an, err := newAnalyser()
	if err != nil {
		return nil, err
	}
	failed := 0
	cfg := pipeline.Config{Workers: work, Language: langid.New(), Analyser: an,
		OnFailure: func(f *ingest.Failure) {
			failed++
			if failed <= 5 {
				fmt.Fprintf(env.Stderr, "bench: skipped %s: %v\n", f.Name, f.Err)
			}
		}}
	start := time.Now()
	stats, ingestWall, ct, err := ingestAll(ctx, st, &ingest.Source{Paths: paths}, cfg)
	if err != nil {
		return nil, err
	}
	wall := time.Since(start)
	resolve := wall - ingestWall
	stored := stats.Added + stats.Replaced
	return map[string]any{
		"reports":         stored,
		"failed":          stats.Failed,
		"megabytes":       round(float64(stats.Bytes) / 1e6),
		"workers":         effectiveWorkers(work),
		"wall_seconds":    round(wall.Seconds()),
		"reports_per_sec": round(float64(stored) / wall.Seconds()),
		"mb_per_sec":      round(float64(stats.Bytes) / 1e6 / wall.Seconds()),
		"peak_rss_mb":     round(peakRSSMB()),
		"stage_seconds": map[string]float64{
			"read_clean_extract":         round(stats.Prepare.Seconds()),
			"sentences":                  round(time.Duration(an.nsSplit.Load()).Seconds()),
			"entities":                   round(time.Duration(an.nsNER.Load()).Seconds()),
			"quotes":                     round(time.Duration(an.nsQuote.Load()).Seconds()),
			"timex":                      round(time.Duration(an.nsTimex.Load()).Seconds()),
			"store":                      round(stats.Store.Seconds()),
			"ingest_wall":                round(ingestWall.Seconds()),
			"dedup_resolve_cluster_wall": round(resolve.Seconds()),
			"cross_load":                 round(ct.Load.Seconds()),
			"cross_resolve":              round(ct.Resolve.Seconds()),
			"cross_save":                 round(ct.Save.Seconds()),
		},
	}, nil
}

func effectiveWorkers(w int) int {
	if w > 0 {
		return w
	}
	return runtime.GOMAXPROCS(0)
}

func round(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

// peakRSSMB reads the process's peak resident set size (Linux VmHWM).
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}
