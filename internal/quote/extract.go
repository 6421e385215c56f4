package quote

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"storyline"
	"storyline/internal/text"
)

// Thresholds on the trained cue rate: a word is a cue candidate in running
// text at cueRate, and right beside a quotation (where a cue is expected)
// at nearQuoteRate.
const (
	cueRate       = 0.40
	nearQuoteRate = 0.15
)

// speechVerbs are reporting verbs accepted as cues whatever the lexicon
// says (a floor for words rare in the training data, British spellings).
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "told": true, "tells": true,
	"asked": true, "warned": true, "warns": true, "stated": true, "explained": true, "emphasised": true,
	"emphasized": true, "stressed": true, "insisted": true, "insists": true, "noted": true, "argued": true,
	"wrote": true, "writes": true, "tweeted": true, "recalled": true, "claimed": true, "declared": true,
	"replied": true, "responded": true, "remarked": true, "acknowledged": true, "admitted": true,
	"conceded": true, "cautioned": true, "predicted": true, "promised": true, "vowed": true, "urged": true,
	"announced": true, "reiterated": true, "quipped": true, "joked": true, "countered": true,
	"continued": true, "concluded": true, "confirmed": true, "complained": true, "observed": true,
	"saying": true, "adding": true, "telling": true, "noting": true, "arguing": true, "warning": true,
	"insisting": true, "stressing": true, "explaining": true, "according": true, "pointed": true,
	"commented": true, "asserted": true, "maintained": true, "demanded": true, "suggested": true,
}

// participles are cues whose speaker is the subject of the main clause.
func isParticiple(w string) bool {
	return strings.HasSuffix(w, "ing") && w != "according"
}

// doc is the working state of one extraction.
type doc struct {
	text        string
	toks        []text.Token
	tokSent     []int32
	sents       []text.Sentence
	sentEnds    []int
	regs        []region
	tokReg      []int32  // region index of each token, -1 outside quotes
	flags       []uint16 // wordFlags of each token
	lx          *CueLexicon
	cueMemo     []float32
	low         []string    // lower-cased token texts
	lex         []*lexEntry // cue-lexicon entry of each token, nil when none
	nameMemo    []uint8     // isName per token: 0 unknown, 1 no, 2 yes
	modMemo     []uint8
	sentA       []int32 // sentence bounds per token (indexSentences)
	sentB       []int32
	sentIndexed bool
	newlines    []int // offsets of line breaks (paraIndex), nil until counted
	buf         *buffers
}

// Extract finds the quotations in text: direct quotes in quote marks,
// partial quotes (a reported clause holding quoted words) and indirect
// reported speech, each with its cue, the phrase naming its speaker and
// the speaker resolved to a name written in the report. sents may be nil
// (the text is split here); mentions may be nil (speaker phrases are then
// found by rule). Quotes come back in text order and never overlap.
func Extract(txt string, sents []text.Sentence, mentions []storyline.Mention) []storyline.Quote {
	if sents == nil {
		sents = text.Split(txt)
	}
	buf := bufPool.Get().(*buffers)
	defer buf.release()
	d := newDoc(txt, sents, buf)
	qs := d.extract()
	resolveSpeakers(txt, d, qs, mentions)
	out := make([]storyline.Quote, 0, len(qs))
	spans := make([]storyline.Span, 2*len(qs)) // the speaker and cue spans, one allocation
	for i, q := range qs {
		out = append(out, q.export(txt, spans[2*i:2*i+2:2*i+2]))
	}
	return out
}

// newDoc prepares the per-token state of one extraction in buf's arrays.
func newDoc(txt string, sents []text.Sentence, buf *buffers) *doc {
	d := &doc{text: txt, sents: sents, lx: loadLexicon(), buf: buf}
	nt := 0
	for _, s := range sents {
		nt += len(s.Tokens)
	}
	d.toks = grow(buf.toks, nt)[:0]
	ints := grow(buf.ints, 4*nt)
	buf.toks, buf.ints = d.toks, ints
	d.tokSent = ints[0:0:nt]
	d.tokReg = ints[nt : 2*nt : 2*nt]
	d.sentA, d.sentB = ints[2*nt:3*nt:3*nt], ints[3*nt:]
	d.sentEnds = grow(buf.sentEnds, len(sents))[:0]
	eff := int32(-1) // sentence id after joining splits inside a parenthesis
	depth := 0       // parentheses open in the current sentence
	var joined []int // tokens that continue a sentence the splitter ended
	for _, s := range sents {
		first := true
		for _, t := range s.Tokens {
			if t.Start < 0 || t.End > len(txt) || t.Start > t.End {
				continue
			}
			if first {
				first = false
				// "Roger Wicker (R-Miss.) said he ...", "Sen. Jack Reed
				// (D-R.I.), said": a sentence that opens with a closing
				// parenthesis, a comma or a lower-case word, or that
				// ends inside a parenthesis, continues the one before.
				c := txt[t.Start]
				if eff >= 0 && (depth > 0 || t.End-t.Start == 1 && (c == ')' || c == ']' || c == ',' || c == ';') || c >= 'a' && c <= 'z') && !strings.Contains(txt[d.toks[len(d.toks)-1].End:t.Start], "\n") {
					joined = append(joined, len(d.toks))
				} else {
					eff++
					depth = 0
				}
			}
			if t.End-t.Start == 1 {
				switch txt[t.Start] {
				case '(':
					depth++
				case ')':
					depth = max(depth-1, 0)
				}
			}
			d.toks = append(d.toks, t)
			d.tokSent = append(d.tokSent, eff)
		}
		d.sentEnds = append(d.sentEnds, s.End)
	}
	buf.toks, buf.sentEnds = d.toks, d.sentEnds
	d.regs = regionsInto(buf.regs, txt, d.sentEnds)
	buf.regs = d.regs
	n := len(d.toks)
	d.tokReg = d.tokReg[:n]
	ri := 0
	for i, t := range d.toks {
		for ri < len(d.regs) && d.regs[ri].e <= t.Start {
			ri++
		}
		d.tokReg[i] = -1
		if ri < len(d.regs) && d.regs[ri].s <= t.Start && t.End <= d.regs[ri].e {
			d.tokReg[i] = int32(ri)
		}
	}
	d.cueMemo = grow(buf.cue, n)
	d.low = grow(buf.low, n)
	bytes := grow(buf.bytes, 2*n)
	d.flags = grow(buf.flags, n)
	buf.cue, buf.low, buf.bytes, buf.flags = d.cueMemo, d.low, bytes, d.flags
	clear(bytes)
	d.nameMemo, d.modMemo = bytes[:n], bytes[n:]
	wf := loadWordFlags()
	d.lex = grow(buf.lex, n)
	buf.lex = d.lex
	lowText := asciiLower(txt)
	for i, t := range d.toks {
		d.cueMemo[i] = -1
		d.low[i] = lowerTok(lowText, t)
		d.flags[i] = 0
		d.lex[i] = nil
		if w := d.low[i]; len(w) < 32 && w != "" && wf.maybe[w[0]]&(1<<len(w)) != 0 {
			if e, ok := wf.m[w]; ok {
				d.flags[i], d.lex[i] = e.flags, e.lex
			}
		}
	}
	for _, i := range joined {
		d.flags[i] |= fJoined
	}
	return d
}

// buffers are the per-token arrays of one extraction, kept in a pool so
// that a stream of reports does not reallocate them (and the collector
// does not rescan them) for every report.
type buffers struct {
	lex      []*lexEntry
	toks     []text.Token
	ints     []int32
	cue      []float32
	low      []string
	bytes    []uint8
	flags    []uint16
	sentEnds []int
	regs     []region
	newlines []int
	slab     []person             // buildPersons
	ptrs     []*person            // buildPersons
	byLast   map[string][]*person // buildPersons
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// release drops references into the last text and returns b to the pool.
func (b *buffers) release() {
	clear(b.low)
	clear(b.lex)
	clear(b.toks)
	clear(b.slab)
	clear(b.ptrs)
	clear(b.byLast)
	bufPool.Put(b)
}

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// cand is a quote under construction.
type cand struct {
	s, e         int
	kind         storyline.QuoteKind
	spkS, spkE   int // -1 when none
	accTok       int // "according" of an outer source after the attribution ("X said, according to Y"), 0 when none
	cueS, cueE   int // -1 when none
	speaker      string
	inheritFrom  int // index of the quote whose speaker this continues, -1
	cueTok       int
	firstRegion  int
	fromRegion   bool
	participleOf bool // speaker is the subject of the clause of a participle cue
	openToNext   bool // an unattributed quote left open into the next paragraph
}

// export makes the quote record; spans holds room for its speaker and
// cue spans.
func (c cand) export(txt string, spans []storyline.Span) storyline.Quote {
	q := storyline.Quote{Span: storyline.Span{Start: c.s, End: c.e}, Text: txt[c.s:c.e], Kind: c.kind, Speaker: c.speaker}
	if c.spkS >= 0 {
		spans[0] = storyline.Span{Start: c.spkS, End: c.spkE}
		q.SpeakerSpan = &spans[0]
		q.SpeakerText = txt[c.spkS:c.spkE]
	}
	if c.cueS >= 0 {
		spans[1] = storyline.Span{Start: c.cueS, End: c.cueE}
		q.CueSpan = &spans[1]
		q.Cue = txt[c.cueS:c.cueE]
	}
	return q
}

// tokAt returns the index of the first token starting at or after byte b.
func (d *doc) tokAt(b int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b })
}

func (d *doc) lower(i int) string { return d.low[i] }

// cueScore returns the cue rate of token i (1 for listed speech verbs).
func (d *doc) cueScore(i int) float64 {
	if d.cueMemo[i] >= 0 {
		return float64(d.cueMemo[i])
	}
	w := d.lower(i)
	v := 0.0
	if isWordTok(w) && (isLowerWord(d.toks[i].Text) || w == "according") && d.flags[i]&fAux == 0 && !(strings.HasSuffix(w, "ly") && d.flags[i]&fSpeech == 0) {
		if d.flags[i]&fSpeech != 0 {
			v = 1
		} else {
			if e := d.lex[i]; e != nil {
				v = max(e.word, 0)
				if len(e.cls) > 0 && e.top >= nearQuoteRate {
					next := "$"
					if i+1 < len(d.toks) {
						next = classOf(d.toks[i+1].Text, d.low[i+1])
					}
					if r, ok := e.cls[next]; ok {
						v = r
					}
				}
			}
		}
		if w == "according" && (i+1 >= len(d.toks) || d.lower(i+1) != "to") {
			v = 0
		}
	}
	if v == 0 && d.flags[i]&fHeadline != 0 && isCap(d.toks[i].Text) && i > 0 && !d.breakBefore(i) {
		// a headline in title case: "Trump Says ‘...’", "NATO Chief Calls for ..."
		v = 1
	}
	d.cueMemo[i] = float32(v)
	return v
}

// headlineVerbs are reporting verbs recognised in title case inside a
// sentence, as headlines write them.
var headlineVerbs = map[string]bool{
	"says": true, "said": true, "tells": true, "told": true, "calls": true, "warns": true,
	"vows": true, "urges": true, "slams": true, "blasts": true, "claims": true, "admits": true,
	"denies": true, "insists": true, "asks": true, "declares": true, "praises": true, "accuses": true,
}

func (d *doc) isCue(i int, th float64) bool {
	return i >= 0 && i < len(d.toks) && d.tokReg[i] < 0 && d.cueScore(i) >= th
}

// cueSpan returns the byte span of the cue at token i, taking in "to"
// after "according" and particles ("out", "for", "on") that belong to it.
func (d *doc) cueSpan(i int) (int, int) {
	s, e := d.toks[i].Start, d.toks[i].End
	if i+1 < len(d.toks) && d.tokSent[i+1] == d.tokSent[i] {
		switch n := d.lower(i + 1); {
		case d.lower(i) == "according" && n == "to",
			n == "out" && d.lower(i) == "pointed",
			n == "for" && strings.HasPrefix(d.lower(i), "call"):
			e = d.toks[i+1].End
		}
	}
	return s, e
}

// aux are words that may stand between a speaker and a cue.
var aux = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "will": true, "would": true, "is": true,
	"was": true, "repeatedly": true, "previously": true, "then": true, "later": true, "again": true,
	"recently": true, "publicly": true, "often": true, "did": true, "does": true, "do": true,
	"could": true, "may": true, "might": true, "can": true, "should": true, "must": true,
	"already": true, "been": true, "reportedly": true, "further": true, "even": true, "still": true,
	"just": true, "once": true, "flatly": true, "quickly": true, "simply": true, "firmly": true,
	"explicitly": true, "privately": true, "openly": true, "separately": true, "earlier": true,
	"finally": true, "frequently": true, "loudly": true, "insistently": true, "now": true, "are": true,
	"were": true, "not": true, "never": true, "always": true, "first": true, "n't": true, "n’t": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// npStop are lower-case words that never belong to a speaker phrase.
var npStop = map[string]bool{
	"that": true, "and": true, "but": true, "or": true, "who": true, "which": true, "when": true,
	"as": true, "after": true, "while": true, "if": true, "because": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "to": true, "from": true, "by": true, "than": true,
	"so": true, "where": true, "what": true, "how": true, "why": true, "is": true, "was": true,
	"are": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"not": true, "it": true, "this": true, "there": true, "into": true, "about": true, "over": true,
	"also": true, "whether": true, "before": true, "since": true, "until": true, "though": true,
	"although": true, "during": true, "against": true, "then": true, "even": true, "just": true,
	"would": true, "will": true, "could": true, "can": true, "may": true, "might": true, "should": true,
	"must": true, "do": true, "does": true, "did": true, "said": true, "says": true, "say": true,
	"out": true, "up": true, "all": true, "more": true, "most": true, "very": true, "too": true,
	"now": true, "only": true, "still": true, "yet": true, "however": true, "meanwhile": true,
	"where's": true, "here": true, "without": true, "through": true, "under": true, "between": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true,
}

// npAdverbs are adverbs that may stand between a speaker phrase and its
// verb ("Her campaign workers here said").
// parentheticals are the phrases set off by commas between a subject and
// its verb ("Supporters, on the other hand, argued").
var parentheticals = map[string]bool{
	"on the other hand": true, "at the same time": true, "for example": true, "for instance": true, "in turn": true,
	"of course": true, "in fact": true, "by contrast": true, "in contrast": true, "in response": true,
	"for their part": true, "for his part": true, "for her part": true, "for its part": true, "in particular": true,
	"as well": true, "at least": true, "at the time": true, "in private": true, "in public": true,
}

var npAdverbs = map[string]bool{"here": true, "there": true, "now": true, "then": true, "still": true, "too": true, "again": true, "later": true, "once": true, "today": true, "yesterday": true}

// lyAdjectives end in -ly but are no adverbs ("according to early
// returns", "a daily newspaper").
var lyAdjectives = map[string]bool{"early": true, "daily": true, "weekly": true, "monthly": true, "quarterly": true, "yearly": true, "elderly": true}

// standAlone are determiners that stand for a speaker on their own
// ("..., tweeted another.").
var standAlone = map[string]bool{"another": true, "one": true, "others": true, "some": true, "many": true, "several": true, "both": true}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "another": true, "one": true, "two": true, "three": true,
	"some": true, "many": true, "several": true, "other": true, "both": true, "these": true, "those": true,
}

// sentenceOpeners are capitalised words at a sentence start that are not
// part of a name.
var sentenceOpeners = map[string]bool{
	"But": true, "And": true, "When": true, "If": true, "As": true, "After": true, "While": true,
	"Yet": true, "So": true, "Still": true, "However": true, "Meanwhile": true, "Then": true,
	"Now": true, "In": true, "On": true, "At": true, "For": true, "That": true, "This": true,
	"Because": true, "Although": true, "Though": true, "Instead": true, "Also": true, "Asked": true,
	"Speaking": true, "During": true, "Before": true, "Since": true, "Notably": true, "Today": true,
	"Will": true, "Can": true, "Should": true, "Would": true, "Could": true, "Did": true, "Does": true,
	"Do": true, "Is": true, "Are": true, "Was": true, "What": true, "Who": true, "Why": true, "How": true,
	"Where": true, "Has": true, "Have": true, "Read": true, "Watch": true, "Despite": true, "With": true,
	"Under": true, "From": true, "By": true, "To": true, "Of": true, "Unlike": true, "Like": true,
	"Here": true, "There": true, "Even": true, "Only": true, "Just": true, "Not": true, "No": true,
}

func isCap(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0] >= 'A' && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// npTokOK reports whether token i may sit inside a speaker phrase.
func (d *doc) npTokOK(i int) bool {
	t := d.toks[i].Text
	lt := d.low[i]
	switch {
	case t == "-":
		// a hyphen inside a name, not a dash between clauses
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case t == "'s" || t == "’s" || t == "’" || lt == "of" || lt == "the" || t == "&":
		return true
	case t == "%":
		// "47% say"
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case lt == "percent":
		return true
	case d.tokReg[i] >= 0:
		return false
	case isCap(t):
		return true
	case d.flags[i]&(fDet|fPron) != 0:
		return true
	case isLowerWord(t):
		return d.flags[i]&fStop == 0 && (!strings.HasSuffix(lt, "ly") || lyAdjectives[lt]) && d.cueScore(i) < cueRate
	default:
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsDigit(r)
	}
}

// npLeft finds the speaker phrase that ends right before token j (after
// skipping auxiliaries and short adjuncts), not reaching before token lo.
// It returns token indexes [a, b) or ok false.
func (d *doc) npLeft(j, lo int) (a, b int, ok bool) {
	k := j - 1
	for k >= lo {
		lt := d.lower(k)
		switch {
		case d.flags[k]&fAux != 0 || strings.HasSuffix(lt, "ly") && len(lt) > 4 && isLowerWord(d.toks[k].Text):
			k--
			continue
		case npAdverbs[lt] && k-1 >= lo && isLowerWord(d.toks[k].Text):
			k--
			continue
		case (lt == "both" || lt == "each") && k == j-1 && k-1 >= lo:
			k-- // "Richards and Menendez both stressed"
			continue
		case weekdays[lt] && k-1 >= lo && d.lower(k-1) == "on":
			k -= 2
			continue
		case lt == "," && k-2 >= lo && d.lower(k-2) == "," && isLowerWord(d.toks[k-1].Text):
			k -= 3 // ", meanwhile,"
			continue
		case lt == "," && d.parenthetical(k, lo) > 0:
			k -= d.parenthetical(k, lo) + 2 // ", on the other hand,"
			continue
		}
		break
	}
	if k < lo {
		return 0, 0, false
	}
	end := k + 1
	// A party label: Sen. Chuck Schumer (D-N.Y.) said
	if d.toks[k].Text == ")" {
		m := k - 1
		for m >= lo && m > k-8 && d.toks[m].Text != "(" {
			m--
		}
		if m > lo && d.toks[m].Text == "(" {
			k = m - 1
		}
	}
	// An appositive closed by a comma: "Bernstein, a local resident, said",
	// "Clinton, who served as secretary of state, conceded".
	if d.toks[k].Text == "," && k-2 > lo && d.toks[k-1].Text == ")" {
		// "Sen. Jack Reed (D-R.I.), said": a party label and a comma
		m := k - 2
		for m > lo && m > k-10 && d.toks[m].Text != "(" {
			m--
		}
		if m > lo && d.toks[m].Text == "(" && d.npTokOK(m-1) {
			k = m - 1
		}
	}
	if isDash(d.toks[k].Text) && k-3 > lo {
		// "Jason Sims — a teacher from Mount Pleasant — says", "Donald
		// Trump - who previously said ... - said": an appositive
		// between dashes
		for m := k - 2; m > lo && m >= k-30; m-- {
			if d.tokReg[m] >= 0 || d.toks[m].Text == "." || d.newlineBetween(d.toks[m].End, d.toks[m+1].Start) {
				break
			}
			if isDash(d.toks[m].Text) {
				if f := d.lower(m + 1); isCap(d.toks[m-1].Text) && d.npTokOK(m-1) && (determiners[f] || f == "who" || isLowerWord(d.toks[m+1].Text) && !d.verbish(m+1)) {
					k = m - 1
				}
				break
			}
		}
	}
	if d.toks[k].Text == "," {
		c := -1
		for m := k - 1; m >= lo && m >= k-22; m-- {
			x := d.toks[m].Text
			if d.tokReg[m] >= 0 || x == ";" || x == ":" || x == "!" || x == "?" || x == "." && !(m > lo && isCap(d.toks[m-1].Text) && d.toks[m-1].End == d.toks[m].Start) {
				break
			}
			if x == "," {
				if m-1 >= lo && d.tokReg[m-1] < 0 && (isCap(d.toks[m-1].Text) || d.toks[m-1].Text == ")" || pronouns[d.lower(m-1)] || d.npTokOK(m-1) && !d.verbish(m-1) && m+1 <= k-1 && (isCap(d.toks[m+1].Text) || d.low[m+1] == "who")) {
					// take the leftmost such comma ("Jeffrey Salkin, a
					// Hollywood, Fla., rabbi, said") unless its phrase
					// follows a preposition ("In Washington, ...")
					p := m - 1
					for p-1 >= lo && p > m-6 && d.npTokOK(p-1) {
						p--
					}
					if c < 0 || !(p-1 >= lo && prepositions[d.low[p-1]]) {
						c = m
					}
				}
			}
		}
		if c >= 0 && c-1 >= lo && d.toks[c-1].Text == ")" {
			// "Sen. Rob Portman (R-Ohio), another incumbent, said"
			m := c - 2
			for m >= lo && m > c-10 && d.toks[m].Text != "(" {
				m--
			}
			if m > lo && d.toks[m].Text == "(" {
				c = m
			} else {
				c = -1
			}
		}
		if c < 0 || c-1 < lo || !d.npTokOK(c-1) {
			return 0, 0, false
		}
		// the appositive must open like one: a determiner, a title, "who"
		if f := d.lower(c + 1); !(determiners[f] || f == "who" || isCap(d.toks[c+1].Text) || isLowerWord(d.toks[c+1].Text) && !d.verbish(c+1) || f != "" && f[0] >= '0' && f[0] <= '9') {
			return 0, 0, false
		}
		k = c - 1
	}
	if (d.lower(k) == "who" || d.lower(k) == "which" && k-1 > lo && isCap(d.toks[k-2].Text)) && k > lo && d.toks[k-1].Text == "," && j < len(d.toks) && d.flags[j]&fSpeech != 0 {
		// "Ted Cruz, who said he would ...": PolNeAR's source is "who"
		return k, k + 1, true
	}
	if !d.npTokOK(k) {
		return 0, 0, false
	}
	lt := d.lower(k)
	if (lt == "him" || lt == "her" || lt == "them") && k-2 > lo && (d.low[k-1] == "to" || d.low[k-1] == "with") && d.toks[k-2].Text != "," {
		// "a source close to him said", "a person familiar with them"
		if a, _, ok := d.npLeft(k-1, lo); ok && a < k-1 && isLowerWord(d.toks[k-2].Text) {
			return a, k + 1, true
		}
	}
	if pronouns[lt] || lt == "who" {
		return k, k + 1, true
	}
	if determiners[lt] || lt == "of" || lt == "the" || d.verbish(k) || strings.HasSuffix(lt, "ing") && isLowerWord(d.toks[k].Text) {
		return 0, 0, false
	}
	a = k
	for m := k - 1; m >= lo && m > k-8; m-- {
		if !d.npTokOK(m) {
			break
		}
		lm := d.lower(m)
		if pronouns[lm] {
			break
		}
		if m == lo || d.tokSent[m-1] != d.tokSent[m] || d.toks[m-1].Text == "\"" || d.toks[m-1].Text == "“" {
			if sentenceOpeners[d.toks[m].Text] {
				break
			}
		}
		a = m
		if determiners[lm] && !(m-1 >= lo && d.lower(m-1) == "of") {
			break
		}
	}
	// Do not start on "of", "'s" or a hyphen.
	for a < end && (d.lower(a) == "of" || d.toks[a].Text == "'s" || d.toks[a].Text == "’s" || d.toks[a].Text == "-") {
		a++
	}
	if a >= end {
		return 0, 0, false
	}
	return a, end, true
}

// npRight finds the speaker phrase starting at token j ("said Christie",
// "according to the report"), ending before token hi.
func (d *doc) npRight(j, hi int) (a, b int, ok bool) {
	if j >= hi || j >= len(d.toks) {
		return 0, 0, false
	}
	if !d.npTokOK(j) {
		return 0, 0, false
	}
	lt := d.lower(j)
	if pronouns[lt] {
		return j, j + 1, true
	}
	b = j
	for m := j; m < hi && m < j+9; m++ {
		if !d.npTokOK(m) || (m > j && (pronouns[d.lower(m)] || d.verbish(m))) {
			// ("according to a translation provided by ...": a
			// participle ends the phrase)
			break
		}
		if d.tokSent[m] != d.tokSent[j] {
			break
		}
		b = m + 1
	}
	for b > j && (d.lower(b-1) == "of" || d.lower(b-1) == "the" || determiners[d.lower(b-1)]) {
		b--
	}
	if b <= j && standAlone[lt] && j+1 < len(d.toks) && (d.toks[j+1].Text == "." || d.toks[j+1].Text == ",") {
		// "tweeted another."
		return j, j + 1, true
	}
	if b <= j {
		return 0, 0, false
	}
	return j, b, true
}

func (d *doc) span(a, b int) (int, int) { return d.toks[a].Start, d.toks[b-1].End }

// sentBounds returns the token range [a, b) of the sentence holding token i.
func (d *doc) sentBounds(i int) (int, int) {
	if !d.sentIndexed {
		d.indexSentences()
	}
	return int(d.sentA[i]), int(d.sentB[i])
}

// indexSentences records for every token the bounds of its sentence: the
// splitter's sentences, further cut where breakBefore sees a full stop
// before an opening quote mark the splitter passed over.
func (d *doc) indexSentences() {
	n := len(d.toks)
	d.sentIndexed = true
	start := 0
	for i := 0; i <= n; i++ {
		if i == n || i > 0 && d.breakBefore(i) {
			for k := start; k < i; k++ {
				d.sentA[k], d.sentB[k] = int32(start), int32(i)
			}
			start = i
		}
	}
}

// contentEnd trims final punctuation and space off the end of a content
// span ending at byte e.
func (d *doc) contentEnd(s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(d.text[s:e])
		if unicode.IsSpace(r) || strings.ContainsRune(".,;:!?", r) {
			e -= n
			continue
		}
		if (r == '-' || r == '—' || r == '–' || r == '―') && e-n > s {
			// a dash standing apart closes a clause ("... Saddam Hussein - “He ...")
			if p, _ := utf8.DecodeLastRuneInString(d.text[s : e-n]); unicode.IsSpace(p) {
				e -= n
				continue
			}
		}
		break
	}
	return e
}

func (d *doc) kindOf(s, e int, hasQuote bool) storyline.QuoteKind {
	k := sort.Search(len(d.regs), func(i int) bool { return d.regs[i].s >= s })
	if k < len(d.regs) && d.regs[k].s == s {
		return storyline.Direct
	}
	if hasQuote {
		return storyline.Partial
	}
	return storyline.Indirect
}

// asciiLower returns text with ASCII capitals lowered, byte for byte, so
// token offsets index it too. It returns text itself when nothing changes.
func asciiLower(text string) string {
	k := 0
	for k < len(text) && !(text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	if k == len(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:k])
	for i := k; i < len(text); {
		// copy runs without capitals in one go
		j := i
		for j < len(text) && !(text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		b.WriteString(text[i:j])
		if j < len(text) {
			b.WriteByte(text[j] + 'a' - 'A')
			j++
		}
		i = j
	}
	return b.String()
}

// lowerTok returns the lower-cased text of t, sliced from the lowered
// text when the token is ASCII (no allocation), else lower-cased alone.
func lowerTok(lowText string, t text.Token) string {
	for i := 0; i < len(t.Text); i++ {
		if t.Text[i] >= 0x80 {
			return strings.ToLower(t.Text)
		}
	}
	if t.End <= len(lowText) && t.End-t.Start == len(t.Text) {
		return lowText[t.Start:t.End]
	}
	return strings.ToLower(t.Text)
}

// Word classes, one bit each, looked up once per token.
const (
	fAux uint16 = 1 << iota
	fStop
	fDet
	fPron
	fSpeech
	fConn
	fOpener // a capitalised form opens sentences, not names
	fTitle
	fRole
	fHeadline
	fJoined // the token continues a sentence the splitter ended before it
)

// loadWordFlags builds the word-class table once; it is read-only after.
var loadWordFlags = sync.OnceValue(func() *wordFlags {
	m := map[string]uint16{}
	for w := range headlineVerbs {
		m[w] |= fHeadline
	}
	for _, set := range []struct {
		words map[string]bool
		flag  uint16
	}{{aux, fAux}, {npStop, fStop}, {determiners, fDet}, {pronouns, fPron}, {speechVerbs, fSpeech}, {connectives, fConn}, {titleWords, fTitle}} {
		for w, ok := range set.words {
			if ok {
				m[w] |= set.flag
			}
		}
	}
	for _, set := range []map[string]bool{sentenceOpeners, determinerCap} {
		for w := range set {
			m[strings.ToLower(w)] |= fOpener
		}
	}
	for w, r := range roleNouns {
		if r != "" || w == "prime" || w == "foreign" {
			m[w] |= fRole
		}
	}
	wf := &wordFlags{m: map[string]wordInfo{}}
	for w, f := range m {
		wf.m[w] = wordInfo{flags: f}
	}
	for w, e := range loadLexicon().fast {
		wi := wf.m[w]
		wi.lex = e
		wf.m[w] = wi
	}
	for w := range wf.m {
		if len(w) < 32 && w != "" {
			wf.maybe[w[0]] |= 1 << len(w)
		}
	}
	return wf
})

// wordInfo is what one table lookup tells about a lower-cased word: its
// word classes and its cue-lexicon entry.
type wordInfo struct {
	flags uint16
	lex   *lexEntry
}

// wordFlags is the word-class table with a prefilter: maybe[b] has bit n
// set when some entry of length n starts with byte b, so most words skip
// the map lookup.
type wordFlags struct {
	m     map[string]wordInfo
	maybe [256]uint32
}

// parenthetical returns the number of words of a phrase listed in
// parentheticals that ends at the comma at token k and opens after a
// comma (0 when none).
func (d *doc) parenthetical(k, lo int) int {
	for n := 2; n <= 4; n++ {
		if k-n-1 < lo || d.toks[k-n-1].Text != "," {
			continue
		}
		var arr [48]byte
		b := arr[:0]
		for i := k - n; i < k; i++ {
			if i > k-n {
				b = append(b, ' ')
			}
			b = append(b, d.low[i]...)
		}
		if parentheticals[string(b)] { // (no allocation for the lookup)
			return n
		}
	}
	return 0
}
