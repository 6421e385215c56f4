package pipeline

import (
	"testing"

	"storyline/internal/ingest"
)

func TestDateFromName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-03-05_tidewater_nmc-escorts.txt", "2026-03-05"},
		{"https://example.org/world/2025/08/22/talks-resume", "2025-08-22"},
		{"2026-03_feed.jsonl", ""},
		{"report-12345678.txt", ""},
		{"2026-13-01.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := DateFromName(tt.in); got != tt.want {
				t.Errorf("DateFromName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrepare(t *testing.T) {
	tests := []struct {
		name                       string
		doc                        ingest.Doc
		title, published, key, url string
	}{
		{
			name:      "text file",
			doc:       ingest.Doc{Origin: "2026-03-05_x.txt", Format: ingest.Text, Content: "Fleet stays in port\nThe fleet stayed in port on Thursday.\nK.Marsh--NWA"},
			title:     "Fleet stays in port",
			published: "2026-03-05",
			key:       "file:2026-03-05_x.txt",
		},
		{
			name:      "jsonl line keeps its fields",
			doc:       ingest.Doc{Origin: "feed.jsonl", Line: 2, ID: "j2", URL: "https://example.org/a", Title: "Given title", Published: "2026-03-01", Format: ingest.Text, Content: "Other headline\nThe fleet stayed in port."},
			title:     "Given title",
			published: "2026-03-01",
			key:       "url:https://example.org/a",
			url:       "https://example.org/a",
		},
		{
			name:  "markdown heading",
			doc:   ingest.Doc{Origin: "n.md", Format: ingest.Markdown, Content: "# Council sends observers\n\nThe council said it would send observers."},
			title: "Council sends observers",
			key:   "file:n.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, key, err := Prepare(&tt.doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != tt.title || r.Published != tt.published || key != tt.key || r.URL != tt.url {
				t.Errorf("got title %q published %q key %q url %q", r.Title, r.Published, key, r.URL)
			}
			if r.ID != ReportID(key) || len(r.Hash) != 64 {
				t.Errorf("id %q hash %q", r.ID, r.Hash)
			}
		})
	}
}
