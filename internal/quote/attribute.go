package quote

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"storyline"
)

// attr is an attribution clause found beside a quotation.
type attr struct {
	cue        int // token index of the cue, -1 when none
	spkA, spkB int // speaker phrase tokens [spkA, spkB), spkA < 0 when none
	end        int // token index just after the clause
	partialAt  int // for a clause before the quote with words between: first content token
	extendTo   int // for a clause going on after the quote: the comma before the attribution
	subject    bool
	ownVerb    bool // a participle's speaker is the subject of the verb before its comma
}

func noAttr() attr { return attr{cue: -1, spkA: -1, partialAt: -1, extendTo: -1} }

// newlineBetween reports whether a line break lies in text[a:b].
func (d *doc) newlineBetween(a, b int) bool {
	if n := b - a; n <= 8 {
		// (most gaps are a blank or none: no call, and no branch on
		// the gap's length, which the processor cannot foresee: the
		// eight bytes from a, the line breaks among the first n)
		if a >= 0 && a+8 <= len(d.text) {
			const nl = 0x0a0a0a0a0a0a0a0a
			return zeroBytes(load8(d.text, a)^nl)&(hi8>>uint(64-8*n)) != 0 // (no bytes for n <= 0)
		}
		for ; a < b; a++ {
			if d.text[a] == '\n' {
				return true
			}
		}
		return false
	}
	return strings.IndexByte(d.text[a:b], '\n') >= 0
}

// clauseLimit returns the token index where the text after a quote that
// ends at byte e stops being one clause: the next quote, a line break or a
// sentence-final mark.
func (d *doc) clauseLimit(t int, e int) int {
	last := min(t+40, len(d.toks)) // (the tokens read: [t, last))
	if d.sorted && t < last && e >= 0 {
		return d.clauseLimitSorted(t, last, e)
	}
	hi := t
	seen := e // text[e:seen] holds no line break
	for hi < len(d.toks) && hi < t+40 {
		if d.tokReg[hi] >= 0 && !d.embeddedAt(int(d.tokReg[hi])) {
			break
		}
		if b := d.toks[hi].Start; b > seen {
			// (newlineBetween(e, b), the bytes before seen not read again)
			if d.newlineBetween(seen, b) {
				break
			}
			seen = b
		}
		x := d.toks[hi].Text
		if (x == "." || x == "!" || x == "?" || x == ";") && !d.gluedStop(hi) {
			break
		}
		hi++
	}
	return hi
}

// clauseLimitSorted is clauseLimit for tokens in order, t < last: a line
// break in text[e:b] lies before b (the token's start) exactly when the
// first line break from e does, so one search of the text up to the last
// token's start (most stretches of 40 tokens hold none) stands for a test
// of the gap before each token.
func (d *doc) clauseLimitSorted(t, last, e int) int {
	nl := len(d.text) // the first line break from e, len(d.text) when none before the last token
	if lim := d.toks[last-1].Start; e < lim {
		if k := strings.IndexByte(d.text[e:lim], '\n'); k >= 0 {
			nl = e + k
		}
	}
	hi := t
	for ; hi < last; hi++ {
		if d.tokReg[hi] >= 0 && !d.embeddedAt(int(d.tokReg[hi])) {
			break
		}
		if d.toks[hi].Start > nl {
			break
		}
		x := d.toks[hi].Text
		if (x == "." || x == "!" || x == "?" || x == ";") && !d.gluedStop(hi) {
			break
		}
	}
	return hi
}

// after finds an attribution right after the quote region r: “...,” he
// said / said Christie / Mark Rutte said.
func (d *doc) after(r region) attr {
	a := d.after1(r)
	if a.cue >= 0 {
		return a
	}
	return d.afterFar(r)
}

// afterFar finds attributions that after1 misses: a dash line under the
// quote ("- Bernie Sanders."), and a clause that goes on after the quote
// marks and ends in an attribution ("“...” that Sanders can catch
// Clinton, said Steve Elmendorf, ...").
func (d *doc) afterFar(r region) attr {
	a := noAttr()
	t := d.tokAt(r.e)
	for t < len(d.toks) && t < d.tokAt(r.e)+2 && d.tokReg[t] < 0 && (d.toks[t].Text == "'" || d.toks[t].Text == "’") {
		t++
	}
	if t >= len(d.toks) {
		return a
	}
	if d.newlineBetween(r.e, d.toks[t].Start) {
		// - Hillary Clinton.
		if x := d.toks[t].Text; isDash(x) && d.lineStart(d.toks[t].Start) == d.toks[t].Start {
			if s, e, ok := d.subjectAt(t+1, min(len(d.toks), t+6)); ok && (e >= len(d.toks) || d.toks[e].Text == "." || d.toks[e].Text == "," || d.newlineBetween(d.toks[e-1].End, d.toks[e].Start)) {
				a.cue, a.spkA, a.spkB, a.end = t, s, e, e
			}
		}
		return a
	}
	if !d.regQuoteLike(r) || t > 0 && d.tokSent[t] != d.tokSent[t-1] {
		// (“...” Later, Lind said, “…”: a sentence of its own after
		// the quote's)
		return a
	}
	// the clause goes on; find ", said X." or ", X said." ending it
	_, sb := d.sentBounds(t)
	for k := t; k < sb && k < t+40; k++ {
		if d.tokReg[k] >= 0 {
			return a
		}
		if d.toks[k].Text != "," || k+1 >= sb {
			continue
		}
		c := k + 1
		if d.isCue(c, nearQuoteRate) && d.flags[c]&fSpeech != 0 {
			if s, e, ok := d.npRight(c+1, sb); ok && isCap(d.toks[s].Text) {
				a.cue, a.spkA, a.spkB, a.end, a.extendTo = c, s, e, e, k
				return a
			}
			continue
		}
		if s, e, ok := d.subjectAt(c, sb); ok && e < sb && d.flags[e]&fSpeech != 0 && d.isCue(e, nearQuoteRate) && (d.endsSentence(e+1, min(sb, e+8)) || d.adjunctAt(e+1)) {
			a.cue, a.spkA, a.spkB, a.end, a.extendTo = e, s, e, e+1, k
			return a
		}
	}
	return a
}

// after1 finds the attribution right after the quote region r.
func (d *doc) after1(r region) attr {
	a := noAttr()
	t := d.tokAt(r.e)
	// a stray mark of a nested quote before the attribution
	for t < len(d.toks) && t < d.tokAt(r.e)+2 && d.tokReg[t] < 0 && (d.toks[t].Text == "'" || d.toks[t].Text == "’") {
		t++
	}
	if t >= len(d.toks) || d.newlineBetween(r.e, d.toks[t].Start) {
		return a
	}
	if isDash(d.toks[t].Text) && t+1 < len(d.toks) && !d.newlineBetween(d.toks[t].End, d.toks[t+1].Start) {
		// “...” — Maria Santos: a dash and a name.
		if s, e, ok := d.subjectAt(t+1, min(len(d.toks), t+7)); ok && isCap(d.toks[s].Text) && (e >= len(d.toks) || d.toks[e].Text == "," || d.toks[e].Text == "." || d.newlineBetween(d.toks[e-1].End, d.toks[e].Start)) {
			a.cue, a.spkA, a.spkB, a.end = t, s, e, e
			return a
		}
	}
	if x := d.toks[t].Text; x == "," || isDash(x) {
		t++
	}
	hi := d.clauseLimit(t, r.e)
	if t >= hi {
		return a
	}
	// The quote must end like speech: punctuation inside the marks, a
	// comma after them, or an attribution running to the sentence end.
	inner := trimQuoteEnd(d.text[r.s:r.e])
	lastR, _ := utf8.DecodeLastRuneInString(inner)
	speechEnd := strings.ContainsRune(",.?!…—-:;", lastR) || d.toks[t-1].Text == ","
	sentenceEnd := strings.ContainsRune(".?!", lastR)
	// A word or two in quote marks inside a sentence is a scare quote.
	if !d.regQuoteLike(r) && !d.startsClause(r) || d.namedLabel(r) {
		return a
	}
	if d.lower(t) == "according" && d.isCue(t, cueRate) && speechEnd && !(sentenceEnd && isCap(d.toks[t].Text)) {
		// “...,” according to CNN. (Not “….” According to CNN, …:
		// a sentence of its own, which the splitter left joined.)
		a.cue, a.end = t, t+2
		if s, e, ok := d.accordingTo(t+2, hi); ok {
			a.spkA, a.spkB, a.end = s, e, e
		}
		return a
	}
	if d.isCue(t, nearQuoteRate) && d.lower(t) != "according" {
		if isParticiple(d.lower(t)) && !d.startsClause(r) {
			// “a defence of “harbour values,” saying the port ...”: a
			// participle after quoted words inside a clause reports
			// content of its own.
			return a
		}
		a.cue = t
		ce := t + 1
		if ce < hi && (d.lower(ce) == "out" || d.lower(ce) == "for") && d.cueSpanEndTok(t) > t {
			ce++
		}
		a.end = ce
		if s, e, ok := d.npRightAdj(ce, hi, d.flags[t]&fSpeech != 0); ok {
			if e < hi && finiteAux(d.lower(e)) && !d.startsClause(r) {
				// "Lind, citing “the magic of the harbour,” said the
				// port could …": the phrase is the subject of the
				// reported clause, the quote's sentence has its own
				// subject before it
				return noAttr()
			}
			a.spkA, a.spkB, a.end = s, e, e
		}
		if !speechEnd && !(a.spkA >= 0 && d.endsSentence(a.end, hi)) {
			return noAttr()
		}
		return a
	}
	for c := t + 1; c < hi && c < t+40; c++ {
		if !d.isCue(c, nearQuoteRate) || d.lower(c) == "according" {
			continue
		}
		s, e, ok := d.npLeft(c, t)
		if !ok || s != t {
			switch {
			case ok && s == t+1 && d.xf[t]&xDeterminer != 0:
				// "the statement said": a determiner may start the phrase
				s = t
			case d.toks[c-1].Text == "," && d.appositiveSubject(t, c-1):
				// “...,” Bill Eastland, wearing a cowboy hat, said
				s, e = t, c-1
			case d.flags[c]&fSpeech != 0 && d.looseSubject(t, c):
				// “...,” the bespectacled, 71-year-old diplomat said;
				// “...,” the senator and candidate said
				s, e = t, c
			default:
				// "a Democratic staffer in the room wondered": a phrase
				// with a prepositional tail.
				k := t
				for k < c && d.npTokOK(k) && d.lower(k) != "of" {
					k++
				}
				if k == t || c-k > 8 || d.xf[k]&xPrep == 0 {
					continue // a later cue may have this phrase as subject
				}
				bad := false
				for m := k; m < c; m++ {
					if d.verbish(m) || d.toks[m].Text == "," && m != c-1 {
						bad = true
					}
				}
				if bad {
					continue
				}
				s, e = t, k
			}
		}
		// “... -M” Meyer posted, quoting ...: a speech verb closed by a
		// comma attributes a quote that ends without punctuation.
		commaAfter := c+1 < len(d.toks) && d.toks[c+1].Text == "," && d.flags[c]&fSpeech != 0 && isCap(d.toks[s].Text)
		if !speechEnd && !commaAfter && !d.endsSentence(c+1, hi) && !d.adjunctAt(c+1) || d.cueScore(c) < cueRate && !speechEnd {
			return a
		}
		introducesNext := c+2 < len(d.toks) && (d.toks[c+1].Text == "," || d.toks[c+1].Text == ":") && d.tokReg[c+2] >= 0 && d.opensQuoteAt(int(d.tokReg[c+2]))
		if introducesNext && d.embedded(r) {
			// “in the end” she warned: “...”: the clause introduces
			// the next quotation, not these few quoted words.
			return a
		}
		if sentenceEnd && isCap(d.toks[t].Text) && (d.flags[c]&fSpeech == 0 && !d.wentOn(c) && (lastR == '.' || !d.endsSentence(c+1, min(hi, c+4))) || c+1 < len(d.toks) && d.toks[c+1].Text == ":" || introducesNext) {
			// “...” Bills were introduced ...; “...” His manager struck a
			// similar tune; “...” Mr. Zahed said: “...”; “...” He adds,
			// “...”: a new sentence, not this quote's attribution (but
			// “...?” Hannity pressed. closes a question).
			return a
		}
		// “...?” Trump asked reporters during a news conference late
		// last month: after a question or an exclamation a speech verb
		// closes the quote, however long its adjuncts run.
		question := (lastR == '?' || lastR == '!') && d.flags[c]&fSpeech != 0 && !d.auxIn(c+2, hi)
		if sentenceEnd && !question && isCap(d.toks[t].Text) && (!d.endsSentence(c+1, min(hi, c+9)) || d.auxIn(c+2, hi)) && (!d.commaSoon(c+1, hi) || d.thatAfterComma(c+1, hi)) && !d.adjunctAt(c+1) {
			// “...” He added that ...; “...” He said, twice, that ...: a
			// new sentence with its own content.
			return a
		}
		if _, ok := d.timeThenClause(c+1, hi); ok && sentenceEnd && !question && isCap(d.toks[t].Text) {
			// “...” Varga said Wednesday she wants an inquiry: a time
			// adjunct, then the new sentence's own reported clause.
			return a
		}
		if strings.HasSuffix(inner, ",") && !d.startsClause(r) && d.clauseAfterCue(c, hi) {
			// 'To a question on the "privatization of harbour jobs,"
			// Lind said contractors cost more': quoted words inside a
			// phrase, and the cue reports the clause after it.
			return a
		}
		if !strings.HasSuffix(inner, ",") && d.ownClause(c, hi) {
			// “...” Her campaign manager suggested that what the
			// staffers did “...”; “...,” the spokeswoman told POLITICO
			// that Gore plans ...: the cue reports a clause of its own.
			return a
		}
		a.cue, a.spkA, a.spkB, a.end = c, s, e, c+1
		return a
	}
	// “...,” he surmised. An unknown verb after a short subject right
	// after a quote that ends in a comma is a cue.
	if strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") {
		k := t
		switch {
		case d.xf[t]&xPronoun != 0:
			k = t + 1
		case d.flags[t]&fDet != 0:
			// “Oh, my God,” a young woman exclaimed; “...,” a
			// voice-over in the ad states
			k = t + 1
			for k < hi && k < t+5 && d.npTokOK(k) && !d.verbish(k) {
				k++
			}
			if k < hi && d.xf[k]&xPrep != 0 {
				m := k + 1
				for m < hi && m < k+5 && d.npTokOK(m) && !d.verbish(m) && (d.flags[m]&fDet != 0 || !strings.HasSuffix(d.lower(m), "s") || m == k+1) {
					m++
				}
				if m > k+1 {
					k = m
				}
			}
		default:
			for k < hi && k < t+4 && isCap(d.toks[k].Text) && d.npTokOK(k) {
				k++
			}
		}
		unknownVerb := func(k int) bool {
			v := d.lower(k)
			return isLowerWord(d.toks[k].Text) && (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "s") || baseSpeech[v] && k > t+1) && d.flags[k]&(fStop|fAux|fDet|fPron) == 0
		}
		if k > t+2 && k <= hi && d.flags[t]&fDet != 0 && d.endsSentence(k, hi) && unknownVerb(k-1) {
			// “...,” the report states.: the phrase ran over its verb
			k--
		}
		if k > t && k < hi && unknownVerb(k) && (d.endsSentence(k+1, min(hi, k+6)) || d.adjunctAt(k+1)) {
			a.cue, a.spkA, a.spkB, a.end = k, t, k, k+1
			return a
		}
		// “...,” exhorted Clinton's introducer, Jamie Lee Curtis.
		if unknownVerb(t) && strings.HasSuffix(inner, ",") {
			if s, e, ok := d.npRight(t+1, hi); ok && (isCap(d.toks[s].Text) || d.flags[s]&fDet != 0) {
				a.cue, a.spkA, a.spkB, a.end = t, s, e, e
			}
		}
	}
	return a
}

func (d *doc) cueSpanEndTok(i int) int {
	_, e := d.cueSpan(i)
	j := i
	for j+1 < len(d.toks) && d.toks[j+1].End <= e {
		j++
	}
	return j
}

// gapOK are the tokens that may stand between a cue and the quote it
// introduces.
var gapOK = map[string]bool{",": true, ":": true, "—": true, "–": true, "-": true, "as": true}

// before finds an attribution before the quote region r, in its sentence:
// he said: “...” (direct) or he said that the plan was “dead” (partial,
// partialAt set to the first content token).
func (d *doc) before(r region, lo int) attr {
	a := noAttr()
	tp := d.tokAt(r.s) - 1
	if tp < 0 || tp < lo {
		return a
	}
	if d.newlineBetween(d.toks[tp].End, r.s) {
		// "Cruz continued:" closing the paragraph before the quote.
		if d.toks[tp].Text != ":" || !d.regQuoteLike(r) {
			return a
		}
		lo0 := lo
		lo = max(lo, d.clauseLo(tp))
		c := tp - 1
		if c >= lo && d.isCue(c, nearQuoteRate) || c >= lo && isLowerWord(d.toks[c].Text) && (d.verbish(c) || strings.HasSuffix(d.lower(c), "s")) {
			a.cue, a.end = c, tp+1
			d.speakerOf(&a, c, lo)
			if a.spkA < 0 {
				if s, e, ok := d.clauseSubject(lo, tp); ok {
					a.spkA, a.spkB = s, e
				}
			}
		} else if s, e, ok := d.npLeft(tp, lo); ok && isCap(d.toks[s].Text) {
			a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
		} else if s, e, ok := d.clauseSubject(lo, tp); ok {
			a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
		} else {
			// "He told his Democratic audience, to rowdy applause:⏎⏎“…”":
			// the subject opening the sentence and its cue.
			sa, _ := d.sentBounds(tp)
			if s, e, ok := d.subjectAt(max(sa, lo0), tp); ok {
				k := e
				for k < tp && k < e+3 && !d.isCue(k, cueRate) {
					k++
				}
				if k < tp && d.isCue(k, cueRate) {
					a.cue, a.spkA, a.spkB, a.end = k, s, e, tp+1
				}
			}
		}
		return a
	}
	if d.breakBefore(tp + 1) {
		if c, s, e, ok := d.leadSentence(r, tp, lo); ok {
			// "… and her husband cut in. “Don't forget the boats.”"
			a.cue, a.spkA, a.spkB, a.end = c, s, e, tp+1
		}
		return a
	}
	if d.toks[tp].Text == ":" && d.regQuoteLike(r) {
		// "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon
		// Cohen: “…”", "Pollsters agree - Carl Bialik: “…”": the name
		// between a dash and the colon.
		if s, e, ok := d.dashName(tp, lo); ok {
			a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
			return a
		}
	}
	if j, s, e := d.inWords(tp, lo); j >= 0 && d.regQuoteLike(r) {
		// "because, in Varga's words, “…”", "In the words of the
		// mayor, “…”"
		a.cue, a.spkA, a.spkB, a.end = j, s, e, tp+1
		return a
	}
	if f := d.fromSource(tp, lo); f >= 0 && d.regQuoteLike(r) {
		// "More from the report: “…”", "From Bush's Facebook post: “…”"
		a.cue, a.spkA, a.spkB, a.end = tp, f+1, tp, tp+1
		return a
	}
	if c, s, e, ok := d.chantsOf(tp, lo); ok {
		// "their chants of “…”", "responded with chants of “…”", "to
		// chants of “…”" (no speaker)
		a.cue, a.spkA, a.spkB, a.end = c, s, e, tp+1
		return a
	}
	lo = max(lo, d.clauseLo(tp+1))
	if c := lo; c+1 < tp && d.toks[tp].Text == "," && d.flags[c]&fSpeech != 0 && isCap(d.toks[c].Text) && isCap(d.toks[c+1].Text) && d.flags[c+1]&fDet == 0 && d.regQuoteLike(r) {
		// "Said Dorothy Poynter, who grew up with Ali, “We were all so
		// proud of him.”": the speech verb opens the sentence and its
		// subject, with any appositive, follows it.
		a.cue, a.spkA, a.spkB, a.end = c, c+1, tp, tp+1
		return a
	}
	// The leftmost cue of the clause with a speaker of its own heads a
	// partial quote; the nearest one introduces a direct quote.
	first, firstVerb := -1, -1
	for c := lo; c <= tp; c++ {
		if d.isCue(c, cueRate) {
			var x attr = noAttr()
			d.speakerOf(&x, c, lo)
			if x.spkA >= 0 && !(x.spkB == x.spkA+1 && x.spkB == c && d.flags[x.spkA]&fDet != 0 && d.flags[c]&fSpeech == 0 && !d.verbish(c) && c+1 < tp && d.toks[c+1].Text == ",") {
				// (not a noun cue after its determiner, "Another
				// critic, Anna Lind, likened ...": no speaker of its own)
				if first < 0 {
					first = c
				}
				if d.flags[c]&fSpeech != 0 {
					firstVerb = c
					break
				}
			}
		}
	}
	if firstVerb >= 0 {
		first = firstVerb
	}
	for c := tp; c >= lo; c-- {
		if d.newlineBetween(d.toks[c].End, r.s) {
			break
		}
		if !d.isCue(c, cueRate) {
			continue
		}
		if d.lower(c) == "it" && c-1 >= lo && d.lower(c-1) == "put" {
			c-- // "as Tom Ridge, a former secretary, put it: “...”"
		}
		if w := d.lower(c); (w == "about" || w == "of") && c-1 >= lo && d.flags[c-1]&fSpeech != 0 && d.isCue(c-1, cueRate) {
			c-- // "Varga said about the dispute, “...”": the verb is the cue
		}
		for v := c - 2; v >= lo && v >= c-5; v-- {
			// "said in his formal statement: “...”": the noun is part
			// of the speech verb's adjunct, the verb is the cue.
			if d.flags[v]&fSpeech == 0 || !d.isCue(v, cueRate) {
				continue
			}
			plain := d.adjunctAt(v+1) && !d.hasFiniteVerb(v+1, c)
			for m := v + 1; m < c && plain; m++ {
				plain = d.toks[m].Text != "," && !isDash(d.toks[m].Text) && d.tokReg[m] < 0
			}
			if plain {
				c = v
			}
			break
		}
		ce := d.cueSpanEndTok(c)
		gapDirect := d.gapDirect(ce, tp)
		if first >= 0 && first < c && (!gapDirect && !d.separateSubject(first, c, lo) || d.flags[c]&fSpeech == 0 && d.flags[first]&fSpeech != 0 && !d.ownSubject(c, lo) && !d.separateSubject(first, c, lo)) && !d.closesClause(first, c, lo) && !d.saidSaying(first, c) && !d.coordinatedCue(first, c) && !d.participleClause(first, c) {
			c = first
			ce = d.cueSpanEndTok(c)
			gapDirect = d.gapDirect(ce, tp)
		}
		if !gapDirect && d.flags[c]&fSpeech != 0 && (d.toks[tp].Text == "," || d.toks[tp].Text == ":") && !startsLower(d.text[r.s:r.e]) && d.regQuoteLike(r) && d.noThat(ce+1, tp) {
			// "said on the radio on Monday, in answer to a caller
			// from the docks, “Next spring ...”": a speech verb, a longer adjunct,
			// and a quotation that opens a sentence of its own.
			gapDirect = true
		}
		a.cue = c
		a.end = ce + 1
		if !gapDirect {
			p := ce + 1
			for p <= tp && (d.toks[p].Text == "," || d.toks[p].Text == ":") {
				p++
			}
			if k, ok := d.parenThat(ce+1, p, tp+1); ok {
				p = k // "said, without evidence, that “…”"
			} else if p < tp && (d.adjunctAt(p) || d.toListener(c, p)) {
				// "said on Twitter Thursday that the comment “...”": the
				// clause starts at "that"
				for k := p + 1; k <= tp && k < p+12; k++ {
					if d.lower(k) == "that" {
						if !d.relativeThat(k) {
							p = k
						}
						break
					}
					if d.verbish(k) || d.flags[k]&fAux != 0 || d.toks[k].Text == "," {
						if d.flags[c]&fSpeech != 0 && d.speechParticipleAt(k) && d.lower(p) != "of" && d.lower(p) != "about" {
							// "shot back in a statement, saying
							// he's “…”": the participle's clause
							if k = k + 1; d.toks[k-1].Text != "," {
								k--
							}
							p = k + 1
						}
						break
					}
				}
			}
			a.partialAt = d.addresseeThat(c, p, tp+1)
		}
		if !d.passiveAsked(c) {
			d.speakerOf(&a, c, lo)
		} else if c+2 < tp && d.lower(c+1) == "by" {
			// "Lind was asked by Varga, “…”": the asker after "by".
			if s, e, ok := d.npRight(c+2, tp); ok {
				a.spkA, a.spkB = s, e
			}
		} // ("Lind was asked, “…”": the asker, whom the sentence does not name)
		if a.partialAt >= 0 && d.lower(c) == "according" && a.spkA == a.partialAt && a.spkB <= tp {
			// "According to the board, the plan is “dead”": the
			// source is the speaker, the clause after it the content.
			p := a.spkB
			for p <= tp && d.toks[p].Text == "," {
				p++
			}
			if p <= tp {
				a.partialAt = p
			}
		}
		if a.spkA < 0 && gapDirect && (d.flags[c]&fSpeech != 0 || d.toks[tp].Text == ":") && !d.passiveAsked(c) {
			// "Another source familiar with Cruz's thinking said, “...”":
			// the subject of the clause.
			sa, _ := d.sentBounds(c)
			if s, e, ok := d.clauseSubject(max(sa, lo), c); ok && e <= c {
				a.spkA, a.spkB = s, e
			} else if s, e, ok := d.longSubject(max(sa, lo), c); ok {
				a.spkA, a.spkB = s, e
			}
		}
		if !gapDirect && a.partialAt > ce && a.spkA > lo && a.spkB == c && d.toks[a.spkA-1].Text == "," && ce+1 <= tp && d.toks[ce+1].Text == "," && d.flags[c]&fSpeech != 0 && !d.hasThatOrCue(lo, a.spkA-1) && !d.connectiveLead(lo, a.spkA-1) {
			// "Proposals so far from the board, he added, amount to
			// “…”": the reported clause runs on both sides of the
			// attribution; its span covers both.
			a.partialAt = lo
		}
		if gapDirect && a.spkA > lo && d.toks[a.spkA-1].Text == "," && d.toks[tp].Text == "," && !a.subject && startsLower(d.text[r.s:r.e]) && !d.connectiveLead(lo, a.spkA-1) {
			// "Instead, Axelrod said, “she started as ...”", "There was,
			// she said, “an implicit bargain.”": the quoted words go on
			// with a clause begun before the attribution.
			a.partialAt = lo
		}
		if a.partialAt < 0 {
			// "what an aide to Meyer called “...”", "which she declared
			// “...”": the relative clause holding the quote is the content.
			k := c - 1
			if a.spkA >= 0 && a.spkB <= c {
				k = a.spkA - 1
			}
			// ("..., to which Varga replied: “…”" and "an ad in which
			// Varga declares, “…”" are no such clause: the quotation
			// is one of its own)
			if k >= lo && (d.lower(k) == "what" || d.lower(k) == "which") && !(k-1 >= lo && gapDirect && (d.lower(k-1) == "to" || d.lower(k) == "which" && prepositions[d.lower(k-1)] && d.toks[tp].Text == ",")) {
				a.partialAt = k
			}
		}
		if a.spkA > lo && a.spkB <= c {
			if h := d.wishedSpeech(a.spkA, lo); h > lo {
				// "I hope in 2017 the town says, “Thank you”": speech
				// hoped for, not made; the hope is the report
				if s, e, ok := d.npLeft(h, lo); ok && e == h {
					a.cue, a.spkA, a.spkB, a.partialAt = h, s, e, h+1
					if d.lower(h+1) == "that" {
						a.partialAt = h + 2
					}
				}
			}
		}
		return a
	}
	// A headline or list line "Carly Fiorina: ‘...’", or a clause
	// ending in a colon: "A footnote in the report makes that clear: “...”".
	if d.toks[tp].Text == ":" && d.regQuoteLike(r) {
		if s, e, ok := d.npLeft(tp, lo); ok && e == tp && isCap(d.toks[s].Text) && (s == lo || d.toks[s-1].Text == "-" || d.toks[s-1].Text == "—") {
			a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
			return a
		}
		// "The surge doesn't surprise pollster Daron Shaw: “…”", "Here's
		// Clinton in December 1992: “…”": a name right before the colon
		// (or before a short adjunct of time) introduces the quotation.
		if n, ok := d.nameBeforeColon(tp, lo); ok && !startsLower(d.text[r.s:r.e]) {
			a.cue, a.spkA, a.spkB, a.end = tp, n, n+1, tp+1
			if s, e, ok := d.npLeft(n+1, lo); ok && e == n+1 {
				// not the verb the name is the object of ("surprise")
				for s < n && isLowerWord(d.toks[s].Text) && d.flags[s]&(fRole|fTitle|fDet) == 0 && d.cueScore(s) > 0 {
					s++
				}
				a.spkA, a.spkB = s, e
			}
			return a
		}
		// "he demurred:", "Wallnau continues:": the verb before the colon
		// is the cue.
		if v := tp - 1; v > lo && isLowerWord(d.toks[v].Text) && (d.verbish(v) || d.cueScore(v) >= nearQuoteRate || strings.HasSuffix(d.lower(v), "s")) {
			if s, e, ok := d.npLeft(v, lo); ok {
				a.cue, a.spkA, a.spkB, a.end = v, s, e, tp+1
				return a
			}
		}
		// "Trump issued the following statement:"
		if s, e, ok := d.clauseSubject(lo, tp); ok {
			a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
			return a
		}
		// "She was so upset that I had to change my answer:": the
		// subject of the clause the colon ends
		for k := tp - 2; k > lo && k > tp-12 && d.tokReg[k] < 0 && d.toks[k].Text != ","; k-- {
			if w := d.lower(k); w == "that" || w == "so" || subordinators[w] {
				if s, e, ok := d.subjectAt(k+1, tp); ok && s == k+1 && d.flags[s]&fPron != 0 && subjPron[d.lower(s)] {
					a.cue, a.spkA, a.spkB, a.end = tp, s, e, tp+1
				}
				break
			}
		}
	}
	return a
}

// closesClause reports whether the cue at token first closes the clause
// before it, with the participle cue at token c after a comma: "Varga's
// “excesses” are a disgrace, Lind said Tuesday in Castelmar, noting the
// mayor “has lost the docks.”" reports the disgrace with "said" and the
// quotation with "noting".
func (d *doc) closesClause(first, c, lo int) bool {
	if !isParticiple(d.lower(c)) || c-1 <= first || d.toks[c-1].Text != "," {
		return false
	}
	x := noAttr()
	d.speakerOf(&x, first, lo)
	return x.spkA > lo && x.spkB == first && d.toks[x.spkA-1].Text == ","
}

// participleClause reports whether the participle cue at token c,
// after a comma, heads a clause of its own after the clause of the cue
// at token first: "Lind said the ferry was late, calling it “a
// disgrace.”" reports the lateness with "said" and the quotation with
// "calling", as "Lind said the ferry was late, calling it a disgrace"
// does without quote marks (secondCut).
func (d *doc) participleClause(first, c int) bool {
	return isParticiple(d.lower(c)) && c-1 > d.cueSpanEndTok(first)+1 && d.toks[c-1].Text == ","
}

// titleSmall are the short words a title in title case keeps lower-case.
var titleSmall = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "and": true, "to": true, "in": true, "for": true,
	"on": true, "with": true, "at": true, "by": true, "from": true, "is": true, "or": true,
}

// titleLike reports whether region r is a title in title case inside a
// sentence (“Harbour Lights,”, “The Long Tide”): every word
// but a few short ones capitalised, at most eight words, not opening its
// sentence. Such marks name a work or a slogan; when they belong to an
// attribution at all, it is as part of a reported clause.
func (d *doc) titleLike(r region) bool {
	if d.startsClause(r) {
		return false
	}
	if t := d.tokAt(r.s); t >= 2 && (d.toks[t-1].Text == "," || d.toks[t-1].Text == ":") && d.flags[t-2]&fSpeech != 0 {
		// "a headline that said, “Death to the Harbour Board.”": the
		// words a speech verb introduces
		return false
	}
	if t := d.tokAt(r.s); t >= 2 && d.lower(t-1) == "of" && chantNouns[d.lower(t-2)] {
		return false // "chants of “Varga! Varga!”"
	}
	if title, ok := titleWordsFast(d.text[r.s:r.e]); ok {
		return title
	}
	return titleLikeWords(d.text[r.s:r.e])
}

// titleLikeWords is titleLike's test of the words of txt: two to eight, all
// capitalised but a few short ones.
func titleLikeWords(txt string) bool {
	words, caps := 0, 0
	for len(txt) > 0 {
		i := strings.IndexFunc(txt, unicode.IsSpace)
		if i < 0 {
			i = len(txt)
		}
		w := strings.TrimFunc(txt[:i], func(r rune) bool { return isQuoteRune(r) || unicode.IsPunct(r) })
		txt = strings.TrimLeftFunc(txt[i:], unicode.IsSpace)
		if w == "" {
			continue
		}
		words++
		if words > 8 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case !titleSmall[w]:
			return false
		}
	}
	return words >= 2 && caps >= 2
}

// titleWordsFast is titleLikeWords for txt of ASCII and the curly quote
// marks (E2 80 98, 99, 9C, 9D), read byte by byte (decoding and the
// unicode tests of each rune cost more than the rest of titleLike); ok
// is false, and title nothing, at any other byte beyond ASCII among the
// words it reads. (Blanks are ASCII blanks; the curly marks are quote
// marks, trimmed off a word's ends like ASCII punctuation, titleTrim.)
func titleWordsFast(txt string) (title, ok bool) {
	words, caps := 0, 0
	n := len(txt)
	for i := 0; ; {
		for i < n && asciiBlank(txt[i]) {
			i++
		}
		if i >= n {
			break
		}
		j := i // the word: txt[i:j]
		for j < n && !asciiBlank(txt[j]) {
			if txt[j] < utf8.RuneSelf {
				j++
				continue
			}
			if !curlyMarkAt(txt, j) {
				return false, false
			}
			j += 3
		}
		a, b := i, j // trimmed (a curly mark is three bytes: the first at a, the last at b-1)
		for a < b && (txt[a] >= utf8.RuneSelf || titleTrim[txt[a]]) {
			a += 1 + 2*int(txt[a]>>7)
		}
		for b > a && (txt[b-1] >= utf8.RuneSelf || titleTrim[txt[b-1]]) {
			b -= 1 + 2*int(txt[b-1]>>7)
		}
		i = j
		if a == b {
			continue
		}
		words++
		if words > 8 {
			return false, true
		}
		switch c := txt[a]; {
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			caps++
		case !titleSmall[txt[a:b]]:
			return false, true
		}
	}
	return words >= 2 && caps >= 2, true
}

// asciiBlank reports whether c is an ASCII byte unicode.IsSpace holds for.
func asciiBlank(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' }

// curlyMarkAt reports whether a curly quote mark (‘ ’ “ ”) starts at byte j
// of s.
func curlyMarkAt(s string, j int) bool {
	if j+3 > len(s) || s[j] != 0xe2 || s[j+1] != 0x80 {
		return false
	}
	c := s[j+2]
	return c == 0x98 || c == 0x99 || c == 0x9c || c == 0x9d
}

// titleTrim tells the ASCII bytes titleLikeWords trims off a word's ends:
// quote marks and punctuation.
var titleTrim = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isQuoteRune(rune(c)) || unicode.IsPunct(rune(c))
	}
	return t
}()

// namedLabel reports whether region r is a short label given by a naming
// verb a few words before it ("calling Meyer “the Harbour's Worst
// Boss,” the strikers chanted ..."): a name, not speech that an
// attribution after it could introduce.
func (d *doc) namedLabel(r region) bool {
	if d.regWords(r, 6) > 5 || d.startsClause(r) {
		return false
	}
	t := d.tokAt(r.s)
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		if d.breakBefore(k+1) || d.tokReg[k] >= 0 {
			return false
		}
		if d.in(k, yNaming) {
			return true
		}
	}
	return false
}

// ownSubject reports whether the cue at token c has a subject phrase of
// its own right before it, after a comma or clause opener ("..., a man
// yelled"): a clause of its own, not part of an earlier reported clause.
func (d *doc) ownSubject(c, lo int) bool {
	s, e, ok := d.npLeft(c, lo)
	if !ok || e != c || s <= lo {
		return false
	}
	x := d.toks[s-1].Text
	if x == "which" && s-3 >= lo && d.lower(s-2) == "to" && d.toks[s-3].Text == "," {
		return true // "..., to which Varga replied: “…”"
	}
	return x == "," || x == ";" || d.flags[s-1]&fConn != 0
}

// coordStop returns where a reported clause starting at token p stops
// before the quotation starting at byte ns (one of qs) when that
// quotation's cue is a verb coordinated with the clause's own: "said
// that A, but called it “B”" stops after A, not after "called".
func (d *doc) coordStop(qs []cand, p, ns int) int {
	k := searchStart(qs, ns)
	if k >= len(qs) || qs[k].s != ns {
		return ns
	}
	ct := qs[k].cueTok
	if ct <= p || ct >= len(d.toks) || d.toks[ct].End > ns {
		return ns
	}
	j := d.coordAt(ct)
	if j <= p {
		return ns
	}
	if d.toks[j-1].Text == "," && j-1 > p {
		j--
	}
	return d.toks[j].Start
}

// coordinatedCue reports whether the cue at token c is a finite verb
// coordinated with the cue at token first, heading a reported clause of
// its own with their shared subject: "Varga said the plan was fair and
// called it “a deal for the town”".
func (d *doc) coordinatedCue(first, c int) bool {
	j := d.coordAt(c)
	return j > first+1 && !isParticiple(d.lower(c)) && (d.flags[c]&fSpeech != 0 || d.verbish(c))
}

// separateSubject reports whether the cue at token c, after the cue at
// token first, has a subject of its own that opens a clause of its own
// ("…, and has maintained that A, Lind said about the plan, “B”"), not
// one inside the clause first reports after a comma ("Lind said, she
// found Varga “very quiet”").
func (d *doc) separateSubject(first, c, lo int) bool {
	if c-1 > first && d.flags[c-1]&fSpeech != 0 {
		c-- // "said about the plan": the speech verb's subject
	}
	if s, e, ok := d.npLeft(c, lo); ok && e == c && s > first {
		// "Lind said the ferry was late; Varga called it “…”", "…
		// late - Varga called it", "…, while Varga said": a
		// semicolon, a dash or a clause opener after a comma ends the
		// first cue's clause, however near its speech verb, when that
		// clause has words of its own ("said that, because Varga
		// testified …" is one clause).
		x := d.lower(s - 1)
		b := s - 1
		if clauseOpeners[x] && s-2 > first && d.toks[s-2].Text == "," {
			b = s - 2
		} else if x != ";" && !isDash(x) {
			b = -1
		}
		if b >= 0 && d.wordsBetween(d.cueSpanEndTok(first)+1, b) >= 2 {
			return true
		}
	}
	if !d.ownSubject(c, lo) {
		return false
	}
	s, _, _ := d.npLeft(c, lo)
	for k := s - 2; k >= first && k >= s-6; k-- {
		if d.flags[k]&fSpeech != 0 {
			return false
		}
	}
	return true
}

// wordsBetween counts the words of tokens [a, b) other than "that".
func (d *doc) wordsBetween(a, b int) int {
	n := 0
	for k := max(a, 0); k < b; k++ {
		if t := d.toks[k].Text; t != "" && isWordByte(t[0]) && d.lower(k) != "that" {
			n++
		}
	}
	return n
}

// raisingVerbs report an impression rather than speech: their subject
// is part of what is reported.
var raisingVerbs = map[string]bool{
	"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true,
}

// headlineLabels end name-like phrases before a colon that label a
// section or a series rather than name a speaker ("The Latest:",
// "Editor's Note:").
var headlineLabels = map[string]bool{
	"latest": true, "note": true, "update": true, "daily": true, "report": true, "email": true,
	"correction": true, "briefing": true, "live": true, "watch": true, "exclusive": true, "breaking": true,
}

// headline adds the attribution of a headline "Name: what they said"
// ("Brandt: pension talks must start before spring"), the first line
// of the text, when no quotation covers it yet.
func (d *doc) headline(qs []cand) []cand {
	nl := strings.IndexByte(d.text, '\n')
	if nl < 0 {
		nl = len(d.text)
	}
	k := 0
	for k < len(d.toks) && k < 7 && d.toks[k].End <= nl && d.toks[k].Text != ":" {
		k++
	}
	if k == 0 || k >= len(d.toks) || k >= 7 || d.toks[k].Text != ":" || d.toks[k].End > nl || determinerCap[d.toks[0].Text] {
		return qs
	}
	for i := 0; i < k; i++ {
		t := d.toks[i].Text
		if d.tokReg[i] >= 0 || !(isCap(t) || t == "'s" || t == "’s" || t == "." || t == "&" || d.lower(i) == "of") {
			return qs
		}
	}
	if headlineLabels[d.lower(k-1)] && !(k == 1 && d.lower(0) == "report") {
		// ("Report: Walker to speak at convention" alone is what a
		// report says: PolNeAR annotates all three on train)
		return qs
	}
	c := k + 1
	n := 0
	for m := c; m < len(d.toks) && d.toks[m].End <= nl; m++ {
		n++
	}
	if n < 3 {
		return qs
	}
	s := d.toks[c].Start
	e := d.contentEnd(s, nl)
	for i := range qs {
		if q := &qs[i]; q.s < e && s < q.e {
			return qs
		}
	}
	q := cand{s: s, e: e, inheritFrom: -1, cueTok: k, firstRegion: -1}
	q.cueS, q.cueE = d.toks[k].Start, d.toks[k].End
	q.spkS, q.spkE = d.span(0, k)
	d.takeInRegions(&q)
	return append(qs, q)
}

// transcriptLines adds the lines of a transcript, "FALLIN: I think he
// is trying …": a speaker's name in capitals opening a line, a colon,
// and the rest of the line, which PolNeAR annotates as what the name
// said, cue the colon. Quotations inside the line are part of it. A
// label counts as a name when the text also writes it in mixed case
// and never in lower case ("Fallin", never "fallin"), which keeps out
// "UPDATE:", "CORRECTION:" and "LOOK:"; "Q:" and "A:" are left alone
// (PolNeAR annotates the lines of some interviews and not others).
func (d *doc) transcriptLines(qs []cand) []cand {
	var add []cand
	for ls := 0; ls < len(d.text); {
		le := strings.IndexByte(d.text[ls:], '\n')
		if le < 0 {
			le = len(d.text)
		} else {
			le += ls
		}
		if q, ok := d.transcriptLine(ls, le); ok {
			add = append(add, q)
		}
		ls = le + 1
	}
	if len(add) == 0 {
		return qs
	}
	kept := qs[:0]
	for _, q := range qs {
		inside := false
		for _, a := range add {
			if q.s < a.e && a.s < q.e {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, q)
		}
	}
	return append(kept, add...)
}

// transcriptLine recognises the line [ls, le) as a transcript line
// (transcriptLines).
func (d *doc) transcriptLine(ls, le int) (cand, bool) {
	k := d.tokAt(ls)
	// A transcript quoted as a block opens each line with a quote mark
	// that never closes ("\"WALLACE: Let's start …"): the label and the
	// words after it are in the region that mark opens, which the line's
	// content is not.
	lead := -1
	if k+1 < len(d.toks) && d.toks[k].End <= le && (d.toks[k].Text == `"` || d.toks[k].Text == "“") && d.tokReg[k+1] >= 0 && d.regs[d.tokReg[k+1]].s == d.toks[k].Start && !d.regs[d.tokReg[k+1]].closed {
		lead = int(d.tokReg[k+1])
		k++
	}
	a := k
	for k < len(d.toks) && k < a+3 && d.toks[k].End <= le && d.toks[k].Text != ":" {
		if t := d.toks[k].Text; len(t) < 2 || !isUpperASCII(t) || !isCap(t) || d.tokReg[k] >= 0 && int(d.tokReg[k]) != lead {
			return cand{}, false
		}
		k++
	}
	if k == a || k+3 >= len(d.toks) || d.toks[k].Text != ":" || d.toks[k+3].End > le {
		return cand{}, false
	}
	for m := a; m < k; m++ {
		if !d.nameInText(d.toks[m].Text) {
			return cand{}, false
		}
	}
	s := d.toks[k+1].Start
	q := cand{s: s, e: d.contentEnd(s, le), inheritFrom: -1, cueTok: k, firstRegion: -1}
	q.cueS, q.cueE = d.toks[k].Start, d.toks[k].End
	q.spkS, q.spkE = d.span(a, k)
	if lead >= 0 {
		q.kind = storyline.Indirect
		for _, r := range d.regs[lead+1:] {
			if r.s >= q.e {
				break
			}
			q.kind = storyline.Partial
		}
		return q, true
	}
	d.takeInRegions(&q)
	return q, true
}

// nameInText reports whether the word w, in capitals, is a name of the
// text: written elsewhere inside a sentence with only its first letter
// in capitals ("said Fallin" for FALLIN), and never in lower case.
func (d *doc) nameInText(w string) bool {
	if len(w) < 3 {
		return false
	}
	low := strings.ToLower(w)
	return containsWord(d.text, w[:1]+low[1:], true) && !containsWord(d.text, low, false)
}

// containsWord reports whether w stands in txt as a word of its own;
// with inSentence, only where it does not open a sentence or a line.
func containsWord(txt, w string, inSentence bool) bool {
	for i := 0; i < len(txt); {
		j := strings.Index(txt[i:], w)
		if j < 0 {
			return false
		}
		j += i
		e := j + len(w)
		if (j == 0 || !isWordByte(txt[j-1])) && (e == len(txt) || !isWordByte(txt[e])) && (!inSentence || midSentence(txt, j)) {
			return true
		}
		i = j + 1
	}
	return false
}

// midSentence reports whether byte j of txt follows a word or a comma
// on its line, not a sentence end, a line break or a quote mark.
func midSentence(txt string, j int) bool {
	k := j - 1
	for k >= 0 && txt[k] == ' ' {
		k--
	}
	if k < 0 || k == j-1 {
		return false
	}
	if txt[k] == '.' {
		// after a short abbreviation in capitals: "Mr. Varga"
		w := k
		for w > 0 && isWordByte(txt[w-1]) {
			w--
		}
		return k-w >= 2 && k-w <= 4 && txt[w] >= 'A' && txt[w] <= 'Z'
	}
	return isWordByte(txt[k]) || txt[k] == ','
}

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// askedClauses adds the question of a sentence opening "Asked whether
// ..., X said ...": the cue is "Asked", the content the question up to
// the comma, and the asker is named only when the clause says so
// ("Asked by the host to respond ...").
func (d *doc) askedClauses(qs []cand) []cand {
	var add []cand
	var cues, mid []int
	for c := range d.tokensOf("Asked") {
		if d.tokReg[c] >= 0 || !d.breakBefore(c) && !(c > 0 && d.flags[c-1]&fConn != 0 && d.breakBefore(c-1)) {
			continue
		}
		cues = append(cues, c)
	}
	for _, w := range []string{"When", "when"} {
		for k := range d.tokensOf(w) {
			// "When asked by a reporter whether ..., Trump said", "And
			// when asked ...,"
			if c := k + 1; c < len(d.toks) && d.tokReg[c] < 0 && askedWords[d.lower(c)] {
				if d.breakBefore(k) || k > 0 && d.flags[k-1]&fConn != 0 && d.breakBefore(k-1) {
					cues = append(cues, c)
				} else if w == "when" && d.tokReg[k] < 0 && k > 0 && d.toks[k-1].Text != "," {
					// "Lind said when asked about the strike."
					mid = append(mid, c)
					cues = append(cues, c)
				}
			}
		}
	}
	for _, c := range cues {
		_, sb := d.sentBounds(c)
		p := c + 1
		q := cand{spkS: -1, inheritFrom: -1, cueTok: c, firstRegion: -1}
		if p < sb && d.lower(p) == "by" {
			if s, e, ok := d.npRight(p+1, sb); ok {
				q.spkS, q.spkE = d.span(s, e)
				p = e
			}
		}
		k := p
		for k < sb && k < p+40 && d.toks[k].Text != "," {
			k++
		}
		if k >= sb && slices.Contains(mid, c) && k-p >= 2 && (!d.adjunctAt(p) || d.lower(p) == "about") {
			// "Lind said when asked about the strike.": the question
			// runs to the end of the sentence
			k = sb - 1
		} else if k >= sb || k-p < 2 || d.toks[k].Text != "," {
			continue
		}
		end := d.toks[k].Start
		if isWordTok(d.lower(k)) {
			end = d.toks[k].End // (no full stop)
		}
		q.s, q.e = d.toks[p].Start, d.contentEnd(d.toks[p].Start, end)
		q.cueS, q.cueE = d.toks[c].Start, d.toks[c].End
		d.takeInRegions(&q)
		if overlapsAny(qs, q) {
			continue
		}
		add = append(add, q)
	}
	return append(qs, add...)
}

// takeInRegions stretches a reported clause over every quoted region it
// overlaps and sets its kind: quoted words inside make it partial.
func (d *doc) takeInRegions(q *cand) {
	hasQ := false
	// regions are sorted and never overlap: start at the first that ends
	// after q starts, stop at the first that starts after it ends
	k := sort.Search(len(d.regs), func(i int) bool { return d.regs[i].e > q.s })
	for _, r := range d.regs[k:] {
		if r.s >= q.e {
			break
		}
		if q.s < r.e {
			hasQ = true
			q.s, q.e = min(q.s, r.s), max(q.e, r.e)
		}
	}
	q.kind = d.kindOf(q.s, q.e, hasQ)
}

// pollWords name the sources of "In a Coastline Daily poll released Monday, ...".
var pollWords = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true}

// pollClauses adds the findings of a sentence opening "In a ... poll
// ..., X": the cue is "In", the poll its source, the rest of the
// sentence the content.
func (d *doc) pollClauses(qs []cand) []cand {
	var add []cand
	for c := range d.tokensOf("In") {
		if c+2 >= len(d.toks) {
			break
		}
		if d.tokReg[c] >= 0 || !d.breakBefore(c) {
			continue
		}
		_, sb := d.sentBounds(c)
		k, poll := c+1, false
		for k < sb && k < c+16 && d.toks[k].Text != "," && d.tokReg[k] < 0 {
			poll = poll || pollWords[d.lower(k)]
			k++
		}
		if !poll || k+3 >= sb || d.toks[k].Text != "," {
			continue
		}
		q := cand{inheritFrom: -1, cueTok: c, firstRegion: -1}
		q.cueS, q.cueE = d.toks[c].Start, d.toks[c].End
		q.spkS, q.spkE = d.span(c+1, k)
		q.s = d.toks[k+1].Start
		q.e = d.contentEnd(q.s, d.toks[sb-1].End)
		d.takeInRegions(&q)
		if overlapsAny(qs, q) {
			continue
		}
		add = append(add, q)
	}
	return append(qs, add...)
}

// noThat reports whether tokens [a, b) hold no "that" and no other cue
// of speech: nothing that opens a reported clause of its own.
func (d *doc) noThat(a, b int) bool {
	if b-a > 30 {
		return false
	}
	for k := a; k < b; k++ {
		if d.lower(k) == "that" || d.tokReg[k] >= 0 || d.flags[k]&fSpeech != 0 {
			return false
		}
	}
	return true
}

// gapDirect reports whether the tokens after a cue ending at token ce,
// up to token tp right before a quotation, leave the quotation the cue's
// direct object: nothing but a comma, colon or dash ("said: “...”"), or
// a short adjunct closed by a comma or colon ("he told reporters in
// Nashua last week, “...”", "he said in a statement: “...”").
func (d *doc) gapDirect(ce, tp int) bool {
	if d.putIt(ce) {
		ce++ // "as the Review put it in a long profile, “…”"
	}
	direct := true
	for g := ce + 1; g <= tp; g++ {
		if !gapOK[d.lower(g)] {
			direct = false
			break
		}
	}
	if !direct && tp-ce <= 14 && (d.toks[tp].Text == "," || d.toks[tp].Text == ":") {
		direct = true
		for g := ce + 1; g < tp; g++ {
			if w := d.lower(g); w == "that" || d.toks[tp].Text == "," && (d.verbish(g) || d.isCue(g, cueRate) && d.flags[g]&fSpeech != 0) {
				return false
			}
		}
		if d.toks[tp].Text == "," && tp-ce > 5 && tp+1 < len(d.toks) && d.tokReg[tp+1] >= 0 && d.lower(ce) != "according" && !(ce > 0 && d.lower(ce-1) == "according") {
			// "said the group might run ads against Mr. Cruz,
			// ''depending on how ...''": quoted words in lower case
			// after a long clause go on with it
			if r := d.regs[d.tokReg[tp+1]]; startsLower(d.text[r.s:r.e]) {
				return false
			}
		}
	}
	return direct
}

// speakerOf fills the speaker phrase of the cue at token c, searching no
// further left than token lo. A phrase of time is never a speaker: one
// that opens the phrase before a comma ("On Saturday, Senator Lind") is
// cut off, and one that is all of it ("in Castelmar on Saturday
// afternoon titled") gives way to the clause's subject, or to none.
func (d *doc) speakerOf(a *attr, c, lo int) {
	d.speakerPhrase(a, c, lo)
	if a.spkA < 0 {
		return
	}
	if a.spkA+1 < a.spkB && a.spkA-1 >= lo && d.lower(a.spkA-1) == "in" && isYear(d.toks[a.spkA].Text) {
		a.spkA++ // "In 2017 Castelmar said": the year is the adjunct's
	}
	t0 := a.spkA
	k, timed := a.spkA, false
	for k < a.spkB && d.timeTok(k) {
		timed = timed || d.timeHead(k)
		k++
	}
	switch {
	case !timed:
	case k == a.spkB:
		a.spkA, a.spkB = -1, -1
		if s, e, ok := d.speakerBeforeTime(t0, c, lo); ok {
			a.spkA, a.spkB = s, e
		}
	case d.toks[k].Text == "," && k+1 < a.spkB:
		a.spkA = k + 1
	}
	if a.spkA < 0 {
		return
	}
	if k := a.spkB; k-a.spkA >= 3 && (d.timeHead(k-1) && d.xf[k-1]&sCap == 0 || d.xf[k-1]&xWeekday != 0) {
		// "Judge Ada Lind late Thursday night issued": the phrase of
		// time after the name is the verb's adjunct.
		for k > a.spkA+1 && d.timeTok(k-1) {
			k--
		}
		if k < a.spkB && isCap(d.toks[k-1].Text) && !d.timeTok(k-1) {
			a.spkB = k
		}
	}
	if a.spkA-2 >= lo && a.spkB < c && d.toks[a.spkA-1].Text == "," && d.toks[a.spkB].Text == "," && d.xf[a.spkA]&sLower != 0 && isParticiple(d.lower(a.spkA)) && d.tokReg[a.spkA] < 0 {
		// "An official, speaking on condition of anonymity, said": the
		// participle's phrase is an aside; the phrase before it speaks.
		if s, e, ok := d.npLeft(a.spkA-1, lo); ok && e == a.spkA-1 && d.tokReg[s] < 0 {
			a.spkA, a.spkB = s, e
		}
	}
	if a.spkB == a.spkA+1 && a.spkA-2 >= lo && d.lower(a.spkA-1) == "in" && isNumberWord(d.toks[a.spkA].Text) && isNumberWord(d.toks[a.spkA-2].Text) {
		// "six in 10 said": the share, not its base
		a.spkA -= 2
	}
	if !d.in(a.spkB-1, yMedium) {
		return
	}
	for m := a.spkB - 3; m >= lo+1 && m >= a.spkA-3; m-- {
		if d.lower(m) != "in" || d.flags[m+1]&fDet == 0 || !isCap(d.toks[m-1].Text) || d.tokReg[m-1] >= 0 {
			continue
		}
		// "Varga in a blog post said": the adjunct of the verb is no
		// part of its speaker.
		if s, e, ok := d.npLeft(m, lo); ok && e == m {
			a.spkA, a.spkB = s, e
		}
		break
	}
}

// mediumNouns are the statements, posts and programmes a speech verb's
// adjunct names ("in a statement", "in a Medium post").
var mediumNouns = map[string]bool{
	"statement": true, "interview": true, "post": true, "tweet": true, "letter": true, "email": true,
	"speech": true, "column": true, "op-ed": true, "memo": true, "release": true, "video": true,
	"podcast": true, "broadcast": true, "message": true, "note": true, "essay": true, "appearance": true,
}

// isNumberWord reports whether x is a numeral or a small number in words.
func isNumberWord(x string) bool {
	if x != "" && x[0] >= '0' && x[0] <= '9' {
		return true
	}
	if len(x) < 3 || len(x) > 5 {
		return false
	}
	// (EqualFold: a capitalised token costs no lower-cased copy)
	for _, w := range numberNames {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// numberNames are the numbers isNumberWord reads in words.
var numberNames = [...]string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// speakerBeforeTime finds the speaker of the cue at token c when the
// phrase before it is one of time starting at token t, searching no
// further left than token lo: a relative pronoun or head before the time,
// the clause's subject, the phrase the time follows, or the subject of
// the last verb before it.
func (d *doc) speakerBeforeTime(t, c, lo int) (int, int, bool) {
	sa, _ := d.sentBounds(c)
	lo = max(sa, lo)
	if s, e, ok := d.relativeBeforeTime(t, lo); ok {
		return s, e, true
	}
	if s, e, ok := d.clauseSubject(lo, c); ok && e <= c && !d.timeHead(s) {
		return s, e, true
	}
	if s, e, ok := d.phraseBeforeTime(lo, t); ok {
		return s, e, true
	}
	// "The union, which opposes the merger, launched an ad on Saturday
	// titled": the subject of the last verb before it.
	for v := t - 1; v > lo && v >= t-30; v-- {
		if d.tokReg[v] >= 0 || !d.verbish(v) {
			continue
		}
		if s, e, ok := d.npLeft(v, lo); ok && d.tokReg[s] < 0 && !d.timeHead(s) {
			return s, e, true
		}
		if d.toks[v-1].Text != "," {
			return 0, 0, false
		}
		// (past a relative clause set off by commas)
		for m := v - 2; m > lo && m >= v-20; m-- {
			if d.toks[m].Text != "," {
				continue
			}
			if w := d.lower(m + 1); w == "which" || w == "who" {
				if s, e, ok := d.npLeft(m, lo); ok && e == m && d.tokReg[s] < 0 && !d.timeHead(s) {
					return s, e, true
				}
			}
			return 0, 0, false
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// accordingTo finds the source phrase of "according to" starting at
// token j, before token hi: a document goes on to its author ("a report
// from the Harbour Institute", "interviews with a dozen delegates",
// "an analysis by the board").
func (d *doc) accordingTo(j, hi int) (int, int, bool) {
	s, e, ok := d.npRight(j, hi)
	if !ok || e+1 >= hi || d.xf[e-1]&sLower == 0 {
		return s, e, ok
	}
	if w := d.lower(e); w == "from" || w == "by" || w == "with" {
		if _, e2, ok := d.npRight(e+1, hi); ok {
			return s, e2, true
		}
	}
	return s, e, true
}

// relativeBeforeTime finds the speaker of a relative clause whose verb
// follows a phrase of time starting at token t, searching no further left
// than token lo: "Ryan, who just a week ago surprised" gives "who", as
// relativeBefore does; "a government that only three weeks ago was
// accusing" the phrase before "that".
func (d *doc) relativeBeforeTime(t, lo int) (int, int, bool) {
	m := t - 1
	for m > lo && (d.timeTok(m) && d.lower(m) != "that" || d.xf[m]&sLy != 0) {
		m--
	}
	if m <= lo || d.tokReg[m] >= 0 {
		return 0, 0, false
	}
	switch d.lower(m) {
	case "who", "which":
		if d.toks[m-1].Text == "," {
			return m, m + 1, true
		}
	case "that":
		if s, e, ok := d.npLeft(m, lo); ok && e == m && !d.timeHead(s) && d.flags[m-1]&fSpeech == 0 {
			return s, e, true
		}
	}
	return 0, 0, false
}

// phraseBeforeTime finds the subject phrase that opens the clause at
// token sa and runs up to the phrase of time at token t, or ends in a
// preposition before it ("A poll out this week shows", "a victory in
// California later that night could ratify"): a determiner or a
// capitalised word, then words with no verb.
func (d *doc) phraseBeforeTime(sa, t int) (int, int, bool) {
	s := d.clauseBegin(sa, t)
	if s >= t || d.tokReg[s] >= 0 || !(d.flags[s]&fDet != 0 || isCap(d.toks[s].Text)) || d.timeHead(s) {
		return 0, 0, false
	}
	e := t
	for e > s && (d.timeTok(e-1) || d.xf[e-1]&xPrep != 0 || d.lower(e-1) == "out") {
		e--
	}
	if e-s < 1 || e-s > 10 {
		return 0, 0, false
	}
	for m := s + 1; m < e; m++ {
		if d.tokReg[m] >= 0 || d.verbish(m) || d.flags[m]&fAux != 0 || !(d.npTokOK(m) || d.xf[m]&xPrep != 0 || cuePreps[d.lower(m)]) {
			return 0, 0, false
		}
	}
	return s, e, true
}

// passiveAsked reports whether the cue at token c is a passive "asked"
// ("was asked", "had been questioned").
func (d *doc) passiveAsked(c int) bool {
	return c > 0 && askedWords[d.lower(c)] && beForms[d.lower(c-1)]
}

// timeTok reports whether token i is a word of a phrase of time: a
// timeHead, "last", "early", "the", "of" or a number.
func (d *doc) timeTok(i int) bool {
	if d.timeHead(i) || d.in(i, yTimeDet|yTimeCount) {
		return true
	}
	t := d.toks[i].Text
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

// timeCounts count and bound the units of a phrase of time ("less than
// two weeks ago", "just a few days later", "early in the week").
var timeCounts = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "few": true, "several": true, "some": true, "many": true,
	"less": true, "more": true, "than": true, "just": true, "only": true, "nearly": true, "about": true,
	"early": true, "late": true, "mid": true, "of": true, "the": true, "a": true, "an": true,
}

// timeHead reports whether token i is a weekday, a month or a word such
// as "afternoon", "weeks" or "yesterday", the head of a phrase of time.
func (d *doc) timeHead(i int) bool {
	if d.xf[i]&sCap != 0 {
		// ("The Times", "Financial Times": a name)
		return d.xf[i]&xWeekday != 0 || d.in(i, yMonth)
	}
	return d.xf[i]&(xWeekday|xTime) != 0 || d.in(i, yMonth) && d.lower(i) != "may" && d.lower(i) != "march"
}

// speakerPhrase is speakerOf before its check for phrases of time.
func (d *doc) speakerPhrase(a *attr, c, lo int) {
	if x := d.lower(c); (x == "out" || x == "up") && c-1 > lo && isLowerWord(d.toks[c-1].Text) && d.flags[c-1]&(fStop|fAux|fPron|fDet) == 0 {
		c-- // "points out", "spelled out": the verb's subject
	}
	w := d.lower(c)
	if k := d.relativeBefore(c, lo); k >= 0 {
		// "his own supporters, who are offering", "Sanders, who has
		// long opposed": the relative pronoun, which resolution takes
		// back to the phrase before it.
		a.spkA, a.spkB = k, k+1
		a.subject = isParticiple(w)
		return
	}
	switch {
	case w == "according":
		sa, sb := d.sentBounds(c)
		_ = sa
		if s, e, ok := d.accordingTo(c+2, sb); ok {
			a.spkA, a.spkB = s, e
		}
		return
	case isParticiple(w):
		a.subject = true
		sa, sb := d.sentBounds(c)
		if c-1 == sa && (clauseOpeners[d.lower(c-1)] || d.lower(c-1) == "in" || d.lower(c-1) == "by" || d.lower(c-1) == "without" || d.lower(c-1) == "upon") {
			// "After thanking the crowd, Meyer said": the subject of
			// the main clause, after the comma.
			for k := c + 1; k < sb && k < c+30; k++ {
				if d.toks[k].Text == "," {
					if s, e, ok := d.subjectAt(k+1, sb); ok {
						a.spkA, a.spkB = s, e
					}
					return
				}
			}
			return
		}
		if c-2 >= sa && d.toks[c-1].Text == "," {
			// "“…,” he said in an interview, adding", "a charge that
			// the leaders denied, noting": the subject of the speech
			// (or cue) verb before the comma.
			for v := c - 2; v >= sa && v >= c-8; v-- {
				if d.toks[v].Text == "," || d.tokReg[v] >= 0 {
					break
				}
				if (d.flags[v]&fSpeech != 0 || d.verbish(v) && d.isCue(v, cueRate)) && !isParticiple(d.lower(v)) {
					if s, e, ok := d.npLeft(v, sa); ok && e == v && d.tokReg[s] < 0 {
						a.spkA, a.spkB = s, e
						a.ownVerb = true
						return
					}
					break
				}
			}
		}
		// "a sign saying", "the share of Republicans saying": the phrase
		// right before the participle.
		if c-1 >= lo && d.toks[c-1].Text != "," {
			if s, _, ok := d.npLeft(c, max(lo, sa)); ok && d.timeTok(s) {
				// "a government that only three weeks ago was accusing"
				if s2, e2, ok := d.relativeBeforeTime(s, max(lo, sa)); ok {
					a.spkA, a.spkB = s2, e2
					return
				}
			}
			// (not the object of a verb: "Mackler issued a statement
			// saying": the clause's subject)
			if s, e, ok := d.npLeft(c, max(lo, sa)); ok && !d.adjunctPhrase(s, e) && !d.in(e-1, yCatenative) && !(s-1 >= sa && d.lower(s-1) == "to") {
				if v, ok := d.objectOf(s, sa); ok {
					// "Rubio's campaign sent out a press release
					// saying": the subject of the verb.
					if s2, e2, ok := d.npLeft(v, sa); ok && d.tokReg[s2] < 0 {
						a.spkA, a.spkB = s2, e2
						return
					}
				} else {
					a.spkA, a.spkB = s, e
					return
				}
			}
		}
		// The subject of the clause.
		if s, e, ok := d.clauseSubject(sa, c); ok {
			a.spkA, a.spkB = s, e
			return
		}
		for v := max(sa+1, c-40); v < c; v++ {
			if d.tokReg[v] >= 0 || !d.verbish(v) {
				continue
			}
			if s, e, ok := d.npLeft(v, sa); ok && d.tokReg[s] < 0 {
				a.spkA, a.spkB = s, e
				return
			}
		}
		return
	}
	if v := d.lightVerb(c, lo); v >= 0 {
		// "Biden took aim at", "Sanders has made clear", "Trump made
		// no mention of": the subject of the verb before the cue's
		// object.
		if s, e, ok := d.npLeft(v, lo); ok {
			if s2, e2, ok := d.pastAdjunct(s, lo); ok {
				s, e = s2, e2
			}
			a.spkA, a.spkB = s, e
			return
		}
	}
	if s, e, ok := d.npLeft(c, lo); ok {
		if s2, e2, ok := d.objectBeforePrep(c, s, lo); ok {
			// "They can't make the same case about", "he spoke to
			// the Gazette about": the phrase before a preposition cue is
			// the object of a verb, whose subject speaks.
			a.spkA, a.spkB = s2, e2
			return
		}
		if s2, ok := d.relativeHead(s, lo); ok {
			// "a White House official who spoke anonymously to
			// discuss internal strategy said": the phrase the relative
			// clause belongs to, not the object at its end.
			a.spkA, a.spkB = s2, e
			return
		}
		if s-2 >= lo && d.in(s-1, yPhraseJoin) && !d.verbish(s-2) && d.flags[s-2]&(fAux|fStop|fPron) == 0 {
			// "Six in 10 Republicans said", "Republicans in the
			// audience shouted": the phrase before the preposition is
			// the head of the subject.
			if s2, e2, ok := d.npLeft(s-1, lo); ok && e2 == s-1 {
				s = s2
			}
		}
		if s2, e2, ok := d.pastAdjunct(s, lo); ok {
			// "allies have in the past said", "who in two earlier
			// opinions had made clear"
			a.spkA, a.spkB = s2, e2
			return
		}
		if d.in(e-1, yTimeHead|yTimeWord) && !(e-1 > s && d.xf[e-1]&sCap != 0) {
			// "Trump in recent weeks has hired", "who just a week ago
			// surprised": a phrase of time is no subject; the clause's is.
			// (A capitalised time word inside a phrase ends a name: "The
			// New York Times wrote".)
			sa, _ := d.sentBounds(c)
			if s2, e2, ok := d.relativeBeforeTime(s, max(sa, lo)); ok {
				a.spkA, a.spkB = s2, e2
				return
			}
			if s2, e2, ok := d.clauseSubject(max(sa, lo), s); ok && e2 <= s {
				a.spkA, a.spkB = s2, e2
				return
			}
			if s-1 > max(sa, lo) && d.toks[s-1].Text == "," {
				// "Trump, whose views have upset his party, last
				// year proposed": the phrase before the comma.
				if s2, e2, ok := d.npLeft(s, max(sa, lo)); ok && e2 <= s {
					a.spkA, a.spkB = s2, e2
					return
				}
			}
			k := s
			for k-1 > max(sa, lo) && d.in(k-1, yTimeDet) {
				k--
			}
			if k < s {
				// "The Republican National Committee this week
				// announced": the phrase before "this week".
				if s2, e2, ok := d.npLeft(k, max(sa, lo)); ok && e2 == k {
					a.spkA, a.spkB = s2, e2
					return
				}
				if v := k - 1; v > max(sa, lo) && d.xf[v]&sLower != 0 && strings.HasSuffix(d.lower(v), "ed") {
					// "A poll released this week found": the phrase
					// the participle and its time belong to.
					if s2, e2, ok := d.npLeft(v, max(sa, lo)); ok && e2 == v {
						a.spkA, a.spkB = s2, e2
						return
					}
				}
			}
		}
		if s > lo && isLowerWord(d.toks[s].Text) && d.flags[s]&(fPron|fDet) == 0 && d.flags[s-1]&fAux != 0 && isLowerWord(d.toks[s-1].Text) {
			// "The dockers' union has twice complained", "have
			// often noted": words after an auxiliary are no
			// subject; the clause's subject is.
			sa, _ := d.sentBounds(c)
			if s2, e2, ok := d.clauseSubject(max(sa, lo), s-1); ok && e2 <= s-1 {
				a.spkA, a.spkB = s2, e2
			}
			return
		}
		a.spkA, a.spkB = s, e
		return
	}
	// "He went on to say", "O'Malley interjected to say": the subject of
	// the clause.
	if c-1 >= lo && d.lower(c-1) == "to" && d.flags[c]&fSpeech != 0 {
		sa, _ := d.sentBounds(c)
		if s, e, ok := d.infinitiveSubject(c-1, sa); ok {
			a.spkA, a.spkB = s, e
			a.subject = true
			return
		}
		if s, e, ok := d.clauseSubject(max(sa, lo), c); ok {
			a.spkA, a.spkB = s, e
			a.subject = true
			return
		}
	}
	// "Trump called on her to resign and said, ...": the subject of the
	// clause the cue is coordinated with.
	if j := d.coordAt(c); j >= lo && j >= 0 {
		// ("and has called", "but also warned": coordAt)
		sa, _ := d.sentBounds(c)
		sa = max(sa, lo)
		if v := j - 1; v > sa && d.verbish(v) && d.tokReg[v] < 0 {
			// "When ... was asked ..., he laughed and said": the
			// subject of the verb right before "and".
			if s, e, ok := d.npLeft(v, sa); ok && d.tokReg[s] < 0 {
				a.spkA, a.spkB = s, e
				a.subject = true
				return
			}
		}
		if s, e, ok := d.clauseSubject(sa, c); ok {
			a.spkA, a.spkB = s, e
			a.subject = true
			return
		}
	}
	if s, e, ok := d.setOffSubject(c, lo); ok {
		// "One Club for Growth ad, which is currently airing, argues",
		// "That letter, on Trump Organization letterhead, demanded"
		a.spkA, a.spkB = s, e
		return
	}
	// "said Christie", after a comma, a quotation or at the clause start.
	// (Not a naming verb: in "who had warned against any “miscalculation,”
	// called the accord “…”" the phrase after "called" is its object.)
	if c > 0 && !(d.toks[c-1].Text == "," || d.tokReg[c-1] >= 0 || d.breakBefore(c)) || d.in(c, yNaming) && !d.breakBefore(c) {
		return
	}
	sa, sb := d.sentBounds(c)
	ce := d.cueSpanEndTok(c) + 1
	s, e, ok := d.npRightAdj(ce, sb, d.flags[c]&fSpeech != 0)
	if ok && c > 0 && d.tokReg[c-1] >= 0 && e < sb && finiteAux(d.lower(e)) {
		// "Lind, citing “the magic of the harbour,” said the port
		// could …": the phrase is the subject of the reported clause;
		// the sentence's subject speaks.
		if s2, e2, ok := d.subjectAt(max(sa, lo), c); ok && e2 < c && d.toks[e2].Text == "," && isParticiple(d.lower(e2+1)) {
			a.spkA, a.spkB = s2, e2
		}
		return
	}
	if ok && c > 0 && e+1 < sb && d.in(e, yPhraseJoin) && d.lower(e) != "with" && d.toks[c-1].Text == "," {
		// "..., said a spokesman for the port.": the phrase after the
		// preposition belongs to the speaker's
		if _, e2, ok := d.npRight(e+1, sb); ok && (e2 >= sb || !isWordTok(d.lower(e2))) {
			e = e2
		}
	}
	if ok && (isCap(d.toks[s].Text) || d.xf[s]&xDeterminer != 0 && (d.flags[c]&fSpeech != 0 && !(c > 0 && d.toks[c-1].Text == "," && e < sb && isWordTok(d.lower(e))) || e >= sb || !isWordTok(d.lower(e))) || d.xf[s]&xPronoun != 0 && e < sb && (d.toks[e].Text == "." || d.toks[e].Text == ",")) {
		// (a phrase with a determiner after a verb that is no speech
		// verb is its object: "repeated her objection")
		a.spkA, a.spkB = s, e
	}
}

// objectControl are verbs whose object is the subject of the infinitive
// after it ("allowed both sides to claim", "urged Varga to say").
var objectControl = map[string]bool{
	"allowed": true, "allow": true, "allows": true, "allowing": true, "let": true, "lets": true,
	"urged": true, "urge": true, "urges": true, "urging": true, "asked": true, "ask": true, "asks": true, "asking": true,
	"forced": true, "force": true, "forces": true, "encouraged": true, "encourage": true, "encourages": true,
	"invited": true, "invite": true, "invites": true, "enabled": true, "enable": true, "enables": true,
	"pressed": true, "pushed": true, "prompted": true, "persuaded": true, "convinced": true,
	"told": true, "tell": true, "tells": true, "expected": true, "wanted": true, "want": true, "wants": true,
	"led": true, "lead": true, "leads": true, "leading": true, "left": true, "leave": true, "leaves": true, "leaving": true,
	"caused": true, "cause": true, "causes": true, "spurred": true, "inspired": true, "challenged": true,
}

// infinitiveSubject finds the subject of the verb that the "to" at token
// t follows, searching no further left than token sa: "The union's letter
// goes on to say", "Lind went so far as to say", "Mr. Varga was prompted
// to say", "Varga, who signed the dock rules, interjected to say".
func (d *doc) infinitiveSubject(t, sa int) (int, int, bool) {
	if s, e, ok := d.npLeft(t, sa); ok && e == t && s-1 >= sa && objectControl[d.lower(s-1)] && d.tokReg[s] < 0 {
		// "a formula that allowed both sides to claim", "urged Varga
		// to say": the object of the verb before it speaks.
		return s, e, true
	}
	for u := t - 1; u > sa && u >= t-5; u-- {
		if d.tokReg[u] >= 0 || d.xf[u]&sLower == 0 {
			return 0, 0, false
		}
		w := d.lower(u)
		if d.verbish(u) || d.in(u, yPastIrregular) || w == "went" || w == "goes" || w == "go" || w == "have" {
			s, e, ok := d.npLeft(u, sa)
			if !ok || d.tokReg[s] >= 0 || e > u {
				return 0, 0, false
			}
			if s-2 >= sa && d.in(s-1, yPhraseJoin) && d.flags[s-2]&(fAux|fStop|fPron) == 0 && !d.verbish(s-2) {
				// "a paper from the Castelmar Institute had this to
				// say": the phrase before the preposition heads it
				if s2, e2, ok := d.npLeft(s-1, sa); ok && e2 == s-1 && d.tokReg[s2] < 0 {
					s = s2
				}
			} else if s-1 >= sa && (d.xf[s-1]&xPrep != 0 || d.lower(s-1) == "to" || d.lower(s-1) == "by") {
				// "she and other councillors on the panel refused to
				// say": a phrase after a preposition is no subject
				return 0, 0, false
			}
			return s, e, true
		}
		if d.flags[u]&(fStop|fAux) == 0 && d.xf[u]&xNpAdverb == 0 && w != "far" && w != "this" && w != "that" {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// objectBeforePrep finds the subject of the verb whose object (or
// prepositional object) is the phrase starting at token s before the
// preposition cue at token c, searching no further left than token lo.
func (d *doc) objectBeforePrep(c, s, lo int) (int, int, bool) {
	if !cuePreps[d.lower(c)] || s-1 < lo {
		return 0, 0, false
	}
	v := s - 1
	if v-1 >= lo && (d.xf[v]&xPrep != 0 || d.lower(v) == "to" || d.lower(v) == "before") && isLowerWord(d.toks[v].Text) {
		v-- // "spoke to the Gazette about", "testify before the board about"
	}
	if d.tokReg[v] >= 0 {
		return 0, 0, false
	}
	if _, ok := d.objectOf(v+1, lo); !ok {
		// a plain verb after an auxiliary or "to": "can't make",
		// "will testify", "to deliver"
		if v-1 < lo || d.xf[v]&sLower == 0 || d.flags[v]&(fStop|fDet|fPron|fAux) != 0 || d.xf[v]&xPrep != 0 {
			return 0, 0, false
		}
		switch p := d.lower(v - 1); {
		case p == "to":
			// the subject of the finite verb the infinitive follows
			sa, _ := d.sentBounds(c)
			for u := v - 2; u > max(sa, lo) && u > v-12; u-- {
				if d.tokReg[u] >= 0 || d.toks[u].Text == "," {
					break
				}
				if _, ok := d.objectOf(u+1, lo); ok {
					if s2, e2, ok := d.npLeft(u, max(sa, lo)); ok && d.tokReg[s2] < 0 && e2 == u {
						return s2, e2, true
					}
					break
				}
			}
			return 0, 0, false
		case d.flags[v-1]&fAux != 0 || p == "n't" || p == "n’t" || p == "not":
		default:
			return 0, 0, false
		}
	}
	if v-2 >= lo && (d.lower(v-1) == "n't" || d.lower(v-1) == "n’t") && (d.lower(v-2) == "ca" || d.lower(v-2) == "wo") {
		v -= 2 // "ca|n't make", "wo|n't give"
	}
	s2, e2, ok := d.npLeft(v, lo)
	if !ok || d.tokReg[s2] >= 0 || d.verbish(e2-1) {
		return 0, 0, false
	}
	return s2, e2, true
}

// isVerbish guesses whether a lower-case word is a finite verb: a past
// tense or third person form.
func (d *doc) verbish(i int) bool {
	return d.xf[i]&sLower != 0 && isVerbish(d.lower(i)) // (sLower: isLowerWord of the text)
}

// isVerbish is verbish for a lower-case word.
func isVerbish(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "was" || w == "is" || w == "has" || w == "had" || w == "told" || w == "said" || w == "says"
}

// extract runs the passes: quotations in quote marks and their
// attributions, then cue-anchored reported speech.
func (d *doc) extract() []cand {
	out := d.buf.quotes[:0] // (Extract gives the array back when it is done)
	if cap(out) == 0 {
		out = make([]cand, 0, 16)
	}
	lastTok := -1 // last token covered by an accepted quote or attribution
	lastPara := -1
	for ri := 0; ri < len(d.regs); ri++ {
		r := d.regs[ri]
		if r.s < d.endByte(lastTok) || d.titleLike(r) {
			continue
		}
		lo := lastTok + 1
		af := d.after(r)
		signed := -1
		if af.cue < 0 {
			// “A.” And “B.” ― Maria Santos: the name signs the paragraph
			signed, af = d.signedBy(ri)
		}
		bf := d.before(r, lo)
		endsComma := d.regEndsComma(r)
		var use attr
		switch {
		case af.cue >= 0 && (endsComma || bf.cue < 0 || bf.partialAt >= 0 && af.spkA >= 0):
			use = af
		case bf.cue >= 0 && !(d.embedded(r) && bf.partialAt < 0 && (d.flags[bf.cue]&fSpeech == 0 && !d.putIt(bf.cue) || d.in(bf.cue, yNaming))):
			use = bf
		default:
			use = noAttr()
		}
		accCue := -1
		if use.cue >= 0 && use.cue == af.cue && d.lower(use.cue) != "according" {
			if k, _, e, ok := d.accordingAfter(use.end, r.e); ok {
				// “...,” Hewitt said, according to a transcript of the
				// show: the attribution runs on to the end of the
				// outer source, which is no quotation of its own.
				// (PolNeAR names the transcript as the source; we keep
				// Hewitt, who said it.)
				accCue = k + 1
				use.end = e
				af.end = e
			}
		}
		c := cand{s: r.s, e: r.e, spkS: -1, cueS: -1, inheritFrom: -1, cueTok: use.cue, firstRegion: ri, fromRegion: true}
		if signed > ri && use.cue == af.cue {
			c.e = d.regs[signed].e
		}
		if use.cue >= 0 && use.cue == af.cue && !(bf.cue >= 0 && bf.partialAt < 0 && bf.cue == d.tokAt(r.s)-1 && d.flags[bf.cue]&fSpeech != 0 && !startsLower(d.text[r.s:r.e])) {
			// Words of the reported clause before the quote marks make it
			// partial: Teachers “get why the union endorsed her,” she said.
			// (Not a speech verb right before the marks, the quotation's
			// own cue: Varga said “…,” she said.)
			c.s = d.clauseStart(r, lo)
			if af.extendTo >= 0 {
				c.e = d.contentEnd(c.s, d.toks[af.extendTo].Start)
			}
		}
		lastRi := ri
		if use.cue >= 0 {
			c.cueS, c.cueE = d.cueSpan(use.cue)
			if use.spkA >= 0 {
				c.spkS, c.spkE = d.span(use.spkA, use.spkB)
			}
			c.accTok = accCue
			c.participleOf = use.subject
			if use.spkA < 0 && use.cue > 0 && d.coordAt(use.cue) >= 0 && len(out) > 0 {
				// "X said that A and called for “B”": coordinated verbs
				// share the subject, the speaker of the clause before.
				if p := out[len(out)-1]; p.spkS >= 0 && p.cueTok >= 0 && d.tokSent[p.cueTok] == d.tokSent[use.cue] {
					c.spkS, c.spkE = p.spkS, p.spkE
				}
			}
			if use.subject && use.spkA < 0 && len(out) > 0 {
				p := out[len(out)-1]
				if p.spkS >= 0 && !d.newlineBetween(p.e, r.s) {
					c.spkS, c.spkE = p.spkS, p.spkE
				}
			}
			if use.partialAt >= 0 {
				ps := d.toks[use.partialAt].Start
				sa, sb := d.sentBounds(use.partialAt)
				// the clause runs to the sentence end, or to a second
				// attribution after the quote ("... “too high” for
				// Trump, while Cruz said that ...")
				end := d.secondAttribution(use.partialAt, d.tokAt(r.e), sa, sb, d.toks[sb-1].End)
				if t := d.tokAt(r.e); d.participleLeadIn(r, t) || t < sb && isParticiple(d.lower(use.cue)) && d.ownVerbAfter(r, t) {
					// X told Y that Z “A,” adding, “B.”: the clause ends
					// at A; the participle leads in to a quote of its own.
					// (Varga, calling the plan “a disgrace,” said …: the
					// participle's clause ends at the quotation)
					end = r.e
				}
				if use.spkA-1 > sa && (d.lower(use.spkA-1) == "which" || d.lower(use.spkA-1) == "whom") && d.toks[use.spkA-2].Text == "," || use.spkA > sa && use.spkB == use.spkA+1 && d.lower(use.spkA) == "who" && d.toks[use.spkA-1].Text == "," {
					// "The tax, which Trump called a “disaster”, was
					// repealed", "Haldorsen, who had warned against
					// any “miscalculation,” called …": the relative
					// clause ends where the main clause resumes.
					if t := d.tokAt(r.e); d.regEndsComma(r) && t < sb && d.resumes(t) {
						end = r.e // (the comma inside the marks: “disaster,” was)
					} else {
						end = d.relativeEnd(t-1, sb, end)
					}
				}
				e := max(r.e, d.contentEnd(ps, end))
				c.s, c.e = ps, e
			}
			if use.cue == bf.cue && bf.partialAt < 0 && !d.in(use.cue, yNaming) {
				// he said "the next president" should choose: the
				// sentence goes on with the reported clause.
				t := d.tokAt(r.e)
				if t < len(d.toks) && !d.breakBefore(t) && d.tokReg[t] < 0 && d.toks[t].Text != "," && !(d.regEndsComma(r) && strings.HasSuffix(d.lower(t), "ing")) && !d.participleLeadIn(r, t) && !d.ownVerbAfter(r, t) && !d.regEndsExclaim(r) {
					if a2 := d.after(r); a2.cue < 0 {
						_, sb := d.sentBounds(t)
						for k := t; k < sb && k < t+200; k++ {
							if d.breakBefore(k) && k > t {
								sb = k
								break
							}
						}
						sa, _ := d.sentBounds(t)
						end := d.secondAttribution(max(t-1, 0), t, sa, sb, d.toks[sb-1].End)
						c.e = max(c.e, d.contentEnd(c.s, end))
					}
				}
			}
			if use.cue == af.cue && use.cue >= 0 {
				// “A,” he said, “B.”: one quote from A to B.
				end := use.end
				for lastRi+1 < len(d.regs) {
					k := lastRi + 1
					for k < len(d.regs) && (d.embeddedAt(k) || d.titleLike(d.regs[k])) && !d.bridge(end, d.regs[k]) {
						k++
					}
					if k >= len(d.regs) {
						break
					}
					r2 := d.regs[k]
					if !d.bridge(end, r2) {
						break
					}
					lastRi = k - 1
					if a2 := d.after(r2); a2.cue >= 0 {
						break // “B,” she added: an attribution of its own
					}
					c.e = r2.e
					lastRi++
					end = d.tokAt(r2.e)
				}
				if lastRi == ri {
					d.ofTail(&c, use.end)
				}
			}
		} else {
			// No attribution: a paragraph continuing the last quote, a
			// headline quote, or a scare quote (left to the cue pass).
			ps := firstNonSpace(d.text, d.lineStart(r.s), r.s)
			para := d.paraIndex(r.s)
			forward := !r.closed && d.attributedAhead(ri)
			switch {
			case forward && ps == r.s:
				// “A ... ⏎⏎“B,” Dr Brandt said.: the speaker comes at
				// the end of the paragraphs the quote runs over.
				c.openToNext = true
			case ps == r.s && len(out) > 0 && out[len(out)-1].fromRegion && para-lastPara <= 2 && d.regQuoteLike(r) && !d.subhead(r) && !d.namePhrase(r):
				c.inheritFrom = len(out) - 1
				c.spkS, c.spkE = out[len(out)-1].spkS, out[len(out)-1].spkE
				// PolNeAR's convention, like “A,” he said, “B.”: the
				// continuing paragraph extends the quote it continues.
				{
					out[len(out)-1].e = r.e
					lastTok = d.tokAt(r.e) - 1
					lastPara = d.paraIndex(r.e)
					continue
				}
			case ps == r.s && d.regQuoteLike(r) && (strings.Count(d.text[r.s:r.e], " ") >= 6) && d.cueBefore(d.tokAt(r.s)):
				// a quote standing alone as a paragraph after a sentence
				// that reports speech ("Trump speculated that the men
				// ... ⏎⏎“Syrians are now being caught ...”); PolNeAR
				// leaves most other lone quotations (slogans, tweets,
				// headlines) unattributed
			case r.closed && ps != r.s && d.loneSentence(r) && d.regQuoteLike(r) && d.cueBefore(d.tokAt(r.s)):
				// a quoted sentence of its own after a sentence that
				// reports speech ("…,” Cole said. “That’s exactly …”):
				// mergeLone joins it to the quote of that sentence
				c.lone = true
			case r.closed && ps != r.s && d.tailQuote(r):
				// a sentence with no cue of its own that ends in quoted
				// words, after a sentence that reports speech ("…,” she
				// says. It's “this new journalism.”): mergeLone joins it
				// to that sentence's quote, or drops it
				c.lone, c.tail = true, true
			case d.digest(r, &c):
				// "ALL-CAPS HEADLINE “…” [WaPo.]": a news digest line
			default:
				continue
			}
		}
		// Absorb regions inside the span.
		for lastRi+1 < len(d.regs) && (d.regs[lastRi+1].s < c.e || !d.regs[lastRi].closed && c.e == d.regs[lastRi].e && d.regs[lastRi+1].s-c.e <= 2 && !d.newlineBetween(c.e, d.regs[lastRi+1].s)) {
			lastRi++
			c.e = max(c.e, d.regs[lastRi].e)
		}
		ri = lastRi
		if use.cue >= 0 && c.spkS >= 0 && c.s == r.s {
			// give the speaker to the paragraphs left open before this one
			for k := len(out) - 1; k >= 0 && out[k].openToNext && out[k].spkS < 0; k-- {
				out[k].spkS, out[k].spkE = c.spkS, c.spkE
				out[k].openToNext = false
			}
		}
		c.kind = d.kindOf(c.s, c.e, true)
		if c.s < d.endByte(lastTok) && !(len(out) > 0 && c.s == out[len(out)-1].s) && c.s != r.s || c.e <= c.s {
			continue
		}
		out = append(out, c)
		lastTok = max(d.tokAt(c.e)-1, use.end-1)
		if c.spkE > 0 {
			lastTok = max(lastTok, d.tokAt(c.spkE)-1)
		}
		lastPara = d.paraIndex(c.e)
	}
	out = d.headline(out)
	out = d.transcriptLines(out)
	out = d.askedClauses(out)
	out = d.pollClauses(out)
	out = d.reported(out)
	out = d.reportedlyClauses(out)
	out = d.titleHeadlines(out)
	d.sortByStart(out)
	// Quotes never overlap: keep the earlier.
	kept := out[:0]
	end := 0
	for _, c := range out {
		if c.s < end || c.e <= c.s {
			continue // (a headline "A: !!!" leaves no content)
		}
		kept = append(kept, c)
		end = c.e
	}
	kept = d.coordinatedVerbs(kept)
	for i := range kept {
		d.prepAfterCue(&kept[i])
		d.infinitiveCue(&kept[i])
		d.relativeOpener(&kept[i])
	}
	// (the lone quoted sentences wait until the clauses are found: the
	// quote they run on may be one)
	var lone []cand
	if slices.ContainsFunc(kept, func(c cand) bool { return c.lone }) {
		n := 0
		for _, c := range kept {
			if c.lone {
				lone = append(lone, c)
			} else {
				kept[n] = c
				n++
			}
		}
		kept = kept[:n]
	}
	if d.clauses != nil {
		kept = d.learnedClauses(kept)
	}
	kept = d.mergeLone(kept, lone)
	d.gapNaming(kept)
	for i := 1; i < len(kept); i++ {
		// "Merkel condemned ''A'' and declared a determination to ''B''",
		// "Clinton supports “A,” opposes “B”": a verb coordinated with
		// the cue of the quote before shares its speaker.
		c, p := &kept[i], kept[i-1]
		if c.spkS >= 0 || c.cueTok <= 0 || p.spkS < 0 || p.cueTok < 0 || p.cueTok >= c.cueTok || d.tokSent[p.cueTok] != d.tokSent[c.cueTok] {
			continue
		}
		if x := d.lower(c.cueTok - 1); x == "and" || x == "but" || x == "," || d.tokReg[c.cueTok-1] >= 0 {
			c.spkS, c.spkE = p.spkS, p.spkE
		}
	}
	return kept
}

// coordinatedVerbs drops from qs the clauses that open with "and" right
// after their cue: "Varga paused and wiped a tear", "the money is not
// approved and the virus spreads" coordinate the cue with what follows,
// which nobody reports. When the clause holds a quotation after a second
// verb ("Lind derided and insulted “the professional left”"), or either
// verb is one of speech ("tweeting and emailing a video"), the content is
// what the second verb takes.
func (d *doc) coordinatedVerbs(qs []cand) []cand {
	out := qs[:0]
	for _, q := range qs {
		t := d.tokAt(q.s)
		if q.cueS < 0 || q.kind == storyline.Direct || t >= len(d.toks) || d.lower(t) != "and" || d.tokAt(q.cueE) != t {
			out = append(out, q)
			continue
		}
		if t+2 < d.tokAt(q.e) && d.verbish(t+1) && d.tokReg[t+1] < 0 && (q.kind == storyline.Partial || d.flags[t+1]&fSpeech != 0 || q.cueTok >= 0 && d.flags[q.cueTok]&fSpeech != 0) {
			q.s = d.toks[t+2].Start
			q.kind = d.kindOf(q.s, q.e, q.kind != storyline.Indirect)
			out = append(out, q)
		}
	}
	return out
}

// ownVerbAfter reports whether the quotation r, closed by a comma inside
// its marks, is followed at token t by a speech verb of the sentence's
// own subject ("Lind, citing “the magic of the harbour,” said the port
// …"): the quotation ends its clause, and the verb reports another.
func (d *doc) ownVerbAfter(r region, t int) bool {
	return d.regEndsComma(r) && d.flags[t]&fSpeech != 0 && !isParticiple(d.lower(t))
}

// participleLeadIn reports whether token c is a speech participle
// standing right after quote region r and right before the next quote
// ("“A,” adding, “B”", "“A,” adding: “B”").
func (d *doc) participleLeadIn(r region, c int) bool {
	if c < 0 || c >= len(d.toks) || c != d.tokAt(r.e) || d.flags[c]&fSpeech == 0 || !isParticiple(d.lower(c)) {
		return false
	}
	k := c + 1
	if k < len(d.toks) && (d.toks[k].Text == "," || d.toks[k].Text == ":") {
		k++
	}
	return k < len(d.toks) && k > c+1 && d.tokReg[k] >= 0 && d.toks[k].Start == d.regs[d.tokReg[k]].s
}

// cuePreps are the prepositions that PolNeAR counts as part of the cue
// when they follow it ("talked about", "commented on", "warned of",
// "argued against"): of the train reported clauses we started at one of
// them, the annotation started after it 369 times and at it 32 times.
var cuePreps = map[string]bool{"about": true, "against": true, "for": true, "of": true, "on": true, "over": true, "with": true}

// infinitiveCue moves an infinitive of saying or knowing that opens the
// content of q into its cue: "was quick [to point out] that ...",
// "continued [to question] whether ...", "refusing [to concede] that
// ...". PolNeAR starts such a clause at the complementizer 25 times of 32
// on train; "declined to say whether ..." keeps the infinitive, as it
// says what was not said.
func (d *doc) infinitiveCue(q *cand) {
	if q.cueS < 0 || q.kind == storyline.Direct || q.cueE > q.s {
		return
	}
	k := d.tokAt(q.s)
	if k+3 >= len(d.toks) || d.toks[k].Start != q.s || d.lower(k) != "to" || d.tokReg[k+1] >= 0 {
		return
	}
	v := k + 1
	if w := d.lower(v); w == "say" || w == "do" || objPronouns[w] || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || !isLowerWord(d.toks[v].Text) || d.flags[v]&(fDet|fPron) != 0 || d.cueScore(v) <= 0 && d.flags[v]&fSpeech == 0 {
		return
	}
	j := v + 1
	if w := d.lower(j); w == "out" || w == "up" {
		j++
	}
	if j+3 >= len(d.toks) || d.toks[j+3].Start >= q.e || d.relativeThat(j) {
		return // "want to see that now"; "to ensure that is done"
	}
	switch d.lower(j) {
	case "that", "whether", "how", "why":
		q.cueE = d.toks[j-1].End
		q.s = d.toks[j].Start
	}
}

// prepAfterCue moves a preposition standing between the cue and the
// content of q into the cue ("spoke about [the wall]").
func (d *doc) prepAfterCue(q *cand) {
	if q.cueS < 0 || q.kind == storyline.Direct || q.cueE > q.s || strings.TrimSpace(d.text[q.cueE:q.s]) != "" {
		return
	}
	k := d.tokAt(q.s)
	if k < 2 || k+1 >= len(d.toks) || d.toks[k].Start != q.s || !cuePreps[d.lower(k)] || d.toks[k+1].Start >= q.e || d.toks[k-1].End != q.cueE {
		return
	}
	if x := d.lower(k + 1); x != "" && x[0]-'0' <= 9 || d.flags[k+1]&fPron != 0 && (k+2 >= len(d.toks) || d.toks[k+2].Start >= q.e) {
		return // "on 2 March": an adjunct; "about it": too short to stand alone
	}
	for j := k + 1; j < len(d.toks) && j <= k+6 && d.toks[j].Start < q.e && !d.verbish(j) && d.toks[j].Text != ","; j++ {
		if x := d.lower(j); d.xf[j]&xWeekday != 0 || d.in(j, yTimeWord) || months[x] || x == "weeks" || x == "months" || x == "years" || x == "days" || x == "hours" {
			return // "on Friday", "for most of the past two weeks": an adjunct of time
		}
	}
	for j := k - 2; j >= 0 && j >= k-4; j-- {
		if beForms[d.lower(j)] {
			return // "is known for", "was widely blamed for": the subject is content
		}
	}
	for j := k + 1; j < len(d.toks) && j < k+12 && d.toks[j].Start < q.e; j++ {
		if w := d.lower(j); w == "that" || w == "whether" {
			return // "said on its website that ...": an adjunct before the clause
		}
		if d.verbish(j) || d.toks[j].Text == "," {
			break
		}
	}
	q.cueE = d.toks[k].End
	q.s = d.toks[k+1].Start
	if r := d.tokReg[k+1]; r >= 0 && d.regs[r].s == q.s {
		// "warned of “a winter to remember.”", "cautioned against “a
		// betrayal” in the way …": the content opens with the
		// quotation, as kindOf has it
		q.kind = storyline.Direct
	}
}

// relativeOpener starts the content of q at the relative word that opens its clause before the speaker: "what
// he said were the failures of ...", "the wall, which he said Mexico
// should pay for": the relative word is the gap of the reported clause
// (PolNeAR starts the content there 37 times of 42 for "what" and
// "which" on train). "in which he said ..." keeps its content after the
// cue: there "which" is no part of the reported clause.
func (d *doc) relativeOpener(q *cand) {
	if q.kind == storyline.Direct || q.spkS < 0 || q.cueS < 0 || q.spkS > q.cueS || q.s < q.cueE {
		return
	}
	k := d.tokAt(q.spkS) - 1
	if k < 0 || d.toks[k].End > q.spkS {
		return
	}
	switch d.lower(k) {
	case "what":
	case "which":
		if k > 0 && (d.adjunctAt(k-1) || cuePreps[d.lower(k-1)] || d.lower(k-1) == "to") {
			return // ("in which", "to which Varga replied that ...")
		}
	default:
		return
	}
	q.s = d.toks[k].Start
}

// addresseeThat returns the token of "that" after the addressee of a
// verb of telling at token c ("told Fox News on Monday that ...": the
// content starts at "that", as PolNeAR annotates it 125 times of 147 on
// train), or p, the first token after the cue, when there is none
// before token hi.
func (d *doc) addresseeThat(c, p, hi int) int {
	switch d.lower(c) {
	case "told", "tells", "tell", "telling", "reminded", "reminding", "assured", "assuring", "informed", "informing":
	default:
		return p
	}
	for k := p + 1; k < hi && k < p+24; k++ {
		if d.lower(k) == "that" {
			return k
		}
		if d.verbish(k) && d.flags[k-1]&fDet == 0 || d.tokReg[k] >= 0 || d.flags[k]&fAux != 0 || d.toks[k].Text == "," && k >= p+12 && d.lower(k+1) != "that" || addresseeStops[d.lower(k)] {
			// (a participle after a determiner is an adjective: "a packed hall")
			break
		}
		if k > p && d.flags[k]&fPron != 0 && subjPron[d.lower(k)] && d.toks[k-1].Text != "," && !subordinators[d.lower(k-1)] {
			return k // "told the crowd he was the first one"
		}
	}
	return p
}

// toListener reports whether token p opens the listener of the speech
// verb at token c, "to" and a noun phrase ("complained to CBS News that ...",
// "reported to the IRS that ..."), rather than an infinitive.
func (d *doc) toListener(c, p int) bool {
	if p+1 >= len(d.toks) || d.lower(p) != "to" || d.flags[c]&fSpeech == 0 {
		return false
	}
	n := p + 1
	return d.flags[n]&fDet != 0 || isCap(d.toks[n].Text) && !d.verbish(n)
}

// relativeThat reports whether "that" at token k opens a relative clause
// rather than a reported one: a verb follows it ("pointed to a poll that
// shows ...").
func (d *doc) relativeThat(k int) bool {
	return k+1 < len(d.toks) && (d.verbish(k+1) || d.flags[k+1]&fAux != 0)
}

// parenThat returns the token of "that" closing a short parenthetical
// that starts at token p, right after the comma behind a cue ("said,
// however, that ...", "testified, for example, that ...", "said, without
// evidence, that ..."): PolNeAR starts the reported clause at "that".
// The parenthetical has no verb and no quotation, a comma stands between
// it and the first token after the cue, first, and "that" comes before
// token hi.
func (d *doc) parenThat(first, p, hi int) (int, bool) {
	if p <= first || d.toks[p-1].Text != "," {
		return 0, false
	}
	for k := p + 1; k+1 < hi && k <= p+8; k++ {
		if d.verbish(k-1) || d.tokReg[k-1] >= 0 || d.flags[k-1]&fAux != 0 {
			return 0, false
		}
		if d.toks[k].Text == "," {
			if d.lower(k+1) == "that" {
				return k + 1, true
			}
			return 0, false
		}
	}
	return 0, false
}

// addresseeStops end the search for the clause after an addressee: an
// infinitive ("told them to leave") or a relative clause ("told voters
// who wonder why he ...") comes first.
var addresseeStops = map[string]bool{"to": true, "who": true, "whom": true, "whose": true, "which": true, "why": true, "how": true, "what": true, "where": true}

// subordinators open an adverbial clause ("told them before he spoke").
var subordinators = map[string]bool{"before": true, "after": true, "when": true, "while": true, "as": true, "because": true, "if": true, "since": true, "until": true, "though": true, "although": true, "where": true, "once": true}

// subjPron are the pronouns that open a clause as its subject.
var subjPron = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "you": true}

// auxIn reports whether tokens [a, b) hold a finite auxiliary ("He said
// the report was rushed."), a clause of their own.
func (d *doc) auxIn(a, b int) bool {
	for k := a; k < b; k++ {
		switch d.lower(k) {
		case "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "might":
			return true
		}
	}
	return false
}

// trimQuoteEnd is strings.TrimRightFunc(s, blankOrQuote), the common
// ends read as bytes: ASCII blanks and marks, and the curly marks (E2 80
// 98, 99, 9C, 9D); at any other rune beyond ASCII it leaves the rest to
// strings.TrimRightFunc. (Decoding rune by rune from the end cost more
// than the tests that use it.)
func trimQuoteEnd(s string) string {
	for n := len(s); n > 0; n = len(s) {
		switch c := s[n-1]; {
		case c == ' ' || c-'\t' <= '\r'-'\t' || c == '"' || c == '\'':
			s = s[:n-1]
		case c < utf8.RuneSelf:
			return s
		case n >= 3 && s[n-3] == 0xe2 && s[n-2] == 0x80 && (c == 0x98 || c == 0x99 || c == 0x9c || c == 0x9d):
			s = s[:n-3] // (‘ ’ “ ”)
		default:
			return strings.TrimRightFunc(s, blankOrQuote)
		}
	}
	return s
}

// blankOrQuote reports whether r is a blank or a quote mark.
func blankOrQuote(r rune) bool { return unicode.IsSpace(r) || isQuoteRune(r) }

// regEndsComma reports whether the quoted words of region r end in a
// comma (“less traffic,” Tamm said: the clause ends with the quote).
func (d *doc) regEndsComma(r region) bool {
	inner := trimQuoteEnd(d.text[r.s:r.e])
	return strings.HasSuffix(inner, ",")
}

// chantNouns name words a crowd calls out: "chants of “…”".
var chantNouns = map[string]bool{"chants": true, "chant": true, "cries": true, "shouts": true}

// chantPossessives speak the chants they stand before ("their chants").
var chantPossessives = map[string]bool{"their": true, "his": true, "her": true, "its": true}

// chantsOf recognises "chants of" ending at token tp ("of") right before
// a quotation, searching no further left than token lo: the cue is the
// noun, the speaker a possessive before it ("their chants of") or the
// subject of a clause that answers with it ("Dockers responded with
// chants of"); the speaker is -1 when the sentence names none ("walked
// in to chants of").
func (d *doc) chantsOf(tp, lo int) (c, s, e int, ok bool) {
	if tp-1 < lo || d.lower(tp) != "of" || !chantNouns[d.lower(tp-1)] {
		return 0, 0, 0, false
	}
	c, s, e = tp-1, -1, -1
	switch x := c - 1; {
	case x >= lo && chantPossessives[d.lower(x)]:
		s, e = x, x+1
	case x >= lo && d.lower(x) == "with" && x-1 >= lo && d.verbish(x-1):
		if s2, e2, ok := d.npLeft(x-1, lo); ok && e2 == x-1 {
			s, e = s2, e2
		}
	}
	return c, s, e, true
}

// regEndsStop reports whether quote region r ends with a full stop, "!"
// or "?" inside its marks.
func (d *doc) regEndsStop(r region) bool { return endsStop(trimQuoteEnd(d.text[r.s:r.e])) }

// endsStop reports whether s ends with a full stop, "!" or "?".
func endsStop(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// namePhrase reports whether the closed region r holds a name the
// sentence goes on about, no words of speech: nothing ends inside its
// marks and a lower-case word follows them (“American Skin (41 Shots)”
// was written by …).
func (d *doc) namePhrase(r region) bool {
	if !r.closed {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(trimQuoteEnd(d.text[r.s:r.e]))
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) && last != ')' {
		return false
	}
	t := d.tokAt(r.e)
	return t < len(d.toks) && !d.newlineBetween(r.e, d.toks[t].Start) && isLowerWord(d.toks[t].Text)
}

// regEndsExclaim reports whether region r ends in "!" or "?" inside its
// marks: a whole utterance (“Lock her up!” as they had before), no
// words of a clause the sentence goes on with.
func (d *doc) regEndsExclaim(r region) bool {
	inner := trimQuoteEnd(d.text[r.s:r.e])
	return strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, "?")
}

// pastAdjunct handles a phrase at token s that is the object of a
// preposition standing right after an auxiliary, a negation or a relative
// pronoun ("have in the past said", "who in two earlier opinions had made
// clear"): an adjunct, not the subject. It returns the subject instead:
// the relative pronoun, or the clause's subject.
func (d *doc) pastAdjunct(s, lo int) (int, int, bool) {
	p := s - 1
	if p-1 < lo || !(d.xf[p]&xPrep != 0 || d.lower(p) == "during") {
		return 0, 0, false
	}
	x := d.lower(p - 1)
	switch {
	case x == "who" || x == "which":
		if p-2 >= lo && d.toks[p-2].Text == "," {
			return p - 1, p, true
		}
	case d.flags[p-1]&fAux != 0 || x == "not" || x == "never":
		sa, _ := d.sentBounds(s)
		if s2, e2, ok := d.clauseSubject(max(sa, lo), p); ok && e2 <= p {
			return s2, e2, true
		}
	}
	return 0, 0, false
}

// lightVerb returns the token of a verb such as "made" or "took" that
// stands at most three words before the cue at token c, with nothing but
// lower-case words between ("made clear", "took aim at", "gave
// diplomatic assurances"), or -1.
func (d *doc) lightVerb(c, lo int) int {
	for v := c - 1; v >= lo && v >= c-3; v-- {
		if d.flags[v]&fVerb != 0 {
			return v
		}
		if d.tokReg[v] >= 0 || d.xf[v]&sLower == 0 || d.flags[v]&(fStop|fAux) != 0 && d.lower(v) != "no" && d.lower(v) != "it" {
			return -1
		}
	}
	return -1
}

// leadSentence finds a clause that ends its sentence right before the
// quote region r, in its paragraph, and is only a speaker and a speech
// verb ("Lind replied.", "… and her husband cut in.", "Varga shot back
// angrily."): the cue token, the speaker's tokens [s, e). tp is the
// token before r, lo the lowest token the attribution may reach.
func (d *doc) leadSentence(r region, tp, lo int) (c, s, e int, ok bool) {
	if d.toks[tp].Text != "." || !d.regQuoteLike(r) || startsLower(d.text[r.s:r.e]) {
		return 0, 0, 0, false
	}
	v := tp - 1
	if v > lo && (d.xf[v]&sLy != 0 || v-1 >= 0 && d.lower(v) == phrasalSpeech[d.lower(v-1)]) {
		v-- // "replied angrily.", "cut in."
	}
	if v <= lo || d.flags[v]&fSpeech == 0 && !d.isCue(v, cueRate) || isParticiple(d.lower(v)) || d.xf[v]&sLower == 0 || d.tokReg[v] >= 0 {
		return 0, 0, 0, false
	}
	if d.lower(v) == "according" || v+1 < tp && d.xf[v+1]&sLy == 0 && d.flags[v]&fPhrasal == 0 {
		return 0, 0, 0, false
	}
	s, e, ok = d.npLeft(v, lo)
	if !ok || e != v || d.tokReg[s] >= 0 {
		return 0, 0, 0, false
	}
	if s > lo && !d.breakBefore(s) {
		// after "and" or "but" (not after a comma: "…, Lind says." closes
		// a reported clause before it)
		if w := d.lower(s - 1); w != "and" && w != "but" && !(leadAdverbs[w] && d.breakBefore(s-1)) {
			return 0, 0, 0, false
		}
	}
	return v, s, e, true
}

// leadAdverbs may open a sentence before its speaker ("Then Lind
// replied.").
// They and "now", "still", "also" may also stand before "according to"
// ("Now, according to the survey, …": leadIn).
var leadAdverbs = map[string]bool{"then": true, "later": true, "finally": true, "again": true, "now": true, "still": true, "also": true}

// saidSaying reports whether the cue at token c is a speech participle
// right after the cue at first and a comma ("Varga responded, saying
// that ...", "Lind shot back, arguing ..."): the participle reports the
// clause after it, and the cue before it reports nothing of its own.
func (d *doc) saidSaying(first, c int) bool {
	return c >= 2 && d.toks[c-1].Text == "," && d.cueSpanEndTok(first) == c-2 && d.flags[c]&fSpeech != 0 && isParticiple(d.lower(c))
}

// speechParticipleAt reports whether a speech participle heads the
// words from token k, after a comma or not ("…, saying", "adding").
func (d *doc) speechParticipleAt(k int) bool {
	if k < len(d.toks) && d.toks[k].Text == "," {
		k++
	}
	return k < len(d.toks) && isParticiple(d.lower(k)) && d.flags[k]&fSpeech != 0 && d.tokReg[k] < 0
}

// putIt reports whether the cue at token c is "put it" ("As the Gazette
// put it, “Nobody saw this coming.”"), a way of saying "said".
func (d *doc) putIt(c int) bool {
	return d.lower(c) == "put" && c+1 < len(d.toks) && d.lower(c+1) == "it"
}

// askedWords are the verbs of "When asked ...", whose content is the
// question.
var askedWords = map[string]bool{"asked": true, "pressed": true, "questioned": true}

// cueBefore reports whether the sentence before token t holds a cue.
func (d *doc) cueBefore(t int) bool {
	if t <= 0 {
		return false
	}
	sa, _ := d.sentBounds(t - 1)
	for k := t - 1; k >= sa && k >= t-60; k-- {
		if d.tokReg[k] < 0 && d.isCue(k, cueRate) {
			return true
		}
	}
	return false
}

// accordingAfter finds ", according to X" closing the attribution that
// ends before token from, in the same sentence as the quote ending at
// byte qe: the index of the comma and X's tokens [s, e).
func (d *doc) accordingAfter(from, qe int) (comma, s, e int, ok bool) {
	hi := d.clauseLimit(from, qe)
	for k := from; k+3 < hi && k < from+25; k++ {
		if d.toks[k].Text == "," && d.lower(k+1) == "according" && d.lower(k+2) == "to" {
			if s, e, ok := d.accordingTo(k+3, hi); ok {
				return k, s, e, true
			}
			return 0, 0, 0, false
		}
	}
	return 0, 0, 0, false
}

func (d *doc) endByte(tok int) int {
	if tok < 0 {
		return 0
	}
	if tok >= len(d.toks) {
		return len(d.text)
	}
	return d.toks[tok].End
}

// signedBy finds the attribution of a paragraph that opens with the
// quote region ri and ends in a dash and a name after a later quote
// region, as in a list of readers' comments ("“A.” And that's all he
// has, “B.” ― Maria Santos"): the name signs every quotation of the
// paragraph, so the quote runs from ri to that region. It returns the
// region's index and the attribution, or -1 and none.
func (d *doc) signedBy(ri int) (int, attr) {
	r := d.regs[ri]
	if firstNonSpace(d.text, d.lineStart(r.s), r.s) != r.s {
		return -1, noAttr()
	}
	for k := ri + 1; k < len(d.regs) && k <= ri+8; k++ {
		r2 := d.regs[k]
		if d.newlineBetween(r.s, r2.s) {
			break
		}
		if a := d.after(r2); a.cue >= 0 {
			if isDash(d.toks[a.cue].Text) && a.spkA >= 0 {
				return k, a
			}
			break
		}
	}
	return -1, noAttr()
}

// bridge reports whether the tokens from token index from up to region
// r2 are a short tail of an attribution clause ("on Friday.") so that r2
// continues the same quotation.
func (d *doc) bridge(from int, r2 region) bool {
	to := d.tokAt(r2.s)
	if from > to || to-from > 60 {
		return false
	}
	if d.newlineBetween(d.endByte(from-1), r2.s) {
		return false
	}
	rel := false // inside a relative clause of the speaker: "who also said ..."
	stop := -1   // the last full stop before r2
	for i := from; i < to; i++ {
		w := d.lower(i)
		if w == "." || w == "!" || w == "?" {
			stop = i
		}
		// (xRelOpener: relWords or clauseOpeners; fSpeech: speechVerbs)
		if w == "who" && i > 0 && d.toks[i-1].Text == "," || i > from && d.xf[i]&xRelOpener != 0 {
			rel = true
		}
		if d.tokReg[i] >= 0 && !d.embeddedAt(int(d.tokReg[i])) && !d.titleLike(d.regs[d.tokReg[i]]) || d.flags[i]&fSpeech != 0 && !isParticiple(w) && w != "asked" && w != "according" && !rel {
			return false
		}
		if stop >= 0 && stop < i-1 && d.flags[i]&fSpeech != 0 && d.speechParticipleAt(i) {
			// “A?” a narrator asks. The ad ends with Varga saying, “B”:
			// a sentence of its own brings in B with its own cue
			return false
		}
		if i > from && d.toks[i-1].Text == "," && d.flags[i]&fSpeech != 0 && strings.HasSuffix(w, "ing") && isParticiple(w) && i+1 < to && d.lower(i+1) != "that" && !d.verbish(i+1) {
			// “A,” Lind said, adding of the mayor, “B”: the participle
			// leads in to a quotation of its own. (“A,” she said,
			// adding that ... “B” is one quotation in PolNeAR, its
			// two pieces around the reported clause.)
			return false
		}
	}
	if stop >= 0 && to-stop > 4 && d.toks[to-1].Text == ":" {
		// “A,” Trump said in an interview. Later that day, he went
		// further: “B.”: a sentence of its own leads in to B.
		return false
	}
	if to-1 >= from {
		b := trimQuoteEnd(d.text[d.toks[from].Start:r2.s])
		if b == "" {
			return false
		}
		if !strings.ContainsRune(",.:;", rune(b[len(b)-1])) {
			// “A,” she said, and “B.”; “A,” he said. But “B.”: the
			// quote goes on after a conjunction.
			if w := d.lower(to - 1); !(to-2 >= from && (w == "and" || w == "but") && (d.toks[to-2].Text == "," || d.toks[to-2].Text == ".")) {
				return false
			}
		}
		// "..., adding: “B”", "He responds, “B”": B has a cue of its own.
		k := to - 1
		for k >= from && (d.tokReg[k] >= 0 || d.toks[k].Text == "," || d.toks[k].Text == ":") {
			k--
		}
		if k > from && d.xf[k]&sLy != 0 && d.toks[to-1].Text == ":" {
			k-- // "..., who responds enthusiastically: “B”"
		}
		if k > from && d.isCue(k, nearQuoteRate) && isLowerWord(d.toks[k].Text) && (d.flags[k]&fSpeech != 0 || d.cueScore(k) >= cueRate) {
			return false
		}
	}
	return true
}

// yesNo are the short answers a reported clause may be ("72 percent
// said yes").
var yesNo = map[string]bool{"yes": true, "no": true}

// timeWords end a phrase of time ("Tuesday night"), no speaker.
var timeWords = map[string]bool{"night": true, "morning": true, "afternoon": true, "evening": true, "week": true, "month": true, "year": true, "weekend": true}

// adjunctPhrase reports whether the phrase [s, e) before a participle is
// an adjunct of time rather than its subject ("issued a statement
// Tuesday saying").
func (d *doc) adjunctPhrase(s, e int) bool {
	if d.xf[e-1]&xWeekday != 0 || d.in(e-1, yTimeWord) {
		return true
	}
	return false
}

// beForms make a past participle after them passive.
var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "be": true, "being": true}

// passive recognises a passive cue at token c ("has been criticized by
// X") and fills q with the agent X as speaker and the subject as content.
func (d *doc) passive(c, ce, sa, sb int, q *cand) bool {
	if !strings.HasSuffix(d.lower(c), "ed") || ce+1 >= sb || d.lower(ce) != "by" {
		return false
	}
	aux := c - 1
	if aux > sa && (strings.HasSuffix(d.lower(aux), "ly") || d.lower(aux) == "never" || d.lower(aux) == "also" || d.lower(aux) == "not") {
		aux--
	}
	if aux <= sa || !beForms[d.lower(aux)] {
		return false
	}
	s, e, ok := d.npRight(ce+1, sb)
	if !ok {
		return false
	}
	s0, e0, ok := d.npLeft(aux, sa)
	if !ok || e0 > aux {
		return false
	}
	q.spkS, q.spkE = d.span(s, e)
	q.s, q.e = d.span(s0, e0)
	return true
}

// dashName finds a name in capitals between a dash and the colon at tp
// ("… - Carl Bialik:", "… - HuffPollster:").
func (d *doc) dashName(tp, lo int) (int, int, bool) {
	k := tp - 1
	for k > lo && k >= tp-7 && (isCap(d.toks[k].Text) || d.lower(k) == "and" || d.toks[k].Text == "." || d.lower(k) == "of") {
		k--
	}
	if k < lo || k == tp-1 || !isDash(d.toks[k].Text) || !isCap(d.toks[k+1].Text) || !isCap(d.toks[tp-1].Text) && d.toks[tp-1].Text != "." {
		return 0, 0, false
	}
	for m := k + 1; m < tp; m++ {
		if isUpperASCII(d.toks[m].Text) && len(d.toks[m].Text) > 3 {
			return 0, 0, false // a headline in capitals, not a name
		}
	}
	return k + 1, tp, true
}

// inWords finds "in X's words," or "in the words of X," ending at the
// comma tp, from token lo: it returns the token of "in" and the span of
// X, or -1. "To her," after "because", "that", a conjunction or a comma
// gives a view the same way: the token of "to" and the pronoun.
func (d *doc) inWords(tp, lo int) (int, int, int) {
	if d.toks[tp].Text != "," || tp-3 < lo {
		return -1, 0, 0
	}
	if j := tp - 2; d.lower(j) == "to" && objectPronouns[d.lower(tp-1)] && (j == lo || d.breakBefore(j) || perspectiveLeads[d.lower(j-1)]) {
		// "because to her, “…”": the view is hers
		return j, tp - 1, tp
	}
	if d.lower(tp-1) == "words" {
		// in Varga's words, in his own words
		for j := tp - 2; j >= lo && j >= tp-7; j-- {
			if d.lower(j) == "in" {
				e := tp - 1
				if d.lower(e-1) == "own" {
					e--
				}
				if j+1 < e {
					return j, j + 1, e
				}
				return -1, 0, 0
			}
			if !d.npTokOK(j) && d.toks[j].Text != "'s" && d.toks[j].Text != "’s" && d.toks[j].Text != "’" && d.toks[j].Text != "'" {
				return -1, 0, 0
			}
		}
		return -1, 0, 0
	}
	for j := tp - 4; j >= lo && j >= tp-12; j-- {
		if d.lower(j) == "in" && d.lower(j+1) == "the" && d.lower(j+2) == "words" && d.lower(j+3) == "of" {
			if s, e, ok := d.npRight(j+4, tp); ok && e == tp {
				return j, s, e
			}
			return -1, 0, 0
		}
	}
	return -1, 0, 0
}

// fromSource returns the index of "from" in "(More) from X:" ending at
// the colon tp, opening its clause, or -1.
func (d *doc) fromSource(tp, lo int) int {
	if d.toks[tp].Text != ":" {
		return -1
	}
	for f := tp - 2; f >= lo && f >= tp-8; f-- {
		if d.lower(f) == "from" {
			if !(f == lo || d.breakBefore(f) || d.lower(f-1) == "more" && (f-1 == lo || d.breakBefore(f-1) || isDash(d.toks[f-2].Text) || strings.HasPrefix(d.toks[f-1].Text, "-")) || d.leadNoun(f, lo)) {
				return -1
			}
			return f
		}
		if !d.npTokOK(f) && d.lower(f) != "and" {
			return -1
		}
	}
	return -1
}

// leadNoun reports whether a short noun phrase opening its clause
// stands before token f: "A lesson from", "Advice from".
func (d *doc) leadNoun(f, lo int) bool {
	j := f
	for j > lo && j > f-3 && !d.breakBefore(j) && d.npTokOK(j-1) && !d.verbish(j-1) && !strings.HasSuffix(d.lower(j-1), "ing") && d.xf[j-1]&xPrep == 0 {
		j--
	}
	if j == f || !(j == lo || d.breakBefore(j)) {
		return false
	}
	return d.xf[f-1]&sLower != 0 && d.flags[f-1]&(fDet|fPron|fStop) == 0 || isCap(d.toks[f-1].Text) && j == f-1 && d.flags[f-1]&fDet == 0
}

// digest recognises a news digest line, "HOW CHINA'S DECLINE AFFECTS
// THE WORLD “…” [WaPo.]", and gives the quotation region r the
// headline in capitals as speaker and the bracketed outlet as cue, as
// PolNeAR annotates them.
func (d *doc) digest(r region, c *cand) bool {
	rest := d.text[r.e:min(len(d.text), r.e+48)]
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, "[") {
		return false
	}
	j := strings.IndexByte(rest, ']')
	if j < 2 || strings.IndexByte(rest[:j], '\n') >= 0 {
		return false
	}
	ls := d.lineStart(r.s)
	a, b := d.tokAt(ls), d.tokAt(r.s)
	words := 0
	for k := a; k < b; k++ {
		x := d.toks[k].Text
		if isWordTok(d.lower(k)) {
			if strings.ToUpper(x) != x {
				return false
			}
			words++
		}
	}
	if words < 2 {
		return false
	}
	c.spkS, c.spkE = d.span(a, b)
	c.cueS = r.e + (len(d.text[r.e:min(len(d.text), r.e+48)]) - len(rest))
	c.cueE = c.cueS + j + 1
	return true
}

// subhead reports whether region r is a line of its own in single
// quote marks with a few words ("⏎'A really tough decision.'⏎"): a
// section heading quoting the text below, no paragraph continuing a
// quotation.
func (d *doc) subhead(r region) bool {
	if !r.single || d.regWords(r, 9) > 8 {
		return false
	}
	rest := d.text[r.e:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(strings.Trim(rest, ".")) == ""
}

// relWords open a clause inside an attribution's tail whose speech verb
// is not a new attribution ("said Ann Lee, who said she would march").
var relWords = map[string]bool{"who": true, "whose": true, "which": true, "that": true}

// lineStart returns the offset where the line holding byte i starts.
func (d *doc) lineStart(i int) int {
	k := d.paraIndex(i)
	if k == 0 {
		return 0
	}
	return d.newlines[k-1] + 1
}

// paraIndex counts the line breaks before byte i.
func (d *doc) paraIndex(i int) int {
	if d.newlines == nil {
		if d.buf.newlines == nil {
			d.buf.newlines = make([]int, 0, 64)
		}
		d.newlines = d.buf.newlines[:0]
		defer func() { d.buf.newlines = d.newlines }()
		for k := 0; k < len(d.text); {
			j := strings.IndexByte(d.text[k:], '\n')
			if j < 0 {
				break
			}
			d.newlines = append(d.newlines, k+j)
			k += j + 1
		}
	}
	return sort.SearchInts(d.newlines, i)
}

// reported adds cue-anchored reported speech around the quotes found so
// far: "X said (that) ...", "..., X said.", "according to X, ...".
func (d *doc) reported(qs []cand) []cand {
	d.sortByStart(qs)
	// The cues come token by token, so most bytes asked below come in
	// order: the walks answer the searches from their last answers.
	starts, ends := quoteWalk{qs: qs, last: -1 << 62}, quoteWalk{qs: qs, last: -1 << 62}
	ends.search = !endsInOrder(qs)
	covered := func(b int) bool {
		k := ends.end(b)
		return k < len(qs) && qs[k].s <= b
	}
	marks := grow(d.buf.marks, 2*len(d.toks))
	d.buf.marks = marks
	clear(marks)
	usedCue, inSpk := marks[:len(d.toks)], marks[len(d.toks):]
	for i := range qs {
		q := &qs[i] // (no copy of the quote: reads of three fields)
		if q.cueTok >= 0 {
			usedCue[q.cueTok] = true
		}
		if q.accTok > 0 {
			usedCue[q.accTok] = true // "according" of an outer source
		}
	}
	// dashSpk: the tokens of speaker phrases that stand after a dash, for
	// the check below (each once, when first marked; sorted after)
	var dashSpk []int
	for i := range qs {
		if q := &qs[i]; q.spkS >= 0 {
			for k := d.tokAt(q.spkS); k < len(d.toks) && d.toks[k].Start < q.spkE; k++ {
				if !inSpk[k] && k > 0 && isDash(d.toks[k-1].Text) {
					dashSpk = append(dashSpk, k)
				}
				inSpk[k] = true
			}
		}
	}
	slices.Sort(dashSpk)
	spkUsed := func(i int) bool { return inSpk[i] }
	// nextStart is the start of the first quote at or after byte b.
	nextStart := func(b int) int {
		k := searchStart(qs, b)
		if k < len(qs) {
			return qs[k].s
		}
		return len(d.text)
	}
	add := d.buf.add[:0] // (its array back to the pool below)
	for _, c32 := range d.reportCue {
		// (the other tokens are no cues: isCue is false for them)
		c := int(c32)
		if usedCue[c] || spkUsed(c) || !d.isCue(c, reportRate) || covered(d.toks[c].Start) { // (the marks first: no call)
			continue
		}
		if quoteOnlyVerbs[d.lower(c)] && strings.Trim(d.text[d.toks[c].End:nextStart(d.toks[c].End)], " ,:") != "" {
			continue // ("the crowd jeered him")
		}
		weak := d.cueScore(c) < cueRate
		if weak && !d.weakCuePossible(c) {
			continue
		}
		sa, sb := d.sentBounds(c)
		w := d.lower(c)
		if d.anonymity(c) {
			continue // "a Republican who asked not to be named"
		}
		if w == "said" && c+2 < sb && (d.toks[c+1].Text == "," && c-1 >= sa && d.lower(c-1) == "that" && (c-1 == sa || d.toks[c-2].Text == "(") ||
			c-1 >= sa && d.lower(c-1) == "having" && d.lower(c+1) == "that" && d.toks[c+2].Text == ",") {
			continue // "That said, ...", "Having said that, ...": a turn of phrase, no report
		}
		if (w == "maintained" || w == "maintains" || w == "maintain") && (c+1 >= sb || d.lower(c+1) != "that") {
			continue // "has maintained a lead", "maintained by her aides": no report
		}
		var q cand
		q.spkS, q.cueS, q.inheritFrom, q.cueTok = -1, -1, -1, c
		q.cueS, q.cueE = d.cueSpan(c)
		ce := d.cueSpanEndTok(c) + 1
		// Content start limit: after the last quote ending in this sentence.
		ls := d.toks[sa].Start
		cs := d.toks[c].Start
		if k := starts.start(cs); k > 0 {
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if x := &qs[j]; x.e <= cs && x.e > ls {
					ls = x.e
				}
			}
		}
		for j := len(add) - 1; j >= 0 && j >= len(add)-3; j-- {
			// (an attribution whose cue is no speech verb may lie
			// inside this one's content; outer settles it)
			if x := &add[j]; x.e <= cs && x.e > ls && (d.flags[c]&fSpeech == 0 || x.cueTok < 0 || d.flags[x.cueTok]&fSpeech != 0) {
				ls = x.e
			}
		}
		switch {
		case c-1 >= sa && d.lower(c-1) == "as" && ce+1 < sb && d.lower(ce) == "by" && d.toks[c].Text == d.lower(c):
			// "As reported by Western Journalism, content": the agent
			// is the source, the clause after the comma the content.
			s, e, ok := d.npRight(ce+1, sb)
			if !ok || e >= sb || d.toks[e].Text != "," || e+1 >= sb {
				continue
			}
			q.spkS, q.spkE = d.span(s, e)
			q.s, q.e = d.toks[e+1].Start, d.contentEnd(d.toks[e+1].Start, d.toks[sb-1].End)
		case w == "according":
			s, e, ok := d.accordingTo(ce, sb)
			if !ok {
				continue
			}
			q.spkS, q.spkE = d.span(s, e)
			if c == sa || d.toks[c].Start <= ls+2 || d.leadIn(sa, c) || d.capAfterBreak(c) {
				// According to X, content.
				k := e
				for k < sb && k < e+40 && d.toks[k].Text != "," {
					k++
				}
				k = d.listTail(k, sb)
				if k+1 >= sb {
					continue
				}
				q.s, q.e = d.toks[k+1].Start, d.contentEnd(d.toks[k+1].Start, d.toks[sb-1].End)
			} else {
				q.s, q.e = ls, d.contentEnd(ls, d.toks[c].Start)
			}
		case d.passive(c, ce, sa, sb, &q):
			// "Trump has been criticized by some of his rivals", "He
			// also was backed by nearly 6 in 10 ...": the agent after
			// "by" is the source, the subject the content.
		case d.in(c, yRaising) || w == "expected" && c > sa && (d.lower(c-1) == "is" || d.lower(c-1) == "are" || d.lower(c-1) == "was" || d.lower(c-1) == "were" || d.lower(c-1) == "be"):
			// "The port authority appeared unmoved", "X is expected to
			// sign": the subject belongs to the content, which PolNeAR
			// most often annotates with no source at all.
			s0, _, ok := d.npLeft(c, sa)
			if !ok {
				s0, ok = d.raisedSubject(c, sa)
			}
			if !ok || d.toks[s0].Start < ls || ce >= sb {
				continue
			}
			q.s = d.toks[s0].Start
			q.e = d.contentEnd(q.s, min(d.toks[sb-1].End, nextStart(d.toks[ce].Start)))
		default:
			var a attr = noAttr()
			d.speakerOf(&a, c, sa)
			if a.spkB == a.spkA+1 && a.spkA > sa && d.lower(a.spkA) == "who" && d.toks[a.spkA-1].Text != "," && (inSpk[a.spkA-1] || len(add) > 0 && add[len(add)-1].spkE == d.toks[a.spkA-1].End) {
				// "said a handful of dockers who point to his ties": a
				// relative clause of another attribution's speaker
				// belongs to that phrase
				continue
			}
			if a.spkA-2 > sa && a.spkB == c && d.flags[c]&fSpeech != 0 && !isParticiple(w) && d.lower(a.spkA-1) == "and" {
				// "…, dockers and union officials said.": both
				// conjuncts speak
				if s, e, ok := d.npLeft(a.spkA-1, sa); ok && e == a.spkA-1 && s > sa && d.toks[s-1].Text == "," && e-s <= 4 {
					a.spkA = s
				}
			}
			// "..., X said." / "..., said X." at the end of the sentence.
			if a.spkA > sa && d.toks[a.spkA-1].Text == "," && a.spkB == c && ce+1 < sb && d.toks[ce].Text == "," && !d.adjunctAt(ce+1) && !isParticiple(d.lower(ce+1)) && !d.hasThatOrCue(ce+1, sb) {
				// "The talks would be helped, Brandt said, by the
				// calendar": the reported clause runs on both sides of
				// the attribution; its span covers both.
				q.spkS, q.spkE = d.span(a.spkA, a.spkB)
				q.s, q.e = ls, d.contentEnd(ls, min(d.toks[sb-1].End, nextStart(d.toks[ce].End)))
				break
			}
			commaBefore := c > sa+1 && (d.toks[c-1].Text == "," || d.tokReg[c-1] >= 0 && d.regEndsComma(d.regs[d.tokReg[c-1]]))
			if commaBefore && invertedCues[w] && ls < d.toks[c-1].Start && d.clauseBefore(d.tokAt(ls), c-1) {
				// "Defending that terrain is his strength, said a handful
				// of Democrats who point to ...": a speech verb after a
				// comma with a phrase after it that runs to the sentence
				// end puts its speaker after it, never its content.
				// (the phrase may run to the full stop)
				if s, e, ok := d.npRightJoined(ce, sb); ok && s == ce && (e >= sb || e+1 == sb && !isWordTok(d.lower(e)) || d.toks[e].Text == "," || d.adjunctAt(e) || d.xf[e]&xRelOpener != 0) && d.appositiveTail(e, sb) {
					q.spkS, q.spkE = d.span(s, e)
					end := d.toks[c-1].Start // (before the comma)
					if d.toks[c-1].Text != "," {
						end = d.toks[c-1].End // (“...,” the comma inside the marks)
					}
					q.s = firstNonSpace(d.text, ls, end)
					q.e = d.contentEnd(q.s, end)
					break
				}
			}
			if c > sa && d.toks[c-1].Text == "," && a.spkA == ce && !a.subject && (a.spkB >= sb || d.toks[a.spkB].Text == "," || d.adjunctAt(a.spkB) || !isWordTok(d.lower(a.spkB))) && d.appositiveTail(a.spkB, sb) {
				// "The host committee has collected $56.5 million, said
				// David Gilbert, its president.": the clause before.
				q.spkS, q.spkE = d.span(a.spkA, a.spkB)
				q.s, q.e = ls, d.contentEnd(ls, d.toks[c-1].Start)
				break
			}
			if a.spkA > sa && a.spkB == c && (d.flags[c]&fSpeech != 0 || reportVerbs[w]) && (d.toks[a.spkA-1].Text == "," || d.tokReg[a.spkA-1] >= 0) && ls < d.toks[a.spkA-1].Start && ce < sb && d.finalTail(ce, sb) && (d.hasFiniteVerb(d.tokAt(ls), a.spkA-1) || d.hasPresentVerb(d.tokAt(ls), a.spkA-1) || d.adjunctTail(ce, sb) && !d.adjunctAt(d.skipDateline(d.tokAt(ls), a.spkA)) && a.spkA-1-d.tokAt(ls) >= 6) {
				// "Ryan and Trump will meet next week, Spicer said,
				// adding, ...", "..., Wilkin said during his speech
				// to be a delegate.": the clause before.
				q.spkS, q.spkE = d.span(a.spkA, a.spkB)
				q.s, q.e = ls, d.contentEnd(ls, d.toks[a.spkA-1].Start)
				break
			}
			tail := sb - ce
			final := tail <= 6 && !d.hasThatOrCue(ce, sb) && (ce >= sb || d.adjunctAt(ce) || !isWordTok(d.lower(ce)))
			if final && a.spkA > sa && (d.toks[a.spkA-1].Text == "," || d.tokReg[a.spkA-1] >= 0) {
				q.spkS, q.spkE = d.span(a.spkA, a.spkB)
				q.s, q.e = ls, d.contentEnd(ls, d.toks[a.spkA-1].Start)
				break
			}
			if final && c > sa && d.toks[c-1].Text == "," {
				// ("Meyer, warned of long delays.": no speaker after the
				// cue, a prepositional phrase)
				if s, e, ok := d.npRight(ce, sb); ok && !cuePreps[d.lower(s)] {
					q.spkS, q.spkE = d.span(s, e)
					q.s, q.e = ls, d.contentEnd(ls, d.toks[c-1].Start)
					break
				}
			}
			if a.subject && !a.ownVerb && c > sa && d.toks[c-1].Text == "," && isParticiple(w) {
				// (unless the verb before the comma has a subject of its
				// own: "... in which he continued his assault on Bush,
				// mocking ...")
				// "Trump's “excesses” are sickening, Hollande said,
				// noting ...": the participle's subject is the speaker of
				// the attribution it follows in its sentence.
				if x, ok := lastCued(qs, add, cs); ok && x.cueTok >= sa && x.cueTok < c && x.spkS >= 0 {
					a.spkA, a.spkB = d.tokAt(x.spkS), d.tokAt(x.spkE)
				}
			}
			if j := d.coordAt(c); j > sa && len(add) > 0 {
				// "Some councillors fear that A and warn that B": a cue
				// coordinated with the one whose clause ends right
				// before it shares its subject.
				if x := &add[len(add)-1]; x.spkS >= 0 && x.cueTok >= sa && x.cueTok < c && x.e <= d.toks[j].Start && d.tokAt(x.e) >= j-1 {
					a.spkA, a.spkB = d.tokAt(x.spkS), d.tokAt(x.spkE)
				}
			}
			if a.spkA < 0 {
				a.spkA, a.spkB = d.wholeSubject(c, sa)
			}
			if a.spkA < 0 {
				// No speaker phrase: PolNeAR has such attributions ("it
				// was reported that"), but emitting them costs more
				// speaker accuracy than it gains recall.
				continue
			} else {
				q.spkS, q.spkE = d.span(a.spkA, a.spkB)
			}
			q.participleOf = a.subject
			p := ce
			for p < sb && (d.toks[p].Text == "," || d.toks[p].Text == ":") {
				p++
			}
			if k, ok := d.parenThat(ce, p, sb); ok {
				p = k // "said, however, that ..."
			} else if p < sb && (d.adjunctAt(p) || d.toListener(c, p)) {
				// "said in an interview with the Herald last week that ...":
				// the content starts at "that".
				for k := p + 1; k < sb && k < p+20; k++ {
					if d.lower(k) == "that" {
						if !d.relativeThat(k) {
							p = k
						}
						break
					}
					if d.verbish(k) || d.tokReg[k] >= 0 || d.flags[k]&fAux != 0 || d.toks[k].Text == "," || strings.HasSuffix(d.lower(k), "ing") {
						if d.flags[c]&fSpeech != 0 && d.speechParticipleAt(k) && d.lower(p) != "of" && d.lower(p) != "about" {
							// "shot back in a statement, saying …":
							// the participle reports the clause
							p = sb
						}
						break
					}
				}
			}
			if k, ok := d.timeThenClause(p, sb); ok {
				p = k // "said Wednesday she wants": the clause starts at "she"
			}
			p = d.addresseeThat(c, p, sb)
			if sb-p < 2 || d.saidSaying(c, p) {
				// ("Varga responded, saying that ...": the participle
				// reports the clause, and its subject is this cue's)
				continue
			}
			end := d.toks[sb-1].End
			// Stop before a second attribution in the same sentence.
			end = d.secondAttribution(p, p+2, sa, sb, end)
			end = d.mainClauseCut(p, sa, sb, end)
			if a.spkB == a.spkA+1 && (d.lower(a.spkA) == "who" || d.lower(a.spkA) == "which") || a.spkA-1 > sa && (d.lower(a.spkA-1) == "which" || d.lower(a.spkA-1) == "whom") && d.toks[a.spkA-2].Text == "," {
				// "Trump, who initially supported the idea of a
				// ceasefire, seems to have changed his mind", "The bill,
				// which critics said was unfair, passed": the relative
				// clause ends where the main clause resumes.
				end = d.relativeEnd(p, sb, end)
				if d.toks[a.spkA-1].Text != "," {
					end = d.restrictiveEnd(p, end)
				}
			}
			q.s = d.toks[p].Start
			q.e = d.contentEnd(q.s, min(end, d.coordStop(qs, p, nextStart(q.s))))
			if a.spkA-1 > sa && a.spkB == c && d.flags[c]&fSpeech != 0 && d.toks[a.spkA-1].Text == "," && d.toks[ce].Text == "," && p == ce+1 && !isParticiple(d.lower(p)) && d.lower(p) != "which" && ls < d.toks[a.spkA-1].Start {
				// "Her countrymen, she said, should not listen to ...":
				// the reported clause runs on both sides of the
				// attribution; its span covers both.
				x := q
				x.s = firstNonSpace(d.text, ls, d.toks[a.spkA-1].Start)
				if x.s < d.toks[a.spkA-1].Start && countWords(d.text[q.s:q.e], 3) >= 3 && !overlapsSorted(qs, x) && !(len(add) > 0 && overlapsAny(add[max(0, len(add)-4):], x)) {
					q.s = x.s
				}
			}
		}
		if k := d.tokAt(q.s); k == sa && q.e > q.s {
			// "PORT SALLOW, March 20 (NWA) - Talks ended, diplomats
			// said.": the dateline reports nothing
			if k2 := d.skipDateline(k, c); k2 > k && k2 < c && d.toks[k2].Start < q.e {
				q.s = d.toks[k2].Start
			}
		}
		if j := sort.SearchInts(dashSpk, d.tokAt(q.s)); j < len(dashSpk) && d.toks[dashSpk[j]].Start < q.e {
			// "Pollsters agree - Carl Bialik: “…”": the content stops
			// before another quotation's speaker after a dash
			q.e = d.contentEnd(q.s, d.toks[dashSpk[j]].Start)
		}
		if q.e <= q.s || q.e-q.s < 4 && !(q.e-q.s >= 2 && yesNo[strings.ToLower(d.text[q.s:q.e])]) {
			continue // ("said yes" reports "yes")
		}
		if k := d.tokAt(q.s); k+1 < len(d.toks) && d.toks[k+1].End >= q.e && d.lower(k) == "to" && d.flags[k+1]&fSpeech != 0 {
			continue // "goes on [to say]: “…”": the quotation's cue, no content
		}
		if k := d.tokAt(q.s); k > 0 && d.toks[k].End >= q.e && isParticiple(d.lower(k)) && d.toks[k-1].Text == "," {
			continue // "said, [adding] that ...": the next attribution's cue, no content
		}
		if k := d.tokAt(q.s); k < len(d.toks) && d.adjunctAt(k) && countWords(d.text[q.s:q.e], 4) <= 3 {
			continue // "had discussed since last week": an adjunct, no content
		}
		if weak && !d.lowCueOK(&q, c) {
			continue
		}
		d.takeInRegions(&q)
		if overlapsSorted(qs, q) {
			continue
		}
		if len(add) > 0 && overlapsAny(add[max(0, len(add)-4):], q) {
			var ok bool
			if add, ok = d.outer(add, q); !ok {
				continue
			}
		}
		add = append(add, q)
	}
	qs = append(qs, add...)
	clear(add) // (no references into this text stay behind)
	d.buf.add = add[:0]
	return qs
}

// mayReport is a quick test of whether the cue score of token c may
// reach reportRate: false only when it cannot, when the word is neither a
// speech verb nor a headline verb and no rate of its lexicon entry
// (top, the highest) reaches it (xMayReport, decided once per word).
// cueAndNames keeps the candidates of maybeCue for which it holds in
// reportCue: reported asks of those only. (Most candidates of maybeCue
// are words that are seldom cues, and cueScore1, which looks at the next
// token, would be the first to compute the score of most.)
func (d *doc) mayReport(c int) bool {
	return d.xf[c]&xMayReport != 0
}

// outer drops from the last attributions in add those that q's content
// holds whole, cue and all, when q's cue is a speech verb and theirs is
// not: "[A day earlier, six protesters were arrested after refusing to
// leave the lobby], police said." reports what the police said, not a
// refusal. An inner report of a "that" clause ("an official reported
// that ...") stays. It reports false, and leaves add as it is, when q
// overlaps any other.
func (d *doc) outer(add []cand, q cand) ([]cand, bool) {
	if d.flags[q.cueTok]&fSpeech == 0 {
		return add, false
	}
	lo := max(0, len(add)-4)
	for i := range add[lo:] {
		if x := &add[lo+i]; x.s < q.e && q.s < x.e && !(x.cueTok >= 0 && q.s <= x.cueS && x.cueE <= q.e && x.s >= q.s && x.e <= q.e && d.flags[x.cueTok]&fSpeech == 0 && !(strings.HasPrefix(d.text[x.s:x.e], "that ") && countWords(d.text[x.s:x.e], 4) >= 4)) {
			return add, false
		}
	}
	out := add[:lo]
	for _, x := range add[lo:] {
		if !(x.s < q.e && q.s < x.e) {
			out = append(out, x)
		}
	}
	return out, true
}

func (d *doc) hasThatOrCue(a, b int) bool {
	for i := a; i < b; i++ {
		if d.lower(i) == "that" || d.isCue(i, cueRate) || d.tokReg[i] >= 0 {
			return true
		}
	}
	return false
}

func overlapsAny(qs []cand, q cand) bool {
	for i := range qs {
		if x := &qs[i]; x.s < q.e && q.s < x.e { // (no copy of the quote)
			return true
		}
	}
	return false
}

var _ = storyline.Direct

// endsSentence reports whether the tokens from i up to hi are a short
// adjunct ("on Friday", "in a statement") that runs to the sentence end.
func (d *doc) endsSentence(i, hi int) bool {
	if hi-i > 6 {
		return false
	}
	if hi >= len(d.toks) {
		return true
	}
	x := d.toks[hi].Text
	return x == "." || x == "!" || x == "?" || x == ";" || d.newlineBetween(d.endByte(hi-1), d.toks[hi].Start) || d.tokReg[hi] >= 0
}

// connectives may open a sentence without belonging to its content.
var connectives = map[string]bool{"but": true, "and": true, "yet": true, "so": true, ",": true, "still": true, "or": true, "—": true, "-": true}

// connectiveLead reports whether tokens [a, b) are only a connective of
// contrast and commas ("Still,", "Yet,", "At the same time,"): a
// quotation after such a lead, or after such a lead and its attribution
// ("Still, she added, “we can't …”"), is direct in PolNeAR (6 times of 6
// on train). After "But," and "And," the annotators split evenly, and the
// lead stays in the clause. A topic, "As for the pier,", is such a lead
// too.
func (d *doc) connectiveLead(a, b int) bool {
	if a >= b {
		return false
	}
	if b-a >= 4 && d.lower(a) == "at" && d.lower(a+1) == "the" && d.lower(a+2) == "same" && d.lower(a+3) == "time" {
		a += 4
	}
	if b-a >= 4 && d.lower(a) == "as" && (d.lower(a+1) == "for" || d.lower(a+1) == "to") && d.toks[b-1].Text == "," {
		// "As for the pier, “…,” she said": the topic, no words of
		// the reported clause
		for k := a + 2; k < b-1; k++ {
			if d.toks[k].Text == "," || d.verbish(k) || d.tokReg[k] >= 0 || d.flags[k]&fAux != 0 {
				return false
			}
		}
		return true
	}
	n := 0
	for k := a; k < b; k++ {
		switch d.lower(k) {
		case ",":
		case "still", "yet", "however", "meanwhile":
			n++
		default:
			return false
		}
	}
	return n <= 1
}

// startsClause reports whether region r opens its sentence or line.
func (d *doc) startsClause(r region) bool {
	t := d.tokAt(r.s)
	if t == 0 || t >= len(d.toks) {
		return true
	}
	if d.tokSent[t-1] != d.tokSent[t] || d.newlineBetween(d.toks[t-1].End, r.s) {
		return true
	}
	x := d.toks[t-1].Text
	return x == ":" || x == "." || x == "?" || x == "!" || d.tokReg[t-1] >= 0
}

// clauseStart returns where the content of a quote attributed after it
// starts: the region itself, or the first word of its sentence when the
// sentence opens with words of the reported clause.
func (d *doc) clauseStart(r region, lo int) int {
	t := d.tokAt(r.s)
	if t >= len(d.toks) || t == 0 {
		return r.s
	}
	if d.breakBefore(t) {
		return r.s
	}
	sa := max(d.clauseLo(t), lo)
	lower := startsLower(d.text[r.s:r.e])
	for sa < t && (connectives[d.lower(sa)] && !lower || d.tokReg[sa] >= 0) {
		sa++
	}
	if sa >= t || d.newlineBetween(d.toks[sa].Start, r.s) || d.connectiveLead(sa, t) {
		return r.s
	}
	x := d.toks[t-1].Text
	if (x == ":" || x == "," || x == "—" || x == "–") && !lower || x == "(" || x == "[" {
		// ("(“A,” he said.)": an aside in brackets opens a clause of
		// its own)
		return r.s
	}
	if isDash(x) && t-2 >= 0 && d.toks[t-2].End < d.toks[t-1].Start && !d.dashIn(sa, t-1) {
		// "... like Saddam Hussein - “He would have loved Stalin,” Mr.
		// Biden said twice - and ...": the quote and its attribution
		// stand between dashes, apart from the clause around them.
		return r.s
	}
	return d.toks[sa].Start
}

// dashIn reports whether a dash stands among tokens [a, b).
func (d *doc) dashIn(a, b int) bool {
	for k := a; k < b; k++ {
		if isDash(d.toks[k].Text) && k > 0 && d.toks[k-1].End < d.toks[k].Start {
			return true
		}
	}
	return false
}

// breakBefore reports whether a sentence or line ends right before token t.
func (d *doc) breakBefore(t int) bool {
	if t <= 0 || t >= len(d.toks) {
		return true
	}
	// (the pairs sliced out: one bounds check for both)
	if ts := d.tokSent[t-1 : t+1]; ts[0] != ts[1] {
		return true
	}
	pq := d.toks[t-1 : t+1]
	p, q := &pq[0], &pq[1]
	if g := q.Start - p.End; uint(g) > 1 {
		if g > 1 && d.newlineBetween(p.End, q.Start) {
			return true
		}
	} else if uint(p.End) < uint(len(d.text)) && g&int(b2u(d.text[p.End] == '\n')) != 0 {
		// (a gap of one byte, a line break: told from no gap without
		// a branch, a word or a mark next)
		return true
	}
	x := p.Text
	if x == "" || breakMark[x[0]]&(uint8(d.xf[t-1]/sPunct1&1)|2) == 0 {
		// not a full stop or a closing mark (below), told from the rest
		// without a branch on the length: a comma, a word of one letter
		return false
	}
	if (x == "." || x == "!" || x == "?") && d.flags[t]&fJoined == 0 {
		switch y := d.toks[t].Text; {
		case y == ")" || y == "]" || y == "," || y == ";" || isLowerWord(y):
			// "(R-Miss.) said", "Hollywood, Fla., rabbi"
		default:
			return true
		}
	}
	// a closing mark after a full stop: ... it.'' He
	if (x == "'" || x == "\"" || x == "”") && t-2 >= 0 && d.tokReg[t-1] < 0 {
		y := d.toks[t-2].Text
		return y == "." || y == "!" || y == "?" || y == "'"
	}
	return false
}

// breakMark sorts the first bytes of the texts of the tokens after which
// breakBefore must look further: 1 for the one-byte marks that end a
// sentence or close a quote after one (. ! ? ' "), which sPunct1 tells
// from longer texts, 2 for the first byte of ” (and of other marks,
// which breakBefore turns down).
var breakMark = func() (t [256]uint8) {
	for _, c := range []byte(".!?'\"") {
		t[c] = 1
	}
	t["”"[0]] = 2
	return t
}()

// clauseLo returns the first token of the sentence holding token t-1,
// not crossing a full stop, a line break or a quotation.
func (d *doc) clauseLo(t int) int {
	lo := t
	for lo > 0 && t-lo < 80 && !d.breakBefore(lo) && d.tokReg[lo-1] < 0 {
		lo--
	}
	return lo
}

// gluedStop reports whether the mark at token i is glued to a following
// ")" or word, as in "(D-N.Y.)", and so ends no sentence.
func (d *doc) gluedStop(i int) bool {
	e := d.toks[i].End
	if e >= len(d.text) {
		return false
	}
	c := d.text[e]
	return c == ')' || c == ',' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// embedded reports whether region r is a few words quoted inside a
// clause (a title, a scare quote) rather than a quotation of its own.
func (d *doc) embedded(r region) bool {
	return d.regWords(r, 5) < 5 && !d.startsClause(r)
}

// opensQuoteAt reports whether region k, right after "said," or
// "said:", is a quotation of its own: not a few words inside a clause,
// or a capitalised one that closes its sentence (Lind said, “Probably.”).
func (d *doc) opensQuoteAt(k int) bool {
	if !d.embeddedAt(k) {
		return true
	}
	r := d.regs[k]
	in := trimQuoteEnd(d.text[r.s:r.e])
	last, _ := utf8.DecodeLastRuneInString(in)
	return !startsLower(in) && (last == '.' || last == '?' || last == '!')
}

// embeddedAt is embedded(d.regs[k]).
func (d *doc) embeddedAt(k int) bool {
	return d.regWordsAt(k, 5) < 5 && !d.startsClause(d.regs[k])
}

// countWords counts the white-space separated words of s, stopping at
// limit (the callers only compare with small numbers; quotations can be
// paragraphs long).
func countWords(s string, limit int) int {
	n := 0
	inWord := false // (the byte before i is part of a word)
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load8(s, i); x&hi8 == 0 {
				// eight ASCII bytes at once: the words that start
				// among them are the word bytes after a blank (no
				// branch per byte on where words end, which the
				// processor cannot foresee)
				word := ^(ge8(x, ' ')&le8(x, ' ') | ge8(x, '\t')&le8(x, '\r')) & hi8
				n += bits.OnesCount64(word &^ (word<<8 | uint64(b2u(inWord))<<7))
				if n >= limit && n > 0 {
					return max(limit, 1) // (as the byte-by-byte count stops)
				}
				inWord = word>>63 != 0
				i += 8
				continue
			}
		}
		// a rune beyond ASCII among the eight bytes, or the last bytes:
		// rune by rune (an invalid byte, RuneError, is part of a word)
		var blank bool
		if c := s[i]; c < utf8.RuneSelf {
			blank = c == ' ' || c-'\t' <= '\r'-'\t' // (\t \n \v \f \r)
			i++
		} else {
			r, m := utf8.DecodeRuneInString(s[i:])
			blank = unicode.IsSpace(r)
			i += m
		}
		if !blank && !inWord {
			if n++; n >= limit {
				return n
			}
		}
		inWord = !blank
	}
	return n
}

// clauseOpeners start a subordinate clause that may hold an attribution
// of its own: "..., as he urges ...".
var clauseOpeners = map[string]bool{
	"as": true, "while": true, "when": true, "because": true, "after": true, "before": true,
	"since": true, "if": true, "although": true, "though": true, "whereas": true, "until": true,
}

// namingVerbs introduce a name or label in quote marks, not speech.
var namingVerbs = map[string]bool{
	"called": true, "calls": true, "call": true, "calling": true, "dubbed": true, "titled": true,
	"described": true, "labeled": true, "labelled": true, "named": true, "termed": true, "nicknamed": true,
	"branded": true, "entitled": true,
}

// gapNamingVerbs name a thing with the quotation after them and take the
// thing named as an object first ("called the plan “a disgrace”"), which
// stands before the verb when none follows it.
var gapNamingVerbs = map[string]bool{
	"called": true, "calls": true, "call": true, "dubbed": true, "labeled": true, "labelled": true,
	"termed": true, "branded": true, "nicknamed": true,
}

// relativizers open a relative clause whose object is gapped.
var relativizers = map[string]bool{"what": true, "who": true, "whom": true, "which": true, "that": true}

// gapNaming widens each direct quote right after a naming verb with no
// object between them, when the thing named stands before the verb, to
// the clause of that verb, a partial quote: the relative clause of "what
// aide Kevin Phillips called “…”", "a clip that the judge called “…”",
// or the passive clause of "it was labeled “…”", as PolNeAR annotates
// them. qs is sorted and disjoint, and stays so.
func (d *doc) gapNaming(qs []cand) {
	for i := range qs {
		q := &qs[i]
		if q.kind != storyline.Direct || q.cueTok < 0 || q.cueTok+1 != d.tokAt(q.s) || !gapNamingVerbs[d.lower(q.cueTok)] {
			continue
		}
		ri := sort.Search(len(d.regs), func(j int) bool { return d.regs[j].s >= q.s })
		if ri == len(d.regs) || d.regs[ri].s != q.s {
			continue
		}
		if re := d.regs[ri].e; re < q.e {
			// “the plan” a disgrace: the quotation is the object, the
			// words after it name it; but “…” by Anna Lind is the
			// passive's agent, outside the content
			if t := d.tokAt(re); t >= len(d.toks) || d.lower(t) != "by" {
				continue
			}
			q.e = re
		}
		spkA, spkB := -1, -1
		if q.spkS >= 0 {
			spkA, spkB = d.tokAt(q.spkS), d.tokAt(q.spkE)
		}
		k := d.gapNamingStart(q.cueTok, spkA, spkB)
		if k < 0 || i > 0 && d.toks[k].Start < qs[i-1].e {
			continue
		}
		q.s = d.toks[k].Start
		q.kind = storyline.Partial
	}
}

// gapNamingStart returns the first token of the clause of the naming
// verb c (gapNaming), whose speaker has the tokens [spkA, spkB) (spkA < 0
// when there is none), or -1 when the verb has no subject before it or
// the clause cannot be told.
func (d *doc) gapNamingStart(c, spkA, spkB int) int {
	sa, _ := d.sentBounds(c)
	k := c
	if spkA >= 0 && spkB <= c {
		if spkB < c-4 || spkA < sa {
			return -1
		}
		k = spkA
	} else {
		// passive: the auxiliaries and adverbs before the verb, then
		// the subject back to the clause's edge
		for k-1 >= sa && c-k < 4 && (aux[d.lower(k-1)] || d.lower(k-1) == "being") {
			k--
		}
		if k == c || !d.passiveAux(k, c) {
			return -1
		}
		j := k
		for j-1 >= sa && k-j < 8 && d.tokReg[j-1] < 0 && !relativizers[d.lower(j-1)] && !clauseEdge(d.toks[j-1].Text) {
			j--
		}
		if j == k || j-1 >= sa && k-j >= 8 {
			return -1
		}
		k = j
	}
	if k-1 >= sa && relativizers[d.lower(k-1)] {
		k--
	}
	return k
}

// passiveAux reports whether the auxiliaries [k, c) make the verb at c
// passive: a form of "be" among them.
func (d *doc) passiveAux(k, c int) bool {
	for ; k < c; k++ {
		switch d.lower(k) {
		case "is", "was", "were", "are", "be", "been", "being":
			return true
		}
	}
	return false
}

// clauseEdge reports whether a token ends the clause before a subject:
// punctuation, a coordinating conjunction or a subordinator.
func clauseEdge(t string) bool {
	switch t {
	case ",", ";", ":", "(", ")", "--", "—", "–", "and", "but", "or":
		return true
	}
	return subordinators[strings.ToLower(t)]
}

// commaSoon reports whether a comma follows within a few tokens from i,
// before hi: "Trump said on Friday, adding ...".
func (d *doc) commaSoon(i, hi int) bool {
	for k := i; k < hi && k < i+6; k++ {
		if d.toks[k].Text == "," {
			return true
		}
		if d.lower(k) == "that" {
			return false
		}
	}
	return false
}

// npRightJoined is npRight over phrases joined by "and" or a preposition
// of a title: "said lobbyist and party strategist Ann Lind", "said a
// former spokesman for the harbour board".
func (d *doc) npRightJoined(j, hi int) (int, int, bool) {
	s, e, ok := d.npRight(j, hi)
	for n := 0; ok && n < 3 && e+1 < hi; n++ {
		switch d.lower(e) {
		case "and", "for", "of", "at", "with", "from":
		default:
			return s, e, true
		}
		_, e2, ok2 := d.npRight(e+1, hi)
		if !ok2 {
			break
		}
		e = e2
	}
	return s, e, ok
}

// appositiveTail reports whether tokens [k, sb) after a speaker phrase
// hold no reported clause of their own: no "that", cue or quotation
// before a relative pronoun ("David Autor, a professor who has
// published ...").
func (d *doc) appositiveTail(k, sb int) bool {
	for i := k; i < sb; i++ {
		switch d.lower(i) {
		case "who", "whose", "which":
			return true
		case "that":
			return false
		}
		if d.tokReg[i] >= 0 || d.isCue(i, cueRate) {
			return false
		}
	}
	return true
}

// finalTail reports whether the words after an attribution "X said" at
// ce, up to the sentence end sb, report nothing of their own: a comma
// and a participle ("said, adding, ...") or an adjunct of time or place
// with no "that" or cue ("said during his speech to be a delegate").
func (d *doc) finalTail(ce, sb int) bool {
	if d.toks[ce].Text != "," && d.adjunctAt(ce) {
		// "said Tuesday in Paris, noting ...": an adjunct up to a comma
		k := ce + 1
		for k < sb && k < ce+8 && d.toks[k].Text != "," && d.tokReg[k] < 0 && !d.verbish(k) && d.cueScore(k) < cueRate {
			k++
		}
		if k < sb && k < ce+8 && d.toks[k].Text == "," {
			ce = k
		}
	}
	if d.toks[ce].Text == "," && ce+1 < sb && isParticiple(d.lower(ce+1)) && isLowerWord(d.toks[ce+1].Text) {
		// "..., he said, wiping sweat off his face", ", adding that"
		return true
	}
	if d.toks[ce].Text == "," && ce+1 < sb && (d.lower(ce+1) == "a" || d.lower(ce+1) == "an" || d.lower(ce+1) == "which") {
		// "... for purposes of asylum, Sanders said, a policy that
		// could ...": an appositive to the reported clause
		return true
	}
	switch d.lower(ce) {
	case "during", "at", "after", "before", "while", "when":
		return !d.hasThatOrCue(ce, sb)
	}
	return d.adjunctTail(ce, sb)
}

// adjunctTail reports whether tokens [ce, sb) after an attribution are
// adjuncts of time and place, or the addressee of "told", up to the
// sentence end, with no clause of their own: "..., Bill Clinton said this
// week at an event in Iowa.", "..., an official told The New York
// Times.", "..., he told the court in his filing.". A verb, "that", a pronoun subject, a quotation or a comma in
// them means they may report something.
func (d *doc) adjunctTail(ce, sb int) bool {
	if sb-ce > 12 {
		return false
	}
	switch d.lower(ce - 1) {
	case "told", "tells", "tell":
		if !d.adjunctAt(ce) && !(d.xf[ce]&sCap != 0 || d.lower(ce) == "reporters" || d.lower(ce) == "the" || objPronouns[d.lower(ce)]) {
			return false
		}
		if objPronouns[d.lower(ce)] {
			ce++ // "…, the mayor told her."
		}
	default:
		if !d.adjunctAt(ce) {
			return false
		}
	}
	for k := ce; k < sb; k++ {
		w := d.lower(k)
		if d.tokReg[k] >= 0 {
			// (a title in marks names a show or a paper: "said on
			// Harbour Radio's “Morning Tide.”")
			if r := d.regs[d.tokReg[k]]; d.titleLike(r) {
				for k+1 < sb && d.toks[k+1].Start < r.e {
					k++
				}
				continue
			}
			return false
		}
		if d.verbish(k) || d.flags[k]&(fAux|fPron) != 0 && w != "his" && w != "her" && w != "their" && w != "its" || w == "that" || k == ce && isParticiple(w) {
			return false
		}
		if x := d.toks[k].Text; x == "," || x == ":" || x == ";" || isDash(x) {
			return false
		}
		if k > ce && d.isCue(k, cueRate) && !strings.HasSuffix(w, "ing") {
			return false
		}
	}
	return true
}

// objPronouns may be the addressee of "told" closing a sentence.
var objPronouns = map[string]bool{"her": true, "him": true, "them": true, "us": true, "me": true}

// thatAfterComma reports whether a comma within a few tokens from i is
// followed by "that" ("said, twice, that ...").
func (d *doc) thatAfterComma(i, hi int) bool {
	for k := i; k+1 < hi && k < i+6; k++ {
		if d.toks[k].Text == "," && d.lower(k+1) == "that" {
			return true
		}
	}
	return false
}

// overlapsSorted is overlapsAny for quotes sorted by start that do not
// overlap each other.
func overlapsSorted(qs []cand, q cand) bool {
	k := searchEnd(qs, q.s)
	return k < len(qs) && qs[k].s < q.e
}

var prepositions = map[string]bool{"in": true, "at": true, "on": true, "for": true, "from": true, "with": true, "near": true, "outside": true, "inside": true, "of": true}

// baseSpeech are reporting verbs in the plain present, taken after a
// quotation and a plural subject ("“...,” the two write").
var baseSpeech = map[string]bool{"write": true, "state": true, "say": true, "note": true, "argue": true,
	"add": true, "insist": true, "warn": true, "explain": true, "claim": true, "conclude": true}

// invertedCues are the reporting verbs that stand before their speaker
// after a reported clause ("..., said Larry Sabato, director of ...").
var invertedCues = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "wrote": true,
	"writes": true, "noted": true, "explained": true, "argued": true, "warned": true, "insisted": true,
	"recalled": true, "acknowledged": true, "conceded": true, "observed": true, "cautioned": true}

// clauseBefore reports whether tokens [a, b) hold a verb or an auxiliary
// outside quote marks, a clause rather than a subject with an appositive
// ("Mr. Trump's former campaign manager, Corey Lewandowski, said").
func (d *doc) clauseBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if d.tokReg[k] < 0 && (d.verbish(k) || d.flags[k]&fAux != 0 && d.lower(k) != "'s" && d.lower(k) != "’s") {
			return true
		}
	}
	return false
}

// hasFiniteVerb guesses whether tokens [a, b) hold a finite verb, so that
// they form a clause rather than an adverbial ("On Monday,").
func (d *doc) hasFiniteVerb(a, b int) bool {
	for k := a; k < b; k++ {
		w := d.lower(k)
		switch w {
		case "'s", "'re", "’s", "’re":
			return true
		}
		if finiteAux(w) {
			return true
		}
		if k > a && strings.HasSuffix(w, "ed") && isLowerWord(d.toks[k].Text) {
			return true
		}
	}
	return false
}

// finiteAux reports whether w is a finite form of "be", "have" or "do",
// or a modal.
func finiteAux(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "does", "do", "did":
		return true
	}
	return false
}

// hasPresentVerb reports whether tokens [a, b) hold a verb in the third
// person present right after its subject: a lower-case word in -s after
// a capitalised name or "he", "she", "it" ("Mr. Varga intends to").
func (d *doc) hasPresentVerb(a, b int) bool {
	for k := a + 1; k < b; k++ {
		w := d.lower(k)
		if len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || w[len(w)-2] == 'u' || w[len(w)-2] == 'i' || d.xf[k]&sLower == 0 || d.tokReg[k-1] >= 0 {
			continue
		}
		if p := d.lower(k - 1); p == "he" || p == "she" || p == "it" || d.xf[k-1]&sCap != 0 && !determinerCap[d.toks[k-1].Text] {
			return true
		}
	}
	return false
}

// subjectAt returns the subject phrase opening a clause at token sa: a
// pronoun, or a run of capitalised words (with "of", "the", "'s" inside).
func (d *doc) subjectAt(sa, hi int) (int, int, bool) {
	if sa >= hi {
		return 0, 0, false
	}
	if d.xf[sa]&xPronoun != 0 {
		return sa, sa + 1, true
	}
	k := sa
	for k < hi && k < sa+7 && d.tokReg[k] < 0 {
		t := d.toks[k].Text
		if isCap(t) && !determinerCap[t] || k > sa && (t == "'s" || t == "’s" || d.lower(k) == "of" || d.lower(k) == "the") {
			k++
			continue
		}
		break
	}
	for k > sa && (d.lower(k-1) == "of" || d.lower(k-1) == "the") {
		k--
	}
	if k == sa {
		return 0, 0, false
	}
	// "Ukraine's president": a possessive takes in its head noun.
	if t := d.toks[k-1].Text; t == "'s" || t == "’s" {
		for m := k; m < hi && m < k+3 && isLowerWord(d.toks[m].Text) && d.npTokOK(m) && !d.verbish(m) && !d.in(m, yPastIrregular); m++ {
			k = m + 1
		}
	} else {
		// "Nordic ministers have made clear": lower-case nouns after
		// the capitalised words, up to the verb, and a name after them
		// ("Union leader Rosa Lind issued").
		m := k
		for m < hi && m < k+3 && isLowerWord(d.toks[m].Text) && d.npTokOK(m) && !d.verbish(m) && !d.in(m, yPastIrregular) && d.flags[m]&(fAux|fDet|fPron) == 0 {
			m++
		}
		if m > k {
			for n := m; n < hi && n < m+4 && d.tokReg[n] < 0 && isCap(d.toks[n].Text) && !determinerCap[d.toks[n].Text]; n++ {
				m = n + 1
			}
		}
		if m > k && (m == hi || m < len(d.toks) && (d.flags[m]&fAux != 0 || d.verbish(m))) {
			k = m
		}
	}
	return sa, k, true
}

// clauseSubject finds the subject of the clause starting at token sa,
// before token hi: past connectives, sentence openers and a leading
// adverbial closed by a comma ("Last week, he ..."), a pronoun or a run
// of capitalised words, or a determiner with a few words before a verb.
func (d *doc) clauseSubject(sa, hi int) (int, int, bool) {
	k := d.clauseBegin(sa, hi)
	if s, e, ok := d.subjectAt(k, hi); ok {
		if e < hi && d.toks[e].Text == "," && d.nameOnly(s, e) {
			// "Mayor Ada Quist, whose views … have upset her party,
			// last year proposed": the name takes in its appositive.
			for c := e + 1; c < hi && c < e+30; c++ {
				if d.toks[c].Text == "," {
					if d.appositiveSubject(s, c) {
						e = c + 1
					}
					break
				}
			}
		}
		// (a subject inside a quotation is no subject of the clause
		// around it: “... He's a hater,” Trump said)
		return s, e, d.tokReg[s] < 0
	}
	if k < hi && d.flags[k]&fDet != 0 && d.tokReg[k] < 0 {
		for m := k + 1; m < hi && m < k+5; m++ {
			if d.verbish(m) || d.in(m, yPastIrregular) || d.flags[m]&fAux != 0 {
				if m > k+1 {
					return k, m, true
				}
				break
			}
			if !d.npTokOK(m) {
				break
			}
		}
	}
	return 0, 0, false
}

// clauseBegin returns the first token of the main clause of the sentence
// part [sa, hi): after a dateline, connectives and a leading adverbial.
func (d *doc) clauseBegin(sa, hi int) int {
	k := d.skipDateline(sa, hi)
	prep := k < hi && sentenceOpeners[d.toks[k].Text] && d.xf[k]&xPrep != 0
	for k < hi && (d.flags[k]&fConn != 0 || sentenceOpeners[d.toks[k].Text] || d.toks[k].Text == ",") {
		k++
	}
	// a leading adverbial: up to a comma, with no verb of its own unless
	// it opened with a participle or a conjunction ("Asked whether ...,")
	opened := k > sa
	// (after "Recently," or "But", a name with its place, "Tom Lind of
	// Castelmar, N.H., stood …", is the subject, not an adverbial)
	bare := !opened || d.toks[k-1].Text == "," || coordConj[d.lower(k-1)]
	for m := k; m < hi && m < k+20; m++ {
		if d.toks[m].Text == "," {
			if bare && d.nameOnly(k, m) && !d.relativeUntil(m+1, hi) {
				break
			}
			if m+1 < hi && (opened || !d.hasFiniteVerb(k, m)) {
				k = m + 1
				// "At a campaign event in Ames, Iowa, on Sunday, Mrs.
				// Clinton": the adverbial goes on over a state name
				// and a phrase of time
				for prep && k+1 < hi {
					n := k + 1
					if !(isCap(d.toks[k].Text) && d.toks[n].Text == ",") {
						for n < hi && n < k+5 && d.toks[n].Text != "," && !d.verbish(n) {
							n++
						}
						if !(d.xf[k]&xPrep != 0 && isLowerWord(d.toks[k].Text)) || n >= hi || d.toks[n].Text != "," {
							break
						}
					}
					k = n + 1
				}
			}
			break
		}
	}
	return d.pastTimeLead(k, hi)
}

// relativeUntil reports whether a relative clause opens at token r and
// runs on to token hi ("Lind, who a week ago surprised Varga by
// declaring …": a cue inside it has the relative pronoun for subject;
// in "Lind, who grew up on the docks, said …" the clause closes first).
func (d *doc) relativeUntil(r, hi int) bool {
	if r >= hi || d.xf[r]&xRelOpener == 0 {
		return false
	}
	for k := r + 1; k < hi; k++ {
		if d.toks[k].Text == "," || isDash(d.toks[k].Text) {
			return false
		}
	}
	return true
}

// coordConj are the conjunctions that join clauses without opening an
// adverbial of their own.
var coordConj = map[string]bool{"and": true, "but": true, "yet": true, "so": true, "or": true}

// nameOnly reports whether tokens [a, b) are a name and nothing else
// ("Tom Lind of Castelmar"): capitalised words, "of" between them, no
// sentence opener, determiner or word of time first.
func (d *doc) nameOnly(a, b int) bool {
	if a >= b || !isCap(d.toks[a].Text) || d.flags[a]&(fOpener|fDet|fPron) != 0 || d.timeHead(a) || d.tokReg[a] >= 0 {
		return false
	}
	if w := d.lower(a); b == a+1 && (strings.HasSuffix(w, "ly") || ordinalOpeners[w]) {
		return false // "Mostly, they've offered", "First, she …"
	}
	for k := a; k < b; k++ {
		if !(isCap(d.toks[k].Text) && d.tokReg[k] < 0 && !d.timeHead(k) || k > a && k+1 < b && d.lower(k) == "of") {
			return false
		}
	}
	return true
}

// ordinalOpeners open a sentence as adverbs ("First, …", "Granted, …").
var ordinalOpeners = map[string]bool{"first": true, "second": true, "third": true, "fourth": true,
	"last": true, "next": true, "granted": true, "sure": true, "true": true, "yes": true, "no": true,
	"well": true, "now": true, "again": true, "still": true, "instead": true, "meanwhile": true}

// timeUnits head a phrase of time counted back or forward from the
// story's moment ("a few minutes later", "two days earlier").
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "moment": true, "moments": true,
	"hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "year": true, "years": true, "decade": true, "decades": true,
}

// pastTimeLead skips a phrase of time that opens the clause at token k
// with no comma after it ("A few minutes later they …", "Moments later
// Varga …", "Two days earlier the council …"): the subject follows it.
// (In "The Times later said" no count or unit comes before "later".)
func (d *doc) pastTimeLead(k, hi int) int {
	for m := k; m < hi && m < k+5 && d.tokReg[m] < 0; m++ {
		if d.in(m, yTimeUnit) {
			if m+2 < hi && (d.lower(m+1) == "later" || d.lower(m+1) == "earlier" || d.lower(m+1) == "ago") {
				n := m + 2
				if d.toks[n].Text == "," {
					n++
				}
				return n
			}
			return k
		}
		if !d.in(m, yTimeCount) && !isNumberWord(d.toks[m].Text) {
			return k
		}
	}
	return k
}

// looseSubject reports whether tokens [t, c) can be read as one subject
// phrase with an inner comma or "and" that npLeft does not take in: it
// opens with a determiner, "this" or a capitalised word, holds no verb
// and at most twelve tokens.
func (d *doc) looseSubject(t, c int) bool {
	if c-t < 2 || c-t > 12 {
		return false
	}
	if w := d.lower(t); !(d.flags[t]&fDet != 0 || w == "this" || isCap(d.toks[t].Text) && !sentenceOpeners[d.toks[t].Text]) {
		return false
	}
	for k := t; k < c; k++ {
		x := d.toks[k].Text
		switch {
		case x == "," || x == "(" || x == ")" || x == ".":
			if k == t || k == c-1 && x != "," {
				return false
			}
		case d.lower(k) == "and":
			if k == t || k+1 >= c || !d.npTokOK(k+1) {
				return false
			}
		case k == t && d.lower(k) == "this":
		case d.flags[k]&fPron != 0 || d.lower(k) == "of" && d.commaSoon(k, c):
			// "In South Carolina, he said": a pronoun is the subject of
			// its own; "the dawn of the movement, Bozell said" is an
			// appositive to the quote.
			return false
		case d.verbish(k) && !(k == t+1 && d.flags[t]&fDet != 0) || d.flags[k]&fAux != 0 || !d.npTokOK(k):
			return false
		}
	}
	return true
}

// longSubject finds a longer subject phrase opening the clause at sa,
// before hi: a determiner or a capitalised word and up to ten words
// with no verb, ended by a verb or an auxiliary ("Another source
// familiar with Cruz's thinking said", "The Slate technology columnist
// David Auerbach went so far as to say").
func (d *doc) longSubject(sa, hi int) (int, int, bool) {
	k := sa
	for k < hi && (d.flags[k]&fConn != 0 || sentenceOpeners[d.toks[k].Text]) {
		k++
	}
	if k >= hi || !(d.flags[k]&fDet != 0 || isCap(d.toks[k].Text)) || d.tokReg[k] >= 0 {
		return 0, 0, false
	}
	for m := k + 1; m < hi && m < k+11; m++ {
		if d.verbish(m) || d.flags[m]&fAux != 0 {
			if m > k+1 {
				return k, m, true
			}
			break
		}
		if !d.npTokOK(m) && d.lower(m) != "with" && d.lower(m) != "for" && d.lower(m) != "in" {
			break
		}
	}
	return 0, 0, false
}

// skipDateline returns the token after a dateline opening a sentence at
// token sa ("PORT SALLOW (Reuters) —", "VARNOGRAD -"), or sa.
func (d *doc) skipDateline(sa, hi int) int {
	k := sa
	for k < hi && k < sa+4 && isCap(d.toks[k].Text) && len(d.toks[k].Text) > 1 && isUpperASCII(d.toks[k].Text) {
		k++
	}
	if k == sa {
		// "Castelmar (AFP) –": a place in title case needs the agency
		// in brackets and the dash.
		for k < hi && k < sa+3 && isCap(d.toks[k].Text) && d.tokReg[k] < 0 {
			k++
		}
		if k == sa || k+3 >= hi || d.toks[k].Text != "(" || d.toks[k+2].Text != ")" || !isCap(d.toks[k+1].Text) || !isDash(d.toks[k+3].Text) {
			return sa
		}
		return k + 4
	}
	if k < hi && d.toks[k].Text == "," {
		// "VARNOGRAD, March 3 (UPI) —"
		for m := k + 1; m < hi && m < k+8; m++ {
			if isDash(d.toks[m].Text) {
				return m + 1
			}
		}
		return sa
	}
	if k < hi && d.toks[k].Text == "(" {
		for k < hi && k < sa+10 && d.toks[k].Text != ")" {
			k++
		}
		k++
	}
	if k < hi && isDash(d.toks[k].Text) {
		return k + 1
	}
	return sa
}

// adjunctAt reports whether token i opens an adjunct of an attribution
// ("said about McCain's effort", "said at a rally") rather than reported
// content.
func (d *doc) adjunctAt(i int) bool {
	if i >= len(d.toks) {
		return true
	}
	switch d.lower(i) {
	case "about", "in", "on", "at", "during", "after", "as", "when", "while", "before", "of", "from", "outside", "inside", "later", "earlier", "recently", "last", "this", "yesterday", "today", "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "afterward", "afterwards", "via", "through", "with":
		return true
	}
	return false
}

// wentOn reports whether cue c is "went on" or "goes on", which goes on
// with a quotation like a speech verb ("“…?” Lind went on, as if …").
func (d *doc) wentOn(c int) bool {
	w := d.lower(c)
	if w != "went" && w != "goes" || c+1 >= len(d.toks) || d.lower(c+1) != "on" {
		return false
	}
	if c+2 == len(d.toks) {
		return true
	}
	x := d.toks[c+2].Text
	return x == "," || x == "." || x == ":" || d.tokReg[c+2] >= 0 // (not "went on to win")
}

// reportVerbs are the verbs of news outlets that close a sentence like a
// speech verb ("..., the Post reported, citing two officials"), though
// not speech verbs elsewhere ("reported contributions", "news reports").
var reportVerbs = map[string]bool{"reported": true, "reports": true}

// timeThenClause reports whether the tokens from i, before hi, are a
// phrase of time ("Wednesday", "on Friday", "last week") followed by the
// subject pronoun or "that" of a reported clause ("said Wednesday she
// wants", "said on Friday that"); it returns that clause's first token.
func (d *doc) timeThenClause(i, hi int) (int, bool) {
	k := i
	if k < hi && (d.lower(k) == "on" || d.lower(k) == "last" || d.lower(k) == "this" || d.lower(k) == "late" || d.lower(k) == "early") {
		k++
	}
	n := 0
	for k < hi && n < 2 && (d.xf[k]&(xWeekday|xTime) != 0 || d.lower(k) == "today" || d.lower(k) == "yesterday") {
		k++
		n++
	}
	if n == 0 || k+1 >= hi {
		return 0, false
	}
	switch d.lower(k) {
	case "he", "she", "they", "we", "i", "that":
		x := d.toks[k+1].Text
		return k, isWordTok(x) || x == ","
	}
	return 0, false
}

// appositiveSubject reports whether tokens [t, end) are a name followed
// by a comma and an appositive with no finite verb of its own: "Cecelia
// Purner, 67, a retired customer service representative in Allentown,
// Pa." or "Bill Eastland, wearing a cowboy hat".
func (d *doc) appositiveSubject(t, end int) bool {
	_, e, ok := d.subjectAt(t, end)
	if !ok || e >= end || d.toks[e].Text != "," {
		return false
	}
	inRel := false // inside a relative clause: "who was among those polled"
	for k := e + 1; k < end; k++ {
		if d.lower(k) == "who" || d.lower(k) == "which" {
			inRel = true
		}
		rel := inRel || k > 0 && (d.lower(k-1) == "has" || d.lower(k-1) == "had")
		if (d.flags[k]&fSpeech != 0 && !isParticiple(d.lower(k)) || d.lower(k) == "is" || d.lower(k) == "was" || d.verbish(k)) && !rel {
			return false
		}
	}
	return true
}

// isDash reports whether a token is a dash: hyphen, en dash, em dash,
// horizontal bar.
func isDash(x string) bool {
	// (the first byte turns most tokens down, in a test the processor
	// foresees: it mispredicted the comparisons one by one)
	if x == "" || x[0] != '-' && x[0] != 0xe2 {
		return false
	}
	return x == "-" || x == "–" || x == "—" || x == "―" || x == "--"
}

// attributedAhead reports whether the quote region ri, left open at its
// paragraph end, is continued by a chain of paragraphs that open with a
// quote mark, the last of which closes with an attribution of its own.
func (d *doc) attributedAhead(ri int) bool {
	for k := ri; k+1 < len(d.regs) && k < ri+8; k++ {
		r, r2 := d.regs[k], d.regs[k+1]
		if r2.s < r.e || strings.TrimSpace(d.text[r.e:r2.s]) != "" || !d.newlineBetween(r.e, r2.s) {
			return false
		}
		if a := d.after(r2); a.cue >= 0 && a.spkA >= 0 {
			return true
		}
		if r2.closed {
			return false
		}
	}
	return false
}

// startsLower reports whether the first letter inside a quotation is
// lower-case: the quoted words continue a sentence begun outside.
func startsLower(q string) bool {
	for _, r := range q {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// ofTail extends a quote whose attribution goes on with what the speech
// was about (“A,” Levine said of the council's support for ...; “A,”
// added Palmer, about the content mix): PolNeAR annotates the "of"
// phrase as a second content piece, so the quote's span runs to the end
// of the sentence.
func (d *doc) ofTail(c *cand, end int) {
	k := end
	if k < len(d.toks) && d.toks[k].Text == "," {
		k++
	}
	if k+1 >= len(d.toks) || d.lower(k) != "of" && d.lower(k) != "about" || d.breakBefore(k) || d.tokReg[k+1] >= 0 {
		return
	}
	_, sb := d.sentBounds(k)
	if sb-k < 2 || sb-k > 40 {
		return
	}
	for i := k + 1; i < sb; i++ {
		if d.breakBefore(i) || d.tokReg[i] >= 0 && !d.embeddedAt(int(d.tokReg[i])) {
			return
		}
	}
	c.e = max(c.e, d.contentEnd(c.s, d.toks[sb-1].End))
}

// hasSpeaker reports whether the cue at token k (in the sentence from
// sa) finds a speaker phrase, so that it heads an attribution of its own.
func (d *doc) hasSpeaker(k, sa int) bool {
	a := noAttr()
	d.speakerOf(&a, k, sa)
	return a.spkA >= 0
}

// secondAttribution returns where a reported clause that starts at token p
// stops, looking from token from to the sentence end sb (sentence start
// sa): before a second attribution ("..., X said", "and said that ...",
// ", telling reporters that ...", ", according to ..."); end (a byte
// offset) when there is none.
func (d *doc) secondAttribution(p, from, sa, sb, end int) int {
	// (the cues among the candidates of reportCue: isCue is false for
	// the other tokens, since cueRate >= reportRate: a third of those of
	// maybeCue, in the same order)
	hi := min(sb, p+80)
	cands := d.reportCue
	for j := cueFrom(cands, from); j < len(cands) && int(cands[j]) < hi; j++ {
		if e, ok := d.secondCut(int(cands[j]), p, sa, hi); ok {
			return e
		}
	}
	return end
}

// secondCut reports whether token k, after the start p of a reported
// clause (sentence start sa, search limit hi), heads a second
// attribution, and the byte where the clause then stops.
func (d *doc) secondCut(k, p, sa, hi int) (int, bool) {
	e, ok := d.secondCut1(k, p, sa, hi)
	if ok && d.lower(p) == "that" && e > d.toks[p].Start && countWords(d.text[d.toks[p].Start:e], 2) < 2 {
		// "said that while polls showed A, B": the cut would leave the
		// complementizer alone; the subordinate clause belongs to the
		// reported one
		return 0, false
	}
	return e, ok
}

// secondCut1 is secondCut before the test of what the cut leaves.
func (d *doc) secondCut1(k, p, sa, hi int) (int, bool) {
	if !d.isCue(k, cueRate) || d.tokReg[k] >= 0 {
		return 0, false
	}
	// cutBefore ends the clause before token cut, and before a comma
	// right before it.
	cutBefore := func(cut int) (int, bool) {
		if cut-1 >= p && d.toks[cut-1].Text == "," {
			cut--
		}
		return d.toks[cut].Start, true
	}
	// cutAt ends the clause before a second subject starting at token
	// s2 after a comma, a semicolon, a clause opener, a dash or a
	// coordinating word (", while Varga said B", "- he denies B", "and
	// Varga said B").
	cutAt := func(s2 int) (int, bool) {
		x := d.lower(s2 - 1)
		if x == "," || x == ";" || clauseOpeners[x] || isDash(x) || d.tokReg[s2-1] >= 0 && d.regEndsComma(d.regs[d.tokReg[s2-1]]) {
			return d.toks[s2-1].Start, true
		}
		if x == "and" || x == "but" {
			return cutBefore(s2 - 1)
		}
		return 0, false
	}
	if s2, _, ok := d.npLeft(k, p); ok && s2 > p {
		if e, ok := cutAt(s2); ok {
			return e, true
		}
		if d.lower(s2-1) == "which" && s2-3 >= p && d.lower(s2-2) == "to" && d.toks[s2-3].Text == "," {
			// "said that A, to which Varga replied that B"
			return d.toks[s2-3].Start, true
		}
	}
	if s2, ok := d.quantSubject(k, p); ok {
		// "said A, while another says B", "and nearly three in five said B"
		if e, ok := cutAt(s2); ok {
			return e, true
		}
	}
	w := d.lower(k)
	if d.flags[k]&fSpeech != 0 && !isParticiple(w) {
		// "proposed A, while Varga in a blog post said B": a subject,
		// then a short adjunct before its speech verb.
		for m := k - 1; m > p && m >= k-5 && d.tokReg[m] < 0 && d.toks[m].Text != "," && d.xf[m]&xRelOpener == 0; m-- {
			if m == k-1 || !prepositions[d.lower(m)] {
				continue
			}
			if s3, _, ok := d.npLeft(m, p); ok && s3 > p && s3 >= m-3 && (isCap(d.toks[s3].Text) || d.flags[s3]&fDet != 0 || isNumberWord(d.toks[s3].Text)) {
				if y := d.lower(s3 - 1); y == "," || y == ";" || clauseOpeners[y] {
					return d.toks[s3-1].Start, true
				}
			}
			break
		}
	}
	if w == "according" && d.toks[k-1].Text == "," {
		return d.toks[k-1].Start, true
	}
	if isParticiple(w) && k-1 > p && participleOpeners[d.lower(k-1)] {
		// "praised A while calling for B", "backed A before
		// questioning B": the participle heads an attribution of its
		// own.
		return cutBefore(k - 1)
	}
	if isParticiple(w) && d.toks[k-1].Text == "," {
		// "said A, telling reporters that B": the participle heads an
		// attribution of its own.
		return d.toks[k-1].Start, true
	}
	if isParticiple(w) && d.flags[k]&fSpeech != 0 {
		// "said A, with three in 10 saying B": "with" and the
		// participle's own subject open an attribution of its own.
		for j := k - 1; j > p && j >= k-6 && d.tokReg[j] < 0 && d.toks[j].Text != ","; j-- {
			if d.lower(j) == "with" && j+1 < k && d.toks[j-1].Text == "," {
				return d.toks[j-1].Start, true
			}
		}
	}
	if isParticiple(w) && d.tokReg[k-1] >= 0 && d.regEndsComma(d.regs[d.tokReg[k-1]]) {
		// "said the levy was “unfair,” noting that B": the comma
		// inside the marks.
		return d.regs[d.tokReg[k-1]].e, true
	}
	j := d.coordAt(k)
	if j < 0 {
		return 0, false
	}
	if k+1 < hi && j > p && d.lower(k+1) == "that" && !d.innerPast(p, sa, k) {
		// "fear that A and warn that B", "says A but argues that B": a
		// second cue with a clause of its own, its subject shared.
		return cutBefore(j)
	}
	if (d.flags[k]&fSpeech != 0 && !isParticiple(w) || d.verbish(k) || isParticiple(w)) && d.hasSpeaker(k, sa) {
		// "said A and said that B", "attacked him and questioned why
		// B", "said A and has called for B": the second cue (a speech
		// verb, or a finite verb with a subject of its own) heads a
		// clause of its own.
		return cutBefore(j)
	}
	return 0, false
}

// quantSubject returns the start of a subject of quantity right before
// the cue at token k, after token p, that npLeft does not read as a noun
// phrase: "another", "others", "three in five", "nearly four in 10".
func (d *doc) quantSubject(k, p int) (int, bool) {
	j := k - 1
	if j <= p {
		return 0, false
	}
	s := -1
	switch w := d.lower(j); {
	case w == "another" || w == "others":
		s = j
	case j-2 > p && d.lower(j-1) == "in" && isNumberWord(d.toks[j].Text) && isNumberWord(d.toks[j-2].Text):
		s = j - 2
		if s-1 > p && quantAdverbs[d.lower(s-1)] {
			s--
		}
	}
	return s, s > p
}

// quantAdverbs may stand before a number of a quantity ("nearly three
// in five").
var quantAdverbs = map[string]bool{"nearly": true, "almost": true, "about": true, "roughly": true, "only": true, "just": true, "some": true, "over": true}

// participleOpeners may open a participle clause after a reported
// clause ("while calling for", "before questioning").
var participleOpeners = map[string]bool{"while": true, "before": true, "after": true, "when": true}

// coordAt returns the index of the "and" or "but" that coordinates the
// verb at token k with a verb before it, its subject shared: the word
// right before k, or before an auxiliary of the perfect and an adverb
// ("and has called", "but also warned", "and then told"); -1 when there
// is none.
func (d *doc) coordAt(k int) int {
	j := k - 1
	if j > 0 && coordAdverbs[d.lower(j)] {
		j--
	}
	if j > 0 && perfectAux[d.lower(j)] {
		j--
	}
	if j > 0 && j < k-1 && coordAdverbs[d.lower(j)] {
		j-- // "and has also called"
	}
	if j < 1 {
		return -1
	}
	if x := d.lower(j); x == "and" || x == "but" {
		return j
	}
	return -1
}

// perfectAux are the auxiliaries of the perfect ("and has called").
var perfectAux = map[string]bool{"has": true, "have": true, "had": true}

// coordAdverbs may stand between a coordinating word and its verb.
var coordAdverbs = map[string]bool{"also": true, "then": true, "later": true, "again": true, "now": true}

// mainClauseCut ends a reported clause starting at token p before the
// main clause of its sentence (tokens [sa, sb)) when the attribution
// stands in a subordinate clause opening the sentence: "While she says
// she will not vote for him, she applauds his message": the content
// stops at the comma before "she applauds". end is a byte offset.
func (d *doc) mainClauseCut(p, sa, sb, end int) int {
	k0 := sa
	if !clauseOpeners[d.lower(k0)] && !(d.lower(k0) == "even" && k0+1 < sb && clauseOpeners[d.lower(k0+1)]) || d.toks[p-1].Text == "," {
		return end // ("As the Post reported, even if ..., he would ...": the main clause is the content)
	}
	for k := p + 1; k+2 < sb && d.toks[k].Start < end; k++ {
		if d.toks[k].Text != "," || d.tokReg[k] >= 0 {
			continue
		}
		switch d.lower(k + 1) {
		case "he", "she", "they", "it", "we", "i", "there":
			if isWordTok(d.lower(k + 2)) {
				return d.toks[k].Start
			}
		}
		if s2, e2, ok := d.npRight(k+1, sb); ok && s2 == k+1 && e2 < sb && (d.verbish(e2) || d.flags[e2]&fAux != 0) {
			return d.toks[k].Start // ", the police assaulted them"
		}
	}
	return end
}

// innerPast reports whether the cue at token k after "and" in a
// reported clause starting at token p (sentence start sa) may as well go
// on with that clause: it is in the past, as is the nearest cue before
// p, and no "that" opens the clause ("said the release “closed a
// chapter” and showed that ...": the release showed it).
func (d *doc) innerPast(p, sa, k int) bool {
	if d.lower(p) == "that" || !pastForm(d.lower(k)) {
		return false
	}
	for c := p - 1; c >= sa && c >= p-12; c-- {
		if d.isCue(c, reportRate) && d.tokReg[c] < 0 {
			return pastForm(d.lower(c))
		}
	}
	return false
}

// pastForm guesses whether w is a verb in the past.
func pastForm(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "thought" || w == "wrote" || w == "saw" || w == "felt" || w == "knew"
}

// maybeCueFrom returns the index in maybeCue of the first candidate at
// or after token k (len(maybeCue) when none). (A search whose steps
// depend on the length only, each half chosen without a branch: the
// processor cannot foresee which.)
func (d *doc) maybeCueFrom(k int) int { return cueFrom(d.maybeCue, k) }

// cueFrom is maybeCueFrom of a list of candidates in order, m.
func cueFrom(m []int32, k int) int {
	if len(m) == 0 {
		return 0
	}
	k = min(max(k, -1), 1<<31) // (no overflow below: the candidates are int32)
	base, n := 0, len(m)
	for n > 1 {
		half := n >> 1
		base += half & ((int(m[base+half]) - k) >> 63) // (when m[base+half] < k)
		n -= half
	}
	return base + int((uint(int(m[base])-k))>>63)
}

// leadIn reports whether the tokens [sa, c) only lead into the clause at
// c: connectives and a short adverbial closed by a comma ("But,
// according to the poll", "In addition, according to the department").
func (d *doc) leadIn(sa, c int) bool {
	if c <= sa || c-sa > 5 || d.toks[c-1].Text != "," && !(d.flags[c-1]&fConn != 0 && isLowerWord(d.toks[c-1].Text) || isCap(d.toks[c-1].Text) && leadConn[d.lower(c-1)]) {
		return false
	}
	for k := sa; k < c; k++ {
		if d.tokReg[k] >= 0 || d.verbish(k) || d.flags[k]&fAux != 0 && !leadAdverbs[d.lower(k)] {
			return false
		}
	}
	return true
}

// listTail returns the comma that ends a list whose first comma is token
// k ("according to interviews with his friends, aides and allies, he
// wants …": the comma after "allies"), or k when no list goes on there:
// up to three words with no verb and an "and" or "or" among them, then
// a comma.
func (d *doc) listTail(k, hi int) int {
	conj := false
	for m := k + 1; m < hi && m <= k+4; m++ {
		switch w := d.lower(m); {
		case w == "," && conj:
			return m
		case w == "and" || w == "or":
			conj = true
		case d.tokReg[m] >= 0 || !isWordTok(w) || d.verbish(m) || d.flags[m]&(fAux|fPron) != 0:
			return k
		}
	}
	return k
}

// capAfterBreak reports whether the capitalised token c follows a colon
// or a semicolon, or a quotation closed after its final stop ("…: According
// to recent polls, …", "… “Not much.” According to …"): it
// opens a clause of its own though the sentence goes on.
func (d *doc) capAfterBreak(c int) bool {
	if c < 1 || !isCap(d.toks[c].Text) {
		return false
	}
	if t := d.toks[c-1].Text; t == ":" || t == ";" {
		return true
	}
	if r := d.tokReg[c-1]; r >= 0 {
		b := strings.TrimRight(d.text[d.regs[r].s:d.regs[r].e], "\"'”’ ")
		return endsStop(b)
	}
	return false
}

// leadConn are the connectives that may open a sentence right before
// "according to" with no comma ("But according to the survey, …").
var leadConn = map[string]bool{"but": true, "and": true, "yet": true, "so": true}

// searchStart returns the index of the first quote of qs (sorted by
// start) that starts at or after byte b: sort.Search(len(qs), func(i int)
// bool { return qs[i].s >= b }), the same probes without a closure.
func searchStart(qs []cand, b int) int {
	i, j := 0, len(qs)
	for i < j {
		h := int(uint(i+j) >> 1)
		if qs[h].s < b {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// searchEnd returns the index of the first quote of qs that ends after
// byte b: sort.Search(len(qs), func(i int) bool { return qs[i].e > b }),
// the same probes (and so the same answer whatever the order of the
// ends) without a closure.
func searchEnd(qs []cand, b int) int {
	i, j := 0, len(qs)
	for i < j {
		h := int(uint(i+j) >> 1)
		if qs[h].e <= b {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// quoteWalk answers searchStart or searchEnd of qs (sorted by start) for
// bytes that mostly come in order, as reported asks: for a byte no
// smaller than the last, the answer is at or after the last answer, and
// k walks forward to it (a search cost more, and its steps mispredicted).
// A smaller byte, or for searchEnd ends out of order (search: the walk
// needs ends in order), gets the search.
type quoteWalk struct {
	qs     []cand
	k      int  // the answer for last
	last   int  // the last byte the walk answered
	search bool // always search
}

// start is searchStart(w.qs, b).
func (w *quoteWalk) start(b int) int {
	if b < w.last || w.search {
		return searchStart(w.qs, b)
	}
	w.last = b
	for w.k < len(w.qs) && w.qs[w.k].s < b {
		w.k++
	}
	return w.k
}

// end is searchEnd(w.qs, b).
func (w *quoteWalk) end(b int) int {
	if b < w.last || w.search {
		return searchEnd(w.qs, b)
	}
	w.last = b
	for w.k < len(w.qs) && w.qs[w.k].e <= b {
		w.k++
	}
	return w.k
}

// endsInOrder reports whether the ends of qs never fall.
func endsInOrder(qs []cand) bool {
	for i := 1; i < len(qs); i++ {
		if qs[i].e < qs[i-1].e {
			return false
		}
	}
	return true
}

// lastCued returns the quote with a cue that starts last before byte b,
// from qs (sorted) and add (in order).
func lastCued(qs, add []cand, b int) (cand, bool) {
	var best cand
	found := false
	k := searchStart(qs, b)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if qs[j].cueTok >= 0 {
			best, found = qs[j], true
			break
		}
	}
	for j := len(add) - 1; j >= 0 && j >= len(add)-3; j-- {
		if x := &add[j]; x.s < b && x.cueTok >= 0 {
			if !found || x.cueTok > best.cueTok {
				best, found = *x, true
			}
			break
		}
	}
	return best, found
}

// ownClause reports whether the cue at token c goes on with a reported
// clause of its own before hi: "that" after at most a short object ("told
// POLITICO that"), or words running into the next quotation ("He said
// American Jews “know ...”").
func (d *doc) ownClause(c, hi int) bool {
	for k := c + 1; k <= hi && k < len(d.toks) && k < c+6; k++ {
		x := d.toks[k].Text
		if d.lower(k) == "that" {
			return true
		}
		if d.tokReg[k] >= 0 {
			return k > c+1 && isWordTok(d.lower(k-1))
		}
		if x == "," || x == ":" || x == "." || d.verbish(k) || d.adjunctAt(k) {
			return false
		}
	}
	return false
}

// clauseAfterCue reports whether a clause with no "that" follows the
// cue at token c (search limit hi): a subject right after it and a
// finite verb or auxiliary after the subject ("said contractors cost
// more", "said the board would cut them").
func (d *doc) clauseAfterCue(c, hi int) bool {
	k := c + 1
	if k >= hi || d.tokReg[k] >= 0 || !isWordTok(d.lower(k)) || d.adjunctAt(k) {
		return false
	}
	if d.xf[k]&xPronoun == 0 && d.flags[k]&fDet == 0 && d.xf[k]&sLower != 0 && !d.npTokOK(k) {
		return false
	}
	_, e, ok := d.subjectAt(k, hi)
	if !ok {
		_, e, ok = d.npRight(k, hi)
	}
	return ok && e < hi && (d.verbish(e) || d.flags[e]&fAux != 0)
}

// relativeBefore returns the token of "who" or "which" standing right
// before the cue at token c, past auxiliaries and adverbs ("who has
// long opposed"), or -1.
func (d *doc) relativeBefore(c, lo int) int {
	for k := c - 1; k >= lo && k >= c-4 && d.tokReg[k] < 0; k-- {
		switch x := d.lower(k); {
		case x == "who" || x == "which":
			if k-1 >= 0 && (d.toks[k-1].Text == "," || x == "who" && d.npTokOK(k-1) && d.tokReg[k-1] < 0) {
				// ("Ann Lind who tweeted": PolNeAR takes "who" with
				// no comma too, 187 times of 197 on train)
				return k
			}
			return -1
		case d.flags[k]&fAux != 0 || x == "long" || strings.HasSuffix(x, "ly") && len(x) > 4:
		case d.in(k, yTimeWord) && k-1 >= lo && d.in(k-1, yTimeDet):
			k-- // "who last year threatened"
		default:
			return -1
		}
	}
	return -1
}

// relativeHead returns the start of the noun phrase whose relative clause
// ("who spoke anonymously to discuss") ends with the phrase at token s,
// when the clause's verb comes before s.
func (d *doc) relativeHead(s, lo int) (int, bool) {
	verb := false
	for w := s - 1; w > lo && w >= s-16; w-- {
		x := d.toks[w].Text
		if d.tokReg[w] >= 0 || x == "," || x == "." || x == ";" {
			return 0, false
		}
		if d.lower(w) == "to" {
			verb = true // "others who want to ban abortion said"
		}
		if (d.lower(w) == "speaking" || d.lower(w) == "talking") && w-1 > lo && d.toks[w-1].Text != "," {
			// "Another source speaking to Fox News said"
			if s2, e2, ok := d.npLeft(w, lo); ok && e2 == w {
				return s2, true
			}
			return 0, false
		}
		if d.lower(w) == "who" {
			if !verb && !(w+1 < s && isLowerWord(d.toks[w+1].Text) && d.flags[w+1]&(fStop|fDet|fPron) == 0) {
				// (the word right after "who" is its verb: "economists
				// who favor consumption taxes agree")
				return 0, false
			}
			if s2, e2, ok := d.npLeft(w, lo); ok && e2 == w {
				return s2, true
			}
			return 0, false
		}
		if d.verbish(w) || d.in(w, yPastIrregular) || isParticiple(d.lower(w)) || d.flags[w]&fAux != 0 || d.lower(w-1) == "to" && isLowerWord(d.toks[w].Text) {
			verb = true
		}
	}
	return 0, false
}

// setOffSubject finds a subject whose noun phrase is followed by a
// phrase set off by commas right before the cue at token c: "The ad,
// titled “Unifier?”, concludes", "A projection by Oxford Economics,
// prepared for the federation, predicted", "One ad, which is currently
// airing, argues". The span runs from the noun phrase to the second
// comma.
func (d *doc) setOffSubject(c, lo int) (int, int, bool) {
	if c-1 <= lo || d.toks[c-1].Text != "," {
		return 0, 0, false
	}
	sa, _ := d.sentBounds(c)
	sa = max(sa, lo)
	for p := c - 2; p > sa && p >= c-30; p-- {
		if d.toks[p].Text != "," {
			continue
		}
		s, e, ok := d.npLeft(p, sa)
		if !ok || e != p || !(s == sa || d.flags[s-1]&fConn != 0 || s-1 == sa && openingAdverbs[d.lower(sa)]) {
			if !d.detPhrase(sa, p) {
				return 0, 0, false
			}
			// "That letter, on … letterhead, demanded", "A legal
			// opinion drafted for the project in May 2012, and
			// obtained by AP, concluded"
			s = sa
		}
		// a relative pronoun may open the set-off phrase ("…, which is
		// currently airing, argues") or follow its head ("The docker,
		// a member who spoke on condition of anonymity, said"): verbs
		// after it are the relative clause's
		rel := false
		for m := p + 1; m < c-1; m++ {
			if w := d.lower(m); w == "which" || w == "who" || w == "whose" {
				rel = true
			}
			if d.lower(m) == "that" || d.toks[m].Text == ":" || !rel && d.verbish(m) && !strings.HasSuffix(d.lower(m), "ed") || !rel && d.flags[m]&fAux != 0 && isLowerWord(d.toks[m].Text) {
				return 0, 0, false
			}
			if d.anonymity(m) {
				// "The foreman, a union member who asked not to be
				// named, said": the unnamed source is the appositive
				return p + 1, c - 1, true
			}
			if c-p > 16 && d.isCue(m, cueRate) {
				// (a long set-off phrase that reports something of its
				// own: "Trump, who previously questioned whether …,
				// said": that attribution keeps its clause)
				return 0, 0, false
			}
		}
		return s, c - 1, true
	}
	return 0, 0, false
}

// detPhrase reports whether tokens [a, b) read as one noun phrase that
// a determiner opens, with at most a participle's phrase after its head
// ("A legal opinion drafted for the project in May 2012"): no finite
// verb, no quotation, no comma, at most 14 tokens.
func (d *doc) detPhrase(a, b int) bool {
	if b-a < 2 || b-a > 14 || !(d.flags[a]&fDet != 0 || d.lower(a) == "that" || d.lower(a) == "this") || d.xf[a]&xPronoun != 0 {
		return false
	}
	for k := a; k < b; k++ {
		if w := d.lower(k); d.tokReg[k] >= 0 || w == "," || finiteAux(w) || w == "'s" && k+1 < b && !isWordTok(d.lower(k+1)) {
			return false
		}
	}
	return isLowerWord(d.toks[a+1].Text) || isCap(d.toks[a+1].Text)
}

// openingAdverbs may open a sentence before its subject ("Even the
// biggest critics, like Lind, say").
var openingAdverbs = map[string]bool{"even": true, "only": true}

// timeDets open a phrase of time ("this week", "last year").
var timeDets = map[string]bool{"this": true, "last": true, "past": true, "next": true, "that": true}

// objectOf reports whether the phrase starting at token s is the object
// of a verb before it ("issued a statement", "put out a statement"), and
// the verb's token.
func (d *doc) objectOf(s, sa int) (int, bool) {
	v := s - 1
	if v > sa && (d.lower(v) == "out" || d.lower(v) == "up") {
		v--
	}
	return v, v >= sa && (d.verbish(v) || d.in(v, yPastIrregular) || d.flags[v]&fVerb != 0 && isLowerWord(d.toks[v].Text))
}

// catenatives are verbs and adverbs a participle may follow that are no
// subject of it ("he began dismissing", "continue calling", "instead
// seeking").
var catenatives = map[string]bool{"began": true, "begin": true, "begins": true, "continue": true, "continues": true,
	"keep": true, "keeps": true, "kept": true, "start": true, "starts": true, "stop": true, "instead": true,
	"went": true, "go": true, "goes": true, "came": true, "come": true, "spent": true}

// pastIrregular are past forms without "-ed" that take an object ("sent a
// memo to the Post explaining").
var pastIrregular = map[string]bool{"put": true, "sent": true, "wrote": true, "gave": true, "made": true,
	"took": true, "held": true, "brought": true, "began": true, "got": true, "read": true, "spoke": true}

// phraseJoins join a noun phrase to the one after it inside a subject.
var phraseJoins = map[string]bool{"in": true, "of": true, "from": true, "at": true, "with": true}

// timeHeads end a phrase of time that npLeft may take for a subject.
var timeHeads = map[string]bool{
	"ago": true, "weeks": true, "days": true, "months": true, "years": true, "nights": true, "times": true,
	"today": true, "yesterday": true, "tonight": true, "soon": true, "later": true, "earlier": true, "day": true,
}

// nameBeforeColon finds a capitalised name ending right before the colon
// at token tp, or before a short adjunct of time there ("in December
// 1992"), not reaching before token lo; it returns the name's last token.
func (d *doc) nameBeforeColon(tp, lo int) (int, bool) {
	k := tp - 1
	if k-1 >= lo && (d.lower(k-1) == "in" || d.lower(k-1) == "on") && (months[d.lower(k)] || weekdays[d.lower(k)]) {
		k -= 2
	} else if k-2 >= lo && d.lower(k-2) == "in" && months[d.lower(k-1)] && isYear(d.toks[k].Text) {
		k -= 3
	}
	if k < lo || k <= 0 || !isCap(d.toks[k].Text) || d.flags[k]&(fOpener|fPron|fDet) != 0 || d.breakBefore(k) {
		return 0, false
	}
	// not the object of a preposition: a byline ("by Times' Ben
	// Sisario:"), "contrasted him with Clinton:", "on CNN:"
	j := k
	for j > lo && (isCap(d.toks[j-1].Text) || d.lower(j-1) == "'s" || d.lower(j-1) == "’s" || d.lower(j-1) == "'" || d.lower(j-1) == "’") && !d.breakBefore(j) {
		j--
	}
	if j > 0 && (d.xf[j-1]&xPrep != 0 || d.lower(j-1) == "by" || d.lower(j-1) == "to" || d.lower(j-1) == "about") {
		return 0, false
	}
	return k, true
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// months are the month names an adjunct of time may end in.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// regWords is countWords(d.text[r.s:r.e], limit) for limit <= 9, each
// region of d.regs counted once.
func (d *doc) regWords(r region, limit int) int {
	lo := d.regionFrom(r.s)
	if limit > 9 || lo >= len(d.regs) || d.regs[lo].s != r.s || d.regs[lo].e != r.e {
		return countWords(d.text[r.s:r.e], limit)
	}
	return d.regWordsAt(lo, limit)
}

// regWordsAt is regWords(d.regs[k], limit) for limit <= 9, for callers
// that hold the region's index (no search).
func (d *doc) regWordsAt(k, limit int) int {
	if d.regW == nil {
		d.regW = grow(d.buf.regW, len(d.regs))
		d.buf.regW = d.regW
		for i := range d.regW {
			d.regW[i] = -1
		}
	}
	if d.regW[k] < 0 {
		r := d.regs[k]
		d.regW[k] = int8(countWords(d.text[r.s:r.e], 9))
	}
	return min(int(d.regW[k]), limit)
}

// regionFrom returns the index of the first region of d.regs (in order)
// starting at or after byte b, len(d.regs) when none: a search whose
// steps depend on the count only, each half chosen without a branch, as
// in maybeCueFrom (the processor cannot foresee which).
func (d *doc) regionFrom(b int) int {
	regs := d.regs
	if len(regs) == 0 {
		return 0
	}
	base, n := 0, len(regs)
	for n > 1 {
		half := n >> 1
		base += half & ((regs[base+half].s - b) >> 63) // (when regs[base+half].s < b; byte offsets do not overflow)
		n -= half
	}
	return base + int(uint(regs[base].s-b)>>63)
}

// regQuoteLike is quoteLike(d.text[r.s:r.e]).
func (d *doc) regQuoteLike(r region) bool { return d.regWords(r, 3) >= 3 }

// lowCueOK reports whether reported speech found at a weak cue c (a word
// annotated as a cue at least reportRate but less than cueRate of the
// time: "plans", "focused", "knew") is kept. On train such attributions
// come with the wrong speaker one time in four and are often deeds
// ("launched dozens of drones"), so only those whose speaker is a name or
// a personal pronoun right before the verb and whose content opens a
// clause ("to", "that", "whether", "on", a pronoun subject) are kept.
func (d *doc) lowCueOK(q *cand, c int) bool {
	if q.spkS < 0 || q.spkE > q.cueS || !isLowerWord(d.toks[c].Text) {
		return false
	}
	a, k := d.tokAt(q.spkS), d.tokAt(q.spkE)
	if c-k > 2 {
		return false // ("Clinton also plans": one word between at most)
	}
	f := d.tokAt(q.s)
	if f >= len(d.toks) {
		return false
	}
	// "Analysts believe the port will close": a verb whose clause has
	// no "that" speaks through the phrase right before it
	head := clauseHead[d.lower(f)]
	zero := !head && f == d.cueSpanEndTok(c)+1 && d.xf[c]&xPrep == 0 && !npStop[d.lower(c)] && d.zeroThatClause(f)
	if !head && !zero {
		return false
	}
	if zero && k == c && !impersonal[d.lower(a)] && d.groupHead(k-1) {
		return true
	}
	if k-a == 1 && personal[d.lower(a)] {
		return true
	}
	if impersonal[d.lower(a)] {
		return false
	}
	for i := a; i < k; i++ {
		if !isCap(d.toks[i].Text) && d.toks[i].Text != "." {
			return false
		}
	}
	return true
}

// weakCuePossible is a quick test of what lowCueOK will ask of a weak cue
// at token c: a lower-case word followed by a clause head (or a comma or
// adjunct before one), with a capitalised word or a personal pronoun at
// most three tokens before it, where a speaker could end.
func (d *doc) weakCuePossible(c int) bool {
	if !isLowerWord(d.toks[c].Text) {
		return false
	}
	if ce := d.cueSpanEndTok(c) + 1; ce >= len(d.toks) || !clauseHead[d.lower(ce)] && d.toks[ce].Text != "," && !d.adjunctAt(ce) && !d.zeroThatClause(ce) {
		return false
	}
	for k := c - 1; k >= 0 && k >= c-3; k-- {
		if isCap(d.toks[k].Text) || personal[d.lower(k)] {
			return true
		}
	}
	return false
}

// groupHead reports whether token h may end a speaker phrase that names
// people by what they are ("Analysts", "port officials", "many"): a
// capitalised word, a personal pronoun, a plural noun or a quantifier.
func (d *doc) groupHead(h int) bool {
	w := d.lower(h)
	switch {
	case d.tokReg[h] >= 0 || d.xf[h]&xPrep != 0:
		return false
	case isCap(d.toks[h].Text), personal[w], quantifierHead[w]:
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !npStop[w]
}

// quantifierHead are the words that stand for a group of people alone
// ("few believe", "many fear").
var quantifierHead = map[string]bool{"few": true, "many": true, "some": true, "most": true, "others": true}

// raisedSubject finds the start of the content of a raising verb c
// ("expected") whose subject is no phrase right before it: a relative
// word ("dockers who are expected to ...") or, after a comma or a
// coordinating word, the subject of the sentence ("The board, which met
// on Monday, is expected to ...", "She is moving but is expected to
// ...").
func (d *doc) raisedSubject(c, sa int) (int, bool) {
	k := c - 1
	for k > sa && (d.flags[k]&fAux != 0 || d.xf[k]&(sLy|sLower) == sLy|sLower) {
		k--
	}
	switch d.lower(k) {
	case "who", "which", "that":
		return k, k < c-1
	case ",", "but", "and":
		if s, _, ok := d.clauseSubject(sa, k); ok {
			return s, true
		}
		// ("The board, which met on Monday, is": a determiner's phrase)
		s := d.skipDateline(sa, k)
		return s, s < k && d.flags[s]&fDet != 0 && d.tokReg[s] < 0
	}
	return 0, false
}

// zeroThatClause reports whether a clause with no "that" opens at token
// p: a short noun phrase and then a finite verb.
func (d *doc) zeroThatClause(p int) bool {
	if p >= len(d.toks) || d.tokReg[p] >= 0 || !d.npTokOK(p) || d.verbish(p) || d.flags[p]&fAux != 0 {
		return false
	}
	for k := p + 1; k < len(d.toks) && k < p+6; k++ {
		if finiteAux(d.lower(k)) || d.verbish(k) || d.in(k, yPastIrregular) {
			return true
		}
		if !d.npTokOK(k) {
			return false
		}
	}
	return false
}

// personal are the pronouns lowCueOK accepts as a speaker.
var personal = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "who": true}

// impersonal are sentence-opening words of a capitalised phrase that is no
// speaker ("It is unclear", "What is clear", "The ...").
var impersonal = map[string]bool{"it": true, "what": true, "this": true, "that": true, "there": true, "which": true, "the": true}

// clauseHead are the words that open content at a weak cue.
var clauseHead = map[string]bool{
	"that": true, "to": true, "whether": true, "if": true, "how": true, "what": true, "why": true,
	"who": true, "when": true, "on": true, "about": true, "for": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "there": true,
}

// relativeEnd returns where a relative clause set off by a comma, whose
// words run from after token p, ends: at a comma followed by a finite verb
// (the main clause resuming), or end if none comes before it.
func (d *doc) relativeEnd(p, sb, end int) int {
	for k := p + 1; k+1 < sb && d.toks[k].Start < end; k++ {
		if d.toks[k].Text == "," && d.resumes(k+1) {
			return d.toks[k].Start
		}
	}
	return end
}

// restrictiveEnd returns where the content that starts at token p of a
// cue in a relative clause with no comma ends: before the next verb that
// is a cue, which is the main clause's ("economists who favor [harbour
// fees] agree that", "dockers who have backed [the strike] warned"), or at
// end.
func (d *doc) restrictiveEnd(p, end int) int {
	for k := p + 1; k < len(d.toks) && d.toks[k].Start < end; k++ {
		if d.tokReg[k] >= 0 || d.toks[k].Text == "," {
			return end
		}
		if d.xf[k]&sLower != 0 && !isParticiple(d.lower(k)) && d.isCue(k, cueRate) && d.flags[k-1]&(fAux|fStop|fDet|fPron) == 0 && d.xf[k-1]&sLy == 0 && !d.verbish(k-1) && (d.npTokOK(k-1) || isDash(d.toks[k-1].Text)) && d.tokReg[k-1] < 0 {
			// (after a noun: "fees agree", "strike warned"; not "was
			// widely condemned", "repeated claims")
			return d.toks[k-1].End
		}
	}
	return end
}

// resumes reports whether token k looks like the finite verb of a main
// clause resuming after a relative clause.
func (d *doc) resumes(k int) bool {
	x := d.lower(k)
	return isLowerWord(d.toks[k].Text) && (d.verbish(k) || d.flags[k]&(fAux|fVerb) != 0 || d.in(k, yPastIrregular) || strings.HasSuffix(x, "s") && !strings.HasSuffix(x, "ss"))
}

// wholeSubject returns, for a speech verb at c whose subject the phrase
// rules did not find, the whole stretch from the start of its clause to
// the verb when it reads as a subject ("Again, those surveyed said", "The
// employee of four years, a Republican who asked not to be named, said"):
// no verb of its own outside relative clauses, no quotation. Otherwise it
// returns -1, -1.
func (d *doc) wholeSubject(c, sa int) (int, int) {
	if d.flags[c]&fSpeech == 0 || isParticiple(d.lower(c)) || c <= sa {
		return -1, -1
	}
	if x := d.lower(c - 1); x == "be" || x == "been" || x == "being" || x == "to" {
		return -1, -1 // ("could not be said", "to be said")
	}
	k := d.clauseBegin(sa, c)
	e := c
	for e > k && (d.toks[e-1].Text == "," || isDash(d.toks[e-1].Text) || d.flags[e-1]&fAux != 0 || d.xf[e-1]&sLy != 0 || subjectAdverbs[d.lower(e-1)]) {
		e-- // ("She has since said": "She")
	}
	if e <= k || e-k > 40 {
		return -1, -1
	}
	if e-1 > k && d.lower(e-1) == "who" {
		// "voters who said", "the 30 percent of voters who said": the
		// phrase the relative clause belongs to
		if s, _, ok := d.npLeft(e-1, k); ok {
			return s, e
		}
		return e - 1, e
	}
	if t := d.toks[k].Text; t == "" || !(isCap(t) || d.flags[k]&(fDet|fPron) != 0 || t[0] >= '0' && t[0] <= '9') {
		return -1, -1
	}
	rel := false // inside a relative clause, up to its comma or dash
	for i := k; i < e; i++ {
		if d.tokReg[i] >= 0 {
			return -1, -1
		}
		switch x := d.lower(i); {
		case x == "who" || x == "which" || x == "that" || x == "whose" || x == "whom":
			rel = true
		case x == "," || isDash(x):
			rel = false
		case i == e-1 && i > k && strings.HasSuffix(x, "ed") && d.flags[i]&fAux == 0:
			// "those surveyed said", "Cuban-Americans polled said"
		case !rel && (d.verbish(i) || d.flags[i]&fAux != 0 || d.in(i, yPastIrregular)):
			return -1, -1
		}
	}
	return k, e
}

// subjectAdverbs stand between a subject and its verb ("has since said").
var subjectAdverbs = map[string]bool{"since": true, "also": true, "then": true, "already": true, "now": true, "never": true, "not": true, "later": true, "again": true}

// anonymity reports whether the cue at c opens the formula of a source
// who stays unnamed: "asked not to be named", "requested anonymity",
// "spoke on condition of anonymity".
func (d *doc) anonymity(c int) bool {
	switch d.lower(c) {
	case "asked", "asking", "requested", "requesting", "spoke", "speaking":
		return d.wordsAfter(c, "not", "to", "be", "named") || d.wordsAfter(c, "not", "to", "be", "identified") ||
			d.wordsAfter(c, "anonymity") || d.wordsAfter(c, "on", "condition", "of", "anonymity") ||
			d.wordsAfter(c, "on", "the", "condition", "of", "anonymity") || d.wordsAfter(c, "anonymously")
	}
	return false
}

// wordsAfter reports whether the tokens after c are the lower-case words ws.
func (d *doc) wordsAfter(c int, ws ...string) bool {
	if c+len(ws) >= len(d.toks) {
		return false
	}
	for i, w := range ws {
		if d.lower(c+1+i) != w {
			return false
		}
	}
	return true
}

// loneSentence reports whether quote region r is a sentence of its own
// inside a paragraph: it follows a full stop and ends with one inside
// its marks, and what follows starts a new sentence.
func (d *doc) loneSentence(r region) bool {
	t := d.tokAt(r.s)
	if t <= 0 || t >= len(d.toks) {
		return false
	}
	if !endsStop(strings.TrimRight(d.text[:d.toks[t-1].End], "\"”’'")) || !d.regEndsStop(r) {
		return false
	}
	n := d.tokAt(r.e)
	return n >= len(d.toks) || d.newlineBetween(r.e, d.toks[n].Start) || !startsLower(d.toks[n].Text)
}

// mergeLone joins each of lone, the quoted sentences standing alone
// after a sentence that reports speech, to the quote qs has before it in
// its paragraph, as PolNeAR does: in "Trump isn't a conservative, he
// said. “He's a liberal!”" the content runs from "Trump" to "liberal!".
// A lone sentence with no quote before it in the paragraph stays a quote
// of its own, with no speaker named, unless it ends a sentence of other
// words (tail); one that overlaps a quote is dropped. qs is in text
// order, and so is what comes back.
func (d *doc) mergeLone(qs, lone []cand) []cand {
	for _, l := range lone {
		if overlapsAny(qs, l) {
			continue
		}
		i := len(qs) - 1 // the last quote before l
		for i >= 0 && qs[i].s >= l.s {
			i--
		}
		if i >= 0 && !d.newlineBetween(qs[i].e, l.s) {
			p := &qs[i]
			p.e = l.e
			p.kind = d.kindOf(p.s, p.e, true)
			continue
		}
		if !l.tail {
			qs = slices.Insert(qs, i+1, l)
		}
	}
	return qs
}

// tailQuote reports whether quote region r ends a sentence that holds no
// cue, after a sentence that holds one.
func (d *doc) tailQuote(r region) bool {
	t := d.tokAt(r.s)
	if t <= 0 || t >= len(d.toks) {
		return false
	}
	if !d.regEndsStop(r) {
		return false
	}
	sa, sb := d.sentBounds(t)
	if n := d.tokAt(r.e); n < sb && !d.newlineBetween(r.e, d.toks[n].Start) && startsLower(d.toks[n].Text) {
		return false
	}
	if sa == 0 || d.newlineBetween(d.toks[sa-1].End, d.toks[sa].Start) {
		return false
	}
	for k := sa; k < t; k++ {
		if d.tokReg[k] >= 0 || d.isCue(k, cueRate) {
			return false
		}
	}
	return d.cueBefore(sa)
}

// objectPronouns are the pronouns of "to her," that give a view.
var objectPronouns = map[string]bool{"her": true, "him": true, "them": true, "me": true, "us": true}

// perspectiveLeads are the words before "to her," when it opens a view.
var perspectiveLeads = map[string]bool{"because": true, "that": true, "and": true, "but": true, ",": true, "since": true}

// wishVerbs are the verbs whose clause is speech hoped for, not made.
var wishVerbs = map[string]bool{"hope": true, "hopes": true, "hoped": true, "wish": true, "wishes": true, "wished": true}

// wishedSpeech returns the token of a verb of wishing right before the
// clause whose subject starts at token s ("I hope (that) in 2017 the
// town says, “…”"), searching no further left than token lo, or -1.
func (d *doc) wishedSpeech(s, lo int) int {
	for k := s - 1; k >= lo && k >= s-6; k-- {
		w := d.lower(k)
		if wishVerbs[w] {
			return k
		}
		if d.tokReg[k] >= 0 || d.toks[k].Text == "," || d.verbish(k) || d.flags[k]&(fSpeech|fAux) != 0 || d.breakBefore(k+1) {
			return -1
		}
	}
	return -1
}
