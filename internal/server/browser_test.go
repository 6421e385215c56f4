package server

// Browser tests: Debian's chromium, driven with chromedp, reads the pages
// a person reads. They skip, saying why, when no chromium is installed
// (apt-get install -y chromium). Screenshots go to testdata/out/.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium or Chrome binary: $STORYLINE_CHROMIUM, else
// the usual names on PATH.
func chromium() string {
	if p := os.Getenv("STORYLINE_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// guard runs in every document before the page's own scripts: it counts
// alert calls and the script the Content-Security-Policy blocked. A page
// that escapes everything leaves both at zero even without the policy.
const guard = `
window.__alerts = 0;
window.__blocked = [];
window.alert = function () { window.__alerts++; };
window.confirm = window.prompt = window.alert;
document.addEventListener('securitypolicyviolation', function (e) { window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI); });
`

// browser starts a headless Chromium for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("browser tests skipped: no chromium binary found (apt-get install -y chromium, or set STORYLINE_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	// The first Run starts the browser; its context must not time out.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: guard}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// step runs one action with a time limit.
func step[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// visit opens a page and checks that nothing ran that should not have.
func visit(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	step(t, ctx, chromedp.Navigate(u))
	step(t, ctx, chromedp.WaitReady(chromedp.CSS("body")))
	if n := step(t, ctx, chromedp.Evaluate[int](`window.__alerts`)); n != 0 {
		t.Errorf("%s: alert was called %d times", u, n)
	}
	if b := step(t, ctx, chromedp.Evaluate[[]string](`window.__blocked`)); len(b) > 0 {
		t.Errorf("%s: the Content-Security-Policy blocked %v", u, b)
	}
}

// screenshot saves the whole page, and what the screen shows first,
// under testdata/out.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	save(t, name, step(t, ctx, chromedp.FullScreenshot(100)))
	save(t, name+"-screen", step(t, ctx, chromedp.CaptureScreenshot()))
}

func save(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return step(t, ctx, chromedp.Evaluate[T](js))
}

func TestBrowserExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx := browser(t)
	st, ing := examplesStore(t)
	s, err := New(Config{Reader: st.View(), Ingester: ing, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	// The story list.
	visit(t, ctx, ts.URL+"/")
	type link struct{ Text, Href string }
	stories := eval[[]link](t, ctx, `[...document.querySelectorAll('#stories .card h2 a')].map(a => ({Text: a.innerText, Href: a.getAttribute('href')}))`)
	if len(stories) == 0 {
		t.Fatal("the story list shows no story")
	}
	screenshot(t, ctx, "stories")

	// The story page: its timeline, who said what, coverage.
	visit(t, ctx, ts.URL+stories[0].Href)
	if h1 := eval[string](t, ctx, `document.querySelector('h1').innerText`); h1 != stories[0].Text {
		t.Errorf("story heading %q, want %q", h1, stories[0].Text)
	}
	type row struct{ Date, Title string }
	rows := eval[[]row](t, ctx, `[...document.querySelectorAll('.tl-row')].filter(r => r.offsetHeight > 0).map(r => ({Date: r.querySelector('time').innerText, Title: r.querySelector('h3').innerText}))`)
	if len(rows) < 2 {
		t.Fatalf("timeline shows %d rows, want several", len(rows))
	}
	for i, r := range rows {
		if r.Title == "" || r.Date == "" {
			t.Errorf("timeline row %d is blank: %+v", i, r)
		}
		if i > 0 && r.Date < rows[i-1].Date && r.Date != "—" {
			t.Errorf("timeline out of order: %s after %s", r.Date, rows[i-1].Date)
		}
	}
	t.Logf("timeline: %d rows, first %+v", len(rows), rows[0])
	type said struct{ Speaker, ActorHref, Quote, ReportHref string }
	saids := eval[[]said](t, ctx, `[...document.querySelectorAll('.speaker-block')].filter(b => b.querySelector('.speaker-name a')).map(b => ({
		Speaker: b.querySelector('.speaker-name a').innerText,
		ActorHref: b.querySelector('.speaker-name a').getAttribute('href'),
		Quote: b.querySelector('.statement blockquote').innerText,
		ReportHref: b.querySelector('.statement .carriers a').getAttribute('href')}))`)
	if len(saids) == 0 {
		t.Fatal("who said what shows no quote with a resolved speaker")
	}
	sd := saids[0]
	if sd.Speaker == "" || sd.Quote == "" {
		t.Fatalf("first statement: %+v", sd)
	}
	t.Logf("who said what: %d speakers; %s: %q", len(saids), sd.Speaker, sd.Quote)
	if n := eval[int](t, ctx, `document.querySelectorAll('#coverage meter').length`); n < 2 {
		t.Errorf("coverage shows %d outlets", n)
	}
	screenshot(t, ctx, "story")
	step(t, ctx, chromedp.Navigate(ts.URL+stories[0].Href+"#who-said-what"))
	save(t, "story-who-said-what-screen", step(t, ctx, chromedp.CaptureScreenshot()))

	// On a phone-width screen nothing is wider than the screen.
	step(t, ctx, chromedp.EmulateViewport(390, 844))
	visit(t, ctx, ts.URL+stories[0].Href)
	if w := eval[[]int](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
		t.Errorf("phone width: page is %d px wide on a %d px screen", w[0], w[1])
	}
	screenshot(t, ctx, "story-phone")
	step(t, ctx, chromedp.EmulateViewport(1280, 900))

	// The report that carries the quote: the quote is highlighted in the
	// text, with its speaker; names and dates are marked.
	visit(t, ctx, ts.URL+sd.ReportHref)
	hash := sd.ReportHref[strings.Index(sd.ReportHref, "#"):]
	type markInfo struct {
		Tag, Class, Text string
		Visible          bool
	}
	m := eval[markInfo](t, ctx, `(() => { const m = document.querySelector('#report-text `+hash+`'); return m ? {Tag: m.tagName, Class: m.className, Text: m.innerText, Visible: m.getBoundingClientRect().height > 0} : {}; })()`)
	if m.Tag != "MARK" || !strings.Contains(m.Class, "quote") || !m.Visible {
		t.Fatalf("quote %s is not a visible highlighted span: %+v", hash, m)
	}
	if strings.TrimSpace(m.Text) != strings.TrimSpace(sd.Quote) {
		t.Errorf("highlighted quote %q, story page says %q", m.Text, sd.Quote)
	}
	counts := eval[map[string]int](t, ctx, `({speaker: document.querySelectorAll('#report-text mark.speaker').length,
		ent: document.querySelectorAll('#report-text .ent').length, date: document.querySelectorAll('#report-text mark.date').length})`)
	for _, k := range []string{"speaker", "ent", "date"} {
		if counts[k] == 0 {
			t.Errorf("report text has no %s highlighted", k)
		}
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll('.quotes tbody tr')].map(r => r.innerText).join('\n')`); !strings.Contains(got, strings.TrimSpace(sd.Quote)) {
		t.Errorf("quotes table lacks the quote")
	}
	screenshot(t, ctx, "report")

	// The speaker's actor page: the quote over time.
	visit(t, ctx, ts.URL+sd.ActorHref)
	if h1 := eval[string](t, ctx, `document.querySelector('h1').innerText`); h1 != sd.Speaker {
		t.Errorf("actor page heading %q, want %q", h1, sd.Speaker)
	}
	qs := eval[[]string](t, ctx, `[...document.querySelectorAll('.quotes-over-time blockquote')].map(b => b.innerText)`)
	found := false
	for _, q := range qs {
		found = found || strings.TrimSpace(q) == strings.TrimSpace(sd.Quote)
	}
	if !found {
		t.Errorf("actor page quotes %q lack %q", qs, sd.Quote)
	}
	screenshot(t, ctx, "actor")

	// Search for a word of the quote: the hit shows it marked.
	word := longestWord(sd.Quote)
	visit(t, ctx, ts.URL+"/search?q="+url.QueryEscape(word))
	hits := eval[[]string](t, ctx, `[...document.querySelectorAll('#hits mark.hit')].map(m => m.innerText)`)
	if len(hits) == 0 {
		t.Fatalf("search for %q shows no marked hit", word)
	}
	if !strings.EqualFold(hits[0], word) {
		t.Errorf("search for %q marks %q", word, hits[0])
	}
	if v := eval[string](t, ctx, `document.querySelector('input[name=q]').value`); v != word {
		t.Errorf("search box holds %q", v)
	}
	screenshot(t, ctx, "search")
}

func longestWord(s string) string {
	best := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// TestBrowserXSS ingests a hostile report over the API and opens every
// page that shows it: nothing of it runs, and it reads as text.
func TestBrowserXSS(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx := browser(t)
	st, ing := examplesStore(t)
	s, err := New(Config{Reader: st.View(), Ingester: ing, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	const payload = `<script>alert(1)</script> <img src=x onerror=alert(1)>`
	rec := map[string]string{
		"id": "hostile", "source": "Evil <b>Outlet</b>", "url": "javascript:alert(1)", "published": "2026-03-31",
		"title": payload + " Varnia tanker row",
		"text": payload + "\n\nRead <a href=\"javascript:alert(1)\">the note</a> about the Marisol Dawn tanker. " +
			`Kestorian foreign minister Ana Sola said "` + payload + ` will not stop the talks" on Monday in Belmarra.`,
	}
	line, _ := json.Marshal(rec)
	resp, err := http.Post(ts.URL+"/api/v1/reports", "application/x-ndjson", strings.NewReader(string(line)+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("ingest: status %d: %s", resp.StatusCode, body)
	}
	var res IngestResult
	if err := json.Unmarshal(body, &res); err != nil || len(res.Reports) != 1 {
		t.Fatalf("ingest: %s", body)
	}
	id := res.Reports[0]

	// Every page that shows the report.
	pages := []string{"/", "/reports", "/reports/" + id, "/search?q=alert", "/search?q=alert&kind=quote", "/search?q=script&outlet=" + url.QueryEscape("Evil <b>Outlet</b>")}
	var stories struct{ Items []struct{ ID string } }
	getJSON(t, ts.URL+"/api/v1/stories?limit=200", &stories)
	for _, sto := range stories.Items {
		var d struct{ Reports []struct{ ID string } }
		getJSON(t, ts.URL+"/api/v1/stories/"+sto.ID, &d)
		for _, r := range d.Reports {
			if r.ID == id {
				pages = append(pages, "/stories/"+sto.ID)
			}
		}
	}
	var quotes struct {
		Items []struct {
			SpeakerID string `json:"speaker_id"`
		}
	}
	getJSON(t, ts.URL+"/api/v1/quotes?report="+id, &quotes)
	for _, q := range quotes.Items {
		if q.SpeakerID != "" {
			pages = append(pages, "/actors/"+q.SpeakerID)
			break
		}
	}
	if !strings.Contains(strings.Join(pages, " "), "/stories/") {
		t.Errorf("the hostile report is in no story")
	}
	t.Logf("pages: %v", pages)
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			visit(t, ctx, ts.URL+p)
			dom := eval[map[string]int](t, ctx, `({
				scripts: document.querySelectorAll('script').length,
				imgs: document.querySelectorAll('img').length,
				handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
				jslinks: [...document.querySelectorAll('[href],[src],[action]')].filter(e => /^\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))).length})`)
			for k, n := range dom {
				if n != 0 {
					t.Errorf("page has %d %s", n, k)
				}
			}
			text := eval[string](t, ctx, `document.body.innerText`)
			if !strings.Contains(text, "<script>alert(1)</script>") && !strings.Contains(text, "alert(1)") {
				t.Errorf("the hostile text is not visible as text")
			}
			if p == "/reports/"+id {
				for _, w := range []string{payload, `<a href="javascript:alert(1)">the note</a>`} {
					if !strings.Contains(text, w) {
						t.Errorf("report page does not show %q as text", w)
					}
				}
				screenshot(t, ctx, "xss-report")
			}
		})
	}
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s: status %d", u, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
