package ner

import (
	"bytes"
	_ "embed"
	"io"
	"sync"
)

//go:embed model/ner.model.gz
var embeddedModel []byte

// Tagger tags English text with CoNLL-2003 entity types. It is safe for
// concurrent use once loaded.
type Tagger struct {
	m    *model
	pool sync.Pool
}

var (
	loadOnce   sync.Once
	loadTagger *Tagger
	loadErr    error
)

// Load returns the tagger whose model is embedded in the binary. The model
// is parsed once; later calls return the same Tagger.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		loadTagger, loadErr = Read(bytes.NewReader(embeddedModel))
	})
	return loadTagger, loadErr
}

// Read parses a model written by (*Tagger).Write. It also parses the
// embedded gazetteers, once per process.
func Read(r io.Reader) (*Tagger, error) {
	// The lists and the model do not depend on each other: they are
	// read side by side, the lists on another goroutine.
	listed := make(chan struct{})
	go func() {
		defer close(listed)
		loadResources()
	}()
	m, err := readModel(r)
	<-listed
	if err != nil {
		return nil, err
	}
	// Build the tagging tables now rather than in the first TagDocument.
	m.s1.pack()
	if m.s2 != nil {
		m.s2.pack()
	}
	return &Tagger{m: m}, nil
}

// Write serialises the model; the same model always gives the same bytes.
func (t *Tagger) Write(w io.Writer) error { return t.m.write(w) }

func (t *Tagger) decoder() *decoder {
	if dc, ok := t.pool.Get().(*decoder); ok {
		return dc
	}
	return &decoder{}
}

// TagDocument tags the sentences of one document (each a list of tokens)
// and returns one IOB2 tag per token ("B-PER", "I-ORG", "O"), with the
// document-level consistency pass applied across all the sentences.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	labels := t.tagLabels(sents)
	out := make([][]string, len(sents))
	tags := make([]string, len(labels))
	for i, l := range labels {
		tags[i] = iob2(l)
	}
	k := 0
	for si, s := range sents {
		out[si] = tags[k : k+len(s) : k+len(s)]
		k += len(s)
	}
	return out
}

// tagLabels returns the BILOU labels of a document's tokens, flattened.
func (t *Tagger) tagLabels(sents [][]string) []int {
	dc := t.decoder()
	if t.m.viterbi && t.m.s2 == nil {
		// One stage: score the features as they are made.
		// d lives in dc's buffers: done with it before dc goes back.
		d := prepare(dc.cache(&t.m.lexicon, t.m.s1), sents, &t.m.lexicon, t.m.s1)
		labels := dc.viterbi(d, nil, t.m.s1.score, nil, nil)
		applyConsistency(d, labels)
		clear(d.words) // do not keep the caller's text alive
		t.pool.Put(dc)
		return labels
	}
	d := prepare(dc.cache(&t.m.lexicon, nil), sents, &t.m.lexicon, nil)
	labels := dc.run(t.m.viterbi, d, nil, t.m.s1)
	if t.m.s2 != nil {
		labels = dc.run(t.m.viterbi, d, stage2Feats(d, labels), t.m.s2)
	}
	t.pool.Put(dc)
	applyConsistency(d, labels)
	return labels
}
