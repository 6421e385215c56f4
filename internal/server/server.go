// Package server serves storyline over HTTP from the same binary: a JSON
// API under /api/v1/ (described by the OpenAPI document it serves at
// /api/v1/openapi.json) and a web UI of server-rendered pages whose
// templates and assets are embedded, so it works with no internet.
//
// Every string from a report is untrusted: pages are rendered with
// html/template, the one HTML fragment built from a report's text (the
// highlighted text) is sanitised with bluemonday before it is shown, and
// every response carries a strict Content-Security-Policy (no script at
// all, styles only from our own stylesheet). Write endpoints refuse
// cross-origin browser requests and, unless the server listens on a
// loopback address only, require a bearer token.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

// Reader is what the server reads from the store.
type Reader interface {
	Stories(ctx context.Context, p sqlite.Page) ([]storyline.Story, string, error)
	Story(ctx context.Context, id string) (*storyline.Story, error)
	StoriesOf(ctx context.Context, report string) ([]storyline.Story, error)
	Events(ctx context.Context, f sqlite.EventFilter, p sqlite.Page) ([]storyline.Event, string, error)
	Event(ctx context.Context, id string) (*storyline.Event, error)
	EventsByID(ctx context.Context, ids []string) ([]storyline.Event, error)
	Actors(ctx context.Context, f sqlite.ActorFilter, p sqlite.Page) ([]storyline.Actor, string, error)
	Actor(ctx context.Context, id string) (*storyline.Actor, error)
	ActorsByID(ctx context.Context, ids []string) ([]storyline.Actor, error)
	Reports(ctx context.Context, f sqlite.ReportFilter, p sqlite.Page) ([]sqlite.ReportSummary, string, error)
	ReportSummaries(ctx context.Context, ids []string) ([]sqlite.ReportSummary, error)
	Report(ctx context.Context, id string) (*storyline.Analysis, error)
	Quotes(ctx context.Context, f sqlite.QuoteFilter, p sqlite.Page) ([]sqlite.QuoteRow, string, error)
	QuotesOfReports(ctx context.Context, reports []string) ([]sqlite.QuoteRow, error)
	MentionCounts(ctx context.Context, reports []string) (map[string]int, error)
	Search(ctx context.Context, f sqlite.SearchFilter, p sqlite.Page) ([]sqlite.Hit, string, error)
	// Generation changes whenever the store changes; ok is false when the
	// reader cannot tell (then nothing is cached).
	Generation(ctx context.Context) (gen int64, ok bool, err error)
}

// Ingester stores the reports of one request body, in any format the
// command line reads, and runs the cross-report stages.
type Ingester interface {
	// Ingest reads body; name, when not empty, is the file name the body
	// stands for (it gives the format by its extension and the origin).
	Ingest(ctx context.Context, body io.Reader, name string) (*IngestResult, error)
}

// IngestResult is what an ingest did.
type IngestResult struct {
	Added     int       `json:"added"`
	Replaced  int       `json:"replaced"`
	Unchanged int       `json:"unchanged"`
	Failed    int       `json:"failed"`
	Reports   []string  `json:"reports"`
	Failures  []Failure `json:"failures"`
}

// Failure is one document an ingest could not store.
type Failure struct {
	Name  string `json:"name"`
	Error string `json:"error"`
}

// Config configures a Server.
type Config struct {
	Reader   Reader
	Ingester Ingester // nil: POST /api/v1/reports answers 503
	// Token, when set, is required (as "Authorization: Bearer TOKEN") by
	// every write endpoint.
	Token string
	// Loopback tells that the server listens on loopback addresses only.
	// Then writes need no token, and requests must name a loopback host
	// (which defeats DNS rebinding). Otherwise writes without a
	// configured Token are refused.
	Loopback bool
	// MaxBody caps a request body, in bytes (default 32 MiB).
	MaxBody int64
	// CacheBytes bounds the answers kept until the store changes, in
	// compressed bytes (default 64 MiB; negative: keep none).
	CacheBytes int64
	// MaxActive bounds the read requests being answered at once (default
	// twice GOMAXPROCS; negative: no bound). Others wait their turn, first
	// come first served, instead of all sharing the processors: then a
	// request's latency is its wait plus its own work, not the work of
	// every request in flight, which keeps the slowest ones (p99) near
	// the typical one under load. Answers from the cache do not wait.
	MaxActive int
	// Warm is how many of the most recent stories have their page and
	// JSON built ahead of readers, in the background, whenever the store
	// has settled after a change (0: none; needs the answer cache). Call
	// Close to stop it.
	Warm   int
	Logger *slog.Logger
}

// Server is the HTTP handler. It is safe for concurrent use.
type Server struct {
	cfg     Config
	rd      Reader
	mux     *http.ServeMux
	pages   *pages
	openapi []byte
	csrf    *http.CrossOriginProtection
	cache   *answerCache // nil: none
	// active holds a token per read request being answered (nil: no
	// bound).
	active chan struct{}
	warm   *warmer // nil: none
}

// New makes a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Reader == nil {
		return nil, errors.New("server: no reader")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = 64 << 20
	}
	if cfg.MaxActive == 0 {
		cfg.MaxActive = 2 * runtime.GOMAXPROCS(0)
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, rd: cfg.Reader, mux: http.NewServeMux(), pages: pg, csrf: http.NewCrossOriginProtection()}
	if cfg.CacheBytes > 0 {
		s.cache = newAnswerCache(cfg.CacheBytes)
	}
	if cfg.MaxActive > 0 {
		s.active = make(chan struct{}, cfg.MaxActive)
	}
	s.openapi, err = openAPI(routes)
	if err != nil {
		return nil, err
	}
	for _, rt := range routes {
		s.mux.Handle(rt.method+" "+rt.pattern, s.handler(rt))
	}
	s.mux.HandleFunc("/api/v1/", s.apiFallback)
	s.mux.HandleFunc("/", s.pageFallback)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(staticFS)))
	if cfg.Warm > 0 && s.cache != nil {
		s.warm = newWarmer(s, cfg.Warm)
		s.warm.poke()
	}
	return s, nil
}

// Close stops the server's background work (Config.Warm). It does not
// close the reader.
func (s *Server) Close() error {
	if s.warm != nil {
		s.warm.stop()
	}
	return nil
}

// route is one entry of the route table.
type route struct {
	method, pattern string
	summary         string
	params          []param
	// write routes change the store: they need the token and refuse
	// cross-origin browser requests.
	write bool
	// cache keeps the route's answers until the store changes (costly
	// reads only).
	cache bool
	// repeat keeps an answer only once it has been asked for twice
	// (with cache): most searches are asked for once, and compressing
	// their answers for the cache cost more than answering again.
	repeat bool
	// result names the OpenAPI schema of an API route's answer.
	result string
	api    func(s *Server, r *http.Request, a args) (any, error)
	page   func(s *Server, w http.ResponseWriter, r *http.Request, a args) error
}

// routes is the whole route table: every endpoint of the API and the UI.
var routes = []route{
	{method: "GET", pattern: "/api/v1/openapi.json", summary: "This OpenAPI document", api: (*Server).apiOpenAPI, result: "object"},
	{method: "GET", pattern: "/api/v1/stories", summary: "Stories, most recently seen first",
		params: []param{pmLimit, pmCursor}, api: (*Server).apiStories, result: "StoryList"},
	{method: "GET", pattern: "/api/v1/stories/{id}", summary: "One story: its events, reports, actors, who said what, coverage by outlet",
		api: (*Server).apiStory, result: "StoryDetail", cache: true},
	{method: "GET", pattern: "/api/v1/stories/{id}/timeline", summary: "A story's timeline: its events by date, with their reports",
		api: (*Server).apiTimeline, result: "Timeline", cache: true},
	{method: "GET", pattern: "/api/v1/events", summary: "Events, latest first",
		params: []param{pmStory, pmFrom, pmTo, pmLimit, pmCursor}, api: (*Server).apiEvents, result: "EventList"},
	{method: "GET", pattern: "/api/v1/events/{id}", summary: "One event with its reports", api: (*Server).apiEvent, result: "EventDetail"},
	{method: "GET", pattern: "/api/v1/reports", summary: "Reports, newest first",
		params: []param{pmOutlet, pmActor, pmStory, pmFrom, pmTo, pmLimit, pmCursor}, api: (*Server).apiReports, result: "ReportList"},
	{method: "POST", pattern: "/api/v1/reports", summary: "Ingest reports: a JSONL body (one report per line), a text or an HTML page",
		params: []param{{name: "name", doc: "file name the body stands for, e.g. 2026-03-01_post.txt: its extension gives the format, its date the publication day"}},
		write:  true, api: (*Server).apiIngest, result: "IngestResult"},
	{method: "GET", pattern: "/api/v1/reports/{id}", summary: "One report with its text, mentions, quotes, dates and positions",
		api: (*Server).apiReport, result: "ReportDetail"},
	{method: "GET", pattern: "/api/v1/actors", summary: "Actors, most mentioned first",
		params: []param{{name: "kind", kind: pEnum, enum: mentionKinds, doc: "actor kind"}, {name: "name", doc: "prefix of the name, any case"}, pmLimit, pmCursor},
		api:    (*Server).apiActors, result: "ActorList"},
	{method: "GET", pattern: "/api/v1/actors/{id}", summary: "One actor", api: (*Server).apiActor, result: "Actor"},
	{method: "GET", pattern: "/api/v1/quotes", summary: "Quotes, by report newest first",
		params: []param{{name: "actor", doc: "the speaker's actor id"}, pmStory, {name: "report", doc: "a report id"},
			{name: "group", doc: "a quote group: the same statement across reports"},
			{name: "kind", kind: pEnum, enum: quoteKinds, doc: "quote kind"}, pmOutlet, pmFrom, pmTo, pmLimit, pmCursor},
		api: (*Server).apiQuotes, result: "QuoteList", cache: true},
	{method: "GET", pattern: "/api/v1/search", summary: "Ranked full-text search over reports and quotes, with snippets",
		params: searchParams, api: (*Server).apiSearch, result: "SearchResults", cache: true, repeat: true},

	{method: "GET", pattern: "/{$}", summary: "Stories", params: []param{pmCursor}, page: (*Server).pageStories},
	{method: "GET", pattern: "/stories/{id}", summary: "A story", page: (*Server).pageStory, cache: true},
	{method: "GET", pattern: "/actors", summary: "Actors", params: []param{{name: "kind", kind: pEnum, enum: mentionKinds}, {name: "name"}, pmCursor}, page: (*Server).pageActors},
	{method: "GET", pattern: "/actors/{id}", summary: "An actor", params: []param{pmCursor}, page: (*Server).pageActor},
	{method: "GET", pattern: "/reports", summary: "Reports", params: []param{pmOutlet, pmActor, pmStory, pmFrom, pmTo, pmCursor}, page: (*Server).pageReports},
	{method: "GET", pattern: "/reports/{id}", summary: "A report", page: (*Server).pageReport},
	{method: "GET", pattern: "/search", summary: "Search", params: searchParams, page: (*Server).pageSearch, cache: true, repeat: true},
}

var (
	mentionKinds = []string{"person", "organisation", "place", "other"}
	quoteKinds   = []string{"direct", "partial", "indirect"}
	searchParams = []param{
		{name: "q", doc: `words to find (all must occur); "a phrase"; word* for a prefix; OR between alternatives`},
		{name: "actor", doc: "an actor id: reports that mention it, quotes it speaks"},
		pmOutlet,
		{name: "kind", kind: pEnum, enum: []string{"report", "quote", "direct", "partial", "indirect"}, doc: "only reports, only quotes, or quotes of one kind"},
		pmFrom, pmTo, pmLimit, pmCursor,
	}
)

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if strings.HasPrefix(r.URL.Path, "/api/") {
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
	} else {
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if s.cfg.Loopback && !loopbackHost(r.Host) {
		s.fail(w, r, &httpError{status: http.StatusMisdirectedRequest, code: "bad_host",
			msg: "this server answers only to a loopback host name (localhost, 127.0.0.1, [::1])"})
		return
	}
	if s.warm != nil {
		s.warm.poke()
	}
	s.mux.ServeHTTP(w, r)
}

// loopbackHost tells whether a Host header names the loopback interface.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// handler wraps one route: its parameters are parsed and checked, its
// write rules applied, its errors rendered as JSON or as a page.
func (s *Server) handler(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.write {
			if err := s.csrf.Check(r); err != nil {
				s.fail(w, r, &httpError{status: http.StatusForbidden, code: "cross_origin", msg: "cross-origin write refused"})
				return
			}
			if err := s.authorise(r); err != nil {
				s.fail(w, r, err)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		if rt.cache {
			s.serveCached(w, r, rt.repeat, func(w http.ResponseWriter) { s.serveTurn(rt, w, r) })
			return
		}
		s.serveTurn(rt, w, r)
	})
}

// serveTurn answers a request once its turn comes (see
// Config.MaxActive); writes do not queue with reads.
func (s *Server) serveTurn(rt route, w http.ResponseWriter, r *http.Request) {
	if s.active == nil || rt.write {
		s.serve(rt, w, r)
		return
	}
	select {
	case s.active <- struct{}{}:
	case <-r.Context().Done():
		return
	}
	defer func() { <-s.active }()
	s.serve(rt, w, r)
}

// serve answers one request of a route whose write rules have been
// applied.
func (s *Server) serve(rt route, w http.ResponseWriter, r *http.Request) {
	a, bad := parseArgs(r.URL.RawQuery, rt.params)
	if bad != nil {
		s.fail(w, r, &httpError{status: http.StatusBadRequest, code: "bad_parameter", param: bad.Param, msg: bad.Error()})
		return
	}
	if rt.api != nil {
		v, err := rt.api(s, r, a)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		status := http.StatusOK
		if sc, ok := v.(interface{ status() int }); ok {
			status = sc.status()
		}
		if b, ok := v.(rawJSON); ok {
			writeRaw(w, status, b)
			return
		}
		writeJSON(w, status, v)
		return
	}
	if err := rt.page(s, w, r, a); err != nil {
		s.fail(w, r, err)
	}
}

// authorise applies the token rule of write endpoints.
func (s *Server) authorise(r *http.Request) error {
	if s.cfg.Token == "" {
		if s.cfg.Loopback {
			return nil
		}
		return &httpError{status: http.StatusForbidden, code: "writes_disabled",
			msg: "this server listens beyond loopback and has no token: restart it with --token or STORYLINE_TOKEN to allow writes"}
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		return &httpError{status: http.StatusUnauthorized, code: "unauthorized", msg: "write endpoints need Authorization: Bearer TOKEN"}
	}
	return nil
}

// apiFallback answers API paths no route matched: 405 when the path
// exists for another method, else 404.
func (s *Server) apiFallback(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST"} {
		if m == r.Method {
			continue
		}
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, pat := s.mux.Handler(r2); pat != "" && pat != "/api/v1/" && pat != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.fail(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", msg: r.Method + " is not allowed here"})
		return
	}
	s.fail(w, r, &httpError{status: http.StatusNotFound, code: "not_found", msg: "no such endpoint"})
}

func (s *Server) pageFallback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.fail(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", msg: r.Method + " is not allowed here"})
		return
	}
	s.fail(w, r, &httpError{status: http.StatusNotFound, code: "not_found", msg: "There is no page here."})
}

// httpError is an error with its HTTP status.
type httpError struct {
	status int
	code   string
	param  string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func notFound(what string) *httpError {
	return &httpError{status: http.StatusNotFound, code: "not_found", msg: "no such " + what}
}

// fail answers with an error: JSON for the API, a page for the UI.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
	case errors.Is(err, store.ErrNotFound):
		he = notFound("record")
	case errors.Is(err, sqlite.ErrBadCursor):
		he = &httpError{status: http.StatusBadRequest, code: "bad_parameter", param: "cursor", msg: "parameter cursor: not a cursor from a previous page of this listing"}
	case errors.Is(err, sqlite.ErrBadQuery):
		he = &httpError{status: http.StatusBadRequest, code: "bad_parameter", param: "q", msg: "parameter q: " + err.Error()}
	case errors.Is(err, context.Canceled):
		return
	default:
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			he = &httpError{status: http.StatusRequestEntityTooLarge, code: "too_large", msg: "the body is over the size limit"}
			break
		}
		s.cfg.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, code: "internal", msg: "internal error"}
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		body := apiError{Status: he.status, Code: he.code, Message: he.msg}
		if he.param != "" {
			body.Param = &he.param
		}
		writeJSON(w, he.status, struct {
			Error apiError `json:"error"`
		}{body})
		return
	}
	s.renderError(w, he)
}

// apiError is the body of every API error.
type apiError struct {
	Status  int     `json:"status"`
	Code    string  `json:"code"`
	Param   *string `json:"param"`
	Message string  `json:"message"`
}
