package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"storyline/internal/fetch"
	"storyline/internal/langid"
	"storyline/internal/pipeline"
	"storyline/internal/watch"
)

// watchOptions are the flags of storyline watch.
type watchOptions struct {
	db           string
	allowPrivate bool
	interval     time.Duration
	once         bool
	workers      int
	hostDelay    time.Duration
	maxBodyMB    int64
	timeout      time.Duration
}

func newWatchCmd(env Env) *cobra.Command {
	var o watchOptions
	cmd := &cobra.Command{
		Use:   "watch [--db FILE] [--allow-private] [--interval D] FEEDS",
		Short: "Poll news feeds and fetch every new article",
		Long: `watch polls the RSS, Atom and JSON feeds listed in FEEDS (one URL per line,
'#' comments allowed, or an OPML file) and fetches the page of every item it
has not seen before. For now it prints one line per new article on stdout:

    PUBLISHED<TAB>URL<TAB>TITLE<TAB>BYTES[<TAB>FLAGS]

(PUBLISHED is RFC 3339 or "-"; FLAGS lists "from-feed" when the page could not
be fetched and the feed's own content stands in, "truncated" when the page
was cut at the size limit). Progress and errors go to stderr.

Each feed is polled every --interval, later when its Cache-Control max-age
or Retry-After asks, and with exponential backoff after failures; requests
are conditional (ETag, Last-Modified). Article pages honour robots.txt,
at most one request per --host-delay per host. Every connection is refused
if it goes to a private, loopback, link-local, CGNAT, multicast or metadata
address, or to a port other than 80 and 443, unless --allow-private.

What was seen is kept in FILE.watch.json next to the store (--db), so a
restart resumes where the last run stopped. SIGINT or SIGTERM stops it
cleanly: in-flight fetches are abandoned, nothing half-done is recorded.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWatch(cmd.Context(), env, o, args[0])
		},
	}
	f := cmd.Flags()
	addDBFlag(cmd, &o.db)
	f.BoolVar(&o.allowPrivate, "allow-private", false, "allow connections to private, loopback and link-local addresses and to any port (local testing only)")
	f.DurationVar(&o.interval, "interval", 15*time.Minute, "regular time between two polls of one feed (a feed's Cache-Control max-age or Retry-After can only lengthen it)")
	f.BoolVar(&o.once, "once", false, "poll every feed that is due once, then exit (exit status 1 if a feed failed)")
	f.IntVar(&o.workers, "workers", 4, "how many feeds are polled at the same time")
	f.DurationVar(&o.hostDelay, "host-delay", time.Second, "minimum time between two requests to the same host")
	f.Int64Var(&o.maxBodyMB, "max-body", 10, "largest page or feed read, in MiB; longer bodies are cut there")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit for one fetch (connect, redirects, headers and body)")
	return cmd
}

func runWatch(ctx context.Context, env Env, o watchOptions, feedsPath string) error {
	data, err := os.ReadFile(feedsPath)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	feeds, err := watch.ParseFeedList(data)
	if err != nil {
		return fmt.Errorf("watch %s: %w", feedsPath, err)
	}
	if len(feeds) == 0 {
		return fmt.Errorf("watch %s: no feed URLs found", feedsPath)
	}
	if o.interval <= 0 || o.workers <= 0 || o.maxBodyMB <= 0 || o.timeout <= 0 || o.hostDelay < 0 {
		return errors.New("watch: --interval, --workers, --max-body and --timeout must be positive, --host-delay not negative")
	}
	state, err := watch.OpenFileState(o.db + ".watch.json")
	if err != nil {
		return err
	}
	hostDelay := o.hostDelay
	if hostDelay == 0 {
		hostDelay = -1 // fetch.Options: negative means none
	}
	fetcher := fetch.New(fetch.Options{
		AllowPrivate:  o.allowPrivate,
		MaxBodyBytes:  o.maxBodyMB << 20,
		Timeout:       o.timeout,
		HostDelay:     hostDelay,
		MaxConcurrent: 2 * o.workers,
	})
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	st, err := openStore(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := newAnalyser()
	if err != nil {
		return err
	}
	sink := &storeSink{print: &printSink{w: env.Stdout}, st: st, log: log,
		cfg: pipeline.Config{Language: langid.New(), Analyser: an}}
	// The cross-report stage runs once more after the last article, however
	// the watch ends.
	defer func() {
		if err := sink.resolve(context.WithoutCancel(ctx), true); err != nil {
			log.Error("resolve", "err", err)
		}
	}()
	poller, err := watch.New(watch.Config{
		Fetcher:  fetcher,
		State:    state,
		Sink:     sink,
		Interval: o.interval,
		Workers:  o.workers,
		Log:      log,
	}, feeds)
	if err != nil {
		return err
	}
	log.Info("watching", "feeds", len(feeds), "state", state.Path(), "interval", o.interval)
	if !o.once {
		return poller.Run(ctx)
	}
	failed := 0
	for _, r := range poller.Once(ctx) {
		if r.Err != nil {
			failed++
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	if failed > 0 {
		fmt.Fprintf(env.Stderr, "storyline watch: %d of %d feeds failed\n", failed, len(feeds))
		return exitError{code: 1}
	}
	return nil
}

// printSink writes one line per article; the ingest pipeline will take
// its place.
type printSink struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *printSink) Article(ctx context.Context, a watch.Article) error {
	published := "-"
	if !a.Published.IsZero() {
		published = a.Published.UTC().Format(time.RFC3339)
	}
	url := a.FinalURL
	if url == "" {
		url = a.Link
	}
	flags := ""
	if a.FromFeed {
		flags += "from-feed"
	}
	if a.Truncated {
		if flags != "" {
			flags += ","
		}
		flags += "truncated"
	}
	line := fmt.Sprintf("%s\t%s\t%s\t%d", published, url, oneLine(a.Title), len(a.HTML))
	if flags != "" {
		line += "\t" + flags
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := fmt.Fprintln(s.w, line)
	return err
}

// oneLine keeps a title on one line of tab-separated output.
func oneLine(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r == '\t' || r == '\n' || r == '\r' {
			out[i] = ' '
		}
	}
	return string(out)
}
