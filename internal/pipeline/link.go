package pipeline

import (
	"storyline"
	"storyline/internal/actor"
)

// Linker gives reports, as they arrive and before they are stored,
// provisional cross-report links: mention and speaker actors in the form
// of the stable ids Resolve gives (see stableIDs) and each quote in a
// group of its own. Resolve later decides the links over every stored
// report in a fixed order; where it agrees with the provisional ones, as
// it mostly does, the rows are not written a second time. A Linker is
// not safe for concurrent use: Run calls it from one goroutine, in the
// order reports come.
type Linker struct {
	res  *actor.Resolver
	prep *Prepared
}

// NewLinker returns a Linker that has seen no report.
func NewLinker() *Linker { return &Linker{res: actor.NewResolver(), prep: NewPrepared()} }

// Prepared holds what Run's workers prepared for the Linker; give it to
// ResolvePrepared after the run.
func (l *Linker) Prepared() *Prepared { return l.prep }

// Link sets the provisional links of a, in place.
func (l *Linker) Link(a *storyline.Analysis) {
	sp := linkActors(l.res, a, a.Mentions, l.prep.get(a))
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.SpeakerID = sp[i]
		if q.SpeakerID == "" {
			q.SpeakerID = speakerActor(q, a.Mentions)
		}
		q.SpeakerID = l.stable(q.SpeakerID)
		q.Group = a.Report.ID + ":" + itoa(q.Span.Start)
	}
	for i := range a.Mentions {
		a.Mentions[i].ActorID = l.stable(a.Mentions[i].ActorID)
	}
}

// stable turns the resolver's id of an actor into the id stableIDs gives
// an actor of its present kind and name.
func (l *Linker) stable(id string) string {
	if id == "" {
		return ""
	}
	kind, name, ok := l.res.Actor(id)
	if !ok {
		return ""
	}
	return stableActorID(kind, name)
}
