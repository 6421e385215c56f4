package story

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"storyline"
)

// Doc is one report handed to the clusterer.
type Doc struct {
	ID        string
	Title     string
	Text      string
	Published time.Time // zero when unknown
	Mentions  []storyline.Mention
}

// Options are the clusterer's thresholds and weights.
type Options struct {
	// StoryThreshold is the least average-link similarity (summed edge
	// similarity over the product of the sizes) at which reports or
	// clusters join one story.
	StoryThreshold float64
	// EventThreshold is the same for events inside a story.
	EventThreshold float64
	NameWeight     float64 // weight of the name channel against content words
	StoryDays      float64 // time scale (days) of story similarity decay
	EventDays      float64 // time scale (days) of event similarity decay
	Neighbours     int     // similarity edges kept per report (its nearest earlier reports)
	EdgeMin        float64 // least similarity of a kept edge
	Candidates     int     // at most this many stored reports are scored per report
	QueryTerms     int     // terms of a report looked up in the index
	KeepTerms      int     // terms kept per stored report
	Postings       int     // most recent reports read per index term
	// IDFPrior is a number of background documents assumed to hold none
	// of a term, so that early in a stream the words every report so far
	// shares still weigh.
	IDFPrior float64
	// RepairEvery reports, the last Window reports are re-clustered by
	// average link over their stored edges (0: only on Repair calls).
	// Each report still takes part in Window/RepairEvery repairs; at 400
	// (was 100) ECB+ train and dev cluster exactly as before, and the
	// repairs, which were half the clusterer's time at 20,000 reports,
	// cost a quarter as much.
	RepairEvery int
	Window      int
	// LinkCap caps the sizes in average link: two clusters are compared
	// by their summed edge similarity over min(|A|,LinkCap)·min(|B|,LinkCap),
	// so that a large story can still take in a report whose nearest
	// reports all lie in it (0: no cap).
	LinkCap int
	// AttachThreshold lets a report that joins no story by average link
	// follow its single nearest report when that similarity is at least
	// this (0: never).
	AttachThreshold float64
}

// DefaultOptions were chosen on ECB+ train and dev (story level) and on
// the seeds and examples (event level); see docs/coref.md.
func DefaultOptions() Options {
	return Options{
		StoryThreshold:  0.09,
		EventThreshold:  0.12,
		NameWeight:      3.0,
		StoryDays:       30,
		EventDays:       3,
		Neighbours:      8,
		EdgeMin:         0.05,
		Candidates:      100,
		QueryTerms:      30,
		KeepTerms:       80,
		Postings:        100,
		IDFPrior:        20,
		RepairEvery:     400,
		Window:          2000,
		LinkCap:         16,
		AttachThreshold: 0.15,
	}
}

// tw is one weighted term of a stored report.
type tw struct {
	term int32
	tf   float32
}

// edge links a report to one of its nearest earlier reports.
type edge struct {
	to   int32
	sim  float32 // content similarity of the whole reports
	lsim float32 // similarity of their leads (title, first sentences, their actors)
	day  float32 // days between the two reports; -1 when a date is unknown
}

type report struct {
	id    string
	title string
	vec   []tw // sublinear term frequencies of the kept terms
	lead  []tw // the same for the lead
	date  time.Time
	edges []edge
	story int32
	event int32
	// wday is the weekday the report names for its happening (0 Sunday
	// … 6 Saturday), -1 when it names none
	wday int8
	// quotes are hashes of the word 4-grams inside its quotation marks,
	// sorted: two reports that quote the same words report one happening
	quotes []uint32
}

// Clusterer assigns each new report to an event and a story. A report
// keeps edges to its nearest earlier reports among the candidates an
// inverted index returns; it joins the story (and event) to which it has
// the highest average-link similarity, or starts a new one. Every
// RepairEvery reports, the last Window reports are re-clustered by greedy
// average link over the same edges, which heals early mistakes (a report
// that bridged two sibling events, a story split in two) at a bounded cost.
type Clusterer struct {
	opt       Options
	terms     map[string]int32
	df        []int32
	logDF     []float64 // log of df, kept with it so that idf costs no logarithm
	logN      float64   // log of the idf numerator for the report being added
	reports   []report
	byID      map[string]int32
	index     [][]int32 // term → report indexes, oldest first
	nStories  int32
	nEvents   int32
	storySize map[int32]int32
	eventSize map[int32]int32
	// storyDF counts, per story, its reports whose leads hold a term:
	// what a story's reports share is its background, not what tells its
	// events apart.
	storyDF     map[int32]map[int32]int32
	sinceRepair int
	changed     map[int32]struct{} // reports a repair moved, for TakeChanged
	// Scratch space for AddPrepared, indexed by term and by report, in
	// place of maps: the query's weights and the candidates' scores.
	qDense     []float64
	scoreDense []float64
}

// NewClusterer returns a Clusterer with DefaultOptions.
func NewClusterer() *Clusterer { return NewClustererWith(DefaultOptions()) }

// NewClustererWith returns a Clusterer with the given options.
func NewClustererWith(opt Options) *Clusterer {
	return &Clusterer{opt: opt, terms: map[string]int32{}, byID: map[string]int32{}, changed: map[int32]struct{}{},
		storySize: map[int32]int32{}, eventSize: map[int32]int32{}, storyDF: map[int32]map[int32]int32{}}
}

func (c *Clusterer) termID(t string) int32 {
	if id, ok := c.terms[t]; ok {
		return id
	}
	id := int32(len(c.df))
	c.terms[t] = id
	c.df = append(c.df, 0)
	c.logDF = append(c.logDF, 0)
	c.index = append(c.index, nil)
	return id
}

func storyID(i int32) string { return "s" + strconv.Itoa(int(i)+1) }
func eventID(i int32) string { return "e" + strconv.Itoa(int(i)+1) }

// Len returns the number of reports added.
func (c *Clusterer) Len() int { return len(c.reports) }

// Add places one report and returns the ids of its event and story as
// they stand now; a later repair may move it (see Assignment).
func (c *Clusterer) Add(d Doc) (eventID_, storyID_ string) {
	return c.AddPrepared(d, c.Prepare(d))
}

// Prep is what Add computes from a document alone, before it looks at
// anything stored: its terms, lead terms, weekday and quote shingles.
type Prep struct {
	raw, lraw     map[string]float64
	terms, lterms []string // raw's and lraw's keys, sorted
	wday          int8
	quotes        []uint32
}

// Prepare computes a document's Prep. It reads only the clusterer's
// options, so it may run on other goroutines while Add or AddPrepared
// runs, to take that work off the one goroutine that clusters.
func (c *Clusterer) Prepare(d Doc) *Prep {
	return c.PrepareLead(c.PrepareWords(d), d)
}

// PrepareWords computes the part of a document's Prep that does not
// depend on its mentions' actors: its words, names, weekday and
// quotations. PrepareLead completes it once the actors are known. Like
// Prepare, it reads only the clusterer's options.
func (c *Clusterer) PrepareWords(d Doc) *Prep {
	p := &Prep{raw: features(d, c.opt.NameWeight), wday: happeningWeekday(d.Title, d.Text), quotes: quoteShingles(d.Text)}
	p.terms = sortedTerms(p.raw)
	return p
}

// PrepareLead completes p, made by PrepareWords from d with the same
// mention surfaces, with the features of d's lead, which name its
// mentions' actors. It returns a new Prep and leaves p as it is, so that
// p may be completed again with other actors.
func (c *Clusterer) PrepareLead(p *Prep, d Doc) *Prep {
	q := *p
	q.lraw = leadFeatures(d, c.opt.NameWeight)
	q.lterms = sortedTerms(q.lraw)
	return &q
}

// AddPrepared is Add with the document's Prep computed already (by
// Prepare on the same document).
func (c *Clusterer) AddPrepared(d Doc, p *Prep) (eventID_, storyID_ string) {
	// term ids are given in sorted order so that runs are reproducible
	raw := p.raw
	tf := make(map[int32]float64, len(raw))
	for _, t := range p.terms {
		id := c.termID(t)
		c.df[id]++
		c.logDF[id] = math.Log(float64(c.df[id]))
		tf[id] = raw[t]
	}
	ltf := map[int32]float64{}
	lraw := p.lraw
	for _, t := range p.lterms {
		id := c.termID(t)
		if _, ok := tf[id]; !ok {
			// a term only the lead has (an actor id) still needs its
			// document frequency, or it would weigh as the rarest of all
			c.df[id]++
			c.logDF[id] = math.Log(float64(c.df[id]))
		}
		ltf[id] = lraw[t]
	}
	c.logN = math.Log(float64(len(c.reports)+1) + c.opt.IDFPrior)
	q := c.weigh(tf)
	lq := c.weigh(ltf)
	terms := topTerms(q, c.opt.QueryTerms)

	// edges to the nearest stored reports among the candidates
	var edges []edge
	c.setQuery(q)
	defer c.clearQuery(q)
	for _, ri := range c.candidates(q, terms) {
		r := &c.reports[ri]
		sim := c.cosineQ(r.vec)
		if sim < c.opt.EdgeMin {
			continue
		}
		day := float32(-1)
		if !d.Published.IsZero() && !r.date.IsZero() {
			day = float32(math.Abs(d.Published.Sub(r.date).Hours() / 24))
		}
		edges = append(edges, edge{to: ri, sim: float32(sim), day: day})
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].sim != edges[j].sim {
			return edges[i].sim > edges[j].sim
		}
		return edges[i].to < edges[j].to
	})
	if len(edges) > c.opt.Neighbours {
		edges = edges[:c.opt.Neighbours]
	}
	// online average link to the stories and events the edges reach
	st := c.bestGroup(edges, func(r *report) int32 { return r.story }, c.storySize, c.opt.StoryDays, c.opt.StoryThreshold, -1)
	if st < 0 && len(edges) > 0 && c.opt.AttachThreshold > 0 && edgeSim(edges[0], c.opt.StoryDays) >= c.opt.AttachThreshold {
		st = c.reports[edges[0].to].story
	}
	if st < 0 {
		st = c.nStories
		c.nStories++
	}
	c.storySize[st]++

	keep := topTerms(q, c.opt.KeepTerms)
	// cloned so that a stored report does not keep the caller's whole
	// text alive through a substring
	id := strings.Clone(d.ID)
	r := report{id: id, title: strings.Clone(d.Title), date: d.Published, edges: edges, story: st, vec: make([]tw, len(keep)),
		wday: p.wday, quotes: p.quotes}
	for i, t := range keep {
		r.vec[i] = tw{t, float32(tf[t])}
	}
	for _, t := range topTerms(lq, c.opt.KeepTerms/2) {
		r.lead = append(r.lead, tw{t, float32(ltf[t])})
	}
	slices.SortFunc(r.lead, byTerm)
	c.addStoryTerms(&r, st, 1)
	// the event: compared with the story's reports on what sets each pair
	// apart from the rest of the story
	for i := range edges {
		if to := &c.reports[edges[i].to]; to.story == st {
			edges[i].lsim = float32(c.eventSim(&r, to, st))
		}
	}
	ev := c.bestGroup(leadEdges(edges), func(r *report) int32 { return r.event }, c.eventSize, c.opt.EventDays, c.opt.EventThreshold, st)
	if ev < 0 {
		ev = c.nEvents
		c.nEvents++
	}
	c.eventSize[ev]++
	r.event = ev
	ri := int32(len(c.reports))
	c.reports = append(c.reports, r)
	c.byID[id] = ri
	for _, t := range terms {
		c.index[t] = append(c.index[t], ri)
	}
	c.sinceRepair++
	if c.opt.RepairEvery > 0 && c.sinceRepair >= c.opt.RepairEvery {
		c.Repair()
	}
	return eventID(c.reports[ri].event), storyID(c.reports[ri].story)
}

// leadEdges returns the edges with their lead similarity in place of the
// content similarity.
func leadEdges(es []edge) []edge {
	out := make([]edge, len(es))
	for i, e := range es {
		out[i] = e
		out[i].sim = e.lsim
	}
	return out
}

// edgeSim is an edge's similarity after the time decay of scale days.
func edgeSim(e edge, days float64) float64 {
	s := float64(e.sim)
	if e.day > 1 && days > 0 {
		g := float64(e.day) - 1
		s *= math.Exp(-g * g / (2 * days * days))
	}
	return s
}

// bestGroup returns the group (story or event) with the highest average
// link over the edges, at least th, or -1. With inStory ≥ 0 only groups
// whose reports lie in that story count.
func (c *Clusterer) bestGroup(edges []edge, group func(*report) int32, size map[int32]int32, days, th float64, inStory int32) int32 {
	sum := map[int32]float64{}
	for _, e := range edges {
		r := &c.reports[e.to]
		if inStory >= 0 && r.story != inStory {
			continue
		}
		sum[group(r)] += edgeSim(e, days)
	}
	best, bestS := int32(-1), th
	for g, s := range sum {
		v := s / c.norm(1, float64(size[g]))
		if v > bestS || v == bestS && best >= 0 && g < best {
			best, bestS = g, v
		}
	}
	return best
}

// norm is the denominator of average link between clusters of sizes a
// and b.
func (c *Clusterer) norm(a, b float64) float64 {
	if c.opt.LinkCap > 0 {
		k := float64(c.opt.LinkCap)
		return min(a, k) * min(b, k)
	}
	return a * b
}

// Assignment returns the current event and story of a stored report.
func (c *Clusterer) Assignment(reportID string) (event, story string, ok bool) {
	i, ok := c.byID[reportID]
	if !ok {
		return "", "", false
	}
	return eventID(c.reports[i].event), storyID(c.reports[i].story), true
}

// candidates returns the stored reports that share the most weight of the
// report's heaviest terms, at most opt.Candidates of them, reading only the
// most recent opt.Postings entries of each term.
func (c *Clusterer) candidates(q map[int32]float64, terms []int32) []int32 {
	if len(c.scoreDense) < len(c.reports) {
		c.scoreDense = slices.Grow(c.scoreDense, len(c.reports)-len(c.scoreDense))[:len(c.reports)]
	}
	score := c.scoreDense
	var touched []int32
	for _, t := range terms {
		p := c.index[t]
		if len(p) > c.opt.Postings {
			p = p[len(p)-c.opt.Postings:]
		}
		w := q[t]
		for _, ri := range p {
			if score[ri] == 0 {
				touched = append(touched, ri)
			}
			score[ri] += w
		}
	}
	type cand struct {
		ri int32
		s  float64
	}
	cs := make([]cand, 0, len(touched))
	for _, ri := range touched {
		cs = append(cs, cand{ri, score[ri]})
		score[ri] = 0
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.s != b.s {
			if a.s > b.s {
				return -1
			}
			return 1
		}
		return int(a.ri - b.ri)
	})
	ids := make([]int32, len(cs))
	for i, x := range cs {
		ids[i] = x.ri
	}
	if len(ids) > c.opt.Candidates {
		ids = ids[:c.opt.Candidates]
	}
	return ids
}

// setQuery spreads q over qDense for cosineQ; clearQuery undoes it.
func (c *Clusterer) setQuery(q map[int32]float64) {
	if len(c.qDense) < len(c.logDF) {
		c.qDense = slices.Grow(c.qDense, len(c.logDF)-len(c.qDense))[:len(c.logDF)]
	}
	for t, w := range q {
		c.qDense[t] = w
	}
}

func (c *Clusterer) clearQuery(q map[int32]float64) {
	for t := range q {
		c.qDense[t] = 0
	}
}

// cosineQ compares the query set by setQuery (a unit vector) with a
// stored report weighed with the current idf.
func (c *Clusterer) cosineQ(v []tw) float64 {
	var dot, nn float64
	for _, x := range v {
		w := float64(x.tf) * c.idf(x.term)
		nn += w * w
		dot += c.qDense[x.term] * w
	}
	if nn == 0 {
		return 0
	}
	return dot / math.Sqrt(nn)
}

func (c *Clusterer) idf(t int32) float64 {
	return c.logN - c.logDF[t]
}

func sortedTerms(m map[string]float64) []string {
	ts := make([]string, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// weigh turns term frequencies into a unit tf-idf vector (summed in term
// order, so that the result does not depend on map order).
func (c *Clusterer) weigh(tf map[int32]float64) map[int32]float64 {
	ids := make([]int32, 0, len(tf))
	for t := range tf {
		ids = append(ids, t)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	q := make(map[int32]float64, len(tf))
	var n float64
	for _, t := range ids {
		f := tf[t]
		if w := f * c.idf(t); w > 0 {
			q[t] = w
			n += w * w
		}
	}
	n = math.Sqrt(n)
	for t := range q {
		q[t] /= n
	}
	return q
}

// topTerms returns the n heaviest terms of v, ties broken by term id.
func topTerms(v map[int32]float64, n int) []int32 {
	type tww struct {
		t int32
		w float64
	}
	pairs := make([]tww, 0, len(v))
	for t, w := range v {
		pairs = append(pairs, tww{t, w})
	}
	slices.SortFunc(pairs, func(a, b tww) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.t, b.t)
	})
	if len(pairs) > n {
		pairs = pairs[:n]
	}
	ts := make([]int32, len(pairs))
	for i, p := range pairs {
		ts[i] = p.t
	}
	return ts
}

// leadWords is the length of a report's lead, in words of its text.
const leadWords = 80

// leadFeatures returns the sublinear term frequencies of the lead: the
// title and the first leadWords words of the text, their names, and the
// actors of the mentions that lie in it ("a:" terms, when the mentions
// carry actor ids).
func leadFeatures(d Doc, nameWeight float64) map[string]float64 {
	end := len(d.Text)
	if ix := wordEnd(d.Text, leadWords); ix < end {
		end = ix
	}
	lead := Doc{Title: d.Title, Text: d.Text[:end]}
	for _, m := range d.Mentions {
		if m.Span.Start < end {
			lead.Mentions = append(lead.Mentions, m)
		}
	}
	// a mention with an actor counts as that actor, whatever its spelling
	// ("Zelensky", "Zelenskyy"; "Ukrainian" for Ukraine), so that its
	// document frequency is the actor's; other mentions count by their
	// words
	actors := map[string]float64{}
	var named []storyline.Mention
	for _, m := range lead.Mentions {
		if m.ActorID != "" {
			actors["a:"+m.ActorID]++
		} else {
			named = append(named, m)
		}
	}
	v := features(Doc{Title: lead.Title, Text: lead.Text, Mentions: named}, nameWeight)
	if len(named) == 0 && len(lead.Mentions) > 0 {
		// every name has its actor: not the capitalised-word stand-in
		for t := range v {
			if strings.HasPrefix(t, "n:") {
				delete(v, t)
			}
		}
	}
	for a, f := range actors {
		v[a] += nameWeight * (1 + math.Log(f))
	}
	return v
}

// wordEnd returns the byte offset after the n-th whitespace-separated
// word of s, or len(s).
func wordEnd(s string, n int) int {
	in := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if in && sp {
			n--
			if n == 0 {
				return i
			}
		}
		in = !sp
	}
	return len(s)
}

// features returns the sublinear term frequencies of a report: content
// words ("w:") from the title and text, and names ("n:") from its
// mentions or, without mentions, from capitalised words not opening a
// sentence and numbers, scaled by nameWeight.
func features(d Doc, nameWeight float64) map[string]float64 {
	// counted by word first: one prefixed key per distinct word
	words := map[string]int{}
	for _, t := range contentWords(d.Title) {
		words[t]++
	}
	for _, t := range contentWords(d.Text) {
		words[t]++
	}
	names := map[string]int{}
	if len(d.Mentions) > 0 {
		for _, m := range d.Mentions {
			for _, t := range contentWords(m.Surface) {
				names[t]++
			}
		}
	} else {
		for _, t := range capitalised(d.Title + "\n" + d.Text) {
			names[t]++
		}
	}
	cnt := make(map[string]float64, len(words)+len(names))
	for t, f := range words {
		cnt["w:"+t] = 1 + math.Log(float64(f))
	}
	for t, f := range names {
		cnt["n:"+t] = (1 + math.Log(float64(f))) * nameWeight
	}
	return cnt
}

func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 && !isDigits(w) || stop[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// capitalised returns the lowercased capitalised words that do not open a
// sentence, and numbers of two to four digits (years and figures tell
// sibling events apart).
func capitalised(s string) []string {
	var out []string
	start := true
	for _, w := range strings.Fields(s) {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if core != "" {
			lw := strings.ToLower(core)
			if !start && unicode.IsUpper([]rune(core)[0]) && !stop[lw] || isDigits(core) && len(core) >= 2 && len(core) <= 4 {
				out = append(out, lw)
			}
		}
		r := []rune(w)
		last := r[len(r)-1]
		start = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '`' || last == '\'' || last == '“'
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// stem is a light English suffix stripper.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours said says say told according one two new
year years day days last first week weeks time mr mrs ms http https www com html htm news`) {
		m[w] = true
	}
	return m
}()

// Events returns every event in creation order, with its reports in
// the order they arrived and the title of the first of them that has one. It first repairs the recent window when reports
// were added since the last repair, so that what it returns is settled.
func (c *Clusterer) Events() []storyline.Event {
	c.settle()
	byEvent := map[int32]*storyline.Event{}
	var order []int32
	first := map[int32]time.Time{}
	for i := range c.reports {
		r := &c.reports[i]
		e := byEvent[r.event]
		if e == nil {
			e = &storyline.Event{ID: eventID(r.event), Story: storyID(r.story), Title: r.title}
			byEvent[r.event] = e
			order = append(order, r.event)
		}
		if e.Title == "" {
			e.Title = r.title // the first report that has a title
		}
		e.Reports = append(e.Reports, r.id)
		if !r.date.IsZero() && (first[r.event].IsZero() || r.date.Before(first[r.event])) {
			first[r.event] = r.date
		}
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	out := make([]storyline.Event, len(order))
	for i, ev := range order {
		out[i] = *byEvent[ev]
		out[i].Date = day(first[ev])
	}
	return out
}

// Stories returns every story in creation order, with its events and
// reports in the order they arrived, after the same repair as Events.
func (c *Clusterer) Stories() []storyline.Story {
	c.settle()
	byStory := map[int32]*storyline.Story{}
	seenEv := map[int32]bool{}
	var order []int32
	for i := range c.reports {
		r := &c.reports[i]
		s := byStory[r.story]
		if s == nil {
			s = &storyline.Story{ID: storyID(r.story), Title: r.title}
			byStory[r.story] = s
			order = append(order, r.story)
		}
		if s.Title == "" {
			s.Title = r.title
		}
		s.Reports = append(s.Reports, r.id)
		if !seenEv[r.event] {
			seenEv[r.event] = true
			s.Events = append(s.Events, eventID(r.event))
		}
		if d := day(r.date); d != "" {
			if s.FirstSeen == "" || d < s.FirstSeen {
				s.FirstSeen = d
			}
			if d > s.LastSeen {
				s.LastSeen = d
			}
		}
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	out := make([]storyline.Story, len(order))
	for i, st := range order {
		out[i] = *byStory[st]
	}
	return out
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func byTerm(a, b tw) int { return int(a.term - b.term) }

// addStoryTerms adds (n = 1) or removes (n = -1) a report's lead terms
// to the document frequencies of story s.
func (c *Clusterer) addStoryTerms(r *report, s int32, n int32) {
	df := c.storyDF[s]
	if df == nil {
		if n < 0 {
			return
		}
		df = map[int32]int32{}
		c.storyDF[s] = df
	}
	for _, x := range r.lead {
		if df[x.term] += n; df[x.term] <= 0 {
			delete(df, x.term)
		}
	}
	if len(df) == 0 {
		delete(c.storyDF, s)
	}
}

// eventSim is the event similarity of two reports of story s: the cosine
// of their leads on what they share and the rest of the story does not
// (each term's tf-idf weight scaled by the share of the story's other
// reports whose leads lack it, so that the story's background, such as
// the country at war or the president every report names, does not make
// every pair one event); raised when they quote the same words, lowered
// when they name different weekdays for their happenings.
func (c *Clusterer) eventSim(a, b *report, s int32) float64 {
	df := c.storyDF[s]
	others := float64(max(c.storySize[s]-2, 0))
	weight := func(t int32, tf float32, shared bool) float64 {
		o := float64(df[t]) - 1
		if shared {
			o--
		}
		f := (others - max(o, 0) + 1) / (others + 1)
		return float64(tf) * c.idf(t) * f
	}
	var dot, na, nb float64
	i, j := 0, 0
	for i < len(a.lead) || j < len(b.lead) {
		switch {
		case j == len(b.lead) || i < len(a.lead) && a.lead[i].term < b.lead[j].term:
			w := weight(a.lead[i].term, a.lead[i].tf, false)
			na += w * w
			i++
		case i == len(a.lead) || b.lead[j].term < a.lead[i].term:
			w := weight(b.lead[j].term, b.lead[j].tf, false)
			nb += w * w
			j++
		default:
			wa, wb := weight(a.lead[i].term, a.lead[i].tf, true), weight(b.lead[j].term, b.lead[j].tf, true)
			dot += wa * wb
			na += wa * wa
			nb += wb * wb
			i++
			j++
		}
	}
	sim := 0.0
	if na > 0 && nb > 0 {
		sim = dot / math.Sqrt(na*nb)
	}
	// the same words quoted: one statement, so one happening
	if k := sharedQuotes(a.quotes, b.quotes); k >= minSharedQuote {
		q := min(0.6, 0.06*float64(k))
		sim = 1 - (1-sim)*(1-q)
	}
	// another day of the week named for the happening
	if a.wday >= 0 && b.wday >= 0 && a.wday != b.wday {
		sim *= otherWeekday
	}
	return sim
}

// minSharedQuote is the least number of quotation 4-grams (a passage of
// seven words) two reports share for it to count as one quote.
const minSharedQuote = 4

// otherWeekday scales the event similarity of two reports that name
// different weekdays for their happenings.
const otherWeekday = 0.25

// settle repairs the recent window if reports were added since the last
// repair: the online step decides an event before the story's background
// is known, the repair decides it again with all the window's reports.
func (c *Clusterer) settle() {
	if c.sinceRepair > 0 {
		c.Repair()
	}
}
