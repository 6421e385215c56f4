package quote

// reportedlyClauses adds the clauses that "reportedly" marks as reported
// speech with no source named: "The FBI is reportedly making
// arrangements to interview her", "Reportedly, he made comments to
// co-workers". PolNeAR annotates them as attributions without a source,
// so they carry no speaker; the cue is the adverb. (The lexicon rates
// "reportedly" a cue 19 times of 29 on train, but the reported pass keeps
// only attributions with a speaker.)
//
// The content is the clause around the adverb: from the sentence start,
// past a leading connective or a short adjunct and its comma ("In total,
// the hackers have reportedly ..."), or from the bracket the adverb
// stands in, up to a semicolon, the closing bracket, or a comma before a
// new clause (", but", ", leaving").
func (d *doc) reportedlyClauses(qs []cand) []cand {
	var add []cand
	// (one test of a shape bit per token, sLy, before the word: cheaper
	// than a search of the text for a word of common letters)
	for c := range d.toks {
		if d.xf[c]&sLy == 0 || d.lower(c) != "reportedly" {
			continue
		}
		if q, ok := d.reportedlyClause(c); ok && !overlapsAny(qs, q) && !overlapsAny(add, q) {
			add = append(add, q)
		}
	}
	return append(qs, add...)
}

func (d *doc) reportedlyClause(c int) (cand, bool) {
	if d.tokReg[c] >= 0 {
		return cand{}, false
	}
	sa, sb := d.sentBounds(c)
	start, bracket := sa, false
	for k := c - 1; k >= sa; k-- {
		if d.toks[k].Text == "(" {
			start, bracket = k+1, true
			break
		}
	}
	if start == c {
		// "Reportedly, he made …"
		start = c + 1
		if start < sb && d.toks[start].Text == "," {
			start++
		}
	}
	for start < c && (connectives[d.lower(start)] || d.toks[start].Text == ",") {
		start++
	}
	if start < c && d.adjunctAt(start) {
		// "In total, the hackers have reportedly …"
		for k := start + 1; k < c && k <= start+4; k++ {
			if d.verbish(k) || d.tokReg[k] >= 0 {
				break
			}
			if d.toks[k].Text == "," {
				start = k + 1
				break
			}
		}
	}
	end := sb
	for k := c + 1; k < sb; k++ {
		x := d.toks[k].Text
		if x == ";" || x == ")" && bracket {
			end = k
			break
		}
		if x == "," && k+1 < sb && clauseAfterComma[d.lower(k+1)] {
			end = k
			break
		}
	}
	if end-start < 4 || start >= len(d.toks) || end > len(d.toks) {
		return cand{}, false
	}
	q := cand{spkS: -1, spkE: -1, inheritFrom: -1, cueTok: c, firstRegion: -1}
	q.cueS, q.cueE = d.toks[c].Start, d.toks[c].End
	q.s = d.toks[start].Start
	q.e = d.contentEnd(q.s, d.toks[end-1].End)
	if q.e <= q.s {
		return cand{}, false
	}
	d.takeInRegions(&q)
	return q, true
}

// clauseAfterComma are the words that open a new clause after a comma
// and end a clause that "reportedly" marks.
var clauseAfterComma = map[string]bool{"but": true, "leaving": true, "while": true, "which": true, "though": true, "although": true}
