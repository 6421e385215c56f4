package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"storyline"
	"storyline/internal/text"
)

// The clause model is a second look for reported speech the rules leave
// out. The rules read cues whose lexicon rate is high, or low ones in
// shapes they know; PolNeAR annotates many more ("Councillor Lind is
// keeping up his criticism of the port board", "the harbour board plans
// to be back in Castelmar on Friday"), each word seldom. After the
// rules, every word left outside quotations, cues and speaker phrases
// whose cue rate reaches clauseMinRate is scored by a logistic model
// over a few features of it and its neighbours; where the score reaches
// the model's threshold, the rest of its sentence (up to the next
// quotation) is reported speech with that word as its cue, when a
// speaker phrase is found for it (learnedClauses). The model is trained
// on PolNeAR train by TrainClauseModel (`storyline train clauses`), on
// what the rules miss there: a word is a positive example when it lies
// in the cue of an annotated attribution no rule quote overlaps and its
// clause would match that attribution's content.
//
// Written by hand: a linear model over hashed features is a few dozen
// lines, and no Go library of the kind (the ML ones bring matrices and
// file formats of their own) would make it shorter or faster.

//go:embed clauses.tsv
var clauseModelTSV string

const (
	// clauseBits is log2 of the weight table's size.
	clauseBits = 18
	// clauseMinRate is the least cue rate of a word the model looks at:
	// reportRate, so that its candidates are the reportCue words.
	clauseMinRate = reportRate
	// ClauseThreshold is the least score of a clause the model reports
	// unless its file says otherwise, chosen by two-fold
	// cross-validation on PolNeAR train (docs/quotes.md).
	ClauseThreshold = 0.40
	// clauseSubjectMargin is how much more a clause must score to take
	// the subject of its sentence as its speaker when no phrase names
	// one (cross-validated like ClauseThreshold).
	clauseSubjectMargin = 0.20
	// clauseRuns is the number of training runs whose mean is the model.
	clauseRuns = 5
	// clauseFeatures is the number of features of a candidate.
	clauseFeatures = 16
)

// ClauseModel is the weight table of the clause model and the least
// score of a clause it reports.
type ClauseModel struct {
	Threshold float64
	w         []float32
	names     map[uint32]string // the feature names behind the weights (training only)
}

var (
	clauseOnce sync.Once
	clauseMdl  *ClauseModel
)

// DefaultClauseModel returns the embedded clause model, the one Extract
// uses.
func DefaultClauseModel() *ClauseModel {
	clauseOnce.Do(func() {
		m, err := ReadClauseModel(strings.NewReader(clauseModelTSV))
		if err != nil {
			panic("quote: embedded clause model: " + err.Error())
		}
		clauseMdl = m
	})
	return clauseMdl
}

// ReadClauseModel reads a model written by ClauseModel.Write: lines of a
// feature name and its weight, separated by a tab; the name "#threshold"
// gives the threshold.
func ReadClauseModel(r io.Reader) (*ClauseModel, error) {
	m := &ClauseModel{Threshold: ClauseThreshold, w: make([]float32, 1<<clauseBits)}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		name, v, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want name<TAB>weight", n)
		}
		f, err := strconv.ParseFloat(v, 32)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("line %d: bad weight %q", n, v)
		}
		if name == "#threshold" {
			m.Threshold = f
			continue
		}
		m.w[featHash(name)] += float32(f)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// Write writes the model's non-zero weights, one feature a line, sorted
// by name.
func (m *ClauseModel) Write(w io.Writer) error {
	type kv struct {
		name string
		v    float32
	}
	var out []kv
	for h, name := range m.names {
		if v := m.w[h]; math.Abs(float64(v)) >= 1e-4 {
			out = append(out, kv{name, v})
		}
	}
	slices.SortFunc(out, func(a, b kv) int { return strings.Compare(a.name, b.name) })
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "#threshold\t%s\n", strconv.FormatFloat(m.Threshold, 'g', -1, 64))
	for _, x := range out {
		fmt.Fprintf(bw, "%s\t%s\n", x.name, strconv.FormatFloat(float64(x.v), 'g', 5, 32))
	}
	return bw.Flush()
}

// fnv is an FNV-1a hash being written: feature names are hashed piece
// by piece, with no string built.
type fnv uint64

const fnvOffset fnv = 14695981039346656037

func (h fnv) s(x string) fnv {
	for i := 0; i < len(x); i++ {
		h = (h ^ fnv(x[i])) * 1099511628211
	}
	return h
}

func (h fnv) idx() uint32 { return uint32(h>>(64-clauseBits)) ^ uint32(h)&(1<<clauseBits-1) }

func featHash(name string) uint32 { return fnvOffset.s(name).idx() }

// clauseCand is a word the model scores: its token, the clause it
// would report and the hashes of its features.
type clauseCand struct {
	c, s, e int
	p       float64
	f       [clauseFeatures]uint32
}

// featNames are the templates of the features, the start of their
// names; featPrefix their hashes.
var featNames = [clauseFeatures]string{"w=", "wn=", "n=", "p=", "n2=", "p2=", "pc=", "nc=", "suf=", "cap=", "pos=", "r=", "that3=", "wp=", "len=", "bias"}

var featPrefix = func() (h [clauseFeatures]fnv) {
	for k, n := range featNames {
		h[k] = fnvOffset.s(n)
	}
	return h
}()

var digits = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}

// classNameOf names the class of token i for the features: "^" before
// the sentence, "$" after it.
func (d *doc) classNameOf(i, sa, sb int) string {
	if i < sa {
		return "^"
	}
	if i >= sb {
		return "$"
	}
	return classNames[d.classOfTok(i)]
}

func (d *doc) lowerIn(i, sa, sb int) string {
	if i < sa || i >= sb {
		return ""
	}
	return d.lower(i)
}

// clauseFeats fills f with the features of cue token c of a clause
// running from byte s to e, in sentence [sa, sb); names, when not nil,
// gets their names (training).
func (d *doc) clauseFeats(f *[clauseFeatures]uint32, c, s, e, sa, sb int, names *[clauseFeatures]string) {
	w := d.lower(c)
	nc, pc := d.classNameOf(c+1, sa, sb), d.classNameOf(c-1, sa, sb)
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	capital := "0"
	if d.xf[c]&sCap != 0 {
		capital = "1"
	}
	that := "0"
	for k := c + 1; k < sb && k <= c+3; k++ {
		if d.lower(k) == "that" {
			that = "1"
			break
		}
	}
	rate := digits[min(int(d.cueScore(c)*10), 10)]
	pieces := [clauseFeatures][3]string{
		{w},
		{w, "|", nc},
		{d.lowerIn(c+1, sa, sb)},
		{d.lowerIn(c-1, sa, sb)},
		{d.lowerIn(c+2, sa, sb)},
		{d.lowerIn(c-2, sa, sb)},
		{pc},
		{nc},
		{suf},
		{capital},
		{digits[min(c-sa, 6)]},
		{rate},
		{that},
		{w, "|", pc},
		{digits[min((e-s)/40, 4)]},
		{},
	}
	for k, p := range pieces {
		f[k] = featPrefix[k].s(p[0]).s(p[1]).s(p[2]).idx()
		if names != nil {
			names[k] = featNames[k] + p[0] + p[1] + p[2]
		}
	}
}

// score is the model's probability that the candidate reports speech.
func (m *ClauseModel) score(f *[clauseFeatures]uint32) float64 {
	z := 0.0
	for _, h := range f {
		z += float64(m.w[h])
	}
	return 1 / (1 + math.Exp(-z))
}

// clauseCands lists the words outside the quotes qs (sorted by start,
// never overlapping) and their cues and speakers that the model may
// score, each with the clause it would report; names, when not nil,
// gets the feature names of each.
func (d *doc) clauseCands(qs []cand, out []clauseCand, names *[][clauseFeatures]string) []clauseCand {
	// the tokens of cues and speaker phrases (the quotes' own are
	// passed over in order below)
	marks := grow(d.buf.marks, len(d.toks))
	d.buf.marks = marks
	clear(marks)
	mark := func(s, e int) {
		for k := d.tokAt(s); k < len(d.toks) && d.toks[k].Start < e; k++ {
			marks[k] = true
		}
	}
	for i := range qs {
		if q := &qs[i]; q.cueS >= 0 {
			mark(q.cueS, q.cueE)
		}
		if q := &qs[i]; q.spkS >= 0 {
			mark(q.spkS, q.spkE)
		}
	}
	// (the candidates: the words that may reach reportRate)
	next := 0 // the first quote starting after the current word
	for _, c32 := range d.reportCue {
		c := int(c32)
		b := d.toks[c].Start
		for next < len(qs) && qs[next].s <= b {
			next++
		}
		if next > 0 && b < qs[next-1].e || marks[c] || d.cueScore(c) < clauseMinRate {
			continue
		}
		sa, sb := d.sentBounds(c)
		p := d.cueSpanEndTok(c) + 1
		for p < sb && (d.toks[p].Text == "," || d.toks[p].Text == ":" || d.lower(p) == "that") {
			p++
		}
		if p >= sb || marks[p] || next < len(qs) && d.toks[p].Start >= qs[next].s {
			continue
		}
		s := d.toks[p].Start
		e := d.toks[sb-1].End
		if next < len(qs) {
			e = min(e, qs[next].s)
		}
		for k := p + 1; k < sb && d.toks[k].Start < e; k++ {
			if !marks[k] {
				continue
			}
			// another attribution's cue or speaker ends the clause,
			// with the word that coordinates it: "welcomed the plan
			// and said …"
			cut := k
			if j := d.coordAt(k); j > p {
				cut = j
			}
			if cut-1 > p && d.toks[cut-1].Text == "," {
				cut--
			}
			e = d.toks[cut].Start
			break
		}
		e = d.contentEnd(s, e)
		if e-s < 8 {
			continue
		}
		x := clauseCand{c: c, s: s, e: e}
		var nm [clauseFeatures]string
		if names != nil {
			d.clauseFeats(&x.f, c, s, e, sa, sb, &nm)
			*names = append(*names, nm)
		} else {
			d.clauseFeats(&x.f, c, s, e, sa, sb, nil)
		}
		out = append(out, x)
	}
	return out
}

// learnedClauses adds to qs (sorted by start, never overlapping) the
// reported clauses the model finds, best first, each where it overlaps
// neither a quote nor a clause taken before it; it returns qs sorted.
func (d *doc) learnedClauses(qs []cand) []cand {
	m := d.clauses
	cs := d.clauseCands(qs, d.buf.clauses[:0], nil)
	d.buf.clauses = cs[:0]
	kept := cs[:0]
	for _, x := range cs {
		if x.p = m.score(&x.f); x.p >= m.Threshold {
			kept = append(kept, x)
		}
	}
	if len(kept) == 0 {
		return qs
	}
	slices.SortStableFunc(kept, func(a, b clauseCand) int {
		switch {
		case a.p > b.p:
			return -1
		case a.p < b.p:
			return 1
		}
		return a.c - b.c
	})
	n := len(qs)
	for _, x := range kept {
		cs := d.toks[x.c].Start
		free := true
		for _, q := range qs[n:] {
			if cs < q.e && d.toks[q.cueTok].Start < x.e {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		q := cand{s: x.s, e: x.e, kind: storyline.Indirect, spkS: -1, inheritFrom: -1, cueTok: x.c}
		// quoted words in the clause: partial, or direct when it opens
		// with them, over the whole of each quotation
		d.takeInRegions(&q)
		if (q.s != x.s || q.e != x.e) && overlapsAny(qs, q) {
			continue
		}
		q.cueS, q.cueE = d.cueSpan(x.c)
		sa, _ := d.sentBounds(x.c)
		a := noAttr()
		d.speakerOf(&a, x.c, sa)
		if a.spkA > sa && a.spkB == x.c && d.xf[a.spkA]&sCap == 0 && (d.verbish(a.spkA-1) || d.in(a.spkA-1, yPastIrregular) || d.xf[a.spkA-1]&xPrep != 0) {
			// "makes the strongest case for", "amid reports": the
			// phrase before a noun cue is the object of a verb or a
			// preposition, no subject
			a = noAttr()
		}
		if a.spkA >= 0 && a.spkB <= x.c && d.passiveCue(x.c, sa) {
			// "The troops are seen as an essential element": the
			// subject of a passive cue is what is reported, no speaker
			a = noAttr()
		}
		if a.spkA < 0 {
			a.spkA, a.spkB = d.wholeSubject(x.c, sa)
		}
		if a.spkA < 0 && x.c-1 > sa && d.lower(x.c-1) == "to" {
			// "travelled to Castelmar to discuss": the infinitive's subject
			if s, e, ok := d.infinitiveSubject(x.c-1, sa); ok {
				a.spkA, a.spkB = s, e
			}
		}
		if a.spkA < 0 && x.p >= m.Threshold+clauseSubjectMargin {
			// the subject of the clause, for a likelier clause only:
			// it is the speaker less often than the phrases above
			if s, e, ok := d.clauseSubject(sa, x.c); ok && e <= x.c {
				a.spkA, a.spkB = s, e
			}
		}
		if a.spkA < 0 {
			continue // no speaker: a report of nobody's is no use
		}
		q.spkS, q.spkE = d.span(a.spkA, a.spkB)
		q.participleOf = a.subject
		qs = append(qs, q)
	}
	d.sortByStart(qs)
	return qs
}

// passiveCue reports whether cue c is a participle after a form of
// "be" ("are seen", "was considered"), in the sentence from token sa.
func (d *doc) passiveCue(c, sa int) bool {
	if c-1 < sa || !beForms[d.lower(c-1)] {
		return false
	}
	w := d.lower(c)
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || d.in(c, yPastIrregular)
}

// TrainAttribution is one annotated attribution of a TrainDoc: the span
// its content pieces cover and its cue pieces.
type TrainAttribution struct {
	Content storyline.Span
	Cues    []storyline.Span
}

// TrainClauseModel trains the clause model on docs (their Attributions)
// by logistic regression with averaged stochastic gradient descent, in
// a fixed order: the same docs give the same model.
func TrainClauseModel(docs []TrainDoc) (*ClauseModel, ClauseStats) {
	type example struct {
		f [clauseFeatures]uint32
		y float64
	}
	var ex []example
	names := map[uint32]string{}
	var st ClauseStats
	for _, td := range docs {
		buf := bufPool.Get().(*buffers)
		d := newDoc(td.Text, text.Split(td.Text), buf)
		qs := d.extract()
		var nm [][clauseFeatures]string
		cs := d.clauseCands(qs, nil, &nm)
		// the attributions no rule quote overlaps
		var open []TrainAttribution
		for _, a := range td.Attributions {
			if a.Content.End <= a.Content.Start || len(a.Cues) == 0 {
				continue
			}
			hit := false
			for _, q := range qs {
				if q.s < a.Content.End && a.Content.Start < q.e {
					hit = true
					break
				}
			}
			if !hit {
				open = append(open, a)
			}
		}
		for k, x := range cs {
			y := 0.0
			t := d.toks[x.c].Start
			for _, a := range open {
				in := false
				for _, cu := range a.Cues {
					if cu.Start <= t && t < cu.End {
						in = true
					}
				}
				ov := min(x.e, a.Content.End) - max(x.s, a.Content.Start)
				if in && 2*ov >= a.Content.End-a.Content.Start {
					y = 1
					break
				}
			}
			ex = append(ex, example{x.f, y})
			st.Candidates++
			st.Positives += int(y)
			for j, h := range x.f {
				if old, ok := names[h]; !ok || nm[k][j] < old {
					names[h] = nm[k][j]
				}
			}
		}
		buf.release()
	}
	// The model is the mean of clauseRuns runs of averaged stochastic
	// gradient descent, each over its own fixed order of the examples:
	// one run's weights move with the order, which any change of the
	// rules reshuffles; the mean of several moves much less.
	sum := make([]float64, 1<<clauseBits)
	w := make([]float64, 1<<clauseBits)
	acc := make([]float64, 1<<clauseBits) // sum of step*update, for the average
	order := make([]int, len(ex))
	for run := range clauseRuns {
		clear(w)
		clear(acc)
		rng := rand.New(rand.NewPCG(uint64(run)+1, 2))
		for i := range order {
			order[i] = i
		}
		const epochs, lr = 8, 0.2
		step := 1.0
		for range epochs {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				e := &ex[i]
				z := 0.0
				for _, h := range e.f {
					z += w[h]
				}
				g := (e.y - 1/(1+math.Exp(-max(-30, min(30, z))))) * lr
				for _, h := range e.f {
					w[h] += g
					acc[h] += step * g
				}
				step++
			}
		}
		for h := range w {
			sum[h] += w[h] - acc[h]/step
		}
	}
	m := &ClauseModel{Threshold: ClauseThreshold, w: make([]float32, 1<<clauseBits), names: names}
	for h := range sum {
		m.w[h] = float32(sum[h] / clauseRuns)
	}
	return m, st
}

// ClauseStats counts the examples TrainClauseModel learned from.
type ClauseStats struct {
	Candidates, Positives int
}
