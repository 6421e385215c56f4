package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
	"strings"
	"sync"
)

// model is a trained tagger: the weights of stage 1 (local and
// prediction-history features) and stage 2 (stage 1's labels across the
// document), and the casing vocabulary learned from the training text.
type model struct {
	s1, s2  *weights
	viterbi bool // decode by Viterbi rather than greedily
	lexicon
}

// lexicon is what the model learned about words from text: their usual
// spelling and their word cluster.
type lexicon struct {
	casing   map[string]string
	clusters map[string]uint16
}

// weights are averaged perceptron weights: one row of nLabels weights per
// feature hash, found through an open-addressing table.
type weights struct {
	slots []slot // open addressing, linear probing
	mask  uint64
	w     []float32 // row*nLabels + label

	packOnce sync.Once
	packed   *packed // the tagging form, built by pack
}

// slot maps a feature hash (0 = empty) to its row; key and row share a
// cache line so a probe costs one miss.
type slot struct {
	key uint64
	row int32
}

func newWeights(nRows int) *weights {
	size := 1 << bits.Len(uint(nRows*2+1))
	return &weights{slots: make([]slot, size), mask: uint64(size - 1), w: make([]float32, 0, nRows*nLabels)}
}

// fix keeps 0 free as the empty-slot marker.
func fix(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func (m *weights) insert(k uint64, row []float32) {
	k = fix(k)
	s := k & m.mask
	for m.slots[s].key != 0 {
		s = (s + 1) & m.mask
	}
	m.slots[s] = slot{k, int32(len(m.w) / nLabels)}
	m.w = append(m.w, row...)
}

func (m *weights) lookup(k uint64) int32 {
	k = fix(k)
	s := k & m.mask
	for {
		switch e := m.slots[s]; e.key {
		case k:
			return e.row
		case 0:
			return -1
		}
		s = (s + 1) & m.mask
	}
}

// score adds the weights of features fs into out.
func (m *weights) score(fs []uint64, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	for _, f := range fs {
		r := m.lookup(f)
		if r < 0 {
			continue
		}
		row := m.w[int(r)*nLabels : int(r)*nLabels+nLabels : int(r)*nLabels+nLabels]
		for l := range out {
			out[l] += row[l]
		}
	}
}

// numFeatures returns the number of weight rows.
func (m *weights) numFeatures() int { return len(m.w) / nLabels }

const magic = "storyline-ner-v2\n"

// write serialises the model, gzip-compressed, with features in hash
// order so that the same weights always give the same bytes. Each row
// stores a bit mask of its non-zero labels and those weights only.
func (m *model) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	uv(uint64(nLabels))
	if m.viterbi {
		uv(1)
	} else {
		uv(0)
	}
	words := make([]string, 0, len(m.casing))
	for k := range m.casing {
		words = append(words, k)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, k := range words {
		str(k)
		str(m.casing[k])
	}
	words = words[:0]
	for k := range m.clusters {
		words = append(words, k)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, k := range words {
		str(k)
		uv(uint64(m.clusters[k]))
	}
	m.s1.write(bw, uv)
	if m.s2 == nil {
		uv(0)
	} else {
		uv(1)
		m.s2.write(bw, uv)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func (m *weights) write(bw *bufio.Writer, uv func(uint64)) {
	type kr struct {
		k uint64
		r int32
	}
	var ks []kr
	for _, e := range m.slots {
		if e.key != 0 {
			ks = append(ks, kr{e.key, e.row})
		}
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].k < ks[j].k })
	uv(uint64(len(ks)))
	var last uint64
	for _, e := range ks {
		uv(e.k - last)
		last = e.k
		row := m.w[int(e.r)*nLabels : int(e.r)*nLabels+nLabels]
		var nz uint64
		for l, v := range row {
			if v != 0 {
				nz |= 1 << l
			}
		}
		uv(nz)
		for _, v := range row {
			if v != 0 {
				var b [4]byte
				binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
				bw.Write(b[:])
			}
		}
	}
}

// payload walks the decompressed model; strings it returns share its
// memory, so parsing allocates little beyond the tables.
type payload struct {
	s   string
	i   int
	err error
}

func (p *payload) uv() uint64 {
	if p.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for {
		if p.i >= len(p.s) || shift > 63 {
			p.err = errors.New("truncated")
			return 0
		}
		c := p.s[p.i]
		p.i++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
		shift += 7
	}
}

func (p *payload) str() string {
	n := p.uv()
	if p.err != nil || n > uint64(len(p.s)-p.i) {
		if p.err == nil {
			p.err = errors.New("truncated string")
		}
		return ""
	}
	s := p.s[p.i : p.i+int(n)]
	p.i += int(n)
	return s
}

func (p *payload) f32() float32 {
	if p.err != nil || p.i+4 > len(p.s) {
		p.err = errors.New("truncated weights")
		return 0
	}
	b := p.s[p.i : p.i+4]
	v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	p.i += 4
	return math.Float32frombits(v)
}

// readModel parses what write wrote.
func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	p := &payload{s: string(data)}
	if !strings.HasPrefix(p.s, magic) {
		return nil, errors.New("ner model: not a storyline NER model")
	}
	p.i = len(magic)
	if n := p.uv(); n != uint64(nLabels) {
		return nil, fmt.Errorf("ner model: %d labels, want %d", n, nLabels)
	}
	m := &model{viterbi: p.uv() == 1}
	nc := p.uv()
	if p.err != nil || nc > uint64(len(p.s)) {
		return nil, errors.New("ner model: bad casing table")
	}
	m.casing = make(map[string]string, nc)
	for range nc {
		k := p.str()
		m.casing[k] = p.str()
	}
	ncl := p.uv()
	if p.err != nil || ncl > uint64(len(p.s)) {
		return nil, errors.New("ner model: bad cluster table")
	}
	m.clusters = make(map[string]uint16, ncl)
	for range ncl {
		k := p.str()
		m.clusters[k] = uint16(p.uv())
	}
	if m.s1 = readWeights(p); p.err != nil {
		return nil, fmt.Errorf("ner model: %w", p.err)
	}
	switch p.uv() {
	case 0:
	case 1:
		m.s2 = readWeights(p)
	default:
		return nil, errors.New("ner model: bad stage count")
	}
	if p.err != nil {
		return nil, fmt.Errorf("ner model: %w", p.err)
	}
	return m, nil
}

func readWeights(p *payload) *weights {
	n := p.uv()
	if p.err != nil || n > uint64(len(p.s)) {
		p.err = errors.New("bad weight table")
		return nil
	}
	m := newWeights(int(n))
	var key uint64
	var row [nLabels]float32
	for range n {
		key += p.uv()
		nz := p.uv()
		row = [nLabels]float32{}
		for l := range nLabels {
			if nz&(1<<l) != 0 {
				row[l] = p.f32()
			}
		}
		if p.err != nil {
			return nil
		}
		m.insert(key, row[:])
	}
	return m
}
