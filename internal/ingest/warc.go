package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"storyline/internal/warc"
)

func isWARC(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// readWARC streams the HTML pages of a WARC file's response records as
// documents. Other records are skipped and counted in a warning; a file
// cut short yields every whole record before the cut and then a failure
// that says where it was cut.
func (s *Source) readWARC(ctx context.Context, path string, r io.Reader, send func(Item) error) error {
	wr := warc.NewReader(r)
	wr.SetMaxRecordBytes(s.maxSize())
	origin := filepath.Base(path)
	n := 0
	for wr.NextPage() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		p := wr.Page()
		n++
		name := fmt.Sprintf("%s#%d", path, n)
		if len(strings.TrimSpace(string(p.HTML))) == 0 {
			if err := send(Item{Fail: &Failure{name, ErrEmpty}}); err != nil {
				return err
			}
			continue
		}
		doc := &Doc{Origin: origin, Line: n, Name: name, Format: HTML, Content: string(p.HTML), URL: p.URI}
		if !p.Date.IsZero() {
			doc.Captured = p.Date.UTC().Format("2006-01-02")
		}
		if err := send(Item{Doc: doc}); err != nil {
			return err
		}
	}
	st := wr.Stats()
	if len(st.Skipped) > 0 {
		var parts []string
		total := int64(0)
		for k, v := range st.Skipped {
			parts = append(parts, fmt.Sprintf("%s %d", k, v))
			total += v
		}
		sort.Strings(parts)
		if err := send(Item{Warning: fmt.Sprintf("%s: %d pages read, %d records skipped (%s)", path, st.Pages, total, strings.Join(parts, ", "))}); err != nil {
			return err
		}
	}
	if err := wr.Err(); err != nil {
		var te *warc.TruncatedError
		if errors.As(err, &te) {
			return send(Item{Fail: &Failure{path, fmt.Errorf("WARC file cut short after %d whole records: %v", te.Record, err)}})
		}
		return send(Item{Fail: &Failure{path, fmt.Errorf("WARC: %w", err)}})
	}
	return nil
}
