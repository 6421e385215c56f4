package story

import (
	"math"
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
	StoryThreshold float64 // least similarity to a stored report to join its story
	EventThreshold float64 // least similarity to a stored report to join its event
	NameWeight     float64 // weight of the name channel against content words
	StoryDays      float64 // time scale (days) of story similarity decay
	EventDays      float64 // time scale (days) of event similarity decay
	Candidates     int     // at most this many stored reports are scored per report
	QueryTerms     int     // terms of a report looked up in the index
	KeepTerms      int     // terms kept per stored report
	Postings       int     // most recent reports read per index term
	// IDFPrior is a number of background documents assumed to hold none
	// of a term, so that early in a stream the words every report so far
	// shares still weigh.
	IDFPrior float64
}

// DefaultOptions are tuned on ECB+ train.
func DefaultOptions() Options {
	return Options{
		StoryThreshold: 0.20,
		EventThreshold: 0.40,
		NameWeight:     2.0,
		StoryDays:      30,
		EventDays:      3,
		Candidates:     64,
		QueryTerms:     30,
		KeepTerms:      80,
		Postings:       100,
		IDFPrior:       20,
	}
}

// tw is one weighted term of a stored report.
type tw struct {
	term int32
	tf   float32
}

type report struct {
	id    string
	vec   []tw // sublinear term frequencies of the kept terms
	date  time.Time
	event *cluster
}

type cluster struct {
	id      string
	title   string
	reports []string
	first   time.Time
	last    time.Time
	events  []*cluster // for stories
	story   *cluster   // for events
}

// Clusterer assigns each new report to an event and a story: it joins the
// story (and, if closer still, the event) of the most similar stored
// report among the candidates the index returns, or starts a new one.
type Clusterer struct {
	opt     Options
	terms   map[string]int32
	df      []int32
	reports []report
	index   [][]int32 // term → report indexes, oldest first
	stories []*cluster
	events  []*cluster
}

// NewClusterer returns a Clusterer with DefaultOptions.
func NewClusterer() *Clusterer { return NewClustererWith(DefaultOptions()) }

// NewClustererWith returns a Clusterer with the given options.
func NewClustererWith(opt Options) *Clusterer {
	return &Clusterer{opt: opt, terms: map[string]int32{}}
}

func (c *Clusterer) termID(t string) int32 {
	if id, ok := c.terms[t]; ok {
		return id
	}
	id := int32(len(c.df))
	c.terms[t] = id
	c.df = append(c.df, 0)
	c.index = append(c.index, nil)
	return id
}

// Add places one report and returns the ids of its event and story.
func (c *Clusterer) Add(d Doc) (eventID, storyID string) {
	raw := features(d, c.opt.NameWeight)
	tf := make(map[int32]float64, len(raw))
	for t, f := range raw {
		id := c.termID(t)
		c.df[id]++
		tf[id] = f
	}
	q := c.weigh(tf)
	terms := topTerms(q, c.opt.QueryTerms)

	// nearest stored reports among the candidates
	var best *report
	bestS := 0.0
	bestEvS := 0.0
	var bestEv *cluster
	for _, ri := range c.candidates(q, terms) {
		r := &c.reports[ri]
		sim := c.cosine(q, r.vec)
		ss := sim * decay(d.Published, r.date, c.opt.StoryDays)
		if ss > bestS {
			best, bestS = r, ss
		}
		if es := sim * decay(d.Published, r.date, c.opt.EventDays); es > bestEvS {
			bestEv, bestEvS = r.event, es
		}
	}
	var st, ev *cluster
	if best != nil && bestS >= c.opt.StoryThreshold {
		st = best.event.story
		if bestEv != nil && bestEv.story == st && bestEvS >= c.opt.EventThreshold {
			ev = bestEv
		}
	}
	if st == nil {
		st = &cluster{id: "s" + strconv.Itoa(len(c.stories)+1), title: d.Title}
		c.stories = append(c.stories, st)
	}
	if ev == nil {
		ev = &cluster{id: "e" + strconv.Itoa(len(c.events)+1), title: d.Title, story: st}
		c.events = append(c.events, ev)
		st.events = append(st.events, ev)
	}
	for _, cl := range []*cluster{st, ev} {
		cl.reports = append(cl.reports, d.ID)
		if !d.Published.IsZero() {
			if cl.first.IsZero() || d.Published.Before(cl.first) {
				cl.first = d.Published
			}
			if d.Published.After(cl.last) {
				cl.last = d.Published
			}
		}
	}
	// store the report's heaviest terms and index it under them
	keep := topTerms(q, c.opt.KeepTerms)
	r := report{id: d.ID, date: d.Published, event: ev, vec: make([]tw, len(keep))}
	for i, t := range keep {
		r.vec[i] = tw{t, float32(tf[t])}
	}
	ri := int32(len(c.reports))
	c.reports = append(c.reports, r)
	for _, t := range terms {
		c.index[t] = append(c.index[t], ri)
	}
	return ev.id, st.id
}

// candidates returns the stored reports that share the most weight of the
// report's heaviest terms, at most opt.Candidates of them, reading only the
// most recent opt.Postings entries of each term.
func (c *Clusterer) candidates(q map[int32]float64, terms []int32) []int32 {
	score := map[int32]float64{}
	for _, t := range terms {
		p := c.index[t]
		if len(p) > c.opt.Postings {
			p = p[len(p)-c.opt.Postings:]
		}
		for _, ri := range p {
			score[ri] += q[t]
		}
	}
	ids := make([]int32, 0, len(score))
	for ri := range score {
		ids = append(ids, ri)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] > score[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > c.opt.Candidates {
		ids = ids[:c.opt.Candidates]
	}
	return ids
}

func (c *Clusterer) idf(t int32) float64 {
	return math.Log((float64(len(c.reports)+1) + c.opt.IDFPrior) / float64(c.df[t]))
}

// weigh turns term frequencies into a unit tf-idf vector.
func (c *Clusterer) weigh(tf map[int32]float64) map[int32]float64 {
	q := make(map[int32]float64, len(tf))
	var n float64
	for t, f := range tf {
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

// cosine compares a unit query with a stored report weighed with the
// current idf.
func (c *Clusterer) cosine(q map[int32]float64, v []tw) float64 {
	var dot, nn float64
	for _, x := range v {
		w := float64(x.tf) * c.idf(x.term)
		nn += w * w
		dot += q[x.term] * w
	}
	if nn == 0 {
		return 0
	}
	return dot / math.Sqrt(nn)
}

// decay lowers the similarity of two reports far apart in time; an
// unknown date on either side leaves it unchanged.
func decay(a, b time.Time, days float64) float64 {
	if a.IsZero() || b.IsZero() {
		return 1
	}
	gap := math.Abs(a.Sub(b).Hours() / 24)
	if gap <= 1 {
		return 1
	}
	gap--
	return math.Exp(-gap * gap / (2 * days * days))
}

// topTerms returns the n heaviest terms of v, ties broken by term id.
func topTerms(v map[int32]float64, n int) []int32 {
	ts := make([]int32, 0, len(v))
	for t := range v {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if v[ts[i]] != v[ts[j]] {
			return v[ts[i]] > v[ts[j]]
		}
		return ts[i] < ts[j]
	})
	if len(ts) > n {
		ts = ts[:n]
	}
	return ts
}

// features returns the sublinear term frequencies of a report: content
// words ("w:") from the title and text, and names ("n:") from its
// mentions or, without mentions, from capitalised words not opening a
// sentence and numbers, scaled by nameWeight.
func features(d Doc, nameWeight float64) map[string]float64 {
	cnt := map[string]float64{}
	for _, t := range contentWords(d.Title) {
		cnt["w:"+t]++
	}
	for _, t := range contentWords(d.Text) {
		cnt["w:"+t]++
	}
	if len(d.Mentions) > 0 {
		for _, m := range d.Mentions {
			for _, t := range contentWords(m.Surface) {
				cnt["n:"+t]++
			}
		}
	} else {
		for _, t := range capitalised(d.Title + "\n" + d.Text) {
			cnt["n:"+t]++
		}
	}
	for t, f := range cnt {
		w := 1 + math.Log(f)
		if strings.HasPrefix(t, "n:") {
			w *= nameWeight
		}
		cnt[t] = w
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

// Events returns every event in creation order.
func (c *Clusterer) Events() []storyline.Event {
	out := make([]storyline.Event, 0, len(c.events))
	for _, e := range c.events {
		out = append(out, storyline.Event{ID: e.id, Story: e.story.id, Title: e.title,
			Reports: append([]string(nil), e.reports...), Date: day(e.first)})
	}
	return out
}

// Stories returns every story in creation order.
func (c *Clusterer) Stories() []storyline.Story {
	out := make([]storyline.Story, 0, len(c.stories))
	for _, s := range c.stories {
		st := storyline.Story{ID: s.id, Title: s.title, Reports: append([]string(nil), s.reports...),
			FirstSeen: day(s.first), LastSeen: day(s.last)}
		for _, e := range s.events {
			st.Events = append(st.Events, e.id)
		}
		out = append(out, st)
	}
	return out
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
