package pipeline

import (
	"sync"
	"sync/atomic"

	"storyline"
	"storyline/internal/actor"
	"storyline/internal/story"
)

// Prepared holds, per report of a run, the parts of the cross-report work
// that depend on the report alone: the analysis of its mentions for the
// actor resolver and its words for the story clusterer. The analysis
// workers fill it (Config.Prepared), where all cores are busy; the Linker
// and then Resolve use it instead of computing the same again, the
// Linker in the one goroutine that links and Resolve after the last
// write, when nothing else runs. It is safe for concurrent use.
//
// A report's parts take about 15 kB; memory stays bounded by keeping
// those of the first maxPrepared reports only (Resolve computes the
// others itself, as it would without).
type Prepared struct {
	m sync.Map // *storyline.Analysis → *prepared
	n atomic.Int64
}

// maxPrepared bounds the reports a Prepared keeps parts for (about
// 120 MB): a third of storyline bench's default corpus, one format's.
const maxPrepared = 8192

type prepared struct {
	actor    *actor.Prepared
	words    *story.Prep
	mentions int // the mentions words was made with
}

// prepCl computes the clusterer's per-report words; it reads only the
// options, which are those of Resolve's clusterer.
var prepCl = story.NewClusterer()

// NewPrepared returns an empty Prepared.
func NewPrepared() *Prepared { return &Prepared{} }

// add computes a's parts. A nil p does nothing.
func (p *Prepared) add(a *storyline.Analysis) {
	if p == nil || p.n.Add(1) > maxPrepared {
		return
	}
	r := &a.Report
	withSpeakers, _ := addSpeakerMentions(r.Text, a.Mentions, a.Quotes)
	p.m.Store(a, &prepared{
		actor:    actor.Prepare(r.ID, r.Text, withSpeakers),
		words:    prepCl.PrepareWords(storyDoc(a, a.Mentions)),
		mentions: len(a.Mentions),
	})
}

// get returns a's parts, or nil.
func (p *Prepared) get(a *storyline.Analysis) *prepared {
	if p == nil {
		return nil
	}
	v, ok := p.m.Load(a)
	if !ok {
		return nil
	}
	return v.(*prepared)
}

// drop forgets a's parts, once Resolve has used them.
func (p *Prepared) drop(a *storyline.Analysis) {
	if p != nil {
		p.m.Delete(a)
	}
}

// storyDoc is what the clusterer reads of a report, with mentions.
func storyDoc(a *storyline.Analysis, mentions []storyline.Mention) story.Doc {
	r := &a.Report
	return story.Doc{ID: r.ID, Title: r.Title, Text: r.Text, Published: PublishedTime(r.Published), Mentions: mentions}
}
