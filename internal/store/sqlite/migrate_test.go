package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"

	"storyline"
)

// TestMigrateLinks opens a store written before migration 00004 (actor
// ids and quote groups only inside the JSON) and checks that the new
// columns are filled from it and that search still finds its quote.
func TestMigrateLinks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(migrations, "migrations")
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 3); err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		`INSERT INTO reports (id, key, origin, text, hash) VALUES ('r1', 'file:a', 'a', 'The minister spoke.', 'h')`,
		`INSERT INTO annotations (report_id, type, n, start, end, data) VALUES ('r1', 'mention', 0, 4, 12, '{"actor_id":"a1"}')`,
		`INSERT INTO annotations (report_id, type, n, start, end, data) VALUES ('r1', 'quote', 0, 0, 19, '{"text":"harbour stays shut","speaker_id":"a1","group":"g1"}')`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tests := []struct {
		typ, actor, grp string
	}{
		{"mention", "a1", ""},
		{"quote", "a1", "g1"},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			var actor, grp string
			if err := st.db.QueryRowContext(ctx, `SELECT actor, grp FROM annotations WHERE type = ?`, tt.typ).Scan(&actor, &grp); err != nil {
				t.Fatal(err)
			}
			if actor != tt.actor || grp != tt.grp {
				t.Errorf("actor, grp = %q, %q; want %q, %q", actor, grp, tt.actor, tt.grp)
			}
		})
	}
	var n int
	if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'harbour'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("quote search after migration: %d hits, %v", n, err)
	}
}

// TestPutIndexesSearch checks that reports and quotes stored in one batch
// are in the full-text indexes, and that a replaced report leaves none of
// its old words there.
func TestPutIndexesSearch(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := func(id, text, quote string) *storyline.Analysis {
		return &storyline.Analysis{
			Report: storyline.Report{ID: id, Origin: id, Text: text, Hash: text},
			Quotes: []storyline.Quote{{Span: storyline.Span{Start: 0, End: len(text)}, Text: quote}},
		}
	}
	if _, err := st.PutBatch(ctx, []string{"k1", "k2"}, []*storyline.Analysis{
		a("r1", "Trawlers wait at Selm.", "trawlers wait"),
		a("r2", "Ferries sail from Thornholm.", "ferries sail"),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(ctx, "k1", a("r1", "Frigates escort convoys.", "frigates escort")); err != nil {
		t.Fatal(err)
	}
	count := func(table, word string) int {
		var n int
		if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE `+table+` MATCH ?`, word).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		table, word string
		want        int
	}{
		{"reports_fts", "thornholm", 1},
		{"reports_fts", "frigates", 1},
		{"reports_fts", "selm", 0},
		{"quotes_fts", "ferries", 1},
		{"quotes_fts", "escort", 1},
		{"quotes_fts", "trawlers", 0},
	}
	for _, tt := range tests {
		t.Run(tt.table+"/"+tt.word, func(t *testing.T) {
			if got := count(tt.table, tt.word); got != tt.want {
				t.Errorf("%d hits, want %d", got, tt.want)
			}
		})
	}
}
