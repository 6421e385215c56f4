package story_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/dedup"
	"storyline/internal/ingest"
	"storyline/internal/ner"
	"storyline/internal/pipeline"
	"storyline/internal/quote"
	"storyline/internal/store"
	"storyline/internal/text"
	"storyline/internal/timeline"
	"storyline/internal/timex"
)

// seedAnalyses reads ../shared/seeds as `storyline ingest` does (reading,
// cleaning, the entity tagger, quotes, time expressions) and returns the
// analyses keyed by the seed's three-digit file prefix.
func seedAnalyses(t testing.TB) (map[string]*storyline.Analysis, []*storyline.Analysis) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present")
	}
	tagger, err := ner.Load()
	if err != nil {
		t.Skipf("entity model: %v", err)
	}
	src := &ingest.Source{Paths: []string{dir}}
	items := make(chan ingest.Item, 16)
	errc := make(chan error, 1)
	go func() { errc <- src.Run(context.Background(), items, nil); close(items) }()
	byPrefix := map[string]*storyline.Analysis{}
	var all []*storyline.Analysis
	for it := range items {
		if it.Doc == nil {
			continue
		}
		r, _, err := pipeline.Prepare(it.Doc, nil)
		if err != nil {
			t.Fatalf("%s: %v", it.Doc.Name, err)
		}
		sents := text.Split(r.Text)
		a := &storyline.Analysis{Report: *r}
		a.Mentions = tagger.Mentions(r.Text, sents)
		a.Quotes = quote.Extract(r.Text, sents, a.Mentions)
		a.Timexes = timex.Extract(r.Text, pipeline.PublishedTime(r.Published))
		timeline.DateQuotes(a.Quotes, a.Timexes, sents)
		byPrefix[it.Doc.Origin[:3]] = a
		all = append(all, a)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Fatalf("%d seed reports, want 5", len(all))
	}
	return byPrefix, all
}

// TestSeedsTagger runs the seeds through the product's cross-report stage
// (pipeline.Resolve) with the real tagger's mentions: one story, four
// events, the two reports of Rutte's Kyiv visit (000, 001) in one.
func TestSeedsTagger(t *testing.T) {
	byPrefix, all := seedAnalyses(t)
	cross := pipeline.Resolve(all, dedup.New())
	prefix := map[string]string{}
	for p, a := range byPrefix {
		prefix[a.Report.ID] = p
	}
	eventOf := map[string]string{}
	var events []string
	for _, e := range cross.Events {
		var ps []string
		for _, r := range e.Reports {
			ps = append(ps, prefix[r])
			eventOf[prefix[r]] = e.ID
		}
		slices.Sort(ps)
		events = append(events, strings.Join(ps, "+"))
	}
	slices.Sort(events)
	t.Logf("events: %v", events)
	if n := len(cross.Stories); n != 1 {
		t.Errorf("%d stories, want 1", n)
	}
	if want := []string{"000+001", "002", "003", "004"}; !slices.Equal(events, want) {
		t.Errorf("events %v, want %v", events, want)
	}
	for p := range byPrefix {
		if _, ok := eventOf[p]; !ok {
			t.Errorf("report %s in no event", p)
		}
	}
}

// TestSeedsTaggerActors checks the actor lines of the seeds' acceptance
// on the product's resolution with the real tagger's mentions.
func TestSeedsTaggerActors(t *testing.T) {
	_, all := seedAnalyses(t)
	checkSeedActors(t, pipeline.Resolve(all, dedup.New()))
}

// checkSeedActors checks the actor lines of the seeds' acceptance on the
// product's resolution.
func checkSeedActors(t *testing.T, cross *store.Cross) {
	t.Helper()
	actorOf := map[string]map[string]bool{} // surface → actor ids
	for _, cr := range cross.Reports {
		for _, m := range cr.Mentions {
			if m.ActorID == "" {
				continue
			}
			if actorOf[m.Surface] == nil {
				actorOf[m.Surface] = map[string]bool{}
			}
			actorOf[m.Surface][m.ActorID] = true
		}
	}
	one := func(surfaces ...string) string {
		ids := map[string]bool{}
		for _, s := range surfaces {
			if len(actorOf[s]) == 0 {
				t.Errorf("no mention %q with an actor", s)
			}
			for id := range actorOf[s] {
				ids[id] = true
			}
		}
		if len(ids) != 1 {
			t.Errorf("%q are %d actors, want one", surfaces, len(ids))
		}
		for id := range ids {
			return id
		}
		return ""
	}
	one("Zelensky", "Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelensky")
	one("Sergei Lavrov", "Sergey Lavrov")
	rutte := one("Mark Rutte", "Rutte")
	// descriptions of Rutte are not always tagged as mentions; where they
	// are, or where a quote gives them as its speaker, they must be him
	for _, cr := range cross.Reports {
		for _, m := range cr.Mentions {
			switch strings.ToLower(m.Surface) {
			case "the alliance leader", "the head of nato", "nato chief":
				if m.ActorID != rutte {
					t.Errorf("%q is actor %q, want Rutte's %q", m.Surface, m.ActorID, rutte)
				}
			}
		}
		for _, q := range cr.Quotes {
			switch strings.ToLower(q.Speaker) {
			case "the alliance leader", "the head of nato", "nato chief":
				if q.SpeakerID != rutte {
					t.Errorf("quote by %q is actor %q, want Rutte's %q", q.Speaker, q.SpeakerID, rutte)
				}
			}
		}
	}
	six := map[string]bool{}
	for _, s := range []string{"Alexander Stubb", "Mette Frederiksen", "Alar Karis", "Keir Starmer", "Emmanuel Macron", "Antonio Costa"} {
		six[one(s)] = true
	}
	if len(six) != 6 {
		t.Errorf("Stubb, Frederiksen, Karis, Starmer, Macron, Costa are %d actors, want 6", len(six))
	}
}
