package sqlite

// This file is the store's reading side for people and tools: listings
// with filters and cursor pagination, single records by id, and ranked
// full-text search with snippets over the FTS5 index that migration
// 00003 keeps in step with the reports and quotes.

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"storyline"
	"storyline/internal/store"
)

// ErrBadCursor is returned when a pagination cursor was not made by this
// store for this listing.
var ErrBadCursor = errors.New("bad cursor")

// ErrBadQuery is returned when a full-text query cannot be parsed.
var ErrBadQuery = errors.New("bad search query")

// View reads the store for the HTTP API and web UI. It is safe for
// concurrent use. A View opened with OpenView has a pool of read-only
// connections of its own, so readers do not queue behind the store's one
// writer connection (SQLite's WAL lets them read while it writes).
type View struct {
	db    *sql.DB
	owned bool

	// pin is a connection kept for Generation.
	mu  sync.Mutex
	pin *sql.Conn
	// common caches what is known of the terms searched for in
	// generation commonGen (by kind and term: see termList), newest the
	// rowid from which commonTerm counts, by kind; listRows counts the
	// rows the lists hold, and tick orders their uses.
	commonGen int64
	common    map[string]*termList
	newest    map[string]int64
	listRows  int
	tick      int64

	// reading holds the terms whose lists are to be read in full in the
	// background (under mu), one at a time (readOne), when no search is
	// being worked on (searching counts them); loads counts them, and
	// closing ends them.
	reading   map[string]bool
	readOne   sync.Mutex
	loads     sync.WaitGroup
	searching atomic.Int32
	closing   chan struct{}
	closeOnce sync.Once

	// stmts holds the search's prepared statements by their SQL.
	stmts sync.Map
}

// View returns a View that reads through the store's own connection.
func (s *Store) View() *View { return &View{db: s.db} }

// OpenView opens a pool of conns read-only connections to the store file
// at path, whose schema must be current (open it with Open first).
func OpenView(ctx context.Context, path string, conns int) (*View, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "mmap_size(4294967296)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	conns = max(conns, 1)
	db.SetMaxOpenConns(conns + 1)
	db.SetMaxIdleConns(conns + 1)
	pin, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &View{db: db, owned: true, pin: pin, closing: make(chan struct{})}, nil
}

// Close closes the View's own connections, if it has any.
func (v *View) Close() error {
	if v.closing != nil {
		v.closeOnce.Do(func() { close(v.closing) })
	}
	v.loads.Wait()
	if v.owned {
		v.stmts.Range(func(_, st any) bool {
			st.(*sql.Stmt).Close()
			return true
		})
		v.pin.Close()
		return v.db.Close()
	}
	return nil
}

// Generation returns a number that changes whenever the database changes
// (any other connection, in this process or another, commits), so that
// what was read before can be cached until then. ok is false for a View
// that shares the store's connection: it cannot tell.
func (v *View) Generation(ctx context.Context) (gen int64, ok bool, err error) {
	if v.pin == nil {
		return 0, false, nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.pin.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&gen); err != nil {
		return 0, false, err
	}
	return gen, true, nil
}

// RebuildSearch rebuilds the full-text indexes from the reports and
// quotes.
func (s *Store) RebuildSearch(ctx context.Context) error {
	for _, t := range []string{"reports_fts", "quotes_fts"} {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO `+t+` (`+t+`) VALUES ('rebuild')`); err != nil {
			return fmt.Errorf("rebuild %s: %w", t, err)
		}
	}
	return nil
}

// ReportSummary is a report without its text.
type ReportSummary struct {
	ID          string `json:"id"`
	Origin      string `json:"origin"`
	Source      string `json:"source"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	Published   string `json:"published"`
	Language    string `json:"language"`
	DuplicateOf string `json:"duplicate_of"`
}

const summaryCols = `r.id, r.origin, r.source, r.url, r.title, r.published, r.language, r.duplicate_of`

func scanSummary(r *ReportSummary) []any {
	return []any{&r.ID, &r.Origin, &r.Source, &r.URL, &r.Title, &r.Published, &r.Language, &r.DuplicateOf}
}

// Page asks for one page of a listing: at most Limit records after the
// record that Cursor (from a previous page's Next; empty for the first
// page) names.
type Page struct {
	Cursor string
	Limit  int
}

func (p Page) limit() int {
	if p.Limit <= 0 {
		return 50
	}
	return p.Limit
}

// encodeCursor makes an opaque cursor of a listing's name and the sort
// key of the last record returned.
func encodeCursor(list string, key ...any) string {
	b, _ := json.Marshal(append([]any{list}, key...))
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor made by encodeCursor for list into the
// pointers of key.
func decodeCursor(c, list string, key ...any) error {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return ErrBadCursor
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil || len(raw) != len(key)+1 {
		return ErrBadCursor
	}
	var name string
	if err := json.Unmarshal(raw[0], &name); err != nil || name != list {
		return ErrBadCursor
	}
	for i, k := range key {
		if err := json.Unmarshal(raw[i+1], k); err != nil {
			return ErrBadCursor
		}
	}
	return nil
}

// DateRange limits records to those published (or dated) from From to To
// inclusive, each "YYYY-MM-DD" or empty for no bound.
type DateRange struct {
	From, To string
}

func (d DateRange) empty() bool { return d.From == "" && d.To == "" }

// where returns SQL conditions for the range on the column col.
func (d DateRange) where(col string) (string, []any) {
	var conds []string
	var args []any
	if d.empty() {
		return "", nil
	}
	conds = append(conds, col+" != ''")
	if d.From != "" {
		conds = append(conds, col+" >= ?")
		args = append(args, d.From)
	}
	if d.To != "" {
		next := d.To + "\uffff"
		if t, err := time.Parse("2006-01-02", d.To); err == nil {
			next = t.AddDate(0, 0, 1).Format("2006-01-02")
		}
		conds = append(conds, col+" < ?")
		args = append(args, next)
	}
	return strings.Join(conds, " AND "), args
}

// query builds a WHERE clause from conditions.
type query struct {
	conds []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	if cond != "" {
		q.conds = append(q.conds, cond)
		q.args = append(q.args, args...)
	}
}

func (q *query) addRange(d DateRange, col string) {
	cond, args := d.where(col)
	q.add(cond, args...)
}

func (q *query) where() string {
	if len(q.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.conds, " AND ")
}

func jsonList(ids []string) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// ReportFilter selects reports. Empty fields do not filter.
type ReportFilter struct {
	Outlet string // the report's source, exactly
	Actor  string // an actor id some mention of the report resolves to
	// IDs, when not nil, limits the reports to these (a story's, an
	// event's).
	IDs []string
	DateRange
}

func (f ReportFilter) apply(q *query) {
	if f.Outlet != "" {
		q.add("r.source = ?", f.Outlet)
	}
	if f.Actor != "" {
		q.add(`r.id IN (SELECT report_id FROM annotations WHERE type = 'mention' AND actor = ?)`, f.Actor)
	}
	if f.IDs != nil {
		q.add("r.id IN (SELECT value FROM json_each(?))", jsonList(f.IDs))
	}
	q.addRange(f.DateRange, "r.published")
}

// Reports lists the reports f selects, newest first (undated last).
func (v *View) Reports(ctx context.Context, f ReportFilter, p Page) ([]ReportSummary, string, error) {
	var q query
	f.apply(&q)
	if p.Cursor != "" {
		var pub, id string
		if err := decodeCursor(p.Cursor, "reports", &pub, &id); err != nil {
			return nil, "", err
		}
		q.add("(r.published < ? OR (r.published = ? AND r.id < ?))", pub, pub, id)
	}
	n := p.limit()
	rows, err := v.db.QueryContext(ctx, `SELECT `+summaryCols+` FROM reports r`+q.where()+
		` ORDER BY r.published DESC, r.id DESC LIMIT ?`, append(q.args, n+1)...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []ReportSummary
	for rows.Next() {
		var r ReportSummary
		if err := rows.Scan(scanSummary(&r)...); err != nil {
			return nil, "", err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	var next string
	if len(out) > n {
		out = out[:n]
		last := out[n-1]
		next = encodeCursor("reports", last.Published, last.ID)
	}
	return out, next, nil
}

// ReportSummaries returns the summaries of the given reports, in the
// order of ids; ids not stored are left out.
func (v *View) ReportSummaries(ctx context.Context, ids []string) ([]ReportSummary, error) {
	rows, err := v.db.QueryContext(ctx, `SELECT `+summaryCols+` FROM reports r WHERE r.id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]ReportSummary, len(ids))
	for rows.Next() {
		var r ReportSummary
		if err := rows.Scan(scanSummary(&r)...); err != nil {
			return nil, err
		}
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]ReportSummary, 0, len(byID))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
			delete(byID, id)
		}
	}
	return out, nil
}

// Report returns one report with its analysis.
func (v *View) Report(ctx context.Context, id string) (*storyline.Analysis, error) {
	return (&Store{db: v.db}).Report(ctx, id)
}

// QuoteRow is a quote with its place in its report and the report's
// summary.
type QuoteRow struct {
	storyline.Quote
	N      int           `json:"n"`
	Source ReportSummary `json:"-"`
}

// QuoteFilter selects quotes. Empty fields do not filter.
type QuoteFilter struct {
	Speaker string   // the speaker's actor id
	Group   string   // the quote group
	Kind    string   // direct, partial or indirect
	Outlet  string   // the report's source
	Reports []string // when not nil, only quotes of these reports
	DateRange
}

func (f QuoteFilter) apply(q *query) {
	q.add("a.type = 'quote'")
	if f.Speaker != "" {
		q.add("a.actor = ?", f.Speaker)
	}
	if f.Group != "" {
		q.add("a.grp = ?", f.Group)
	}
	if f.Kind != "" {
		q.add("json_extract(a.data, '$.kind') = ?", f.Kind)
	}
	if f.Outlet != "" {
		q.add("r.source = ?", f.Outlet)
	}
	if f.Reports != nil {
		q.add("a.report_id IN (SELECT value FROM json_each(?))", jsonList(f.Reports))
	}
	q.addRange(f.DateRange, "r.published")
}

// Quotes lists the quotes f selects, by their reports newest first, then
// in text order. A Page with a negative Limit returns every quote.
func (v *View) Quotes(ctx context.Context, f QuoteFilter, p Page) ([]QuoteRow, string, error) {
	var q query
	f.apply(&q)
	if p.Cursor != "" {
		var pub, id string
		var n int
		if err := decodeCursor(p.Cursor, "quotes", &pub, &id, &n); err != nil {
			return nil, "", err
		}
		q.add("(r.published < ? OR (r.published = ? AND (r.id < ? OR (r.id = ? AND a.n > ?))))", pub, pub, id, id, n)
	}
	n := p.limit()
	lim := ""
	if p.Limit >= 0 {
		lim = " LIMIT ?"
		q.args = append(q.args, n+1)
	}
	rows, err := v.db.QueryContext(ctx, `SELECT a.data, a.n, `+summaryCols+`
		FROM annotations a JOIN reports r ON r.id = a.report_id`+q.where()+
		` ORDER BY r.published DESC, r.id DESC, a.n`+lim, q.args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var row QuoteRow
		var data []byte
		if err := rows.Scan(append([]any{&data, &row.N}, scanSummary(&row.Source)...)...); err != nil {
			return nil, "", err
		}
		if err := decodeQuote(data, &row.Quote); err != nil {
			return nil, "", fmt.Errorf("quote of %s: %w", row.Source.ID, err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	var next string
	if p.Limit >= 0 && len(out) > n {
		out = out[:n]
		last := out[n-1]
		next = encodeCursor("quotes", last.Source.Published, last.Source.ID, last.N)
	}
	return out, next, nil
}

// QuotesOfReports returns every quote of the given reports, in no
// particular order, each with only its report's id in Source: the
// caller has the reports' summaries (a story page). It reads the quotes
// alone, without the join and the sort of Quotes.
func (v *View) QuotesOfReports(ctx context.Context, reports []string) ([]QuoteRow, error) {
	rows, err := v.db.QueryContext(ctx, `SELECT a.report_id, a.n, a.data FROM annotations a
		WHERE a.type = 'quote' AND a.report_id IN (SELECT value FROM json_each(?))`, jsonList(reports))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var row QuoteRow
		var data []byte
		if err := rows.Scan(&row.Source.ID, &row.N, &data); err != nil {
			return nil, err
		}
		if err := decodeQuote(data, &row.Quote); err != nil {
			return nil, fmt.Errorf("quote of %s: %w", row.Source.ID, err)
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// MentionCounts returns, for the given reports, how many of their mentions
// resolve to each actor.
func (v *View) MentionCounts(ctx context.Context, reports []string) (map[string]int, error) {
	// The covering index answers without reading any mention's JSON. A
	// store migrated by an early build of migration 00003 lacks it.
	const q = `SELECT actor, count(*)
		FROM annotations %s
		WHERE type = 'mention' AND report_id IN (SELECT value FROM json_each(?))
		AND actor != '' GROUP BY actor`
	rows, err := v.db.QueryContext(ctx, fmt.Sprintf(q, "INDEXED BY annotations_report_actor"), jsonList(reports))
	if err != nil && strings.Contains(err.Error(), "no such index") {
		rows, err = v.db.QueryContext(ctx, fmt.Sprintf(q, ""), jsonList(reports))
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// crossByID returns one cross-report record.
func crossByID[T any](ctx context.Context, db *sql.DB, typ, id string) (*T, error) {
	var b []byte
	err := db.QueryRowContext(ctx, `SELECT data FROM cross_records WHERE type = ? AND id = ?`, typ, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s %s: %w", typ, id, err)
	}
	return &v, nil
}

// crossByIDs returns the cross-report records with the given ids, in the
// order of ids.
func crossByIDs[T any](ctx context.Context, db *sql.DB, typ string, ids []string, idOf func(*T) string) ([]T, error) {
	rows, err := db.QueryContext(ctx, `SELECT data FROM cross_records WHERE type = ? AND id IN (SELECT value FROM json_each(?))`, typ, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string]T{}
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s record: %w", typ, err)
		}
		byID[idOf(&v)] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]T, 0, len(byID))
	for _, id := range ids {
		if v, ok := byID[id]; ok {
			out = append(out, v)
			delete(byID, id)
		}
	}
	return out, nil
}

// Story returns one story.
func (v *View) Story(ctx context.Context, id string) (*storyline.Story, error) {
	return crossByID[storyline.Story](ctx, v.db, "story", id)
}

// Event returns one event.
func (v *View) Event(ctx context.Context, id string) (*storyline.Event, error) {
	return crossByID[storyline.Event](ctx, v.db, "event", id)
}

// Actor returns one actor.
func (v *View) Actor(ctx context.Context, id string) (*storyline.Actor, error) {
	return crossByID[storyline.Actor](ctx, v.db, "actor", id)
}

// StoriesOf returns the stories a report belongs to.
func (v *View) StoriesOf(ctx context.Context, report string) ([]storyline.Story, error) {
	quoted, _ := json.Marshal(report)
	rows, err := v.db.QueryContext(ctx, `SELECT data FROM cross_records WHERE type = 'story'
		AND instr(data, ?) > 0 AND EXISTS (SELECT 1 FROM json_each(data, '$.reports') WHERE value = ?) ORDER BY n`, string(quoted), report)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storyline.Story
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		var st storyline.Story
		if err := json.Unmarshal(b, &st); err != nil {
			return nil, fmt.Errorf("story record: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// EventsByID returns the events with the given ids, in that order.
func (v *View) EventsByID(ctx context.Context, ids []string) ([]storyline.Event, error) {
	return crossByIDs(ctx, v.db, "event", ids, func(e *storyline.Event) string { return e.ID })
}

// ActorsByID returns the actors with the given ids, in that order.
func (v *View) ActorsByID(ctx context.Context, ids []string) ([]storyline.Actor, error) {
	return crossByIDs(ctx, v.db, "actor", ids, func(a *storyline.Actor) string { return a.ID })
}

// listCross pages through cross-report records of one type, by the SQL
// expression order descending, then by n descending (the order of the
// partial indexes migration 00003 makes). typ is a constant of ours.
func listCross[T any](ctx context.Context, db *sql.DB, typ, order string, q query, p Page) ([]T, string, error) {
	q.add("type = '" + typ + "'")
	if p.Cursor != "" {
		var key any
		var n int
		if err := decodeCursor(p.Cursor, typ+"s", &key, &n); err != nil {
			return nil, "", err
		}
		switch key.(type) {
		case nil:
			q.add("("+order+" IS NULL AND n < ?)", n)
		case string, float64:
			q.add("("+order+" < ? OR ("+order+" = ? AND n < ?) OR "+order+" IS NULL)", key, key, n)
		default:
			return nil, "", ErrBadCursor
		}
	}
	lim := p.limit()
	rows, err := db.QueryContext(ctx, `SELECT `+order+`, n, data FROM cross_records`+q.where()+
		` ORDER BY `+order+` DESC, n DESC LIMIT ?`, append(q.args, lim+1)...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	type keyed struct {
		key any
		n   int
		v   T
	}
	var out []keyed
	for rows.Next() {
		var k keyed
		var b []byte
		if err := rows.Scan(&k.key, &k.n, &b); err != nil {
			return nil, "", err
		}
		if err := json.Unmarshal(b, &k.v); err != nil {
			return nil, "", fmt.Errorf("%s record: %w", typ, err)
		}
		if kb, ok := k.key.([]byte); ok {
			k.key = string(kb)
		}
		if ki, ok := k.key.(int64); ok {
			k.key = float64(ki)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	var next string
	if len(out) > lim {
		out = out[:lim]
		last := out[lim-1]
		next = encodeCursor(typ+"s", last.key, last.n)
	}
	vs := make([]T, len(out))
	for i, k := range out {
		vs[i] = k.v
	}
	return vs, next, nil
}

// Stories lists the stories, most recently seen first.
func (v *View) Stories(ctx context.Context, p Page) ([]storyline.Story, string, error) {
	return listCross[storyline.Story](ctx, v.db, "story", "json_extract(data, '$.last_seen')", query{}, p)
}

// ActorFilter selects actors. Empty fields do not filter.
type ActorFilter struct {
	Kind string // person, organisation, place, other
	Name string // a prefix of the canonical name, any case
}

// Actors lists the actors f selects, most mentioned first.
func (v *View) Actors(ctx context.Context, f ActorFilter, p Page) ([]storyline.Actor, string, error) {
	var q query
	if f.Kind != "" {
		q.add("json_extract(data, '$.kind') = ?", f.Kind)
	}
	if f.Name != "" {
		q.add("json_extract(data, '$.name') LIKE ? ESCAPE '\\'", likePrefix(f.Name))
	}
	return listCross[storyline.Actor](ctx, v.db, "actor", "json_extract(data, '$.mentions')", q, p)
}

func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// EventFilter selects events. Empty fields do not filter.
type EventFilter struct {
	Story string
	DateRange
}

// Events lists the events f selects, latest first.
func (v *View) Events(ctx context.Context, f EventFilter, p Page) ([]storyline.Event, string, error) {
	var q query
	if f.Story != "" {
		q.add("json_extract(data, '$.story') = ?", f.Story)
	}
	q.addRange(f.DateRange, "coalesce(json_extract(data, '$.date'), '')")
	return listCross[storyline.Event](ctx, v.db, "event", "json_extract(data, '$.date')", q, p)
}

// SearchFilter is a full-text search with its filters. Empty fields do
// not filter.
type SearchFilter struct {
	// Text is the query: words (all must occur, prefixes with a trailing
	// *), "quoted phrases", and OR between alternatives.
	Text string
	// Actor limits reports to those mentioning the actor, and quotes to
	// those it speaks.
	Actor  string
	Outlet string
	// Kind is "report", "quote", or a quote kind (direct, partial,
	// indirect); empty searches reports and quotes.
	Kind string
	DateRange
}

// Hit is one search result: a report, or a quote with its report.
type Hit struct {
	Kind   string // "report" or "quote"
	Report ReportSummary
	Quote  *storyline.Quote
	N      int // the quote's number in its report
	// Snippet is the matching passage; the matched words are between
	// "\x02" and "\x03" and cut text is marked with "…".
	Snippet string
	// Rank is the BM25 score; lower is better.
	Rank float64

	rowid   int64
	columns []string // the text of the index's columns, for the snippet
}

const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// MatchQuery turns what a person types into an FTS5 query: every word
// must occur; "phrases" stay phrases; a trailing * asks for a prefix; OR
// between two terms gives alternatives. Every term is quoted, so no
// input is an FTS5 syntax error.
func MatchQuery(s string) string { return strings.Join(matchTerms(s), " ") }

// matchTerms returns the terms of MatchQuery: quoted words and phrases,
// each maybe with a trailing *, and OR between alternatives.
func matchTerms(s string) []string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	var terms []string
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			break
		}
		var term string
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				term, s = s[1:], ""
			} else {
				term, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexAny(s, " \t\r\n\"")
			if end < 0 {
				end = len(s)
			}
			term, s = s[:end], s[end:]
		}
		prefix := strings.HasSuffix(term, "*")
		term = strings.TrimRight(term, "*")
		if term == "OR" && !prefix {
			if len(terms) > 0 && terms[len(terms)-1] != "OR" {
				terms = append(terms, "OR")
			}
			continue
		}
		if !hasWordChar(term) {
			continue
		}
		q := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	if len(terms) > 0 && terms[len(terms)-1] == "OR" {
		terms = terms[:len(terms)-1]
	}
	return terms
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
			return true
		}
	}
	return false
}

// RankWindow is how many of the most recently stored matches (of the
// words and the filters) of each kind BM25 ranks. Scoring every match of
// a common word in a large store would cost time in proportion to the
// store; older matches are found by narrowing the search (dates,
// outlet, actor, more words).
const RankWindow = 200

// A word is common when it occurs in more than one row in commonShare
// (judged from the newest commonShare*commonSample rows). BM25
// weighs such a word by its IDF, at most ln(commonShare-1) ≈ 2.7
// against 5 to 9 for the words that pick out a story, yet scoring it
// costs a pass over every row that holds it, which for the commonest
// words of a large store is most of it. So common words only select
// rows; the other words of the query rank them. A word held by
// commonRows rows or more is common too, however large the store: that
// pass costs about 0.12 µs a row (0.5 ms at commonRows), and it came
// first in a search's cost (a quote's word in 18,000 of 300,000 quotes
// is not common by share, yet took 2 ms to score).
const (
	commonShare  = 16
	commonSample = 64
)

// commonRows is the number of rows from which a word is common whatever
// its share (a variable for tests).
var commonRows = 4096

// searchKind is one of the two full-text indexes and how to read a hit
// from it.
type searchKind struct {
	name  string // "report" or "quote"
	num   int    // order among kinds on equal rank
	table string
	// content is the table the index's rows come from and the start of
	// a WHERE clause that keeps those rows, for counting them by rowid.
	content string
	from    string // the FROM clause joining the index to its rows
	// records reads hits by rowid (a JSON list): the rowid, the
	// report's summary, then the report's text, or the quote's data and
	// number.
	records string
}

var (
	reportSearch = searchKind{name: "report", num: 0, table: "reports_fts", content: "reports WHERE",
		from:    "reports_fts JOIN reports r ON r.rowid = reports_fts.rowid",
		records: `SELECT r.rowid, ` + summaryCols + `, r.text FROM reports r WHERE r.rowid IN (SELECT value FROM json_each(?))`}
	quoteSearch = searchKind{name: "quote", num: 1, table: "quotes_fts", content: "annotations WHERE type = 'quote' AND",
		from: "quotes_fts JOIN annotations a ON a.rowid = quotes_fts.rowid JOIN reports r ON r.id = a.report_id",
		records: `SELECT a.rowid, ` + summaryCols + `, a.data, a.n FROM annotations a JOIN reports r ON r.id = a.report_id
			WHERE a.rowid IN (SELECT value FROM json_each(?))`}
)

type searchKey struct {
	Rank  float64
	Kind  int
	Rowid int64
}

// Search runs a ranked full-text search over reports and quotes. Results
// come best first (BM25 over the RankWindow most recent matches of each
// kind); reports and quotes are merged on their scores. An empty Text
// lists what the filters select, newest first.
func (v *View) Search(ctx context.Context, f SearchFilter, p Page) ([]Hit, string, error) {
	match := MatchQuery(f.Text)
	if match == "" {
		return v.browse(ctx, f, p)
	}
	v.searching.Add(1)
	defer v.searching.Add(-1)
	var after *searchKey
	if p.Cursor != "" {
		var k searchKey
		if err := decodeCursor(p.Cursor, "search", &k.Rank, &k.Kind, &k.Rowid); err != nil {
			return nil, "", err
		}
		after = &k
	}
	n := p.limit()
	var kinds []searchKind
	if f.Kind == "" || f.Kind == "report" {
		kinds = append(kinds, reportSearch)
	}
	if f.Kind != "report" {
		kinds = append(kinds, quoteSearch)
	}
	gen, genOK, err := v.Generation(ctx)
	if err != nil {
		return nil, "", err
	}
	// First the order: rowids and scores only.
	terms := matchTerms(f.Text)
	var keys []searchKey
	for _, k := range kinds {
		ks, err := v.searchKeys(ctx, k, f, terms, match, after, n+1, gen, genOK)
		if err != nil {
			return nil, "", err
		}
		keys = append(keys, ks...)
	}
	slices.SortFunc(keys, searchKey.compare)
	var next string
	if len(keys) > n {
		keys = keys[:n]
		last := keys[n-1]
		next = encodeCursor("search", last.Rank, last.Kind, last.Rowid)
	}
	// Then the records of the page's hits only, read by rowid, and their
	// snippets, made here from their text: FTS5's snippet() would run the
	// match again over the rows between the hits, and tokenize each hit's
	// text in C compiled to Go, which cost more than all the rest.
	found := make(map[[2]int64]*Hit, len(keys))
	for _, k := range kinds {
		var want []int64
		for _, key := range keys {
			if key.Kind == k.num {
				want = append(want, key.Rowid)
			}
		}
		if len(want) == 0 {
			continue
		}
		if err := v.searchRecords(ctx, k, want, found); err != nil {
			return nil, "", err
		}
	}
	phrases := snippetPhrases(terms)
	hits := make([]Hit, 0, len(keys))
	for _, key := range keys {
		h, ok := found[[2]int64{int64(key.Kind), key.Rowid}]
		if !ok {
			continue // gone since the order was read: the store changed
		}
		h.Rank = key.Rank
		h.Snippet = makeSnippet(h.columns, phrases, snippetTokens)
		h.columns = nil
		hits = append(hits, *h)
	}
	return hits, next, nil
}

// searchRecords reads the hits of one kind with the given rowids into
// found, keyed by kind and rowid, each with the text of its index's
// columns for its snippet.
func (v *View) searchRecords(ctx context.Context, k searchKind, rowids []int64, found map[[2]int64]*Hit) error {
	rows, err := v.query(ctx, k.records, jsonInts(rowids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		h := &Hit{Kind: k.name}
		var text string
		var data []byte
		dest := append([]any{&h.rowid}, scanSummary(&h.Report)...)
		if k.num == quoteSearch.num {
			dest = append(dest, &data, &h.N)
		} else {
			dest = append(dest, &text)
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if k.num == quoteSearch.num {
			h.Quote = &storyline.Quote{}
			if err := decodeQuote(data, h.Quote); err != nil {
				return fmt.Errorf("quote of %s: %w", h.Report.ID, err)
			}
			// The columns of quotes_content (migration 00003).
			h.columns = []string{h.Quote.Text, cmp.Or(h.Quote.Speaker, h.Quote.SpeakerText)}
		} else {
			h.columns = []string{h.Report.Title, text}
		}
		found[[2]int64{int64(k.num), h.rowid}] = h
	}
	return rows.Err()
}

// searchKeys returns, for one kind, the best limit hits after the
// cursor among the RankWindow newest matches of the filters and words,
// best first: by BM25, then newest first.
//
// BM25 costs a pass over every row that holds each word of the query,
// to count them (the IDF), however few rows are ranked. So common words
// (see commonShare) only select the rows and are left out of the score;
// when every word is common, the window is given newest first, all with
// rank 0. When no word is common, one pass reads the window with its
// scores.
func (v *View) searchKeys(ctx context.Context, k searchKind, f SearchFilter, terms []string, match string, after *searchKey, limit int, gen int64, genOK bool) ([]searchKey, error) {
	var q query
	v.searchFilter(k, f, &q)
	rowid := k.table + ".rowid"
	from := k.from
	if len(q.conds) == 0 {
		from = k.table // no filter: the index alone orders the hits
	}
	rankMatch := match
	// The window comes from the terms' lists kept in memory when the
	// store's generation is known, nothing filters, and every term must
	// occur: FTS5's AND, newest first, over a common word's long list
	// cost more than the rest of a search.
	inMemory := genOK && len(q.conds) == 0 && !slices.Contains(terms, "OR")
	var lists []*termList
	if !slices.Contains(terms, "OR") {
		var keep []string
		for _, t := range terms {
			tl, err := v.term(ctx, k, t, gen, genOK)
			if err != nil {
				return nil, searchErr(err)
			}
			if !tl.common {
				keep = append(keep, t)
			}
			inMemory = inMemory && !tl.wide
			lists = append(lists, tl)
		}
		rankMatch = strings.Join(keep, " ")
	}
	if len(terms) == 1 && rankMatch == match {
		// One word that ranks: FTS5 reads its newest rows with their
		// scores in one pass, which costs less than scoring a list.
		inMemory = false
	}
	// The window: the RankWindow newest matches of the words and the
	// filters, newest first.
	q.add(k.table+" MATCH ?", match)
	var keys []searchKey
	var window []int64
	var err error
	switch {
	case inMemory:
		window, err = v.memWindow(ctx, k, terms, lists, match, gen, RankWindow)
	case rankMatch == match:
		// Every word ranks: the window with its scores, in one pass
		// (bm25 is worked out for the rows read only).
		keys, err = v.scored(ctx, k, `SELECT `+rowid+`, bm25(`+k.table+`) FROM `+from+q.where()+
			` ORDER BY `+rowid+` DESC LIMIT `+strconv.Itoa(RankWindow), q.args...)
	default:
		window, err = v.rowids(ctx, `SELECT `+rowid+` FROM `+from+q.where()+
			` ORDER BY `+rowid+` DESC LIMIT `+strconv.Itoa(RankWindow), q.args...)
	}
	if err != nil {
		return nil, searchErr(err)
	}
	if keys == nil {
		if rankMatch == "" {
			// Every word is common: the window newest first, rank 0.
			keys = make([]searchKey, len(window))
			for i, id := range window {
				keys[i] = searchKey{Kind: k.num, Rowid: id}
			}
		} else if len(window) > 0 {
			// Only the window's rows, which meet the filters and every
			// word, scored by the words that are not common. The unary +
			// keeps the list out of the index: FTS5 would run the match,
			// and BM25's pass, again for every rowid of it.
			keys, err = v.scored(ctx, k, `SELECT `+rowid+`, bm25(`+k.table+`) FROM `+k.table+` WHERE `+k.table+` MATCH ?
				AND +`+rowid+` IN (SELECT value FROM json_each(?)) AND `+rowid+` BETWEEN ? AND ?`,
				rankMatch, jsonInts(window), window[len(window)-1], window[0])
			if err != nil {
				return nil, searchErr(err)
			}
		}
	}
	slices.SortFunc(keys, searchKey.compare)
	out := keys[:0]
	for _, key := range keys {
		if after != nil && !after.before(key) {
			continue
		}
		if out = append(out, key); len(out) == limit {
			break
		}
	}
	return out, nil
}

// scored runs a query of rowids and scores into keys of kind k.
func (v *View) scored(ctx context.Context, k searchKind, q string, args ...any) ([]searchKey, error) {
	rows, err := v.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []searchKey
	for rows.Next() {
		key := searchKey{Kind: k.num}
		if err := rows.Scan(&key.Rowid, &key.Rank); err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, rows.Err()
}

// compare orders hits: by rank, then kind, then newest first.
func (a searchKey) compare(b searchKey) int {
	return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.Kind, b.Kind), cmp.Compare(b.Rowid, a.Rowid))
}

// before tells whether a comes before b in the order of hits.
func (a searchKey) before(b searchKey) bool { return a.compare(b) < 0 }

// rowids runs a query of one integer column.
func (v *View) rowids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := v.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// query runs a query of the search through a statement prepared once per
// View (a View with its own connections; the others prepare each time):
// preparing the search's statements cost as much as running some of them.
func (v *View) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if !v.owned {
		return v.db.QueryContext(ctx, q, args...)
	}
	if st, ok := v.stmts.Load(q); ok {
		return st.(*sql.Stmt).QueryContext(ctx, args...)
	}
	st, err := v.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if old, loaded := v.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		st = old.(*sql.Stmt)
	}
	return st.QueryContext(ctx, args...)
}

func jsonInts(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// A termList is what a View knows of one term of an index in one
// generation of the store: whether the term is common, and its rows
// newest first: all of them (complete), or every one from the newest
// down to the last one read. A list once shared is not changed: a
// longer one replaces it.
type termList struct {
	common   bool
	rows     []uint32
	complete bool
	// wide is set when a rowid does not fit in 32 bits: then rows is
	// not kept and the term is searched by FTS5 alone.
	wide bool
	// used orders the lists' last uses; uses counts the searches that
	// asked for the term.
	used int64
	uses int
}

// termListBudget bounds the rows the term lists of a View hold in all
// (4 bytes each); past it the least recently used lists are dropped.
var termListBudget = 1 << 24

// commonTerm tells whether a term occurs in more than one row in
// commonShare of an index (judged from the commonShare*commonSample
// newest rows: commonSample of them hold it), or in commonRows rows or
// more.
func (v *View) commonTerm(ctx context.Context, k searchKind, term string, gen int64, ok bool) (bool, error) {
	tl, err := v.term(ctx, k, term, gen, ok)
	if err != nil {
		return false, err
	}
	return tl.common, nil
}

// termKey is the key of a term's list: the kind, and the term with its
// ASCII letters in lower case (FTS5's unicode61 folds them alike).
func termKey(k searchKind, term string) string {
	return k.name + "\x00" + strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, term)
}

// term returns what is known of a term of one kind: one query reads its
// rows newest first, commonRows at most, which judge whether it is
// common and are kept, with the answer, until the store changes (when ok).
func (v *View) term(ctx context.Context, k searchKind, term string, gen int64, ok bool) (*termList, error) {
	key := termKey(k, term)
	var low int64
	haveLow := false
	if ok {
		v.mu.Lock()
		v.resetTerms(gen)
		tl, hit := v.common[key]
		if hit {
			v.tick++
			tl.used = v.tick
			tl.uses++
		}
		low, haveLow = v.newest[k.name]
		v.mu.Unlock()
		if hit {
			return tl, nil
		}
	}
	if !haveLow {
		var err error
		if low, err = v.nthNewest(ctx, k, commonShare*commonSample); err != nil {
			return nil, err
		}
	}
	rows, wide, err := v.termRows(ctx, k, term, math.MaxInt64, commonRows)
	if err != nil {
		return nil, err
	}
	recent := 0
	for _, r := range rows {
		if int64(r) < low {
			break
		}
		recent++
	}
	tl := &termList{common: len(rows) == commonRows || recent >= commonSample, rows: rows, complete: len(rows) < commonRows, wide: wide}
	if wide {
		tl.rows = nil
	}
	if ok {
		v.mu.Lock()
		if v.commonGen == gen && v.common != nil {
			v.newest[k.name] = low
			v.keepTerm(key, tl)
		}
		v.mu.Unlock()
	}
	return tl, nil
}

// resetTerms forgets the terms when the store has changed since they
// were read. v.mu is held.
func (v *View) resetTerms(gen int64) {
	if v.commonGen != gen || v.common == nil {
		v.commonGen, v.common, v.newest, v.listRows = gen, map[string]*termList{}, map[string]int64{}, 0
	}
}

// keepTerm keeps tl as what is known of key, in place of what was, and
// drops the least recently used lists when they hold more than
// termListBudget rows. v.mu is held.
func (v *View) keepTerm(key string, tl *termList) {
	if old, ok := v.common[key]; ok {
		if len(old.rows) > len(tl.rows) {
			return // a longer list came first
		}
		v.listRows -= len(old.rows)
	}
	v.tick++
	tl.used = v.tick
	v.common[key] = tl
	v.listRows += len(tl.rows)
	if v.listRows <= termListBudget {
		return
	}
	type aged struct {
		key  string
		used int64
	}
	all := make([]aged, 0, len(v.common))
	for k, l := range v.common {
		all = append(all, aged{k, l.used})
	}
	slices.SortFunc(all, func(a, b aged) int { return cmp.Compare(a.used, b.used) })
	for _, a := range all {
		if v.listRows <= termListBudget*3/4 || a.key == key {
			break
		}
		v.listRows -= len(v.common[a.key].rows)
		delete(v.common, a.key)
	}
}

// termRows reads the rows of a term of one kind below the rowid below,
// newest first: the newest limit of them, or with limit 0 all of them
// (in rowid order, which FTS5 reads at less than half the cost of the
// reverse). They come in one value: a row each through database/sql
// cost three times as much. wide is set when a rowid does not fit in 32
// bits.
func (v *View) termRows(ctx context.Context, k searchKind, term string, below int64, limit int) (rows []uint32, wide bool, err error) {
	q := `SELECT coalesce(group_concat(rowid), '') FROM (SELECT rowid FROM ` + k.table +
		` WHERE ` + k.table + ` MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?)`
	args := []any{term, below, limit}
	if limit == 0 {
		q = `SELECT coalesce(group_concat(rowid), '') FROM ` + k.table + ` WHERE ` + k.table + ` MATCH ? AND rowid < ?`
		args = args[:2]
	}
	r, err := v.query(ctx, q, args...)
	if err != nil {
		return nil, false, err
	}
	var list string
	if r.Next() {
		err = r.Scan(&list)
	}
	r.Close()
	if err := cmp.Or(err, r.Err()); err != nil {
		return nil, false, err
	}
	if list == "" {
		return nil, false, nil
	}
	rows = make([]uint32, 0, strings.Count(list, ",")+1)
	var n uint64
	digits := 0
	for i := 0; i <= len(list); i++ {
		if i < len(list) && list[i] != ',' {
			c := list[i] - '0'
			if c > 9 || digits == 19 {
				return nil, false, fmt.Errorf("rows of %s: not a rowid list", term)
			}
			n, digits = n*10+uint64(c), digits+1
			continue
		}
		if digits == 0 {
			return nil, false, fmt.Errorf("rows of %s: not a rowid list", term)
		}
		if n > math.MaxUint32 {
			wide = true
		} else {
			rows = append(rows, uint32(n))
		}
		n, digits = 0, 0
	}
	if !slices.IsSortedFunc(rows, func(a, b uint32) int { return cmp.Compare(b, a) }) {
		slices.SortFunc(rows, func(a, b uint32) int { return cmp.Compare(b, a) })
	}
	return rows, wide, nil
}

// seekDesc returns the first index from from of the descending rows
// whose row is x or below (len(rows) when none is).
func seekDesc(rows []uint32, from int, x int64) int {
	lo, hi := from, len(rows)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int64(rows[m]) <= x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// extendTerm returns tl with the rest of its rows read, and keeps it in
// place of tl.
func (v *View) extendTerm(ctx context.Context, k searchKind, term string, tl *termList, gen int64) (*termList, error) {
	below := int64(math.MaxInt64)
	if len(tl.rows) > 0 {
		below = int64(tl.rows[len(tl.rows)-1])
	}
	more, wide, err := v.termRows(ctx, k, term, below, 0)
	if err != nil {
		return nil, err
	}
	if wide {
		return nil, fmt.Errorf("rows of %s: rowid past 32 bits", term)
	}
	rows := make([]uint32, 0, len(tl.rows)+len(more))
	rows = append(append(rows, tl.rows...), more...)
	nl := &termList{common: tl.common, rows: rows, complete: true, uses: tl.uses}
	v.mu.Lock()
	if v.commonGen == gen && v.common != nil {
		v.keepTerm(termKey(k, term), nl)
	}
	v.mu.Unlock()
	return nl, nil
}

// readLater reads the rest of a term's list in the background, unless
// it is to be read already: reading a common word's rows costs as much
// as a few searches (up to tens of milliseconds), which no reader should
// wait for, and which should not take the machine from the readers. So
// lists are read one at a time, each once no search has been worked on
// for a moment, or after readWait if searches never stop.
func (v *View) readLater(k searchKind, term string, tl *termList, gen int64) {
	if v.closing == nil {
		return // a View on the store's own connection keeps no lists
	}
	key := termKey(k, term)
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.reading == nil {
		v.reading = map[string]bool{}
	}
	if v.reading[key] || v.commonGen != gen || v.common == nil {
		return
	}
	v.reading[key] = true
	v.loads.Add(1)
	go func() {
		defer v.loads.Done()
		defer func() {
			v.mu.Lock()
			delete(v.reading, key)
			v.mu.Unlock()
		}()
		v.readOne.Lock()
		defer v.readOne.Unlock()
		wait := time.NewTimer(readWait)
		defer wait.Stop()
		for quiet := 0; quiet < 2; {
			if v.searching.Load() > 0 {
				quiet = 0
			} else {
				quiet++
			}
			select {
			case <-v.closing:
				return
			case <-wait.C:
				quiet = 2
			case <-time.After(readPoll):
			}
		}
		v.mu.Lock()
		still := v.commonGen == gen && v.common != nil
		v.mu.Unlock()
		if still {
			// An error (the View closed) leaves the list as it was:
			// searches go on without it.
			_, _ = v.extendTerm(context.Background(), k, term, tl, gen)
		}
	}()
}

// readPoll is how often a list waiting to be read looks whether
// searches have stopped, and readWait how long it waits at most.
var (
	readPoll = 2 * time.Millisecond
	readWait = time.Second
)

// WarmSearch reads ahead, for the store as it is, what searches for the
// words that are common now will need: it finds the words held by more
// than one in commonShare of the newest reports (commonShare*commonSample
// of them, cut into words as FTS5 cuts them), judges each of them in
// both indexes and reads the whole lists of those that are common,
// commonest first. Before each of these steps it calls next, and it
// stops when next returns false (a reader came, the store changed) or
// ctx ends. A server calls it when it has nothing else to do: a fresh
// server's first searches for common words would otherwise pay for
// reading them, or for FTS5's AND over their long lists.
func (v *View) WarmSearch(ctx context.Context, next func(context.Context) bool) error {
	if v.pin == nil {
		return nil // no generation: nothing is kept
	}
	if !next(ctx) {
		return ctx.Err()
	}
	gen, _, err := v.Generation(ctx)
	if err != nil {
		return err
	}
	sample := commonShare * commonSample
	// The first 16 kB of a text are enough to tell its common words,
	// and bound the cost of very long reports.
	rows, err := v.db.QueryContext(ctx, `SELECT title, substr(text, 1, 16384) FROM reports ORDER BY rowid DESC LIMIT ?`, sample)
	if err != nil {
		return err
	}
	docs := map[string]int{}
	seen := map[string]bool{}
	for rows.Next() {
		var title, text string
		if err := rows.Scan(&title, &text); err != nil {
			rows.Close()
			return err
		}
		clear(seen)
		for _, col := range []string{title, text} {
			ws := snippetTokenize(col)
			for i := range ws.toks {
				if w := ws.word(i); w != "" && !seen[w] {
					seen[w] = true
					docs[w]++
				}
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var words []string
	for w, n := range docs {
		if n >= commonSample && hasWordChar(w) {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(cmp.Compare(docs[b], docs[a]), cmp.Compare(a, b)) })
	for _, w := range words {
		term := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		for _, k := range []searchKind{reportSearch, quoteSearch} {
			if !next(ctx) {
				return ctx.Err()
			}
			tl, err := v.term(ctx, k, term, gen, true)
			if err != nil {
				return err
			}
			if !tl.common || tl.complete || tl.wide {
				continue
			}
			if !next(ctx) {
				return ctx.Err()
			}
			if _, err := v.extendTerm(ctx, k, term, tl, gen); err != nil {
				return err
			}
		}
	}
	return nil
}

// memWindow returns the newest limit rows that every term holds, newest
// first, from the terms' lists: what FTS5's MATCH of the terms, newest
// first, would give, with no pass over the long lists of common words.
// It is a leapfrog join: each list in turn skips to its first row at or
// below the candidate, which becomes the new candidate when lower, until
// every list holds it. When the walk reaches the end of a list read in
// part, FTS5 gives the rest of the window, below the candidate; and if
// the term was searched for before in this generation of the store, the
// rest of its list is read in the background for the next searches.
func (v *View) memWindow(ctx context.Context, k searchKind, terms []string, lists []*termList, match string, gen int64, limit int) ([]int64, error) {
	n := len(lists)
	at := make([]int, n)
	var out []int64
	x := int64(math.MaxInt64)
	matched := 0
	for i := 0; ; i = (i + 1) % n {
		l := lists[i]
		j := seekDesc(l.rows, at[i], x)
		if j == len(l.rows) && !l.complete {
			v.mu.Lock()
			again := l.uses > 0
			v.mu.Unlock()
			if again {
				v.readLater(k, terms[i], l, gen)
			}
			// Every match above x is in out.
			rest, err := v.rowids(ctx, `SELECT rowid FROM `+k.table+` WHERE `+k.table+` MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?`,
				match, x, limit-len(out))
			return append(out, rest...), err
		}
		if j == len(l.rows) {
			return out, nil
		}
		at[i] = j
		if r := int64(l.rows[j]); r == x {
			matched++
		} else {
			x, matched = r, 1
		}
		if matched == n {
			if out = append(out, x); len(out) == limit {
				return out, nil
			}
			x, matched = x-1, 0
		}
	}
}

// nthNewest returns the rowid of the nth newest row of an index (0 when
// it has fewer rows). It reads the index's own table of row sizes (one
// row per row indexed, keyed by rowid): the quotes' rows are spread
// among the other annotations, and finding them there read the whole
// table (half a second on the benchmark's store, for each of a fresh
// server's first searches).
func (v *View) nthNewest(ctx context.Context, k searchKind, n int) (int64, error) {
	var id int64
	off := strconv.Itoa(n - 1)
	err := v.db.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM `+k.table+`_docsize ORDER BY id DESC LIMIT 1 OFFSET `+off+`), 0)`).Scan(&id)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		err = v.db.QueryRowContext(ctx, `SELECT coalesce((SELECT rowid FROM `+k.content+` 1 ORDER BY rowid DESC LIMIT 1 OFFSET `+off+`), 0)`).Scan(&id)
	}
	return id, err
}

// searchFilter adds the filters of f for one kind of hit.
func (v *View) searchFilter(k searchKind, f SearchFilter, q *query) {
	if k.num == reportSearch.num {
		ReportFilter{Outlet: f.Outlet, Actor: f.Actor, DateRange: f.DateRange}.apply(q)
		return
	}
	qf := QuoteFilter{Speaker: f.Actor, Outlet: f.Outlet, DateRange: f.DateRange}
	if f.Kind != "" && f.Kind != "quote" {
		qf.Kind = f.Kind
	}
	qf.apply(q)
	// Every row of quotes_fts is a quote: the type test that apply adds
	// first (with no argument) is not needed.
	q.conds = q.conds[1:]
}

// browse answers a search with no words: reports (or, for a quote kind,
// quotes) the filters select, newest first.
func (v *View) browse(ctx context.Context, f SearchFilter, p Page) ([]Hit, string, error) {
	if f.Kind == "" || f.Kind == "report" {
		rs, next, err := v.Reports(ctx, ReportFilter{Outlet: f.Outlet, Actor: f.Actor, DateRange: f.DateRange}, p)
		if err != nil {
			return nil, "", err
		}
		hits := make([]Hit, len(rs))
		for i, r := range rs {
			hits[i] = Hit{Kind: "report", Report: r, Snippet: r.Title}
		}
		return hits, next, nil
	}
	qf := QuoteFilter{Speaker: f.Actor, Outlet: f.Outlet, DateRange: f.DateRange}
	if f.Kind != "quote" {
		qf.Kind = f.Kind
	}
	qs, next, err := v.Quotes(ctx, qf, p)
	if err != nil {
		return nil, "", err
	}
	hits := make([]Hit, len(qs))
	for i := range qs {
		hits[i] = Hit{Kind: "quote", Report: qs[i].Source, Quote: &qs[i].Quote, N: qs[i].N, Snippet: qs[i].Text}
	}
	return hits, next, nil
}

func searchErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "fts5") {
		return fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	return err
}

// snippetTokens is how many words a snippet shows at most, as FTS5's
// snippet() was asked for before.
const snippetTokens = 24

// A snippetToken is one word of a text as FTS5's unicode61 tokenizer
// with remove_diacritics 2 cuts it: its bytes in the text, whether they
// are ASCII with capitals, and its folded form (lower case, no
// diacritics) when they are not ASCII.
type snippetToken struct {
	start, end int32
	// fold indexes the folded form in wordsOf.folds, or is -1.
	fold  int32
	upper bool
}

// wordsOf are the words of a text, as snippetTokenize cuts it.
type wordsOf struct {
	text  string
	toks  []snippetToken
	folds []string
}

// is tells whether word i is the folded word w, or begins with it when
// prefix.
func (ts *wordsOf) is(i int, w string, prefix bool) bool {
	t := ts.toks[i]
	var got string
	if t.fold >= 0 {
		got = ts.folds[t.fold]
	} else {
		got = ts.text[t.start:t.end]
	}
	if prefix {
		if len(got) < len(w) {
			return false
		}
		got = got[:len(w)]
	}
	if t.upper {
		return asciiEqualFold(got, w)
	}
	return got == w
}

// word returns word i folded.
func (ts *wordsOf) word(i int) string {
	t := ts.toks[i]
	if t.fold >= 0 {
		return ts.folds[t.fold]
	}
	w := ts.text[t.start:t.end]
	if t.upper {
		return strings.ToLower(w)
	}
	return w
}

// asciiEqualFold tells whether the ASCII a is b (in lower case) but for
// case.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c <= 'Z' && c >= 'A' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return true
}

// asciiWord marks the ASCII bytes that belong in a word.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		w[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return w
}()

// isTokenRune tells whether r belongs in a word for unicode61: letters,
// numbers, private-use characters, and the combining marks that
// remove_diacritics folds away.
func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.In(r, unicode.L, unicode.N, unicode.Co, unicode.Mn)
}

// foldWord lower-cases a word and takes its diacritics off.
func foldWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			var b strings.Builder
			for _, r := range norm.NFD.String(strings.ToLower(w)) {
				if !unicode.Is(unicode.Mn, r) {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return strings.ToLower(w)
}

// snippetTokenize cuts s into words.
func snippetTokenize(s string) *wordsOf {
	ts := &wordsOf{text: s, toks: make([]snippetToken, 0, len(s)/5)}
	i := 0
	for i < len(s) {
		// Between words.
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); !isTokenRune(r) {
			i += n
			continue
		}
		// A word: upper while it is ASCII with capitals, ascii while it
		// is ASCII.
		start, upper, ascii := i, false, true
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				if c <= 'Z' && c >= 'A' {
					upper = true
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isTokenRune(r) {
				break
			}
			ascii = false
			i += n
		}
		t := snippetToken{start: int32(start), end: int32(i), fold: -1, upper: upper && ascii}
		if !ascii {
			t.fold = int32(len(ts.folds))
			ts.folds = append(ts.folds, foldWord(s[start:i]))
		}
		ts.toks = append(ts.toks, t)
	}
	return ts
}

// A snippetPhrase is one term of a query as words to find in a row:
// folded, the last maybe a prefix.
type snippetPhrase struct {
	words  []string
	prefix bool
}

// snippetPhrases reads the terms matchTerms made.
func snippetPhrases(terms []string) []snippetPhrase {
	var out []snippetPhrase
	for _, t := range terms {
		if t == "OR" {
			continue
		}
		p := snippetPhrase{prefix: strings.HasSuffix(t, "*")}
		t = strings.TrimSuffix(t, "*")
		t = strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(t, `"`), `"`), `""`, `"`)
		ts := snippetTokenize(t)
		for i := range ts.toks {
			if w := ts.word(i); w != "" { // not marks alone
				p.words = append(p.words, w)
			}
		}
		if len(p.words) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// matchAt tells whether phrase p occurs at word i of ts.
func (p snippetPhrase) matchAt(ts *wordsOf, i int) bool {
	if i+len(p.words) > len(ts.toks) {
		return false
	}
	for j, w := range p.words {
		if !ts.is(i+j, w, p.prefix && j == len(p.words)-1) {
			return false
		}
	}
	return true
}

// A phraseHit is one occurrence of a phrase: its first word and its
// number of words.
type phraseHit struct {
	phrase, at, n int
}

// makeSnippet returns the passage of at most size words, of one of the
// columns, holding the most of the query's phrases (then the most
// occurrences), chosen and marked as FTS5's
// snippet(…, -1, "\x02", "\x03", "…", size) does: the occurrences
// between "\x02" and "\x03", "…" where text is cut. With no occurrence
// anywhere it is the start of the first column that has words.
func makeSnippet(columns []string, phrases []snippetPhrase, size int) string {
	best, bestScore, bestStart := -1, 0, 0
	var bestToks *wordsOf
	var bestHits []phraseHit
	for c, text := range columns {
		ts := snippetTokenize(text)
		toks := ts.toks
		if len(toks) == 0 {
			continue
		}
		var hits []phraseHit
		for i, t := range toks {
			c := text[t.start]
			if c <= 'Z' && c >= 'A' {
				c += 'a' - 'A'
			}
			for pi, p := range phrases {
				if t.fold < 0 && c != p.words[0][0] {
					continue // the first bytes differ: no need to look closer
				}
				if p.matchAt(ts, i) {
					hits = append(hits, phraseHit{phrase: pi, at: i, n: len(p.words)})
				}
			}
		}
		if best < 0 {
			best, bestToks, bestHits = c, ts, hits
		}
		var starts []int // the words that begin sentences
		if len(toks) > size {
			for i, t := range toks {
				if i == 0 || sentenceStart(text, int(t.start)) {
					starts = append(starts, i)
				}
			}
		}
		for _, h := range hits {
			// The window from the occurrence, moved left to centre what
			// it holds.
			score, last := snippetScore(hits, h.at, size, len(phrases))
			start := h.at - (size-(last-h.at))/2
			start = max(0, min(start, len(toks)-size))
			if score > bestScore {
				best, bestScore, bestStart, bestToks, bestHits = c, score, start, ts, hits
			}
			// The window from the start of the occurrence's sentence, which
			// scores a little more.
			j, _ := slices.BinarySearch(starts, h.at+1)
			if j > 0 && starts[j-1] < h.at {
				st := starts[j-1]
				score, _ := snippetScore(hits, st, size, len(phrases))
				score += 100
				if st == 0 {
					score += 20
				}
				if score > bestScore {
					best, bestScore, bestStart, bestToks, bestHits = c, score, st, ts, hits
				}
			}
		}
	}
	if best < 0 {
		return ""
	}
	return writeSnippet(columns[best], bestToks.toks, bestHits, bestStart, size)
}

// sentenceStart tells whether the word at byte at of text begins a
// sentence for FTS5's snippet(): spaces, after a full stop or a colon.
func sentenceStart(text string, at int) bool {
	i := at - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i--
	}
	return i >= 0 && i != at-1 && (text[i] == '.' || text[i] == ':')
}

// snippetScore scores the window of size words from start: a thousand
// for the first occurrence of each phrase in it, one for each other.
// last is the end of the last occurrence within it.
func snippetScore(hits []phraseHit, start, size, nPhrases int) (score, last int) {
	var seenBuf [8]bool
	var seen []bool
	if nPhrases > len(seenBuf) {
		seen = make([]bool, nPhrases)
	} else {
		seen = seenBuf[:nPhrases]
	}
	last = start
	for _, h := range hits {
		if h.at < start || h.at >= start+size {
			continue
		}
		if seen[h.phrase] {
			score++
		} else {
			seen[h.phrase] = true
			score += 1000
		}
		last = max(last, h.at+h.n)
	}
	return score, last
}

// writeSnippet writes the words start to start+size of text with their
// occurrences marked.
func writeSnippet(text string, toks []snippetToken, hits []phraseHit, start, size int) string {
	end := min(len(toks), start+size)
	// depth[i] counts the occurrences word i is in; an occurrence that
	// runs past the window is cut with it.
	opens := make([]int, end-start+1)
	closes := make([]int, end-start+1)
	for _, h := range hits {
		if h.at < start || h.at >= end {
			continue
		}
		opens[h.at-start]++
		closes[min(h.at+h.n, end)-1-start]++
	}
	marked := strings.ContainsAny(text, markOpen+markClose)
	clean := func(s string) string {
		if marked {
			return strings.NewReplacer(markOpen, " ", markClose, " ").Replace(s)
		}
		return s
	}
	var b strings.Builder
	b.Grow(int(toks[end-1].end-toks[start].start) + 32)
	from := int(toks[start].start)
	if start == 0 {
		from = 0
	} else {
		b.WriteString("…")
	}
	depth := 0
	for i := start; i < end; i++ {
		t := toks[i]
		b.WriteString(clean(text[from:int(t.start)]))
		if opens[i-start] > 0 {
			if depth == 0 {
				b.WriteString(markOpen)
			}
			depth += opens[i-start]
		}
		b.WriteString(clean(text[t.start:t.end]))
		if closes[i-start] > 0 {
			depth -= closes[i-start]
			if depth == 0 {
				b.WriteString(markClose)
			}
		}
		from = int(t.end)
	}
	if end == len(toks) {
		b.WriteString(clean(text[from:]))
	} else {
		b.WriteString("…")
	}
	return b.String()
}
