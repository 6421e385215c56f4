// Package sqlite is storyline's default store: one SQLite file, opened
// through the pure-Go modernc.org/sqlite driver (no C toolchain), in WAL
// mode, with versioned migrations applied by goose on open. All writes for
// one report happen in one transaction.
package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"storyline"
	"storyline/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a SQLite-backed store. It is safe for concurrent use; writes
// are serialised on one connection, and the checks workers make while a
// batch is being written go through a pool of read-only connections (WAL
// lets them read what is committed without waiting for the writer).
type Store struct {
	db    *sql.DB
	reads *sql.DB
	// has is Has's query, prepared once on the read connections.
	has *sql.Stmt
}

var (
	_ store.Writer      = (*Store)(nil)
	_ store.Reader      = (*Store)(nil)
	_ store.Checker     = (*Store)(nil)
	_ store.CrossWriter = (*Store)(nil)
	_ store.CrossReader = (*Store)(nil)
)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// The cross-report stage rewrites rows all over the file in one
	// transaction: 64 MB of page cache and statement journals in memory
	// keep it from spilling pages to disk (a fifth of its time at 20,000
	// reports).
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	// Checkpoint when the log reaches 64 MB rather than 4 MB: a page that
	// batch after batch rewrites (the search index's) is copied into the
	// file once per checkpoint, and each checkpoint syncs the disk (an
	// ingest of 2,000 reports: 8 syncs instead of 44, a third of the reads).
	q.Add("_pragma", "wal_autocheckpoint(16384)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	s := &Store{db: db, reads: db}
	r := url.Values{}
	r.Add("_pragma", "busy_timeout(10000)")
	r.Add("_pragma", "query_only(1)")
	if reads, err := sql.Open("sqlite", "file:"+path+"?"+r.Encode()); err == nil {
		reads.SetMaxOpenConns(runtime.GOMAXPROCS(0))
		if reads.PingContext(ctx) == nil {
			s.reads = reads
		} else {
			reads.Close()
		}
	}
	if s.has, err = s.reads.PrepareContext(ctx, `SELECT hash FROM reports WHERE key = ?`); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.has != nil {
		s.has.Close()
	}
	if s.reads != s.db {
		s.reads.Close()
	}
	return s.db.Close()
}

// DB returns the underlying database, for packages layered on this store
// (search, cross-report tables).
func (s *Store) DB() *sql.DB { return s.db }

// Has reports whether key is stored with this content hash.
func (s *Store) Has(ctx context.Context, key, hash string) (bool, error) {
	var h string
	err := s.has.QueryRowContext(ctx, key).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return h == hash, nil
}

// Put implements store.Writer.
func (s *Store) Put(ctx context.Context, key string, a *storyline.Analysis) (store.Outcome, error) {
	outs, err := s.PutBatch(ctx, []string{key}, []*storyline.Analysis{a})
	if err != nil {
		return 0, err
	}
	return outs[0], nil
}

// PutBatch implements store.BatchWriter: it stores several reports in one
// transaction, which costs one commit instead of one per report. Each
// report is still all-or-nothing, and so is the batch.
func (s *Store) PutBatch(ctx context.Context, keys []string, as []*storyline.Analysis) (outs []store.Outcome, err error) {
	if len(keys) != len(as) {
		return nil, errors.New("put: keys and reports differ in number")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	outs = make([]store.Outcome, len(as))
	var written []string
	rows := newAnnotationRows()
	defer rows.close()
	ps, err := preparePut(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer ps.close()
	for i := range as {
		if outs[i], err = putTx(ctx, tx, ps, rows, keys[i], as[i]); err != nil {
			return nil, err
		}
		if outs[i] != store.Unchanged {
			written = append(written, as[i].Report.ID)
		}
	}
	if err := rows.flush(ctx, tx); err != nil {
		return nil, err
	}
	if err := indexSearch(ctx, tx, written); err != nil {
		return nil, err
	}
	return outs, tx.Commit()
}

// indexSearch adds the reports written in a transaction, and their
// quotes, to the full-text indexes, in one statement each (see migration
// 00004 for why not a trigger per row).
func indexSearch(ctx context.Context, tx *sql.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO reports_fts (rowid, title, text)
		SELECT rowid, title, text FROM reports WHERE id IN (SELECT value FROM json_each(?))`, list); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text, speaker)
		SELECT rowid, json_extract(data, '$.text'),
		       coalesce(json_extract(data, '$.speaker'), json_extract(data, '$.speaker_text'), '')
		FROM annotations WHERE type = 'quote' AND report_id IN (SELECT value FROM json_each(?))`, list); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// putStmts are the statements putTx runs for every report, prepared once
// per transaction: with the pure-Go driver, preparing costs more than
// running them.
type putStmts struct {
	byKey, idTaken, del, insert *sql.Stmt
}

func preparePut(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	ps := &putStmts{}
	for _, x := range []struct {
		st *(*sql.Stmt)
		q  string
	}{
		{&ps.byKey, `SELECT id, hash FROM reports WHERE key = ?`},
		{&ps.idTaken, `SELECT count(*) FROM reports WHERE id = ?`},
		{&ps.del, `DELETE FROM reports WHERE id = ?`},
		{&ps.insert, `INSERT INTO reports
		(id, key, origin, source, url, title, byline, published, language, text, hash, duplicate_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, x.q)
		if err != nil {
			ps.close()
			return nil, err
		}
		*x.st = st
	}
	return ps, nil
}

func (ps *putStmts) close() {
	for _, st := range []*sql.Stmt{ps.byKey, ps.idTaken, ps.del, ps.insert} {
		if st != nil {
			st.Close()
		}
	}
}

func putTx(ctx context.Context, tx *sql.Tx, ps *putStmts, rows *rowBatch, key string, a *storyline.Analysis) (store.Outcome, error) {
	r := &a.Report
	var oldID, oldHash string
	var out store.Outcome
	err := ps.byKey.QueryRowContext(ctx, key).Scan(&oldID, &oldHash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		out = store.Added
		if r.ID == "" {
			return 0, errors.New("put: report has no id")
		}
		var taken int
		if err := ps.idTaken.QueryRowContext(ctx, r.ID).Scan(&taken); err != nil {
			return 0, err
		}
		if taken > 0 {
			return 0, fmt.Errorf("put: id %s is stored under another key", r.ID)
		}
	case err != nil:
		return 0, err
	case oldHash == r.Hash:
		setString(&r.ID, oldID)
		return store.Unchanged, nil
	default:
		out = store.Replaced
		setString(&r.ID, oldID)
		if _, err := ps.del.ExecContext(ctx, oldID); err != nil {
			return 0, err
		}
	}
	_, err = ps.insert.ExecContext(ctx,
		r.ID, key, r.Origin, r.Source, r.URL, r.Title, r.Byline, r.Published, r.Language, r.Text, r.Hash, r.DuplicateOf)
	if err != nil {
		return 0, fmt.Errorf("put %s: %w", r.Origin, err)
	}
	if err := putAnnotations(ctx, tx, rows, a); err != nil {
		return 0, fmt.Errorf("put %s: %w", r.Origin, err)
	}
	return out, nil
}

func putAnnotations(ctx context.Context, tx *sql.Tx, rows *rowBatch, a *storyline.Analysis) error {
	id := a.Report.ID
	sortAnnotations(a)
	put := func(typ string, n int, sp storyline.Span, v any, actor, group string) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return rows.add(ctx, tx, id, typ, n, sp.Start, sp.End, b, actor, group)
	}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		setString(&m.Report, id)
		if err := put("mention", i, m.Span, m, m.ActorID, ""); err != nil {
			return err
		}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		setString(&q.Report, id)
		if err := put("quote", i, q.Span, q, q.SpeakerID, q.Group); err != nil {
			return err
		}
	}
	for i := range a.Timexes {
		setString(&a.Timexes[i].Report, id)
		if err := put("timex", i, a.Timexes[i].Span, a.Timexes[i], "", ""); err != nil {
			return err
		}
	}
	for i := range a.Positions {
		setString(&a.Positions[i].Report, id)
		if err := put("position", i, a.Positions[i].Span, a.Positions[i], "", ""); err != nil {
			return err
		}
	}
	return nil
}

// setString sets *p to v unless it holds v already: storing an analysis
// already in the stored form (Normalize) only reads it, so that others
// may read it meanwhile.
func setString(p *string, v string) {
	if *p != v {
		*p = v
	}
}

// Normalize puts a in the form Put stores it in (annotations in span
// order, each naming its report), so that storing it then changes
// nothing in it: others may then read a while it is being stored.
func (s *Store) Normalize(a *storyline.Analysis) {
	sortAnnotations(a)
	id := a.Report.ID
	for i := range a.Mentions {
		setString(&a.Mentions[i].Report, id)
	}
	for i := range a.Quotes {
		setString(&a.Quotes[i].Report, id)
	}
	for i := range a.Timexes {
		setString(&a.Timexes[i].Report, id)
	}
	for i := range a.Positions {
		setString(&a.Positions[i].Report, id)
	}
}

// newAnnotationRows collects annotation rows for insertion.
func newAnnotationRows() *rowBatch {
	return &rowBatch{head: `INSERT INTO annotations (report_id, type, n, start, end, data, actor, grp) VALUES `, cols: 8}
}

// rowBatch collects rows of one statement shape and runs them as
// multi-row statements. With the pure-Go driver every statement costs
// tens of microseconds before SQLite does any work, more than storing a
// small row, and a report has a few dozen of them. The full-size
// statement is prepared once per transaction.
type rowBatch struct {
	head, tail string // the statement around its VALUES rows
	cols       int
	args       []any
	full       *sql.Stmt
}

// maxParams bounds the parameters of one statement: the driver matches
// each parameter to its argument by a scan of all arguments, so a
// statement's binding cost grows with the square of its parameters.
const maxParams = 240

func (b *rowBatch) add(ctx context.Context, tx *sql.Tx, vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args)+b.cols > maxParams {
		return b.flush(ctx, tx)
	}
	return nil
}

// flush runs the rows collected so far.
func (b *rowBatch) flush(ctx context.Context, tx *sql.Tx) error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	var err error
	if n == maxParams/b.cols {
		if b.full == nil {
			if b.full, err = tx.PrepareContext(ctx, b.query(n)); err != nil {
				return err
			}
		}
		_, err = b.full.ExecContext(ctx, b.args...)
	} else {
		_, err = tx.ExecContext(ctx, b.query(n), b.args...)
	}
	clear(b.args)
	b.args = b.args[:0]
	return err
}

func (b *rowBatch) query(rows int) string {
	var q strings.Builder
	q.WriteString(b.head)
	row := "(?" + strings.Repeat(", ?", b.cols-1) + ")"
	for i := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(row)
	}
	q.WriteString(b.tail)
	return q.String()
}

// close releases the prepared statement.
func (b *rowBatch) close() {
	if b.full != nil {
		b.full.Close()
	}
}

// sortAnnotations puts each kind of annotation in text order, the order
// in which they are numbered, stored and read back.
func sortAnnotations(a *storyline.Analysis) {
	bySpan := func(x, y storyline.Span) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		return cmp.Compare(x.End, y.End)
	}
	sortStable(a.Mentions, func(x, y storyline.Mention) int { return bySpan(x.Span, y.Span) })
	sortStable(a.Quotes, func(x, y storyline.Quote) int { return bySpan(x.Span, y.Span) })
	sortStable(a.Timexes, func(x, y storyline.Timex) int { return bySpan(x.Span, y.Span) })
	sortStable(a.Positions, func(x, y storyline.Position) int { return bySpan(x.Span, y.Span) })
}

// sortStable sorts s unless it is sorted already (then it only reads it).
func sortStable[T any](s []T, cmp func(x, y T) int) {
	if !slices.IsSortedFunc(s, cmp) {
		slices.SortStableFunc(s, cmp)
	}
}

// SaveCross implements store.CrossWriter: in one transaction it updates
// every report's duplicate link, mentions and quotes, and replaces the
// actors, events and stories.
func (s *Store) SaveCross(ctx context.Context, c *store.Cross) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	ids := make([]string, 0, len(c.Reports))
	for id := range c.Reports {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// Rows are updated many to a statement, by their keys (see rowBatch).
	links := &rowBatch{
		head: `WITH v (rid, typ, n, data, actor, grp) AS (VALUES `,
		tail: `) UPDATE annotations SET data = v.data, actor = v.actor, grp = v.grp FROM v
			WHERE annotations.report_id = v.rid AND annotations.type = v.typ AND annotations.n = v.n`,
		cols: 6,
	}
	defer links.close()
	dups := &rowBatch{
		head: `WITH v (id, dup) AS (VALUES `,
		tail: `) UPDATE reports SET duplicate_of = v.dup FROM v WHERE reports.id = v.id AND reports.duplicate_of IS NOT v.dup`,
		cols: 2,
	}
	defer dups.close()
	for _, id := range ids {
		cr := c.Reports[id]
		if err := dups.add(ctx, tx, id, cr.DuplicateOf); err != nil {
			return err
		}
		for _, i := range cr.MentionsToWrite() {
			m := cr.Mentions[i]
			b, err := json.Marshal(m)
			if err != nil {
				return err
			}
			if err := links.add(ctx, tx, id, "mention", i, b, m.ActorID, ""); err != nil {
				return err
			}
		}
		for _, i := range cr.QuotesToWrite() {
			q := cr.Quotes[i]
			b, err := json.Marshal(q)
			if err != nil {
				return err
			}
			if err := links.add(ctx, tx, id, "quote", i, b, q.SpeakerID, q.Group); err != nil {
				return err
			}
		}
	}
	if err := dups.flush(ctx, tx); err != nil {
		return err
	}
	if err := links.flush(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM cross_records`); err != nil {
		return err
	}
	records := &rowBatch{head: `INSERT INTO cross_records (type, n, id, data) VALUES `, cols: 4}
	defer records.close()
	put := func(typ string, n int, id string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return records.add(ctx, tx, typ, n, id, b)
	}
	for i, a := range c.Actors {
		if err := put("actor", i, a.ID, a); err != nil {
			return err
		}
	}
	for i, e := range c.Events {
		if err := put("event", i, e.ID, e); err != nil {
			return err
		}
	}
	for i, st := range c.Stories {
		if err := put("story", i, st.ID, st); err != nil {
			return err
		}
	}
	if err := records.flush(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

func crossRecords[T any](ctx context.Context, db *sql.DB, typ string) ([]T, error) {
	rows, err := db.QueryContext(ctx, `SELECT data FROM cross_records WHERE type = ? ORDER BY n`, typ)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s record: %w", typ, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Actors implements store.CrossReader.
func (s *Store) Actors(ctx context.Context) ([]storyline.Actor, error) {
	return crossRecords[storyline.Actor](ctx, s.db, "actor")
}

// Events implements store.CrossReader.
func (s *Store) Events(ctx context.Context) ([]storyline.Event, error) {
	return crossRecords[storyline.Event](ctx, s.db, "event")
}

// Stories implements store.CrossReader.
func (s *Store) Stories(ctx context.Context) ([]storyline.Story, error) {
	return crossRecords[storyline.Story](ctx, s.db, "story")
}

// Count implements store.Reader.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM reports`).Scan(&n)
	return n, err
}

const reportCols = `id, origin, source, url, title, byline, published, language, text, hash, duplicate_of`

func scanReport(sc interface{ Scan(...any) error }) (*storyline.Analysis, error) {
	a := &storyline.Analysis{}
	r := &a.Report
	err := sc.Scan(&r.ID, &r.Origin, &r.Source, &r.URL, &r.Title, &r.Byline, &r.Published, &r.Language, &r.Text, &r.Hash, &r.DuplicateOf)
	return a, err
}

// Report implements store.Reader.
func (s *Store) Report(ctx context.Context, id string) (*storyline.Analysis, error) {
	a, err := scanReport(s.db.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := s.loadAnnotations(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}

// Reports implements store.Reader. It reads reports a chunk at a time,
// each chunk in two queries (the reports, then all their annotations),
// and decodes the annotations of a chunk on every core.
func (s *Store) Reports(ctx context.Context, fn func(a *storyline.Analysis) error) error {
	return s.ReportsExcept(ctx, nil, fn)
}

// ReportsExcept is Reports without the reports for which known returns
// true (a caller that holds them already): those are neither read nor
// decoded.
func (s *Store) ReportsExcept(ctx context.Context, known func(id string) bool, fn func(a *storyline.Analysis) error) error {
	// Read the ids first: the single connection cannot serve nested
	// queries while a result set is open.
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM reports ORDER BY origin, key`)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if known != nil && known(id) {
			continue
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for chunk := range slices.Chunk(ids, readChunk) {
		as, err := s.readChunk(ctx, chunk)
		if err != nil {
			return err
		}
		for _, a := range as {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
	return nil
}

// readChunk is how many reports Reports reads at a time.
const readChunk = 1000

// annotationRow is one stored annotation, not yet decoded.
type annotationRow struct {
	typ  string
	data []byte
}

// readChunk reads the reports with the given ids, in that order, with
// their annotations.
func (s *Store) readChunk(ctx context.Context, ids []string) ([]*storyline.Analysis, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(ids))
	for i, id := range ids {
		byID[id] = i
	}
	as := make([]*storyline.Analysis, len(ids))
	rows, err := s.db.QueryContext(ctx, `SELECT `+reportCols+` FROM reports WHERE id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		a, err := scanReport(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		as[byID[a.Report.ID]] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	raw := make([][]annotationRow, len(ids))
	rows, err = s.db.QueryContext(ctx, `SELECT report_id, type, data FROM annotations
		WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, type, n`, list)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var r annotationRow
		if err := rows.Scan(&id, &r.typ, &r.data); err != nil {
			rows.Close()
			return nil, err
		}
		if i, ok := byID[id]; ok {
			raw[i] = append(raw[i], r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("report %s: %w", ids[i], store.ErrNotFound)
		}
	}
	// Decoding JSON is most of the cost: spread it over the cores.
	workers := min(runtime.GOMAXPROCS(0), len(as))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(as); i += workers {
				if err := decodeAnnotations(as[i], raw[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return as, errors.Join(errs...)
}

func (s *Store) loadAnnotations(ctx context.Context, a *storyline.Analysis) error {
	rows, err := s.db.QueryContext(ctx, `SELECT type, data FROM annotations WHERE report_id = ? ORDER BY type, n`, a.Report.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var raw []annotationRow
	for rows.Next() {
		var r annotationRow
		if err := rows.Scan(&r.typ, &r.data); err != nil {
			return err
		}
		raw = append(raw, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return decodeAnnotations(a, raw)
}

// decodeAnnotations decodes a report's annotation rows, in stored order,
// into a.
func decodeAnnotations(a *storyline.Analysis, raw []annotationRow) error {
	for _, r := range raw {
		var err error
		switch r.typ {
		case "mention":
			var m storyline.Mention
			err = json.Unmarshal(r.data, &m)
			a.Mentions = append(a.Mentions, m)
		case "quote":
			var q storyline.Quote
			err = json.Unmarshal(r.data, &q)
			a.Quotes = append(a.Quotes, q)
		case "timex":
			var t storyline.Timex
			err = json.Unmarshal(r.data, &t)
			a.Timexes = append(a.Timexes, t)
		case "position":
			var p storyline.Position
			err = json.Unmarshal(r.data, &p)
			a.Positions = append(a.Positions, p)
		}
		if err != nil {
			return fmt.Errorf("report %s: %s: %w", a.Report.ID, r.typ, err)
		}
	}
	return nil
}
