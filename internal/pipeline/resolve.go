package pipeline

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

	"storyline"
	"storyline/internal/actor"
	"storyline/internal/quote"
	"storyline/internal/store"
	"storyline/internal/story"
	txt "storyline/internal/text"
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
	return ResolvePrepared(all, dd, nil)
}

// ResolvePrepared is Resolve using the parts of the work prepared for
// some of the reports already (Linker.Prepared); it forgets them as it
// goes. The result is Resolve's.
func ResolvePrepared(all []*storyline.Analysis, dd Deduper, prep *Prepared) *store.Cross {
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
	// Which quotes carry one statement depends on their words and
	// speaker names only, not on actors: it is worked out from the start,
	// beside everything else.
	quoteGroups := make(chan []int, 1)
	go func() { quoteGroups <- groupQuotes(quoteItems(order)) }()
	res := actor.NewResolver()
	cl := story.NewClusterer()
	dupOf := map[string]string{}
	// speakers holds, per report, the actor of each quote's speaker phrase.
	speakers := map[string][]string{}

	// The stages run side by side: this goroutine finds duplicates and
	// resolves actors, report after report; a pool computes what the
	// clusterer needs of each report alone (story.Prepare); one goroutine
	// adds the reports to the clusterer, in the same order.
	type job struct {
		doc   story.Doc
		words *story.Prep // from prep, when it has them
		prep  chan *story.Prep
	}
	jobs := make(chan *job, 64)
	preps := make(chan *job, 64)
	clustered := make(chan struct{})
	go func() {
		defer close(clustered)
		for j := range jobs {
			cl.AddPrepared(j.doc, <-j.prep)
		}
	}()
	var prepWG sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		prepWG.Add(1)
		go func() {
			defer prepWG.Done()
			for j := range preps {
				if j.words != nil {
					j.prep <- cl.PrepareLead(j.words, j.doc)
				} else {
					j.prep <- cl.Prepare(j.doc)
				}
			}
		}()
	}
	// Duplicates are found one step ahead, in their own goroutine.
	origs := make(chan string, 64)
	go func() {
		defer close(origs)
		for _, a := range order {
			orig := ""
			if dd != nil {
				// The same copy under another headline is still a copy.
				orig, _ = dd.Add(a.Report.ID, withoutTitle(a.Report.Title, a.Report.Text))
			}
			origs <- orig
		}
	}()
	for _, a := range order {
		r := &a.Report
		cr := store.CrossReport{}
		if orig := <-origs; orig != "" {
			cr.DuplicateOf = orig
			dupOf[r.ID] = orig
		}
		mentions := slices.Clone(a.Mentions)
		pp := prep.get(a)
		prep.drop(a)
		if cr.DuplicateOf == "" {
			speakers[r.ID] = linkActors(res, a, mentions, pp)
			j := &job{doc: storyDoc(a, mentions), prep: make(chan *story.Prep, 1)}
			if pp != nil && pp.mentions == len(mentions) {
				j.words = pp.words
			}
			preps <- j
			jobs <- j
		}
		cr.Mentions = mentions
		cross.Reports[r.ID] = cr
	}
	close(preps)
	close(jobs)
	cross.Actors = res.Actors()

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
	// Quote speakers need the actors only: they are linked, and the
	// groups named, while the clusterer finishes.
	quotesDone := make(chan struct{})
	go func() {
		defer close(quotesDone)
		linkQuotes(order, cross, speakers, <-quoteGroups)
	}()
	<-clustered
	prepWG.Wait()
	cross.Events = cl.Events()
	cross.Stories = cl.Stories()
	<-quotesDone
	joinDuplicates(cross, dupOf)
	untitled(cross, order)
	stableIDs(cross)
	pruneUnchanged(all, cross)
	return cross
}

// linkActors resolves a report's mentions to actors, setting ActorID in
// mentions (a copy of a.Mentions), and returns the actor of each quote's
// speaker phrase ("" where the phrase is not resolved this way).
//
// pp, when not nil, holds the report's prepared parts (Prepared).
func linkActors(res *actor.Resolver, a *storyline.Analysis, mentions []storyline.Mention, pp *prepared) []string {
	r := &a.Report
	// Quote speaker phrases ("the alliance leader") go to the resolver
	// as person mentions, so that descriptions resolve to the actor they
	// name; they are not stored as mentions.
	withSpeakers, idx := addSpeakerMentions(r.Text, mentions, a.Quotes)
	var resolved []storyline.Mention
	if pp != nil && pp.actor.Fits(r.ID, r.Text, withSpeakers) {
		resolved = res.AddPrepared(pp.actor, withSpeakers)
	} else {
		resolved = res.Add(r.ID, r.Text, withSpeakers)
	}
	for i := range mentions {
		mentions[i].ActorID = resolved[i].ActorID
	}
	sp := make([]string, len(a.Quotes))
	for qi, mi := range idx {
		if mi >= 0 {
			sp[qi] = resolved[mi].ActorID
		}
	}
	return sp
}

// untitled gives an event or story whose reports have no headline the
// opening words of its first report, so that a list of them never shows
// an empty line.
func untitled(cross *store.Cross, order []*storyline.Analysis) {
	text := make(map[string]string, len(order))
	for _, a := range order {
		text[a.Report.ID] = a.Report.Text
	}
	for i := range cross.Events {
		if e := &cross.Events[i]; e.Title == "" && len(e.Reports) > 0 {
			e.Title = opening(text[e.Reports[0]])
		}
	}
	for i := range cross.Stories {
		if s := &cross.Stories[i]; s.Title == "" && len(s.Reports) > 0 {
			s.Title = opening(text[s.Reports[0]])
		}
	}
}

// opening returns the first sentence of text, cut at a word boundary
// with an ellipsis when it is longer than 90 bytes.
func opening(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	if sents := txt.Split(text); len(sents) > 0 {
		text = strings.TrimSpace(text[sents[0].Start:sents[0].End])
	}
	if len(text) <= 90 {
		return text
	}
	cut := strings.LastIndexByte(text[:90], ' ')
	if cut < 40 {
		cut = 90
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}

// pruneUnchanged drops from cross.Reports the reports whose cross-report
// fields are what is stored already, so that saving rewrites only what a
// new report changed.
func pruneUnchanged(all []*storyline.Analysis, cross *store.Cross) {
	for _, a := range all {
		cr, ok := cross.Reports[a.Report.ID]
		if !ok {
			continue
		}
		if len(cr.Mentions) != len(a.Mentions) || len(cr.Quotes) != len(a.Quotes) {
			// Not the rows stored: write them all.
			cr.MentionRows, cr.QuoteRows = nil, nil
			cross.Reports[a.Report.ID] = cr
			continue
		}
		cr.MentionRows, cr.QuoteRows = []int{}, []int{}
		for i := range cr.Mentions {
			if cr.Mentions[i] != a.Mentions[i] {
				cr.MentionRows = append(cr.MentionRows, i)
			}
		}
		for i := range cr.Quotes {
			if !sameQuote(cr.Quotes[i], a.Quotes[i]) {
				cr.QuoteRows = append(cr.QuoteRows, i)
			}
		}
		if cr.DuplicateOf == a.Report.DuplicateOf && len(cr.MentionRows) == 0 && len(cr.QuoteRows) == 0 {
			delete(cross.Reports, a.Report.ID)
			continue
		}
		cross.Reports[a.Report.ID] = cr
	}
}

func sameQuote(x, y storyline.Quote) bool {
	return x.Span == y.Span && x.Speaker == y.Speaker && x.SpeakerID == y.SpeakerID && x.Group == y.Group && x.Date == y.Date
}

// withoutTitle drops a headline that opens the text.
func withoutTitle(title, text string) string {
	if title != "" && strings.HasPrefix(text, title) {
		return strings.TrimLeft(text[len(title):], "\n ")
	}
	return text
}

// addSpeakerMentions returns the mentions with a person mention added for
// every quote's speaker phrase that no mention covers, in text order, and
// for each quote the index of the mention that stands for its speaker
// (-1 for none). The report's own mentions keep their indexes first.
func addSpeakerMentions(text string, mentions []storyline.Mention, quotes []storyline.Quote) ([]storyline.Mention, []int) {
	out := slices.Clone(mentions)
	idx := make([]int, len(quotes))
	for qi, q := range quotes {
		idx[qi] = -1
		// Only phrases the quote stage resolved inside the report: an
		// unresolved phrase ("officials") must not become an actor.
		if q.SpeakerSpan == nil || q.Speaker == "" || !q.SpeakerSpan.Valid(len(text)) {
			continue
		}
		sp := *q.SpeakerSpan
		for mi, m := range out {
			// A person named in the phrase, a mention that is the whole
			// phrase ("Moscow insists") or the name the speaker was
			// resolved to ("the Northern Maritime Council, or NMC,")
			// stands for the speaker; a name inside a description ("NATO
			// chief") does not.
			if m.Span.Overlaps(sp) && (m.Kind == storyline.Person || m.Span == sp || m.Surface == q.Speaker) {
				idx[qi] = mi
				break
			}
		}
		if idx[qi] >= 0 {
			continue
		}
		out = append(out, storyline.Mention{Span: sp, Surface: text[sp.Start:sp.End], Kind: storyline.Person})
		idx[qi] = len(out) - 1
	}
	return out, idx
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
	// Where each original is: the events and stories listing it.
	inEvent, inStory := map[string][]int{}, map[string][]int{}
	for _, id := range dups {
		orig := root(id)
		inEvent[orig], inStory[orig] = nil, nil
	}
	for i, e := range cross.Events {
		for _, r := range e.Reports {
			if list, ok := inEvent[r]; ok {
				inEvent[r] = append(list, i)
			}
		}
	}
	for i, st := range cross.Stories {
		for _, r := range st.Reports {
			if list, ok := inStory[r]; ok {
				inStory[r] = append(list, i)
			}
		}
	}
	for _, id := range dups {
		orig := root(id)
		for _, i := range inEvent[orig] {
			cross.Events[i].Reports = append(cross.Events[i].Reports, id)
		}
		for _, i := range inStory[orig] {
			cross.Stories[i].Reports = append(cross.Stories[i].Reports, id)
		}
	}
}

// quoteItems lists every quote of order, report by report, as groupQuotes
// takes them.
func quoteItems(order []*storyline.Analysis) []quote.GroupItem {
	var items []quote.GroupItem
	for _, a := range order {
		for _, q := range a.Quotes {
			items = append(items, quote.GroupItem{Key: a.Report.ID, Speaker: q.Speaker, Text: quote.Statement(q)})
		}
	}
	return items
}

// linkQuotes sets each quote's speaker actor and its group across
// reports; groups is groupQuotes of quoteItems(order).
func linkQuotes(order []*storyline.Analysis, cross *store.Cross, speakers map[string][]string, groups []int) {
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
			if sp := speakers[a.Report.ID]; i < len(sp) && sp[i] != "" {
				q.SpeakerID = sp[i]
			} else {
				q.SpeakerID = speakerActor(q, cr.Mentions)
			}
			refs = append(refs, ref{a.Report.ID, i})
		}
		cr.Quotes = quotes
		cross.Reports[a.Report.ID] = cr
	}
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

// stableIDs renames actors, events and stories with ids derived from what
// they are (an actor's kind and name, an event's or story's first
// report), so that adding a report does not renumber everything stored.
func stableIDs(cross *store.Cross) {
	actorID := map[string]string{}
	used := map[string]bool{}
	for i := range cross.Actors {
		a := &cross.Actors[i]
		id := stableActorID(a.Kind, a.Name)
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("a%012x", xxh3.HashString(fmt.Sprintf("%s\x00%s\x00%d", a.Kind, a.Name, n)))[:13]
		}
		used[id] = true
		actorID[a.ID] = id
		a.ID = id
	}
	storyID := map[string]string{}
	for i := range cross.Stories {
		s := &cross.Stories[i]
		id := "s" + firstOf(s.Reports, s.ID)
		storyID[s.ID] = id
		s.ID = id
	}
	eventID := map[string]string{}
	for i := range cross.Events {
		e := &cross.Events[i]
		id := "e" + firstOf(e.Reports, e.ID)
		eventID[e.ID] = id
		e.ID = id
		e.Story = storyID[e.Story]
	}
	for i := range cross.Stories {
		for j, e := range cross.Stories[i].Events {
			cross.Stories[i].Events[j] = eventID[e]
		}
	}
	for id, cr := range cross.Reports {
		for i := range cr.Mentions {
			if cr.Mentions[i].ActorID != "" {
				cr.Mentions[i].ActorID = actorID[cr.Mentions[i].ActorID]
			}
		}
		for i := range cr.Quotes {
			if cr.Quotes[i].SpeakerID != "" {
				cr.Quotes[i].SpeakerID = actorID[cr.Quotes[i].SpeakerID]
			}
		}
		cross.Reports[id] = cr
	}
}

// stableActorID is the stable id of an actor of that kind and name (the
// first one: stableIDs numbers any others that hash the same).
func stableActorID(kind storyline.MentionKind, name string) string {
	return "a" + fmt.Sprintf("%012x", xxh3.HashString(string(kind)+"\x00"+name))[:12]
}

func firstOf(ids []string, fallback string) string {
	if len(ids) == 0 {
		return fallback
	}
	return ids[0]
}
