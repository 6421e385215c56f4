package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

// decode reads a JSON body into a generic value.
func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	return v
}

// ids lists the field f of every item of a listing.
func ids(v map[string]any, f string) []string {
	var out []string
	items, _ := v["items"].([]any)
	for _, it := range items {
		m, _ := it.(map[string]any)
		s, _ := m[f].(string)
		out = append(out, s)
	}
	return out
}

func TestAPIEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	tests := []struct {
		name, path string
		check      func(t *testing.T, v map[string]any)
	}{
		{"openapi", "/api/v1/openapi.json", func(t *testing.T, v map[string]any) {
			if v["openapi"] != "3.1.0" {
				t.Errorf("openapi = %v", v["openapi"])
			}
			paths, _ := v["paths"].(map[string]any)
			for _, rt := range routes {
				if rt.api == nil {
					continue
				}
				p, _ := paths[rt.pattern].(map[string]any)
				if p[strings.ToLower(rt.method)] == nil {
					t.Errorf("openapi lacks %s %s", rt.method, rt.pattern)
				}
			}
		}},
		{"stories", "/api/v1/stories", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"s2", "s1"}; !slices.Equal(got, want) {
				t.Errorf("stories = %v, want %v (latest first)", got, want)
			}
			if v["next_cursor"] != nil {
				t.Errorf("next_cursor = %v, want null", v["next_cursor"])
			}
		}},
		{"story", "/api/v1/stories/s1", func(t *testing.T, v map[string]any) {
			tl := v["timeline"].([]any)
			if len(tl) != 2 || tl[0].(map[string]any)["event"] != "e1" || tl[1].(map[string]any)["event"] != "e2" {
				t.Errorf("timeline = %v", tl)
			}
			sp := v["speakers"].([]any)
			first := sp[0].(map[string]any)
			if first["speaker"] != "Mira Holt" {
				t.Fatalf("first speaker = %v", first["speaker"])
			}
			stmts := first["statements"].([]any)
			if len(stmts) != 1 || len(stmts[0].(map[string]any)["reports"].([]any)) != 2 {
				t.Errorf("Mira Holt's statements = %v, want one carried by two reports", stmts)
			}
			if n := len(v["outlets"].([]any)); n != 2 {
				t.Errorf("outlets = %d, want 2", n)
			}
			if n := len(v["actors"].([]any)); n != 2 {
				t.Errorf("actors = %d, want 2", n)
			}
		}},
		{"timeline", "/api/v1/stories/s1/timeline", func(t *testing.T, v map[string]any) {
			if n := len(v["timeline"].([]any)); n != 2 {
				t.Errorf("rows = %d", n)
			}
		}},
		{"events", "/api/v1/events?story=s1", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"e2", "e1"}; !slices.Equal(got, want) {
				t.Errorf("events = %v, want %v", got, want)
			}
		}},
		{"events by date", "/api/v1/events?from=2026-03-01&to=2026-03-16", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"e2"}; !slices.Equal(got, want) {
				t.Errorf("events = %v, want %v", got, want)
			}
		}},
		{"event", "/api/v1/events/e1", func(t *testing.T, v map[string]any) {
			reps := v["reports"].([]any)
			if len(reps) != 1 || reps[0].(map[string]any)["id"] != "r1" {
				t.Errorf("reports = %v", reps)
			}
		}},
		{"reports", "/api/v1/reports", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"rx", "r2", "r1"}; !slices.Equal(got, want) {
				t.Errorf("reports = %v, want %v", got, want)
			}
		}},
		{"reports by outlet", "/api/v1/reports?outlet=" + url.QueryEscape("Kestoria Today"), func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"r1"}; !slices.Equal(got, want) {
				t.Errorf("reports = %v, want %v", got, want)
			}
		}},
		{"reports by actor", "/api/v1/reports?actor=a1", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"r2", "r1"}; !slices.Equal(got, want) {
				t.Errorf("reports = %v, want %v", got, want)
			}
		}},
		{"reports by story and date", "/api/v1/reports?story=s1&from=2026-03-01", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"r2"}; !slices.Equal(got, want) {
				t.Errorf("reports = %v, want %v", got, want)
			}
		}},
		{"report", "/api/v1/reports/r1", func(t *testing.T, v map[string]any) {
			if n := len(v["mentions"].([]any)); n != 3 {
				t.Errorf("mentions = %d", n)
			}
			q := v["quotes"].([]any)[0].(map[string]any)
			text := v["report"].(map[string]any)["text"].(string)
			if s, e := int(q["start"].(float64)), int(q["end"].(float64)); text[s:e] != q["text"] {
				t.Errorf("quote span %d:%d is %q, text %q", s, e, text[s:e], q["text"])
			}
		}},
		{"actors", "/api/v1/actors", func(t *testing.T, v map[string]any) {
			if got := ids(v, "id"); len(got) != 3 || got[0] != "a1" {
				t.Errorf("actors = %v, want a1 (most mentioned) first", got)
			}
		}},
		{"actors by kind", "/api/v1/actors?kind=place", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"a2"}; !slices.Equal(got, want) {
				t.Errorf("actors = %v, want %v", got, want)
			}
		}},
		{"actors by name", "/api/v1/actors?name=mira", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "id"), []string{"a1"}; !slices.Equal(got, want) {
				t.Errorf("actors = %v, want %v", got, want)
			}
		}},
		{"actor", "/api/v1/actors/a1", func(t *testing.T, v map[string]any) {
			if v["name"] != "Mira Holt" {
				t.Errorf("name = %v", v["name"])
			}
		}},
		{"quotes by speaker", "/api/v1/quotes?actor=a1", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "report"), []string{"r2", "r1"}; !slices.Equal(got, want) {
				t.Errorf("quotes = %v, want %v", got, want)
			}
		}},
		{"quotes by group", "/api/v1/quotes?group=g1", func(t *testing.T, v map[string]any) {
			if n := len(ids(v, "report")); n != 2 {
				t.Errorf("quotes = %d", n)
			}
		}},
		{"quotes by story", "/api/v1/quotes?story=s2", func(t *testing.T, v map[string]any) {
			if got, want := ids(v, "report"), []string{"rx"}; !slices.Equal(got, want) {
				t.Errorf("quotes = %v, want %v", got, want)
			}
		}},
		{"quotes by report and kind", "/api/v1/quotes?report=r1&kind=indirect", func(t *testing.T, v map[string]any) {
			if n := len(ids(v, "report")); n != 0 {
				t.Errorf("quotes = %d, want 0", n)
			}
		}},
		{"search", "/api/v1/search?q=negotiate", func(t *testing.T, v map[string]any) {
			kinds := ids(v, "kind")
			if !slices.Contains(kinds, "quote") || !slices.Contains(kinds, "report") {
				t.Errorf("kinds = %v, want reports and quotes", kinds)
			}
			h := v["items"].([]any)[0].(map[string]any)
			snip := h["snippet"].(string)
			marks := h["highlights"].([]any)
			if len(marks) == 0 {
				t.Fatalf("no highlights in %q", snip)
			}
			m := marks[0].([]any)
			if got := snip[int(m[0].(float64)):int(m[1].(float64))]; !strings.EqualFold(got, "negotiate") {
				t.Errorf("highlight = %q", got)
			}
		}},
		{"search quotes of a speaker", "/api/v1/search?q=negotiate&kind=quote&actor=a1", func(t *testing.T, v map[string]any) {
			if got := ids(v, "kind"); len(got) != 2 {
				t.Errorf("hits = %v, want 2 quotes", got)
			}
		}},
		{"search filters", "/api/v1/search?q=negotiate&kind=report&outlet=" + url.QueryEscape("Northwind Agency") + "&from=2026-03-01&to=2026-03-31", func(t *testing.T, v map[string]any) {
			items := v["items"].([]any)
			if len(items) != 1 || items[0].(map[string]any)["report"].(map[string]any)["id"] != "r2" {
				t.Errorf("hits = %v", items)
			}
		}},
		{"search syntax is never an error", "/api/v1/search?q=" + url.QueryEscape(`"unclosed AND ( NEAR * OR`), func(t *testing.T, v map[string]any) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts.URL+tt.path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			tt.check(t, decode(t, body))
		})
	}
}

func TestAPIPagination(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	for _, tt := range []struct{ path, field string }{
		{"/api/v1/stories", "id"},
		{"/api/v1/events", "id"},
		{"/api/v1/reports", "id"},
		{"/api/v1/actors", "id"},
		{"/api/v1/quotes", "text"},
		{"/api/v1/search?q=negotiate+OR+script", "snippet"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			_, body := get(t, ts.URL+tt.path)
			all := ids(decode(t, body), tt.field)
			sep := "?"
			if strings.Contains(tt.path, "?") {
				sep = "&"
			}
			var paged []string
			cursor := ""
			for range 10 {
				u := ts.URL + tt.path + sep + "limit=1"
				if cursor != "" {
					u += "&cursor=" + cursor
				}
				resp, body := get(t, u)
				if resp.StatusCode != 200 {
					t.Fatalf("%s: status %d: %s", u, resp.StatusCode, body)
				}
				v := decode(t, body)
				paged = append(paged, ids(v, tt.field)...)
				next, _ := v["next_cursor"].(string)
				if next == "" {
					break
				}
				cursor = next
			}
			if !slices.Equal(paged, all) || len(all) < 2 {
				t.Errorf("page by page %q, all at once %q", paged, all)
			}
		})
	}
}

func TestAPIBadParameters(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	_, body := get(t, ts.URL+"/api/v1/stories?limit=1")
	storyCursor := decode(t, body)["next_cursor"].(string)
	tests := []struct{ path, param string }{
		{"/api/v1/stories?limit=0", "limit"},
		{"/api/v1/stories?limit=abc", "limit"},
		{"/api/v1/stories?limit=201", "limit"},
		{"/api/v1/stories?limit=1&limit=2", "limit"},
		{"/api/v1/stories?cursor=!!", "cursor"},
		{"/api/v1/stories?cursor=abc", "cursor"},
		{"/api/v1/reports?cursor=" + storyCursor, "cursor"},
		{"/api/v1/stories?colour=blue", "colour"},
		{"/api/v1/events?from=2026-13-01", "from"},
		{"/api/v1/events?from=2026-03-02&to=2026-03-01", "to"},
		{"/api/v1/reports?to=yesterday", "to"},
		{"/api/v1/reports?story=nope&limit=x", "limit"},
		{"/api/v1/actors?kind=alien", "kind"},
		{"/api/v1/quotes?kind=loud", "kind"},
		{"/api/v1/search?kind=video", "kind"},
		{"/api/v1/search?q=" + strings.Repeat("a", 600), "q"},
		{"/api/v1/search?q=%zz", "q"},
		{"/api/v1/search?q=%ff", "q"},
		{"/api/v1/search?outlet=a%00b", "outlet"},
		{"/api/v1/stories/s1?limit=5", "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, ts.URL+tt.path)
			if resp.StatusCode != 400 {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, body)
			}
			e := decode(t, body)["error"].(map[string]any)
			if e["param"] != tt.param {
				t.Errorf("param = %v, want %q (%v)", e["param"], tt.param, e["message"])
			}
			if e["status"] != float64(400) || e["code"] != "bad_parameter" {
				t.Errorf("error = %v", e)
			}
		})
	}
}

func TestAPINotFoundAndMethods(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/v1/stories/nope", 404},
		{"GET", "/api/v1/stories/nope/timeline", 404},
		{"GET", "/api/v1/events/nope", 404},
		{"GET", "/api/v1/reports/nope", 404},
		{"GET", "/api/v1/actors/nope", 404},
		{"GET", "/api/v1/quotes?story=nope", 404},
		{"GET", "/api/v1/nothing", 404},
		{"DELETE", "/api/v1/stories", 405},
		{"PUT", "/api/v1/reports", 405},
		{"POST", "/api/v1/stories/s1", 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, b)
			}
			e := decode(t, string(b))["error"].(map[string]any)
			if e["status"] != float64(tt.status) {
				t.Errorf("error = %v", e)
			}
		})
	}
}

// fakeIngester records what it was given.
type fakeIngester struct {
	body, name string
	result     IngestResult
}

func (f *fakeIngester) Ingest(ctx context.Context, body io.Reader, name string) (*IngestResult, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	f.body, f.name = string(b), name
	r := f.result
	return &r, nil
}

func TestIngestWriteRules(t *testing.T) {
	added := IngestResult{Added: 1, Reports: []string{"new"}}
	tests := []struct {
		name     string
		cfg      Config
		query    string
		header   map[string]string
		result   IngestResult
		status   int
		wantBody bool
	}{
		{name: "loopback, no token", cfg: Config{Loopback: true}, result: added, status: 201, wantBody: true},
		{name: "loopback, unchanged", cfg: Config{Loopback: true}, result: IngestResult{Unchanged: 1}, status: 200, wantBody: true},
		{name: "loopback, nothing stored", cfg: Config{Loopback: true}, result: IngestResult{Failed: 1, Failures: []Failure{{"-", "empty"}}}, status: 422, wantBody: true},
		{name: "loopback, named file", cfg: Config{Loopback: true}, query: "?name=2026-03-01_post.txt", result: added, status: 201, wantBody: true},
		{name: "bad file name", cfg: Config{Loopback: true}, query: "?name=../../etc/passwd", result: added, status: 400},
		{name: "public, no token configured", cfg: Config{}, result: added, status: 403},
		{name: "public, token missing", cfg: Config{Token: "s3cret"}, result: added, status: 401},
		{name: "public, token wrong", cfg: Config{Token: "s3cret"}, header: map[string]string{"Authorization": "Bearer nope"}, result: added, status: 401},
		{name: "public, token right", cfg: Config{Token: "s3cret"}, header: map[string]string{"Authorization": "Bearer s3cret"}, result: added, status: 201, wantBody: true},
		{name: "loopback with token, missing", cfg: Config{Loopback: true, Token: "s3cret"}, result: added, status: 401},
		{name: "cross-site browser request", cfg: Config{Loopback: true}, header: map[string]string{"Sec-Fetch-Site": "cross-site"}, result: added, status: 403},
		{name: "foreign origin", cfg: Config{Loopback: true}, header: map[string]string{"Origin": "http://evil.example"}, result: added, status: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi := &fakeIngester{result: tt.result}
			tt.cfg.Ingester = fi
			ts, _ := newTestServer(t, tt.cfg)
			req, _ := http.NewRequest("POST", ts.URL+"/api/v1/reports"+tt.query, strings.NewReader("Title\n\nSome text."))
			req.Header.Set("Content-Type", "text/plain")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, b)
			}
			v := decode(t, string(b))
			if got := fi.body != ""; got != tt.wantBody {
				t.Errorf("ingester called = %v, want %v", got, tt.wantBody)
			}
			if tt.status >= 400 && tt.status != 422 {
				if _, ok := v["error"]; !ok {
					t.Errorf("no error object: %s", b)
				}
				return
			}
			if v["added"] != float64(tt.result.Added) {
				t.Errorf("body = %s", b)
			}
			if tt.query != "" && fi.name != "2026-03-01_post.txt" {
				t.Errorf("name = %q", fi.name)
			}
		})
	}
}

func TestIngestTooLarge(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true, MaxBody: 10, Ingester: &fakeIngester{}})
	resp, err := http.Post(ts.URL+"/api/v1/reports", "text/plain", strings.NewReader(strings.Repeat("x", 100)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}

func TestHostCheck(t *testing.T) {
	ts, _ := newTestServer(t, Config{Loopback: true})
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"", 200},
		{"localhost:8080", 200},
		{"[::1]:8080", 200},
		{"evil.example", 421},
		{"127.0.0.1.evil.example", 421},
	} {
		t.Run(tt.host, func(t *testing.T) {
			req, _ := http.NewRequest("GET", ts.URL+"/api/v1/stories", nil)
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
}

func TestStoryCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	st, path := fixture(t)
	view, err := sqlite.OpenView(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	s, err := New(Config{Reader: view, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, p := range []string{"/stories/s1", "/api/v1/stories/s1", "/api/v1/stories/s1/timeline"} {
		for range 2 {
			if resp, body := get(t, ts.URL+p); resp.StatusCode != 200 || !strings.Contains(body, "Tanker seized") {
				t.Fatalf("%s: %d %s", p, resp.StatusCode, body)
			}
		}
	}
	if n := s.cache.len(); n != 3 {
		t.Errorf("cache holds %d answers, want 3", n)
	}
	// The cross-report stage renames the story: the next answers say so.
	stories, _ := st.Stories(ctx)
	events, _ := st.Events(ctx)
	actors, _ := st.Actors(ctx)
	stories[0].Title = "Renamed story"
	events[0].Title = "Renamed event"
	if err := st.SaveCross(ctx, &store.Cross{Stories: stories, Events: events, Actors: actors}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{"/stories/s1": "Renamed story", "/api/v1/stories/s1": "Renamed story", "/api/v1/stories/s1/timeline": "Renamed event"} {
		if _, body := get(t, ts.URL+p); !strings.Contains(body, want) {
			t.Errorf("%s after the write lacks %q", p, want)
		}
	}
}
