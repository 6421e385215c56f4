package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

// xssTitle and xssText carry the script, the image with an error handler
// and the javascript: link that must show as text and never run.
const (
	xssTitle = `Harbour row <script>alert(1)</script> <img src=x onerror=alert(1)>`
	xssText  = "Harbour row <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n" +
		`Read <a href="javascript:alert(1)">the minister's note</a> now. ` +
		`Minister Ana Sola said "<script>alert(1)</script> is not a policy" on Monday.`
)

// span finds sub in text (the n-th occurrence, from 0).
func span(t testing.TB, text, sub string, n int) storyline.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if n == 0 {
			return storyline.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

// fixture builds a small store by hand: two stories, three reports, one
// of them hostile.
func fixture(t testing.TB) (*sqlite.Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fixture.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	t1 := "Tanker seized\n\nVarnia's coast guard seized the Marisol Dawn on Tuesday. " +
		`"We will not negotiate under threat," said Mira Holt, the Kestorian foreign minister.`
	t2 := "Crew freed\n\nThe crew of the Marisol Dawn came home on March 16. " +
		`Mira Holt said "We will not negotiate under threat" again.`
	reports := []*storyline.Analysis{
		{Report: storyline.Report{ID: "r1", Origin: "2026-02-24_a.txt", Source: "Kestoria Today", Title: "Tanker seized", Published: "2026-02-24", Language: "en", Text: t1, Hash: "h1"}},
		{Report: storyline.Report{ID: "r2", Origin: "2026-03-16_b.txt", Source: "Northwind Agency", Title: "Crew freed", Published: "2026-03-16", Language: "en", Text: t2, Hash: "h2"}},
		{Report: storyline.Report{ID: "rx", Origin: "2026-03-20_x.txt", Source: "Evil <b>Outlet</b>", URL: "javascript:alert(1)", Title: xssTitle, Published: "2026-03-20", Language: "en", Text: xssText, Hash: "hx"}},
	}
	a1, a2, ax := reports[0], reports[1], reports[2]
	a1.Mentions = []storyline.Mention{
		{Span: span(t, t1, "Varnia", 0), Surface: "Varnia", Kind: storyline.Place, ActorID: "a2"},
		{Span: span(t, t1, "Marisol Dawn", 0), Surface: "Marisol Dawn", Kind: storyline.Other},
		{Span: span(t, t1, "Mira Holt", 0), Surface: "Mira Holt", Kind: storyline.Person, ActorID: "a1"},
	}
	sp1 := span(t, t1, "Mira Holt", 0)
	cue1 := span(t, t1, "said", 0)
	a1.Quotes = []storyline.Quote{{Span: span(t, t1, "We will not negotiate under threat,", 0), Text: "We will not negotiate under threat,", Kind: storyline.Direct,
		SpeakerSpan: &sp1, SpeakerText: "Mira Holt", Speaker: "Mira Holt", SpeakerID: "a1", Cue: "said", CueSpan: &cue1, Group: "g1"}}
	a1.Timexes = []storyline.Timex{{Span: span(t, t1, "Tuesday", 0), Text: "Tuesday", Type: storyline.Date, Value: "2026-02-24"}}
	a2.Mentions = []storyline.Mention{{Span: span(t, t2, "Mira Holt", 0), Surface: "Mira Holt", Kind: storyline.Person, ActorID: "a1"}}
	sp2 := span(t, t2, "Mira Holt", 0)
	a2.Quotes = []storyline.Quote{{Span: span(t, t2, "We will not negotiate under threat", 0), Text: "We will not negotiate under threat", Kind: storyline.Direct,
		SpeakerSpan: &sp2, SpeakerText: "Mira Holt", Speaker: "Mira Holt", SpeakerID: "a1", Cue: "said", Group: "g1"}}
	a2.Timexes = []storyline.Timex{{Span: span(t, t2, "March 16", 0), Text: "March 16", Type: storyline.Date, Value: "2026-03-16"}}
	spx := span(t, xssText, "Minister Ana Sola", 0)
	ax.Mentions = []storyline.Mention{{Span: span(t, xssText, "Ana Sola", 0), Surface: "Ana Sola", Kind: storyline.Person, ActorID: "a3"}}
	ax.Quotes = []storyline.Quote{{Span: span(t, xssText, "<script>alert(1)</script> is not a policy", 0), Text: "<script>alert(1)</script> is not a policy",
		Kind: storyline.Direct, SpeakerSpan: &spx, SpeakerText: "Minister Ana Sola", Speaker: "Ana Sola", SpeakerID: "a3", Cue: "said", Group: "gx"}}
	ax.Timexes = []storyline.Timex{{Span: span(t, xssText, "Monday", 0), Text: "Monday", Type: storyline.Date, Value: "2026-03-16"}}
	for _, a := range reports {
		if _, err := st.Put(ctx, "file:"+a.Report.Origin, a); err != nil {
			t.Fatal(err)
		}
	}
	cross := &store.Cross{
		Actors: []storyline.Actor{
			{ID: "a1", Name: "Mira Holt", Kind: storyline.Person, Aliases: []string{"Mira Holt", "Holt"}, Descriptors: []string{"Kestorian foreign minister"}, Mentions: 2, Reports: 2},
			{ID: "a2", Name: "Varnia", Kind: storyline.Place, Aliases: []string{"Varnia"}, Mentions: 1, Reports: 1},
			{ID: "a3", Name: "Ana Sola <script>alert(1)</script>", Kind: storyline.Person, Aliases: []string{"<img src=x onerror=alert(1)>"}, Mentions: 1, Reports: 1},
		},
		Events: []storyline.Event{
			{ID: "e1", Story: "s1", Title: "Tanker seized", Reports: []string{"r1"}, Date: "2026-02-24"},
			{ID: "e2", Story: "s1", Title: "Crew freed", Reports: []string{"r2"}, Date: "2026-03-16"},
			{ID: "e3", Story: "s2", Title: xssTitle, Reports: []string{"rx"}, Date: "2026-03-20"},
		},
		Stories: []storyline.Story{
			{ID: "s1", Title: "The Marisol Dawn seizure", Events: []string{"e1", "e2"}, Reports: []string{"r1", "r2"}, FirstSeen: "2026-02-24", LastSeen: "2026-03-16"},
			{ID: "s2", Title: xssTitle, Events: []string{"e3"}, Reports: []string{"rx"}, FirstSeen: "2026-03-20", LastSeen: "2026-03-20"},
		},
	}
	if err := st.SaveCross(ctx, cross); err != nil {
		t.Fatal(err)
	}
	return st, path
}

// newTestServer serves the fixture; cfg's Reader is filled in.
func newTestServer(t testing.TB, cfg Config) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	st, _ := fixture(t)
	cfg.Reader = st.View()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, st
}

func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}
