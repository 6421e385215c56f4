package quote

import "strings"

// Headlines in title case ("Ada Lind Endorses Varga for Harbour
// Board", "Port Union Warns Of Strike Over Pensions") report speech as
// prose does, but every word is capitalised, so the cue lexicon, which
// reads lower-case words only (a capitalised "Endorses" inside a
// sentence would mostly be a name), sees no cue in them; only the few
// headlineVerbs are read there. titleHeadlines reads the rest.

// titleLineMin and titleLineMax are the shortest and the longest line,
// in bytes, read as a headline (four words at least; the blank lines
// between paragraphs cost nothing).
const (
	titleLineMin = 16
	titleLineMax = 200
)

// isTitleSmall is titleSmall[w] as a switch, which the compiler turns
// into a few comparisons of length and bytes rather than a hash: it is
// asked of every short word of every short line.
func isTitleSmall(w string) bool {
	switch w {
	case "of", "the", "a", "an", "and", "to", "in", "for", "on", "with", "at", "by", "from", "is", "or":
		return true
	}
	return false
}

// titlePreps are capitalised words that never head an attribution in a
// headline, whatever their cue rate ("Talks About", "Tough On").
var titlePreps = map[string]bool{"about": true, "on": true, "for": true, "with": true, "from": true, "by": true, "over": true}

// titleHeadlines adds the attribution of each line of the text that is a
// headline in title case and holds no quote yet: the first capitalised
// word after the line's first whose cue rate (as a lower-case word)
// reaches reportRate is the cue, the words before it the speaker, the
// rest of the line the content ("Ada Lind Endorses [Varga for Harbour
// Board]"). On PolNeAR train it adds 94 predictions and 75 matches.
func (d *doc) titleHeadlines(qs []cand) []cand {
	txt := d.text
	for ls := 0; ls < len(txt); {
		le := strings.IndexByte(txt[ls:], '\n')
		if le < 0 {
			le = len(txt)
		} else {
			le += ls
		}
		if n := le - ls; n >= titleLineMin && n <= titleLineMax {
			if q, ok := d.titleLine(ls, le); ok && !overlapsAny(qs, cand{s: ls, e: le}) {
				qs = append(qs, q)
			}
		}
		ls = le + 1
	}
	return qs
}

// titleLine reads the line [ls, le) as a headline in title case
// (titleHeadlines).
func (d *doc) titleLine(ls, le int) (cand, bool) {
	a, b := d.tokAt(ls), d.tokAt(le)
	if b-a < 4 || d.toks[b-1].Text == ":" || d.toks[a].Text == "(" {
		return cand{}, false
	}
	// (most lines are prose: the count of lower-case words gives up on
	// them within a few tokens)
	words, lowers, mixed := 0, 0, false
	for i := a; i < b; i++ {
		x := d.xf[i]
		if x&sWord == 0 || d.toks[i].End-d.toks[i].Start <= 4 && isTitleSmall(d.lower(i)) {
			continue
		}
		if x&sCap != 0 {
			words++
			if t := d.toks[i].Text; len(t) > 1 && t[1] >= 'a' && t[1] <= 'z' {
				mixed = true
			}
			continue
		}
		words++
		if lowers++; 5*lowers > b-a {
			return cand{}, false
		}
	}
	if words < 3 || 5*lowers > words || !mixed {
		return cand{}, false
	}
	for k := a + 1; k+1 < b; k++ {
		t := d.toks[k].Text
		w := d.lower(k)
		// (a capitalised word in mixed case: "ENDORSES" is a line in
		// capitals)
		if d.xf[k]&sCap == 0 || len(t) < 2 || t[1] < 'a' || t[1] > 'z' || strings.HasSuffix(w, "ly") || titlePreps[w] || d.tokReg[k] >= 0 {
			continue
		}
		if p := d.toks[k-1].Text; d.xf[k-1]&sWord == 0 && p != "'s" && p != "’s" {
			continue // "Sen. Lind (R-Harbour) — Announced March 3"
		}
		if d.wordRate(k) < reportRate {
			continue
		}
		s := d.toks[k+1].Start
		e := d.contentEnd(s, le)
		if e <= s || d.tokReg[k+1] >= 0 {
			// (a quotation right after the verb is a title or a scare
			// quote: "Lind Mocked ‘Harbour Rats’")
			return cand{}, false
		}
		q := cand{s: s, e: e, inheritFrom: -1, cueTok: k, firstRegion: -1}
		q.cueS, q.cueE = d.toks[k].Start, d.toks[k].End
		q.spkS, q.spkE = d.span(a, k)
		d.takeInRegions(&q)
		return q, true
	}
	return cand{}, false
}

// wordRate returns the cue rate of token i's word in the lexicon, as if
// it were written in lower case, whatever its neighbours (0 when the
// lexicon has too few occurrences of it).
func (d *doc) wordRate(i int) float64 {
	id := d.wid[i]
	if id < 0 {
		return 0
	}
	k := d.tbl.ents[id].lex
	if k < 0 {
		return 0
	}
	return max(d.tbl.lexes[k].word, 0)
}
