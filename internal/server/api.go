package server

import (
	"cmp"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"storyline"
	"storyline/internal/store/sqlite"
)

// list is one page of a listing.
type list[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

func page[T any](items []T, next string) list[T] {
	if items == nil {
		items = []T{}
	}
	l := list[T]{Items: items}
	if next != "" {
		l.NextCursor = &next
	}
	return l
}

func (a args) page() sqlite.Page { return sqlite.Page{Cursor: a.get("cursor"), Limit: a.limit} }

func (a args) dates() sqlite.DateRange { return sqlite.DateRange{From: a.get("from"), To: a.get("to")} }

// rawJSON is an answer already encoded.
type rawJSON []byte

// withStatus is an answer sent with a status other than 200.
type withStatus struct {
	code int
	v    any
}

func (c withStatus) status() int                  { return c.code }
func (c withStatus) MarshalJSON() ([]byte, error) { return json.Marshal(c.v) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"status":500,"code":"internal","param":null,"message":"internal error"}}`)
	}
	writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

// apiQuote is a quote as the API gives it: the export record's fields
// and the report's title, outlet and date.
type apiQuote struct {
	Report          string `json:"report"`
	N               int    `json:"n"`
	Start           int    `json:"start"`
	End             int    `json:"end"`
	Text            string `json:"text"`
	Kind            string `json:"kind"`
	Speaker         string `json:"speaker"`
	SpeakerID       string `json:"speaker_id"`
	SpeakerText     string `json:"speaker_text"`
	Cue             string `json:"cue"`
	Group           string `json:"group"`
	Date            string `json:"date"`
	ReportTitle     string `json:"report_title"`
	ReportSource    string `json:"report_source"`
	ReportPublished string `json:"report_published"`
}

func toAPIQuote(q *storyline.Quote, n int, r *sqlite.ReportSummary) apiQuote {
	return apiQuote{Report: r.ID, N: n, Start: q.Span.Start, End: q.Span.End, Text: q.Text, Kind: string(q.Kind),
		Speaker: q.Speaker, SpeakerID: q.SpeakerID, SpeakerText: q.SpeakerText, Cue: q.Cue, Group: q.Group, Date: q.Date,
		ReportTitle: r.Title, ReportSource: r.Source, ReportPublished: r.Published}
}

func (s *Server) apiOpenAPI(r *http.Request, a args) (any, error) { return rawJSON(s.openapi), nil }

func (s *Server) apiStories(r *http.Request, a args) (any, error) {
	sts, next, err := s.rd.Stories(r.Context(), a.page())
	if err != nil {
		return nil, err
	}
	return page(sts, next), nil
}

func (s *Server) apiStory(r *http.Request, a args) (any, error) {
	return s.loadStory(r, r.PathValue("id"))
}

func (s *Server) apiTimeline(r *http.Request, a args) (any, error) {
	sv, err := s.loadStory(r, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return struct {
		Story    string        `json:"story"`
		Timeline []timelineRow `json:"timeline"`
	}{sv.Story.ID, sv.Timeline}, nil
}

func (s *Server) apiEvents(r *http.Request, a args) (any, error) {
	evs, next, err := s.rd.Events(r.Context(), sqlite.EventFilter{Story: a.get("story"), DateRange: a.dates()}, a.page())
	if err != nil {
		return nil, err
	}
	return page(evs, next), nil
}

func (s *Server) apiEvent(r *http.Request, a args) (any, error) {
	ev, err := s.rd.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	reps, err := s.rd.ReportSummaries(r.Context(), ev.Reports)
	if err != nil {
		return nil, err
	}
	return struct {
		Event   *storyline.Event       `json:"event"`
		Reports []sqlite.ReportSummary `json:"reports"`
	}{ev, nonNil(reps)}, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// storyReports returns the report ids of a story, or nil for no story
// parameter; an unknown story is not found.
func (s *Server) storyReports(r *http.Request, a args) ([]string, error) {
	id := a.get("story")
	if id == "" {
		return nil, nil
	}
	st, err := s.rd.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return nonNil(st.Reports), nil
}

func (s *Server) apiReports(r *http.Request, a args) (any, error) {
	ids, err := s.storyReports(r, a)
	if err != nil {
		return nil, err
	}
	reps, next, err := s.rd.Reports(r.Context(), sqlite.ReportFilter{Outlet: a.get("outlet"), Actor: a.get("actor"), IDs: ids, DateRange: a.dates()}, a.page())
	if err != nil {
		return nil, err
	}
	return page(reps, next), nil
}

// apiReportDetail is one report with its analysis, every span as byte
// offsets into text.
type apiReportDetail struct {
	Report    storyline.Report `json:"report"`
	Stories   []storyRef       `json:"stories"`
	Mentions  []apiSpan        `json:"mentions"`
	Quotes    []apiQuote       `json:"quotes"`
	Timexes   []apiSpan        `json:"timexes"`
	Positions []apiSpan        `json:"positions"`
}

// storyRef names a story.
type storyRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func storyRefs(sts []storyline.Story) []storyRef {
	out := make([]storyRef, len(sts))
	for i, st := range sts {
		out[i] = storyRef{st.ID, st.Title}
	}
	return out
}

// apiSpan is a mention, timex or position.
type apiSpan struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Kind    string `json:"kind"`
	ActorID string `json:"actor_id,omitempty"`
	Value   string `json:"value,omitempty"`
	Target  string `json:"target,omitempty"`
	Source  string `json:"source,omitempty"`
}

func (s *Server) apiReport(r *http.Request, a args) (any, error) {
	an, err := s.rd.Report(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	sts, err := s.rd.StoriesOf(r.Context(), an.Report.ID)
	if err != nil {
		return nil, err
	}
	sum := summaryOf(&an.Report)
	d := apiReportDetail{Report: an.Report, Stories: storyRefs(sts), Mentions: []apiSpan{}, Quotes: []apiQuote{}, Timexes: []apiSpan{}, Positions: []apiSpan{}}
	text := an.Report.Text
	slice := func(sp storyline.Span) string {
		if sp.Valid(len(text)) {
			return text[sp.Start:sp.End]
		}
		return ""
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, apiSpan{Start: m.Span.Start, End: m.Span.End, Text: m.Surface, Kind: string(m.Kind), ActorID: m.ActorID})
	}
	for i := range an.Quotes {
		d.Quotes = append(d.Quotes, toAPIQuote(&an.Quotes[i], i, &sum))
	}
	for _, t := range an.Timexes {
		d.Timexes = append(d.Timexes, apiSpan{Start: t.Span.Start, End: t.Span.End, Text: t.Text, Kind: string(t.Type), Value: t.Value})
	}
	for _, p := range an.Positions {
		d.Positions = append(d.Positions, apiSpan{Start: p.Span.Start, End: p.Span.End, Text: slice(p.Span), Kind: p.Kind, Source: p.Source, Target: p.Target, ActorID: p.SourceID})
	}
	return d, nil
}

func summaryOf(r *storyline.Report) sqlite.ReportSummary {
	return sqlite.ReportSummary{ID: r.ID, Origin: r.Origin, Source: r.Source, URL: r.URL, Title: r.Title,
		Published: r.Published, Language: r.Language, DuplicateOf: r.DuplicateOf}
}

func (s *Server) apiIngest(r *http.Request, a args) (any, error) {
	if s.cfg.Ingester == nil {
		return nil, &httpError{status: http.StatusServiceUnavailable, code: "read_only", msg: "this server cannot ingest"}
	}
	name := a.get("name")
	if name != "" && !validFileName(name) {
		return nil, &httpError{status: http.StatusBadRequest, code: "bad_parameter", param: "name",
			msg: "parameter name: a file name of letters, digits, '.', '_' and '-' (at most 200 bytes)"}
	}
	res, err := s.cfg.Ingester.Ingest(r.Context(), r.Body, name)
	if err != nil {
		return nil, err
	}
	res.Reports = nonNil(res.Reports)
	res.Failures = nonNil(res.Failures)
	if res.Added+res.Replaced+res.Unchanged == 0 {
		return withStatus{http.StatusUnprocessableEntity, struct {
			Error apiError `json:"error"`
			*IngestResult
		}{apiError{Status: http.StatusUnprocessableEntity, Code: "nothing_stored", Message: "no report in the body could be stored"}, res}}, nil
	}
	if res.Added+res.Replaced > 0 {
		return withStatus{http.StatusCreated, res}, nil
	}
	return res, nil
}

func validFileName(s string) bool {
	return len(s) <= 200 && s[0] != '.' && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
	})
}

func (s *Server) apiActors(r *http.Request, a args) (any, error) {
	as, next, err := s.rd.Actors(r.Context(), sqlite.ActorFilter{Kind: a.get("kind"), Name: a.get("name")}, a.page())
	if err != nil {
		return nil, err
	}
	return page(as, next), nil
}

func (s *Server) apiActor(r *http.Request, a args) (any, error) {
	return s.rd.Actor(r.Context(), r.PathValue("id"))
}

func (s *Server) apiQuotes(r *http.Request, a args) (any, error) {
	ids, err := s.storyReports(r, a)
	if err != nil {
		return nil, err
	}
	if rep := a.get("report"); rep != "" {
		if ids != nil && !slices.Contains(ids, rep) {
			ids = []string{}
		} else {
			ids = []string{rep}
		}
	}
	f := sqlite.QuoteFilter{Speaker: a.get("actor"), Group: a.get("group"), Kind: a.get("kind"), Outlet: a.get("outlet"), Reports: ids, DateRange: a.dates()}
	qs, next, err := s.rd.Quotes(r.Context(), f, a.page())
	if err != nil {
		return nil, err
	}
	out := make([]apiQuote, len(qs))
	for i := range qs {
		out[i] = toAPIQuote(&qs[i].Quote, qs[i].N, &qs[i].Source)
	}
	return page(out, next), nil
}

// apiHit is one search result.
type apiHit struct {
	Kind    string               `json:"kind"`
	Report  sqlite.ReportSummary `json:"report"`
	Quote   *apiQuote            `json:"quote"`
	Snippet string               `json:"snippet"`
	// Highlights are byte ranges of snippet that matched the query.
	Highlights [][2]int `json:"highlights"`
	Rank       float64  `json:"rank"`
}

func searchFilter(a args) sqlite.SearchFilter {
	return sqlite.SearchFilter{Text: a.get("q"), Actor: a.get("actor"), Outlet: a.get("outlet"), Kind: a.get("kind"), DateRange: a.dates()}
}

func (s *Server) apiSearch(r *http.Request, a args) (any, error) {
	hits, next, err := s.rd.Search(r.Context(), searchFilter(a), a.page())
	if err != nil {
		return nil, err
	}
	out := make([]apiHit, len(hits))
	for i := range hits {
		h := &hits[i]
		text, marks := splitSnippet(h.Snippet)
		out[i] = apiHit{Kind: h.Kind, Report: h.Report, Snippet: text, Highlights: marks, Rank: h.Rank}
		if h.Quote != nil {
			q := toAPIQuote(h.Quote, h.N, &h.Report)
			out[i].Quote = &q
		}
	}
	return page(out, next), nil
}

// splitSnippet takes the match markers out of a snippet and returns the
// text and the byte ranges that were marked.
func splitSnippet(s string) (string, [][2]int) {
	var b strings.Builder
	marks := [][2]int{}
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\x02':
			start = b.Len()
		case '\x03':
			if start >= 0 {
				marks = append(marks, [2]int{start, b.Len()})
				start = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), marks
}

// storyView is everything the story page and the story API show.
type storyView struct {
	Story    *storyline.Story       `json:"story"`
	Timeline []timelineRow          `json:"timeline"`
	Reports  []sqlite.ReportSummary `json:"reports"`
	Outlets  []outletRow            `json:"outlets"`
	Actors   []actorRow             `json:"actors"`
	Speakers []speakerRow           `json:"speakers"`
}

type timelineRow struct {
	Date    string                 `json:"date"`
	Event   string                 `json:"event"`
	Title   string                 `json:"title"`
	Reports []sqlite.ReportSummary `json:"reports"`
}

type outletRow struct {
	Outlet  string `json:"outlet"`
	Reports int    `json:"reports"`
	Max     int    `json:"-"`
}

type actorRow struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Mentions int    `json:"mentions"`
	Quotes   int    `json:"quotes"`
}

// speakerRow is what one speaker said in the story: each statement once,
// with every report that carries it.
type speakerRow struct {
	Speaker    string      `json:"speaker"`
	SpeakerID  string      `json:"speaker_id"`
	Resolved   bool        `json:"resolved"`
	Statements []statement `json:"statements"`
}

type statement struct {
	Group    string    `json:"group"`
	Text     string    `json:"text"`
	Kind     string    `json:"kind"`
	Date     string    `json:"date"`
	Carriers []carrier `json:"reports"`
}

// carrier is a report that carries a statement, and where.
type carrier struct {
	sqlite.ReportSummary
	N     int    `json:"n"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"quote_text"`
	// Href and Label are what the page links: the quote in the report,
	// named by outlet and day.
	Href  string `json:"-"`
	Label string `json:"-"`
}

const maxStoryActors = 24

// loadStory gathers a story's page.
func (s *Server) loadStory(r *http.Request, id string) (*storyView, error) {
	ctx := r.Context()
	st, err := s.rd.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	sv := &storyView{Story: st}
	reps, err := s.rd.ReportSummaries(ctx, st.Reports)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(reps, func(a, b sqlite.ReportSummary) int {
		return cmp.Or(cmpDate(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	})
	sv.Reports = reps
	byID := make(map[string]sqlite.ReportSummary, len(reps))
	outlets := map[string]int{}
	for _, r := range reps {
		byID[r.ID] = r
		outlets[cmp.Or(r.Source, "(unknown outlet)")]++
	}
	for o, n := range outlets {
		sv.Outlets = append(sv.Outlets, outletRow{Outlet: o, Reports: n})
	}
	slices.SortFunc(sv.Outlets, func(a, b outletRow) int { return cmp.Or(b.Reports-a.Reports, cmp.Compare(a.Outlet, b.Outlet)) })
	for i := range sv.Outlets {
		sv.Outlets[i].Max = sv.Outlets[0].Reports
	}

	evs, err := s.rd.EventsByID(ctx, st.Events)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(evs, func(a, b storyline.Event) int { return cmpDate(a.Date, b.Date) })
	for _, e := range evs {
		row := timelineRow{Date: e.Date, Event: e.ID, Title: e.Title, Reports: []sqlite.ReportSummary{}}
		for _, rid := range e.Reports {
			if rs, ok := byID[rid]; ok {
				row.Reports = append(row.Reports, rs)
				row.Title = cmp.Or(row.Title, rs.Title)
			}
		}
		if row.Title == "" && len(row.Reports) > 0 {
			row.Title = row.Reports[0].Origin
		}
		sv.Timeline = append(sv.Timeline, row)
	}

	quotes, err := s.rd.QuotesOfReports(ctx, nonNil(st.Reports))
	if err != nil {
		return nil, err
	}
	for i := range quotes {
		quotes[i].Source = byID[quotes[i].Source.ID]
	}
	sv.Speakers = groupSpeakers(quotes)
	quoteCount := map[string]int{}
	for _, sp := range sv.Speakers {
		if sp.SpeakerID != "" {
			quoteCount[sp.SpeakerID] = len(sp.Statements)
		}
	}

	counts, err := s.rd.MentionCounts(ctx, nonNil(st.Reports))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(counts))
	for a := range counts {
		ids = append(ids, a)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(counts[b]-counts[a], cmp.Compare(a, b)) })
	ids = ids[:min(len(ids), maxStoryActors)]
	actors, err := s.rd.ActorsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, a := range actors {
		sv.Actors = append(sv.Actors, actorRow{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Mentions: counts[a.ID], Quotes: quoteCount[a.ID]})
	}
	sv.Timeline = nonNil(sv.Timeline)
	sv.Reports = nonNil(sv.Reports)
	sv.Outlets = nonNil(sv.Outlets)
	sv.Actors = nonNil(sv.Actors)
	sv.Speakers = nonNil(sv.Speakers)
	return sv, nil
}

// cmpDate orders dates ascending with unknown ones last.
func cmpDate(a, b string) int {
	if (a == "") != (b == "") {
		if a == "" {
			return 1
		}
		return -1
	}
	return cmp.Compare(a, b)
}

// groupSpeakers groups quotes by speaker (the resolved actor, else the
// phrase that names them) and each speaker's quotes by statement (quote
// group), keeping every report that carries a statement.
func groupSpeakers(quotes []sqlite.QuoteRow) []speakerRow {
	slices.SortStableFunc(quotes, func(a, b sqlite.QuoteRow) int {
		return cmp.Or(cmpDate(a.Source.Published, b.Source.Published), cmp.Compare(a.Source.ID, b.Source.ID), a.N-b.N)
	})
	var rows []speakerRow
	bySpeaker := map[string]int{}
	stmtIndex := map[[2]string]int{}
	for _, q := range quotes {
		key, name, resolved := "id:"+q.SpeakerID, q.Speaker, true
		if q.SpeakerID == "" {
			name = strings.TrimSpace(q.SpeakerText)
			if name == "" {
				name = "(speaker not named)"
			}
			key, resolved = "text:"+strings.ToLower(name), false
		}
		si, ok := bySpeaker[key]
		if !ok {
			si = len(rows)
			bySpeaker[key] = si
			rows = append(rows, speakerRow{Speaker: name, SpeakerID: q.SpeakerID, Resolved: resolved})
		}
		group := q.Group
		if group == "" {
			group = q.Source.ID + ":" + itoa(q.N)
		}
		c := carrier{ReportSummary: q.Source, N: q.N, Start: q.Span.Start, End: q.Span.End, Text: q.Text,
			Href:  "/reports/" + url.PathEscape(q.Source.ID) + "#q" + strconv.Itoa(q.N),
			Label: outlet(q.Source) + " (" + cmp.Or(day(q.Source.Published), "—") + ")"}
		k := [2]string{key, group}
		if ti, ok := stmtIndex[k]; ok {
			st := &rows[si].Statements[ti]
			if !slices.ContainsFunc(st.Carriers, func(x carrier) bool { return x.ID == c.ID && x.N == c.N }) {
				st.Carriers = append(st.Carriers, c)
			}
			continue
		}
		stmtIndex[k] = len(rows[si].Statements)
		rows[si].Statements = append(rows[si].Statements, statement{Group: group, Text: q.Text, Kind: string(q.Kind), Date: q.Date, Carriers: []carrier{c}})
	}
	slices.SortStableFunc(rows, func(a, b speakerRow) int {
		if a.Resolved != b.Resolved {
			if a.Resolved {
				return -1
			}
			return 1
		}
		return cmp.Or(len(b.Statements)-len(a.Statements), cmp.Compare(a.Speaker, b.Speaker))
	})
	return rows
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
