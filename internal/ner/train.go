package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"storyline/internal/eval/conlleval"
)

// TrainConfig sets up a training run.
type TrainConfig struct {
	MaxEpochs int    // upper bound on passes over the training data
	Patience  int    // stop after this many epochs without a better dev F1
	Seed      uint64 // shuffling seed; the same seed gives the same model
	Folds     int    // jackknife folds for stage 2; 0 or 1 trains stage 1 only
	Clusters  int    // word classes to induce; 0 for none
	Viterbi   bool   // structured perceptron with Viterbi decoding
	Runs      int    // stage-1 runs (seeds Seed, Seed+1, ...) whose weights are averaged
	// Unlabeled is more tokenised text (sentences) for the word
	// clusters, besides the training text.
	Unlabeled [][]string
	Log       io.Writer
}

// TrainResult tells how a training run went.
type TrainResult struct {
	BestEpoch  int // of stage 1
	BestEpoch2 int // of stage 2, 0 when stage 2 did not beat stage 1 on dev
	DevF1      float64
	Features   int
	Elapsed    time.Duration
}

// labelled is a training or dev document: its sentences and gold labels.
type labelled struct {
	sents [][]string
	gold  []int
	d     *doc
	x     *featSet // stage-2 features
}

func fromConll(f *conlleval.File) []labelled {
	var out []labelled
	for _, cd := range f.Docs {
		var l labelled
		for _, s := range cd.Sentences {
			l.sents = append(l.sents, s.Tokens)
			var cs []chunk
			for _, c := range conlleval.Chunks(s.Tags) {
				if t := typeIndex(c.Type); t >= 0 {
					cs = append(cs, chunk{c.Start, c.End, t})
				}
			}
			l.gold = append(l.gold, toBILOU(cs, len(s.Tokens))...)
		}
		out = append(out, l)
	}
	return out
}

// learnCasing returns, for every word seen at least twice at a
// non-initial place in a mixed-case sentence, its most frequent spelling.
func learnCasing(docs []labelled) map[string]string {
	counts := map[string]map[string]int{}
	for _, l := range docs {
		for _, s := range l.sents {
			caps := true
			for _, w := range s {
				if hasLower(w) {
					caps = false
					break
				}
			}
			if caps {
				continue
			}
			for _, w := range s[1:] {
				if !hasLetter(w) {
					continue
				}
				lw := strings.ToLower(w)
				if counts[lw] == nil {
					counts[lw] = map[string]int{}
				}
				counts[lw][w]++
			}
		}
	}
	out := map[string]string{}
	for lw, forms := range counts {
		best, bn, total := "", 0, 0
		for f, n := range forms {
			total += n
			if n > bn || n == bn && f < best {
				best, bn = f, n
			}
		}
		if total >= 2 && best != lw {
			out[lw] = best
		}
	}
	return out
}

// trainer is an averaged perceptron over hashed features with integer
// weights; averaging uses the w − u/c identity (Daumé), so no update
// needs timestamps.
type trainer struct {
	index map[uint64]int32
	w     []int32
	u     []int64
	c     int64
}

func (t *trainer) score(fs []uint64, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	for _, f := range fs {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		for l := range out {
			out[l] += float32(row[l])
		}
	}
}

// add adds delta to the weights of label for features fs.
func (t *trainer) add(fs []uint64, label int, delta int32) {
	for _, f := range fs {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.w) / nLabels)
			t.index[f] = r
			t.w = append(t.w, make([]int32, nLabels)...)
			t.u = append(t.u, make([]int64, nLabels)...)
		}
		base := int(r)*nLabels + label
		t.w[base] += delta
		t.u[base] += int64(delta) * t.c
	}
}

func (t *trainer) update(fs []uint64, gold, pred int) {
	for _, f := range fs {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.w) / nLabels)
			t.index[f] = r
			t.w = append(t.w, make([]int32, nLabels)...)
			t.u = append(t.u, make([]int64, nLabels)...)
		}
		base := int(r) * nLabels
		t.w[base+gold]++
		t.u[base+gold] += t.c
		t.w[base+pred]--
		t.u[base+pred] -= t.c
	}
}

// average returns the averaged weights, dropping all-zero rows.
func (t *trainer) average() *weights {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := newWeights(len(keys))
	c := float64(t.c)
	var row [nLabels]float32
	for _, k := range keys {
		base := int(t.index[k]) * nLabels
		nz := false
		for l := range nLabels {
			v := float32(float64(t.w[base+l]) - float64(t.u[base+l])/c)
			if v > -1e-4 && v < 1e-4 {
				v = 0
			}
			row[l] = v
			nz = nz || v != 0
		}
		if nz {
			m.insert(k, row[:])
		}
	}
	return m
}

// averageWeights returns the mean of several weight tables, features in
// hash order.
func averageWeights(ws []*weights) *weights {
	sum := map[uint64]*[nLabels]float32{}
	for _, w := range ws {
		for _, e := range w.slots {
			if e.key == 0 {
				continue
			}
			r := sum[e.key]
			if r == nil {
				r = new([nLabels]float32)
				sum[e.key] = r
			}
			row := w.w[int(e.row)*nLabels : int(e.row)*nLabels+nLabels]
			for l := range r {
				r[l] += row[l]
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := newWeights(len(keys))
	n := float32(len(ws))
	for _, k := range keys {
		r := sum[k]
		for l := range r {
			r[l] /= n
		}
		out.insert(k, r[:])
	}
	return out
}

// stageResult is the outcome of training one stage.
type stageResult struct {
	w         *weights
	bestEpoch int
	devF1     float64
}

// trainStage trains one stage on docs (using each doc's x features when
// stage2 is set). With dev documents it keeps the epoch with the best dev
// F1 and stops after cfg.Patience epochs without a better one; without
// them it trains exactly epochs epochs.
func trainStage(docs, dev []labelled, stage2 bool, epochs int, cfg TrainConfig, logf func(string, ...any)) stageResult {
	t := &trainer{index: map[uint64]int32{}, c: 1}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var dc decoder
	res := stageResult{devF1: -1}
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes, tokens := 0, 0
		for _, di := range order {
			l := &docs[di]
			var x *featSet
			if stage2 {
				x = l.x
			}
			if cfg.Viterbi {
				dc.viterbi(l.d, x, t.score, l.gold, func(fs []uint64, label int, delta int32) {
					if delta > 0 && len(fs) > 1 {
						mistakes++
					}
					t.add(fs, label, delta)
				})
			} else {
				dc.decode(l.d, x, t.score, l.gold, func(fs []uint64, g, p int) {
					mistakes++
					t.update(fs, g, p)
				})
			}
			tokens += len(l.gold)
			t.c += int64(len(l.gold))
		}
		if len(dev) == 0 {
			continue
		}
		w := t.average()
		f := evalDocs(w, dev, stage2, cfg.Viterbi)
		logf("  epoch %d: train errors %.4f, dev F1 %.4f, %d features\n", epoch, float64(mistakes)/float64(tokens), f, w.numFeatures())
		if f > res.devF1 {
			res.devF1, res.w, res.bestEpoch = f, w, epoch
		} else if epoch-res.bestEpoch >= cfg.Patience {
			break
		}
	}
	if len(dev) == 0 {
		res.w, res.bestEpoch = t.average(), epochs
	}
	return res
}

// Train trains a model on train, choosing the number of epochs by F1 on
// dev, and returns it as a Tagger. Stage 1 is trained on all of train;
// stage 2 is trained on stage-1 labels that, for each training document,
// come from a stage-1 model that did not see it (cfg.Folds-fold
// jackknife), so that stage 2 learns how far to trust stage 1 on unseen
// text.
func Train(train, dev *conlleval.File, cfg TrainConfig) (*Tagger, TrainResult, error) {
	start := time.Now()
	if cfg.MaxEpochs <= 0 {
		cfg.MaxEpochs = 20
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 3
	}
	logf := func(format string, a ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, a...)
		}
	}
	tr := fromConll(train)
	dv := fromConll(dev)
	if len(tr) == 0 || len(dv) == 0 {
		return nil, TrainResult{}, fmt.Errorf("train ner: no training or dev documents")
	}
	lx := &lexicon{casing: learnCasing(tr)}
	if cfg.Clusters > 0 {
		text := cfg.Unlabeled
		for _, l := range tr {
			text = append(text[:len(text):len(text)], l.sents...)
		}
		lx.clusters = clusterWords(text, cfg.Clusters, 3, 10)
		logf("clustered %d words into %d classes, %s\n", len(lx.clusters), cfg.Clusters, time.Since(start).Round(time.Second))
	}
	fc := newFeatCache(lx, nil)
	for i := range tr {
		tr[i].d = prepare(fc, tr[i].sents, lx, nil)
	}
	for i := range dv {
		dv[i].d = prepare(fc, dv[i].sents, lx, nil)
	}
	logf("prepared %d train and %d dev documents in %s\n", len(tr), len(dv), time.Since(start).Round(time.Millisecond))

	logf("stage 1\n")
	s1 := trainStage(tr, dv, false, cfg.MaxEpochs, cfg, logf)
	if cfg.Runs > 1 {
		// Average the weights of runs that differ only in their shuffling
		// seed: the same size and speed, less dependence on one order.
		ws := []*weights{s1.w}
		for k := 1; k < cfg.Runs; k++ {
			c := cfg
			c.Seed = cfg.Seed + uint64(k)
			logf("stage 1, run %d (seed %d)\n", k+1, c.Seed)
			ws = append(ws, trainStage(tr, dv, false, cfg.MaxEpochs, c, logf).w)
		}
		s1.w = averageWeights(ws)
		s1.devF1 = evalDocs(s1.w, dv, false, cfg.Viterbi)
		logf("average of %d runs: dev F1 %.4f\n", cfg.Runs, s1.devF1)
	}
	m := &model{s1: s1.w, viterbi: cfg.Viterbi, lexicon: *lx}
	res := TrainResult{BestEpoch: s1.bestEpoch, DevF1: s1.devF1}
	if cfg.Folds > 1 {
		var dc decoder
		for k := range cfg.Folds {
			var rest []labelled
			for i := range tr {
				if i%cfg.Folds != k {
					rest = append(rest, tr[i])
				}
			}
			w := trainStage(rest, nil, false, s1.bestEpoch, cfg, logf).w
			for i := k; i < len(tr); i += cfg.Folds {
				tr[i].x = stage2Feats(tr[i].d, dc.run(cfg.Viterbi, tr[i].d, nil, w))
			}
			logf("jackknife fold %d/%d done, %s\n", k+1, cfg.Folds, time.Since(start).Round(time.Second))
		}
		for i := range dv {
			dv[i].x = stage2Feats(dv[i].d, dc.run(cfg.Viterbi, dv[i].d, nil, s1.w))
		}
		logf("stage 2\n")
		s2 := trainStage(tr, dv, true, cfg.MaxEpochs, cfg, logf)
		if s2.devF1 > s1.devF1 {
			m.s2 = s2.w
			res.BestEpoch2, res.DevF1 = s2.bestEpoch, s2.devF1
		}
	}
	res.Features = m.s1.numFeatures()
	if m.s2 != nil {
		res.Features += m.s2.numFeatures()
	}
	res.Elapsed = time.Since(start)
	return &Tagger{m: m}, res, nil
}

// evalDocs returns the conlleval F1 of weights w on prepared documents.
func evalDocs(w *weights, docs []labelled, stage2, viterbi bool) float64 {
	var sc conlleval.Scorer
	var dc decoder
	for _, l := range docs {
		var x *featSet
		if stage2 {
			x = l.x
		}
		pred := dc.run(viterbi, l.d, x, w)
		applyConsistency(l.d, pred)
		for si := range l.sents {
			a, b := l.d.sentStart[si], l.d.sentStart[si+1]
			g := make([]string, b-a)
			p := make([]string, b-a)
			for i := a; i < b; i++ {
				g[i-a] = labelNames[l.gold[i]]
				p[i-a] = labelNames[pred[i]]
			}
			sc.Add(g, p)
		}
	}
	return sc.All.Score().F1
}
