package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"storyline"
	"storyline/internal/ingest"
	"storyline/internal/langid"
	"storyline/internal/pipeline"
	"storyline/internal/server"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

func newServeCmd(env Env) *cobra.Command {
	var (
		db, addr, token string
		readers, warm   int
	)
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT] [--token T] [PATH...]",
		Short: "Serve the web UI and the JSON API over the store",
		Long: `serve answers HTTP on --addr (default 127.0.0.1:8080): the web UI at /
(stories, actors, reports, search) and the JSON API under /api/v1/, described
by /api/v1/openapi.json. It prints the URL to open.

PATHs, when given, are ingested first, as by "storyline ingest", so
"storyline serve examples" shows the examples in one step.

Writes (POST /api/v1/reports) need "Authorization: Bearer T" when a token is
set with --token or $STORYLINE_TOKEN. On a non-loopback address they are
refused unless a token is set.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("STORYLINE_TOKEN")
			}
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			logger := slog.New(slog.NewTextHandler(env.Stderr, nil))
			ing := &httpIngester{st: st, lang: langid.New(), log: logger}
			if len(args) > 0 {
				res, err := ing.run(ctx, &ingest.Source{Paths: args, Stdin: env.Stdin})
				if err != nil {
					return err
				}
				for _, f := range res.Failures {
					fmt.Fprintf(env.Stderr, "storyline: skipped %s: %s\n", f.Name, f.Error)
				}
				fmt.Fprintf(env.Stderr, "storyline: %d added, %d replaced, %d unchanged, %d failed (%s)\n",
					res.Added, res.Replaced, res.Unchanged, res.Failed, db)
			}
			view, err := sqlite.OpenView(ctx, db, readers)
			if err != nil {
				return err
			}
			defer view.Close()
			if warm > 0 {
				// Before it listens, the server reads ahead what searches
				// for the store's common words need: a fresh server's first
				// searches would otherwise pay for it (docs/PERFORMANCE.md,
				// issue 7). It is bounded; the warmer goes on later.
				wctx, cancel := context.WithTimeout(ctx, searchWarmMax)
				view.WarmSearch(wctx, func(c context.Context) bool { return c.Err() == nil })
				cancel()
				if ctx.Err() != nil {
					return nil
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			loop := isLoopback(addr)
			srv, err := server.New(server.Config{
				Reader: view, Ingester: ing, Token: token, Loopback: loop,
				Logger: logger, Warm: warm,
			})
			if err != nil {
				ln.Close()
				return err
			}
			defer srv.Close()
			hs := &http.Server{
				Handler:           srv,
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       2 * time.Minute,
				WriteTimeout:      5 * time.Minute,
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    64 << 10,
			}
			if !loop && token == "" {
				fmt.Fprintln(env.Stderr, "storyline: listening beyond loopback without a token: writes are refused (set --token or STORYLINE_TOKEN)")
			}
			fmt.Fprintf(env.Stdout, "storyline: serving %s at %s\n", db, browseURL(ln.Addr(), addr))
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				return fmt.Errorf("serve: %w", err)
			case <-ctx.Done():
			}
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := hs.Shutdown(sctx); err != nil {
				return fmt.Errorf("serve: shutdown: %w", err)
			}
			// A cross-report pass still running finishes: it is one
			// transaction, and stopping it would leave the last reports
			// without actors and stories until the next ingest.
			ing.wait()
			return nil
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT (port 0 picks a free one)")
	cmd.Flags().StringVar(&token, "token", "", "bearer token write endpoints require; $STORYLINE_TOKEN when unset")
	cmd.Flags().IntVar(&readers, "readers", 4, "read connections to the store")
	cmd.Flags().IntVar(&warm, "warm", 1000, "most recent stories whose pages are built ahead, whenever the store has been quiet for a second; unless 0, searches for the store's common words are also read ahead before listening (at most 15 s)")
	return cmd
}

// isLoopback tells whether addr's host is a loopback name or address
// only. An empty host or an unspecified address (0.0.0.0, ::) listens on
// every interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// browseURL is the URL to print for a listener.
func browseURL(a net.Addr, asked string) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := "127.0.0.1"
	if h, _, err := net.SplitHostPort(asked); err == nil && h != "" && !tcp.IP.IsUnspecified() {
		host = h
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}

// httpIngester ingests request bodies through the same pipeline as the
// ingest command, one at a time. A request returns once its reports are
// stored and analysed; the cross-report stage (actors, events, stories,
// quote groups), which reads the whole store, then runs in the
// background, once for any number of requests that arrive while it runs.
type httpIngester struct {
	mu       sync.Mutex // held while writing: one ingest or cross-report run at a time
	st       *sqlite.Store
	lang     pipeline.LanguageDetector
	analyser *analyser
	log      *slog.Logger

	bgMu    sync.Mutex // guards pending and running
	pending bool       // a request stored reports after the running pass began
	running bool
	bg      sync.WaitGroup
}

var _ server.Ingester = (*httpIngester)(nil)

// Ingest implements server.Ingester.
func (h *httpIngester) Ingest(ctx context.Context, body io.Reader, name string) (*server.IngestResult, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(body); err != nil {
		return nil, err
	}
	src := &ingest.Source{Paths: []string{"-"}, Stdin: &buf}
	if name != "" {
		dir, err := os.MkdirTemp("", "storyline-post-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			return nil, err
		}
		src = &ingest.Source{Paths: []string{path}}
	}
	res, err := h.store(ctx, src)
	if err == nil && res.Added+res.Replaced > 0 {
		h.resolveLater(context.WithoutCancel(ctx))
	}
	return res, err
}

// run stores what src holds and brings the cross-report results up to
// date before it returns.
func (h *httpIngester) run(ctx context.Context, src *ingest.Source) (*server.IngestResult, error) {
	res, err := h.store(ctx, src)
	if err != nil || res.Added+res.Replaced == 0 {
		return res, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, err := finishIngest(ctx, h.st); err != nil {
		return nil, err
	}
	return res, nil
}

// resolveLater runs the cross-report stage in the background: at once
// when none is running, else once more after the running one.
func (h *httpIngester) resolveLater(ctx context.Context) {
	h.bgMu.Lock()
	defer h.bgMu.Unlock()
	if h.running {
		h.pending = true
		return
	}
	h.running = true
	h.bg.Add(1)
	go func() {
		defer h.bg.Done()
		for {
			h.mu.Lock()
			_, err := finishIngest(ctx, h.st)
			h.mu.Unlock()
			if err != nil && h.log != nil {
				h.log.Error("cross-report stage", "err", err)
			}
			h.bgMu.Lock()
			if !h.pending {
				h.running = false
				h.bgMu.Unlock()
				return
			}
			h.pending = false
			h.bgMu.Unlock()
		}
	}()
}

// wait returns when no cross-report pass is running.
func (h *httpIngester) wait() { h.bg.Wait() }

// store runs the pipeline over src: read, clean, analyse, store.
func (h *httpIngester) store(ctx context.Context, src *ingest.Source) (*server.IngestResult, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.analyser == nil {
		a, err := newAnalyser()
		if err != nil {
			return nil, err
		}
		h.analyser = a
	}
	res := &server.IngestResult{}
	cfg := pipeline.Config{
		Language: h.lang,
		Analyser: h.analyser,
		OnFailure: func(f *ingest.Failure) {
			res.Failures = append(res.Failures, server.Failure{Name: f.Name, Error: f.Err.Error()})
		},
		OnStored: func(r *storyline.Report, _ store.Outcome) { res.Reports = append(res.Reports, r.ID) },
	}
	stats, err := pipeline.Run(ctx, src, h.st, cfg)
	if err != nil {
		return nil, err
	}
	res.Added, res.Replaced, res.Unchanged, res.Failed = stats.Added, stats.Replaced, stats.Unchanged, stats.Failed
	return res, nil
}

// searchWarmMax bounds the search read-ahead before serve listens.
const searchWarmMax = 15 * time.Second
