package pipeline

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"storyline"
	"storyline/internal/actor"
	"storyline/internal/quote"
	"storyline/internal/store"
	"storyline/internal/story"
)

// Deduper finds exact and near-duplicate reports, incrementally.
type Deduper interface {
	// Add records a report and returns the id of the earlier report it
	// duplicates, if any.
	Add(id, text string) (duplicateOf string, ok bool)
}

// Resolve runs the cross-report stages over every stored report: it
// finds duplicates, links mentions to actors, clusters reports into
// events and stories, groups the same quote across reports and links
// quote speakers to actors. Reports are taken in order of publication
// (unknown dates last), then origin and id, so the result depends only on
// what is stored, never on the order it arrived in. Duplicates are not
// analysed again: they join the event and story of the report they copy.
func Resolve(all []*storyline.Analysis, dd Deduper) *store.Cross {
	order := slices.Clone(all)
	slices.SortStableFunc(order, func(a, b *storyline.Analysis) int {
		pa, pb := a.Report.Published, b.Report.Published
		if (pa == "") != (pb == "") {
			if pa == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(a.Report.Origin, b.Report.Origin), cmp.Compare(a.Report.ID, b.Report.ID))
	})
	cross := &store.Cross{Reports: make(map[string]store.CrossReport, len(all))}
	res := actor.NewResolver()
	cl := story.NewClusterer()
	dupOf := map[string]string{}
	for _, a := range order {
		r := &a.Report
		cr := store.CrossReport{}
		if dd != nil {
			if orig, ok := dd.Add(r.ID, r.Text); ok {
				cr.DuplicateOf = orig
				dupOf[r.ID] = orig
			}
		}
		mentions := slices.Clone(a.Mentions)
		if cr.DuplicateOf == "" {
			mentions = res.Add(r.ID, r.Text, mentions)
			cl.Add(story.Doc{ID: r.ID, Title: r.Title, Text: r.Text, Published: PublishedTime(r.Published), Mentions: mentions})
		}
		cr.Mentions = mentions
		cross.Reports[r.ID] = cr
	}
	cross.Actors = res.Actors()
	cross.Events = cl.Events()
	cross.Stories = cl.Stories()
	joinDuplicates(cross, dupOf)

	// Duplicates share their original's actors: copy the actor ids of
	// mentions at the same surface.
	for id, orig := range dupOf {
		byName := map[string]string{}
		for _, m := range cross.Reports[orig].Mentions {
			byName[m.Surface] = m.ActorID
		}
		cr := cross.Reports[id]
		for i := range cr.Mentions {
			cr.Mentions[i].ActorID = byName[cr.Mentions[i].Surface]
		}
		cross.Reports[id] = cr
	}
	linkQuotes(order, cross)
	return cross
}

// joinDuplicates adds each duplicate to the event and story of the report
// it copies (following chains to the first original).
func joinDuplicates(cross *store.Cross, dupOf map[string]string) {
	if len(dupOf) == 0 {
		return
	}
	root := func(id string) string {
		for i := 0; i < 100; i++ {
			o, ok := dupOf[id]
			if !ok {
				return id
			}
			id = o
		}
		return id
	}
	dups := make([]string, 0, len(dupOf))
	for id := range dupOf {
		dups = append(dups, id)
	}
	slices.Sort(dups)
	for _, id := range dups {
		orig := root(id)
		for i := range cross.Events {
			if slices.Contains(cross.Events[i].Reports, orig) {
				cross.Events[i].Reports = append(cross.Events[i].Reports, id)
			}
		}
		for i := range cross.Stories {
			if slices.Contains(cross.Stories[i].Reports, orig) {
				cross.Stories[i].Reports = append(cross.Stories[i].Reports, id)
			}
		}
	}
}

// linkQuotes sets each quote's speaker actor and its group across
// reports.
func linkQuotes(order []*storyline.Analysis, cross *store.Cross) {
	actorName := map[string]string{}
	for _, a := range cross.Actors {
		actorName[a.ID] = a.Name
	}
	var items []quote.GroupItem
	type ref struct {
		report string
		i      int
	}
	var refs []ref
	for _, a := range order {
		cr := cross.Reports[a.Report.ID]
		quotes := slices.Clone(a.Quotes)
		for i := range quotes {
			q := &quotes[i]
			q.SpeakerID = speakerActor(q, cr.Mentions)
			items = append(items, quote.GroupItem{Key: a.Report.ID, Speaker: q.Speaker, Text: q.Text})
			refs = append(refs, ref{a.Report.ID, i})
		}
		cr.Quotes = quotes
		cross.Reports[a.Report.ID] = cr
	}
	groups := groupQuotes(items)
	// A group id is stable: the group's first quote's report and offset.
	first := map[int]string{}
	for k, g := range groups {
		if _, ok := first[g]; !ok {
			q := cross.Reports[refs[k].report].Quotes[refs[k].i]
			first[g] = refs[k].report + ":" + itoa(q.Span.Start)
		}
		cross.Reports[refs[k].report].Quotes[refs[k].i].Group = first[g]
	}
}

// speakerActor finds the actor of a quote's speaker: the mention under
// its speaker span, else a mention in the report whose surface is the
// resolved speaker's name (or ends with its surname).
func speakerActor(q *storyline.Quote, mentions []storyline.Mention) string {
	if q.SpeakerSpan != nil {
		for _, m := range mentions {
			if m.ActorID != "" && m.Kind == storyline.Person && m.Span.Overlaps(*q.SpeakerSpan) {
				return m.ActorID
			}
		}
	}
	if q.Speaker == "" {
		return ""
	}
	for _, m := range mentions {
		if m.ActorID != "" && m.Surface == q.Speaker {
			return m.ActorID
		}
	}
	fields := strings.Fields(q.Speaker)
	if len(fields) == 0 {
		return ""
	}
	surname := fields[len(fields)-1]
	for _, m := range mentions {
		if m.ActorID != "" && m.Kind == storyline.Person && strings.HasSuffix(m.Surface, surname) {
			return m.ActorID
		}
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// PublishedTime parses a report's published date, "" giving the zero time.
func PublishedTime(p string) time.Time {
	if t, err := time.Parse(time.RFC3339, p); err == nil {
		return t
	}
	if t, err := time.Parse("2006-01-02", p); err == nil {
		return t
	}
	return time.Time{}
}
