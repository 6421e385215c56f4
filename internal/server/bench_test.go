package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

// The benchmark store: $STORYLINE_BENCH_REPORTS synthetic reports
// (default 100,000) in $STORYLINE_BENCH_DB (default a file under the
// system's temporary directory, kept between runs because it takes
// minutes to build).
// benchSeed varies the requests between runs ($STORYLINE_BENCH_SEED):
// against a long-running server, the same requests again would find
// its cache warm.
func benchSeed() uint64 {
	n, _ := strconv.ParseUint(os.Getenv("STORYLINE_BENCH_SEED"), 10, 64)
	return n
}

// benchClients is the number of concurrent clients of BenchmarkServe:
// 20, or $STORYLINE_BENCH_CLIENTS.
func benchClients() int {
	if n, err := strconv.Atoi(os.Getenv("STORYLINE_BENCH_CLIENTS")); err == nil && n > 0 {
		return n
	}
	return 20
}

func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("STORYLINE_BENCH_REPORTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// synth makes a deterministic corpus of invented reports: stories of 100
// reports in 10 events, each report naming its story's actors and
// carrying three of its story's statements, from 50 outlets.
type synth struct {
	rng      *rand.Rand
	vocab    []string
	zipf     *rand.Zipf
	actors   []storyline.Actor
	outlets  []string
	perStory int
}

func newSynth() *synth {
	s := &synth{rng: rand.New(rand.NewPCG(1, 2)), perStory: 100}
	syl := []string{"ka", "lo", "mer", "dan", "vi", "sto", "ra", "pel", "un", "tor", "es", "bri", "gan", "mo", "lu", "fer", "ad", "qui", "zen", "hal"}
	seen := map[string]bool{}
	for len(s.vocab) < 8000 {
		n := 2 + s.rng.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syl[s.rng.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			s.vocab = append(s.vocab, w)
		}
	}
	s.zipf = rand.NewZipf(s.rng, 1.1, 2, uint64(len(s.vocab)-1))
	first := []string{"Mira", "Ana", "Jonas", "Petra", "Ilya", "Sara", "Tomas", "Lena", "Omar", "Kai", "Nadia", "Emil", "Rosa", "Viktor", "Hana", "Luis"}
	last := []string{"Holt", "Sola", "Varga", "Keel", "Orlanov", "Imbert", "Eskeland", "Vetrenko", "Marsh", "Dahl", "Novak", "Brandt", "Costa", "Lind", "Ferro", "Aalto"}
	for i := range 4000 {
		name := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		if i >= len(first)*len(last) {
			name += " " + s.word()
		}
		s.actors = append(s.actors, storyline.Actor{ID: "a" + strconv.Itoa(i+1), Name: name, Kind: storyline.Person, Aliases: []string{name}})
	}
	for i := range 50 {
		s.outlets = append(s.outlets, "Outlet "+strings.ToUpper(s.vocab[i][:1])+s.vocab[i][1:])
	}
	return s
}

func (s *synth) word() string { return s.vocab[s.zipf.Uint64()] }

func (s *synth) words(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = s.word()
	}
	return strings.Join(ws, " ")
}

// report builds report k of story st with its analysis.
func (s *synth) report(st, k int, storyActors []int, statements []string) *storyline.Analysis {
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, st/3+k/10)
	id := fmt.Sprintf("r%07d-%03d", st, k)
	a := &storyline.Analysis{Report: storyline.Report{ID: id, Origin: id + ".txt", Source: s.outlets[s.rng.IntN(len(s.outlets))],
		Published: day.Format("2006-01-02"), Language: "en", Hash: id}}
	var b strings.Builder
	title := s.words(7)
	b.WriteString(title + "\n\n")
	mention := func(ai int) {
		ac := &s.actors[ai]
		start := b.Len()
		b.WriteString(ac.Name)
		a.Mentions = append(a.Mentions, storyline.Mention{Span: storyline.Span{Start: start, End: b.Len()}, Surface: ac.Name, Kind: ac.Kind, ActorID: ac.ID})
	}
	for sent := range 9 {
		b.WriteString(s.words(6) + " ")
		mention(storyActors[s.rng.IntN(len(storyActors))])
		b.WriteString(" " + s.words(8))
		if sent%3 == 0 {
			b.WriteString(" on ")
			start := b.Len()
			b.WriteString(day.Format("January 2"))
			a.Timexes = append(a.Timexes, storyline.Timex{Span: storyline.Span{Start: start, End: b.Len()}, Text: day.Format("January 2"), Type: storyline.Date, Value: day.Format("2006-01-02")})
		}
		b.WriteString(". ")
		if sent%3 == 1 {
			si := s.rng.IntN(len(statements))
			ai := storyActors[si%len(storyActors)]
			b.WriteString("\"")
			qs := b.Len()
			b.WriteString(statements[si])
			qe := b.Len()
			b.WriteString(",\" ")
			cs := b.Len()
			b.WriteString("said ")
			ss := b.Len()
			mention(ai)
			se := b.Len()
			b.WriteString(". ")
			ac := &s.actors[ai]
			a.Quotes = append(a.Quotes, storyline.Quote{Span: storyline.Span{Start: qs, End: qe}, Text: statements[si], Kind: storyline.Direct,
				SpeakerSpan: &storyline.Span{Start: ss, End: se}, SpeakerText: ac.Name, Speaker: ac.Name, SpeakerID: ac.ID,
				Cue: "said", CueSpan: &storyline.Span{Start: cs, End: cs + 4}, Group: fmt.Sprintf("s%d:%d", st, si)})
		}
		if sent%3 == 2 {
			b.WriteString("\n\n")
		}
	}
	a.Report.Title = title
	a.Report.Text = b.String()
	return a
}

// buildSynth fills st with n reports through Put and saves the actors,
// events and stories.
func buildSynth(tb testing.TB, st *sqlite.Store, n int) {
	ctx := context.Background()
	s := newSynth()
	cross := &store.Cross{}
	counts := map[string][2]int{}
	nStories := (n + s.perStory - 1) / s.perStory
	for sti := range nStories {
		storyActors := make([]int, 8)
		for i := range storyActors {
			storyActors[i] = s.rng.IntN(len(s.actors))
		}
		statements := make([]string, 24)
		for i := range statements {
			statements[i] = s.words(10)
		}
		story := storyline.Story{ID: "s" + strconv.Itoa(sti+1)}
		var ev *storyline.Event
		for k := range s.perStory {
			if sti*s.perStory+k >= n {
				break
			}
			a := s.report(sti, k, storyActors, statements)
			if _, err := st.Put(ctx, "file:"+a.Report.Origin, a); err != nil {
				tb.Fatal(err)
			}
			seenActor := map[string]bool{}
			for _, m := range a.Mentions {
				c := counts[m.ActorID]
				c[0]++
				if !seenActor[m.ActorID] {
					c[1]++
					seenActor[m.ActorID] = true
				}
				counts[m.ActorID] = c
			}
			if k%10 == 0 {
				cross.Events = append(cross.Events, storyline.Event{ID: fmt.Sprintf("e%d-%d", sti+1, k/10), Story: story.ID, Title: a.Report.Title, Date: a.Report.Published})
				ev = &cross.Events[len(cross.Events)-1]
				story.Events = append(story.Events, ev.ID)
			}
			ev.Reports = append(ev.Reports, a.Report.ID)
			story.Reports = append(story.Reports, a.Report.ID)
			if story.Title == "" {
				story.Title, story.FirstSeen = a.Report.Title, a.Report.Published
			}
			story.LastSeen = a.Report.Published
		}
		cross.Stories = append(cross.Stories, story)
	}
	for _, ac := range s.actors {
		c := counts[ac.ID]
		if c[0] == 0 {
			continue
		}
		ac.Mentions, ac.Reports = c[0], c[1]
		cross.Actors = append(cross.Actors, ac)
	}
	if err := st.SaveCross(ctx, cross); err != nil {
		tb.Fatal(err)
	}
}

// benchStore opens (building it the first time) the benchmark store.
func benchStore(b *testing.B) (path string, n int) {
	n = benchSize()
	path = os.Getenv("STORYLINE_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("storyline-bench-%d.db", n))
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	have, err := st.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if have != n {
		if have != 0 {
			b.Fatalf("%s holds %d reports, not %d: remove it", path, have, n)
		}
		start := time.Now()
		buildSynth(b, st, n)
		b.Logf("built %d reports in %s at %s", n, time.Since(start).Round(time.Second), path)
	}
	return path, n
}

// BenchmarkServe measures the latency of the story page, the quotes API
// and search with 20 concurrent clients over loopback HTTP, on the
// synthetic store, and reports p50 and p99 in milliseconds.
//
// $STORYLINE_BENCH_RATE bounds the load: the 20 clients together send
// that many requests per second (latency counts from when a request was
// due, so a slow answer delays the next one without hiding it). 0 runs
// them back to back, which measures the server saturated.
// $STORYLINE_BENCH_SEED varies the requests between runs.
// $STORYLINE_BENCH_CLIENTS changes the number of clients (1 measures
// each request alone). $STORYLINE_BENCH_URL sends the requests to a server in another
// process (storyline serve --db the same file) instead of one in this
// process; $STORYLINE_BENCH_ACTIVE sets the in-process server's
// Config.MaxActive (-1: no bound), $STORYLINE_BENCH_WARM its Config.Warm
// (and the benchmark waits for the stories to be built first).
func BenchmarkServe(b *testing.B) {
	path, n := benchStore(b)
	ctx := context.Background()
	base := os.Getenv("STORYLINE_BENCH_URL")
	if base == "" {
		view, err := sqlite.OpenView(ctx, path, 4)
		if err != nil {
			b.Fatal(err)
		}
		defer view.Close()
		active, _ := strconv.Atoi(os.Getenv("STORYLINE_BENCH_ACTIVE"))
		warm, _ := strconv.Atoi(os.Getenv("STORYLINE_BENCH_WARM"))
		s, err := New(Config{Reader: view, Loopback: true, MaxActive: active, Warm: warm})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		if warm > 0 {
			// Let the warmer build the stories before the clients come.
			start := time.Now()
			for s.cache.len() < 2*min(warm, (n+99)/100) && time.Since(start) < 10*time.Minute {
				time.Sleep(50 * time.Millisecond)
			}
			b.Logf("warmed %d answers in %s", s.cache.len(), time.Since(start).Round(time.Millisecond))
		}
		ts := httptest.NewServer(s)
		defer ts.Close()
		base = ts.URL
	}
	base = strings.TrimSuffix(base, "/")
	clients := benchClients()
	seed0 := benchSeed()
	rate := 0.0
	if r, err := strconv.ParseFloat(os.Getenv("STORYLINE_BENCH_RATE"), 64); err == nil && r > 0 {
		rate = r
	}
	syn := newSynth()
	nStories := (n + 99) / 100
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	client := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()

	cases := []struct {
		name string
		url  func(r *rand.Rand) string
	}{
		{"story_page", func(r *rand.Rand) string { return fmt.Sprintf("/stories/s%d", 1+r.IntN(nStories)) }},
		// Readers crowd on a few stories: Zipf-distributed story
		// choice, which the story cache serves.
		{"story_page_popular", func(r *rand.Rand) string {
			return fmt.Sprintf("/stories/s%d", 1+rand.NewZipf(r, 1.2, 1, uint64(nStories-1)).Uint64())
		}},
		{"story_api", func(r *rand.Rand) string { return fmt.Sprintf("/api/v1/stories/s%d", 1+r.IntN(nStories)) }},
		{"quotes_api", func(r *rand.Rand) string {
			return fmt.Sprintf("/api/v1/quotes?actor=a%d&limit=50", 1+r.IntN(len(syn.actors)))
		}},
		{"quotes_of_story_api", func(r *rand.Rand) string {
			return fmt.Sprintf("/api/v1/quotes?story=s%d&limit=50", 1+r.IntN(nStories))
		}},
		{"search_api", func(r *rand.Rand) string {
			return "/api/v1/search?limit=20&q=" + url.QueryEscape(syn.vocab[r.IntN(3000)])
		}},
		{"search_page", func(r *rand.Rand) string {
			return "/search?q=" + url.QueryEscape(syn.vocab[r.IntN(3000)]+" "+syn.vocab[r.IntN(300)])
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			var seed uint64
			b.ReportAllocs()
			// RunParallel starts parallelism × GOMAXPROCS clients, at
			// least as many as asked (20 on 2 or 4 processors).
			procs := runtime.GOMAXPROCS(0)
			b.SetParallelism((clients + procs - 1) / procs)
			nc := ((clients + procs - 1) / procs) * procs
			interval := time.Duration(0)
			if rate > 0 {
				interval = time.Duration(float64(nc) / rate * float64(time.Second))
			}
			start := time.Now()
			cpu0 := cpuTime()
			b.RunParallel(func(pb *testing.PB) {
				mu.Lock()
				seed++
				r := rand.New(rand.NewPCG(seed, seed0))
				mu.Unlock()
				var mine []time.Duration
				due := time.Now()
				if interval > 0 {
					due = due.Add(time.Duration(r.Int64N(int64(interval))))
				}
				for pb.Next() {
					u := base + c.url(r)
					if interval > 0 {
						time.Sleep(time.Until(due))
					} else {
						due = time.Now()
					}
					resp, err := client.Get(u)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					mine = append(mine, time.Since(due))
					due = due.Add(interval)
					if resp.StatusCode != 200 {
						b.Errorf("%s: status %d", u, resp.StatusCode)
						return
					}
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			elapsed := time.Since(start)
			cpu := cpuTime() - cpu0
			if len(lat) == 0 {
				return
			}
			slices.Sort(lat)
			q := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(q(0.50), "p50-ms")
			b.ReportMetric(q(0.99), "p99-ms")
			b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(nc), "clients")
			// CPU this process spent per request (server and client when
			// both run here): what the latency would be with no queue
			// and no other load on the machine.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/req")
		})
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// noGeneration hides the store's generation, so nothing is cached.
type noGeneration struct{ *sqlite.View }

func (noGeneration) Generation(context.Context) (int64, bool, error) { return 0, false, nil }

// BenchmarkStoryPageUncached builds story pages with no cache, one at a
// time, in process: the cost of a cache miss.
func BenchmarkStoryPageUncached(b *testing.B) {
	path, n := benchStore(b)
	view, err := sqlite.OpenView(context.Background(), path, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer view.Close()
	s, err := New(Config{Reader: noGeneration{view}})
	if err != nil {
		b.Fatal(err)
	}
	nStories := (n + 99) / 100
	for _, kind := range []string{"page", "api"} {
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				u := fmt.Sprintf("/stories/s%d", 1+i%nStories)
				if kind == "api" {
					u = "/api/v1" + u
				}
				rr := httptest.NewRecorder()
				s.ServeHTTP(rr, httptest.NewRequest("GET", u, nil))
				if rr.Code != 200 {
					b.Fatalf("%s: %d", u, rr.Code)
				}
			}
		})
	}
}

// BenchmarkStoryRender renders one story page of the benchmark store from
// its gathered data: the template's share of a cache miss.
func BenchmarkStoryRender(b *testing.B) {
	path, _ := benchStore(b)
	view, err := sqlite.OpenView(context.Background(), path, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer view.Close()
	s, err := New(Config{Reader: view})
	if err != nil {
		b.Fatal(err)
	}
	sv, err := s.loadStory(httptest.NewRequest("GET", "/stories/s7", nil), "s7")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.renderBytes("story", sv.Story.Title, "stories", sv); err != nil {
			b.Fatal(err)
		}
	}
}
