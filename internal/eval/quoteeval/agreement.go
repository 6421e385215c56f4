package quoteeval

import (
	"maps"
	"slices"
)

// Split is the score on one part of a corpus (one annotator's articles,
// one publisher's).
type Split struct {
	Articles    int
	Direct, All Counts
}

// Agreement puts the extractor beside the annotators on the articles of
// PolNeAR's agreement study, those annotated by several people (Article.Alt).
// It answers how far the extractor is from the annotators, given how far
// the annotators are from one another.
type Agreement struct {
	Articles int
	// Direct scores the direct subset, All every attribution with content.
	Direct, All AgreementCounts
}

// AgreementCounts are the counts behind the agreement figures for one
// subset. Every comparison uses the scoring of ScoreArticle, an
// annotator's attributions standing in for predictions where needed (their
// first source and cue piece as speaker and cue span).
type AgreementCounts struct {
	// OursVsEach scores the predictions against each annotator in turn.
	OursVsEach Counts
	// Pairwise scores each annotator against each other one.
	Pairwise Counts
	// OursVsConsensus scores the predictions against the consensus: the
	// attributions that at least half of the other annotators of the
	// article also have (a match by the same rule as a prediction's).
	OursVsConsensus Counts
	// EachVsConsensus scores each annotator against the consensus (which
	// favours the annotator, who helped make it).
	EachVsConsensus Counts
}

// annotations returns every annotation of a, by annotator ID, and the
// IDs in sorted order. The gold annotator comes under a.Annotator (or ""
// when the record names none).
func annotations(a Article) (map[string][]Attribution, []string) {
	anns := map[string][]Attribution{a.Annotator: a.Attributions}
	for id, as := range a.Alt {
		if id != a.Annotator {
			anns[id] = as
		}
	}
	return anns, slices.Sorted(maps.Keys(anns))
}

// asPreds turns annotations into predictions of the given kind.
func asPreds(as []Attribution, kind string) []Pred {
	ps := make([]Pred, 0, len(as))
	for _, g := range as {
		s, e, ok := GoldSpan(g)
		if !ok {
			continue
		}
		p := Pred{Kind: kind, Start: s, End: e, SpeakerStart: -1, SpeakerEnd: -1, CueStart: -1, CueEnd: -1}
		if len(g.Source) > 0 {
			p.SpeakerStart, p.SpeakerEnd = g.Source[0].Start, g.Source[0].End
		}
		if len(g.Cue) > 0 {
			p.CueStart, p.CueEnd = g.Cue[0].Start, g.Cue[0].End
		}
		ps = append(ps, p)
	}
	return ps
}

// subset keeps the attributions with content, and of those only the
// direct ones when direct is set.
func subset(text string, as []Attribution, direct bool) []Attribution {
	var out []Attribution
	for _, g := range as {
		if _, _, ok := GoldSpan(g); !ok {
			continue
		}
		if direct && !IsDirect(text, g) {
			continue
		}
		out = append(out, g)
	}
	return out
}

// consensus returns the attributions that at least half of the other
// annotators also have, each once, visiting annotators in ids order.
func consensus(anns map[string][]Attribution, ids []string) []Attribution {
	var out []Attribution
	var outSpans [][2]int
	for _, a := range ids {
		ga := spans(anns[a])
		votes := make([]int, len(ga))
		for _, b := range ids {
			if b == a {
				continue
			}
			for gi, pi := range match(ga, spans(anns[b])) {
				if pi >= 0 {
					votes[gi]++
				}
			}
		}
		for gi, g := range anns[a] {
			if 2*votes[gi] < len(ids)-1 {
				continue
			}
			if match(ga[gi:gi+1], outSpans)[0] >= 0 {
				continue // already in, from an earlier annotator
			}
			out = append(out, g)
			outSpans = append(outSpans, ga[gi])
		}
	}
	return out
}

// spans returns the content spans of attributions that all have content.
func spans(as []Attribution) [][2]int {
	out := make([][2]int, len(as))
	for i, g := range as {
		out[i][0], out[i][1], _ = GoldSpan(g)
	}
	return out
}

// agree adds the agreement counts of one article of the agreement study.
func (c *AgreementCounts) agree(text string, anns map[string][]Attribution, ids []string, preds []Pred, direct bool) {
	sub := make(map[string][]Attribution, len(anns))
	for _, id := range ids {
		sub[id] = subset(text, anns[id], direct)
	}
	if direct {
		preds = directOnly(preds)
	}
	cons := consensus(sub, ids)
	c.OursVsConsensus.Add(score(text, cons, preds))
	for _, a := range ids {
		c.OursVsEach.Add(score(text, sub[a], preds))
		c.EachVsConsensus.Add(score(text, cons, asPreds(sub[a], "direct")))
		for _, b := range ids {
			if b != a {
				c.Pairwise.Add(score(text, sub[a], asPreds(sub[b], "direct")))
			}
		}
	}
}

// Add adds the comparisons of one article of the agreement study (one
// with Alt annotations; others are ignored) given its predictions.
func (g *Agreement) Add(a Article, preds []Pred) {
	if len(a.Alt) == 0 {
		return
	}
	anns, ids := annotations(a)
	if len(ids) < 2 {
		return
	}
	g.Articles++
	g.Direct.agree(a.Text, anns, ids, preds, true)
	g.All.agree(a.Text, anns, ids, preds, false)
}
