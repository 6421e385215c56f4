package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"storyline"
	"storyline/internal/langid"
	"storyline/internal/store/sqlite"
)

// TestHTTPIngestResolvesInBackground posts reports from several clients at
// once and checks that, once the background passes are done, every
// report is in a story and its mentions point to actors.
func TestHTTPIngestResolvesInBackground(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ing := &httpIngester{st: st, lang: langid.New()}
	tests := []struct{ name, body string }{
		{"a.txt", "Selm harbour stays shut\n\nThe mayor of Selm, Ines Carrow, said on Monday that the harbour would stay closed to Kestorian trawlers until the talks end."},
		{"b.txt", "Carrow keeps Selm harbour closed\n\nInes Carrow, the mayor of Selm, told fishermen on Monday the harbour would stay closed to Kestorian trawlers."},
		{"c.txt", "Kestoria protests harbour closure\n\nKestoria's foreign minister Jon Alvik called the closure of Selm harbour by Ines Carrow unlawful."},
		{"d.txt", "Talks resume in Castelmar\n\nNegotiators from Varnia and Kestoria met again in Castelmar on Tuesday to discuss fishing quotas."},
	}
	var wg sync.WaitGroup
	for _, tt := range tests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := ing.Ingest(ctx, strings.NewReader(tt.body), tt.name)
			if err != nil || res.Added != 1 {
				t.Errorf("%s: %+v, %v", tt.name, res, err)
			}
		}()
	}
	wg.Wait()
	ing.wait()

	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var inStories []string
	for _, s := range stories {
		inStories = append(inStories, s.Reports...)
	}
	var ids []string
	withActor := 0
	if err := st.Reports(ctx, func(a *storyline.Analysis) error {
		ids = append(ids, a.Report.ID)
		for _, m := range a.Mentions {
			if m.ActorID != "" {
				withActor++
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(tests) {
		t.Fatalf("%d reports stored, want %d", len(ids), len(tests))
	}
	for _, id := range ids {
		if !slices.Contains(inStories, id) {
			t.Errorf("report %s is in no story after the background pass (stories: %s)", id, fmt.Sprint(stories))
		}
	}
	if withActor == 0 {
		t.Error("no mention points to an actor after the background pass")
	}
}
