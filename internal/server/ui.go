package server

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/microcosm-cc/bluemonday"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

var staticFS = mustSub(staticFiles, "static")

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return s
}

// pages holds the parsed templates, one set per page.
type pages struct {
	t      map[string]*template.Template
	policy *bluemonday.Policy
}

func loadPages() (*pages, error) {
	pg := &pages{t: map[string]*template.Template{}, policy: highlightPolicy()}
	funcs := template.FuncMap{
		"snippet": func(s string) template.HTML { return pg.snippet(s) },
		"hits":    func(hs []sqlite.Hit) template.HTML { return pg.hits(hs) },
		"webURL":  webURL,
		"orDash":  func(s string) string { return cmp.Or(s, "—") },
		"day":     day,
		"outlet":  outlet,
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", n)
		if err != nil {
			return nil, err
		}
		pg.t[base] = t
	}
	return pg, nil
}

// snippet renders a search snippet with its matched words marked. It is
// safe by construction, with no sanitiser pass (which cost more than the
// rest of the search page's rendering): all of its text is escaped, and
// its only markup is balanced <mark class="hit"> elements.
// FuzzSnippet checks that the highlight policy finds nothing to change.
func (pg *pages) snippet(s string) template.HTML {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 64)
	open := false
	for s != "" {
		i := strings.IndexAny(s, "\x02\x03")
		if i < 0 {
			b.WriteString(snippetEscaper.Replace(s))
			break
		}
		b.WriteString(snippetEscaper.Replace(s[:i]))
		switch {
		case s[i] == '\x02' && !open:
			b.WriteString(`<mark class="hit">`)
			open = true
		case s[i] == '\x03' && open:
			b.WriteString(`</mark>`)
			open = false
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString(`</mark>`)
	}
	return template.HTML(b.String())
}

// hits renders the search page's list items, one per hit. It is written
// by hand, not by the template: html/template calls its escapers through
// reflection for every value, which cost more than all the rest of the
// page (a page of 30 hits: 0.9 ms). Every value from the store is
// escaped (text and quoted attribute values with esc, ids in paths
// path-escaped first); FuzzHits checks the output against the highlight
// policy as FuzzSnippet does.
func (pg *pages) hits(hs []sqlite.Hit) template.HTML {
	if len(hs) == 0 {
		return `<li class="empty">Nothing found.</li>`
	}
	var b strings.Builder
	b.Grow(len(hs) * 700)
	for i := range hs {
		h := &hs[i]
		r := &h.Report
		title := cmp.Or(r.Title, r.Origin)
		b.WriteString("\n  <li class=\"hit-")
		b.WriteString(esc(h.Kind))
		b.WriteString("\">\n")
		if q := h.Quote; q != nil {
			b.WriteString(`    <p class="kind">quote · `)
			if q.SpeakerID != "" {
				b.WriteString(`<a href="/actors/` + esc(url.PathEscape(q.SpeakerID)) + `">` + esc(q.Speaker) + `</a>`)
			} else {
				b.WriteString(`<span class="unresolved">` + esc(cmp.Or(q.SpeakerText, "—")) + `</span>`)
			}
			b.WriteString("</p>\n    <blockquote>")
			b.WriteString(string(pg.snippet(h.Snippet)))
			b.WriteString("</blockquote>\n    <p class=\"meta\"><time>" + esc(cmp.Or(day(r.Published), "—")) + "</time> · " + esc(outlet(*r)) +
				` · <a href="/reports/` + esc(url.PathEscape(r.ID)) + "#q" + strconv.Itoa(h.N) + `">` + esc(title) + "</a></p>\n")
		} else {
			b.WriteString(`    <p class="kind">report · <time>` + esc(cmp.Or(day(r.Published), "—")) + "</time> · " + esc(outlet(*r)) + "</p>\n")
			b.WriteString(`    <h2><a href="/reports/` + esc(url.PathEscape(r.ID)) + `">` + esc(title) + "</a></h2>\n")
			b.WriteString(`    <p class="snippet">`)
			b.WriteString(string(pg.snippet(h.Snippet)))
			b.WriteString("</p>\n")
		}
		b.WriteString("  </li>")
	}
	b.WriteString("\n")
	return template.HTML(b.String())
}

// esc escapes text for HTML, in an element or a quoted attribute value.
func esc(s string) string {
	return snippetEscaper.Replace(strings.ToValidUTF8(s, "\uFFFD"))
}

// snippetEscaper escapes text as the HTML tokenizer behind the
// sanitiser writes it back; NUL, which it drops, goes too.
var snippetEscaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "\r", "&#13;", "\x00", "")

// webURL returns u when it is an http(s) URL, else "".
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// outlet names where a report came from: its source, else its file.
func outlet(r sqlite.ReportSummary) string { return cmp.Or(r.Source, r.Origin, r.ID) }

// day returns the date part of a published time.
func day(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// pageData is what every page template gets.
type pageData struct {
	Title string
	Nav   string
	D     any
}

func (s *Server) render(w http.ResponseWriter, status int, name, title, nav string, d any) error {
	b, err := s.renderBytes(name, title, nav, d)
	if err != nil {
		return err
	}
	return writeHTML(w, status, b)
}

func (s *Server) renderBytes(name, title, nav string, d any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.pages.t[name].ExecuteTemplate(&buf, "layout", pageData{Title: title, Nav: nav, D: d}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeHTML(w http.ResponseWriter, status int, b []byte) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(b)
	return err
}

func (s *Server) renderError(w http.ResponseWriter, he *httpError) {
	msg := he.msg
	if he.status == http.StatusNotFound && he.code == "not_found" && msg == "no such record" {
		msg = "There is no such record."
	}
	if err := s.render(w, he.status, "error", http.StatusText(he.status), "", struct {
		Status int
		Msg    string
		Param  string
	}{he.status, msg, he.param}); err != nil {
		http.Error(w, http.StatusText(he.status), he.status)
	}
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request, a args) error {
	sts, next, err := s.rd.Stories(r.Context(), sqlite.Page{Cursor: a.get("cursor"), Limit: 30})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "stories", "Stories", "stories", struct {
		Stories []storyline.Story
		Next    string
	}{sts, next})
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request, a args) error {
	sv, err := s.loadStory(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "story", sv.Story.Title, "stories", sv)
}

func (s *Server) pageActors(w http.ResponseWriter, r *http.Request, a args) error {
	f := sqlite.ActorFilter{Kind: a.get("kind"), Name: a.get("name")}
	as, next, err := s.rd.Actors(r.Context(), f, sqlite.Page{Cursor: a.get("cursor"), Limit: 60})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "actors", "Actors", "actors", struct {
		Actors []storyline.Actor
		Kinds  []string
		F      sqlite.ActorFilter
		Next   string
	}{as, mentionKinds, f, next})
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request, a args) error {
	ctx := r.Context()
	ac, err := s.rd.Actor(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	qs, next, err := s.rd.Quotes(ctx, sqlite.QuoteFilter{Speaker: ac.ID}, sqlite.Page{Cursor: a.get("cursor"), Limit: 50})
	if err != nil {
		return err
	}
	// Quotes over time: oldest first on the page.
	slices.Reverse(qs)
	reps, _, err := s.rd.Reports(ctx, sqlite.ReportFilter{Actor: ac.ID}, sqlite.Page{Limit: 20})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "actor", ac.Name, "actors", struct {
		Actor   *storyline.Actor
		Quotes  []sqlite.QuoteRow
		Next    string
		Reports []sqlite.ReportSummary
	}{ac, qs, next, reps})
}

func (s *Server) pageReports(w http.ResponseWriter, r *http.Request, a args) error {
	ids, err := s.storyReports(r, a)
	if err != nil {
		return err
	}
	f := sqlite.ReportFilter{Outlet: a.get("outlet"), Actor: a.get("actor"), IDs: ids, DateRange: a.dates()}
	reps, next, err := s.rd.Reports(r.Context(), f, sqlite.Page{Cursor: a.get("cursor"), Limit: 50})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "reports", "Reports", "reports", struct {
		Reports []sqlite.ReportSummary
		F       sqlite.ReportFilter
		Story   string
		Next    string
	}{reps, f, a.get("story"), next})
}

// reportView is the report page.
type reportView struct {
	R        *storyline.Report
	Stories  []storyRef
	Text     template.HTML
	Entities []entityRow
	Quotes   []storyline.Quote
	Timexes  []storyline.Timex
	URL      string
}

type entityRow struct {
	Surface string
	Kind    string
	ActorID string
	Count   int
}

func (s *Server) pageReport(w http.ResponseWriter, r *http.Request, a args) error {
	an, err := s.rd.Report(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	sts, err := s.rd.StoriesOf(r.Context(), an.Report.ID)
	if err != nil {
		return err
	}
	v := reportView{R: &an.Report, Stories: storyRefs(sts), Text: highlight(s.pages.policy, an), Quotes: an.Quotes, Timexes: an.Timexes, URL: webURL(an.Report.URL)}
	idx := map[string]int{}
	for _, m := range an.Mentions {
		k := string(m.Kind) + "\x00" + m.Surface
		if i, ok := idx[k]; ok {
			v.Entities[i].Count++
			continue
		}
		idx[k] = len(v.Entities)
		v.Entities = append(v.Entities, entityRow{Surface: m.Surface, Kind: string(m.Kind), ActorID: m.ActorID, Count: 1})
	}
	slices.SortStableFunc(v.Entities, func(a, b entityRow) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Surface, b.Surface)) })
	title := cmp.Or(an.Report.Title, an.Report.Origin)
	return s.render(w, http.StatusOK, "report", title, "reports", v)
}

// searchPageHits is how many hits a search page shows. Each costs its
// record, its snippet and its markup (a page of 20 costs about 0.7 ms
// less than one of 30, of 5 to 6); "More results" brings the next.
const searchPageHits = 20

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request, a args) error {
	f := searchFilter(a)
	d := struct {
		F         sqlite.SearchFilter
		Kinds     []string
		Hits      []sqlite.Hit
		Next      string
		Searched  bool
		ActorName string
	}{F: f, Kinds: []string{"report", "quote", "direct", "partial", "indirect"}}
	// People type names; the API takes ids. Take the most mentioned
	// actor whose name begins with what was typed.
	if f.Actor != "" {
		if ac, err := s.rd.Actor(r.Context(), f.Actor); err == nil {
			d.ActorName = ac.Name
		} else if errors.Is(err, store.ErrNotFound) {
			as, _, err := s.rd.Actors(r.Context(), sqlite.ActorFilter{Name: f.Actor}, sqlite.Page{Limit: 1})
			if err != nil {
				return err
			}
			if len(as) == 1 {
				f.Actor, d.ActorName = as[0].ID, as[0].Name
			}
		} else {
			return err
		}
	}
	if f != (sqlite.SearchFilter{}) {
		hits, next, err := s.rd.Search(r.Context(), f, sqlite.Page{Cursor: a.get("cursor"), Limit: searchPageHits})
		if err != nil {
			return err
		}
		d.Hits, d.Next, d.Searched = hits, next, true
	}
	title := "Search"
	if f.Text != "" {
		title = "Search: " + f.Text
	}
	return s.render(w, http.StatusOK, "search", title, "search", d)
}
