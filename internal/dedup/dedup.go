// Package dedup finds exact and near-duplicate reports: the same wire copy
// published again under another headline or with other page furniture.
//
// Exact duplicates share the xxh3 hash of their normalised words. Near
// duplicates are found with MinHash signatures over word 5-shingles
// (Broder 1997) and locality-sensitive hashing over bands of the signature
// (Indyk & Motwani 1998): only reports that share a band bucket are
// compared, so a new report costs the same whatever the number stored.
// It is written here because the Go MinHash/LSH libraries are either not
// on our module proxy or unmaintained since 2017, and the algorithm is
// small; hashing uses github.com/zeebo/xxh3 (pinned in go.mod).
//
// An Index is incremental and deterministic: the same reports added in the
// same order give the same answers. It is not safe for concurrent use.
package dedup

import (
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

// The signature has Bands × Rows MinHash values.
const (
	Bands    = 16
	Rows     = 4
	sigSize  = Bands * Rows
	shingleK = 5
	// MinWords is the least number of words a report needs before it is
	// tested for near duplicates; shorter ones are only tested for exact
	// copies.
	MinWords = 20
)

// DefaultThreshold is the least estimated Jaccard similarity of the
// shingle sets of two near duplicates.
const DefaultThreshold = 0.6

// Index holds the reports seen so far.
type Index struct {
	// Threshold is the least estimated Jaccard similarity for a near
	// duplicate; New sets DefaultThreshold.
	Threshold float64
	exact     map[uint64]int32
	buckets   [Bands]map[uint64][]int32
	sigs      [][sigSize]uint32
	ids       []string
	root      []int32 // the original each stored report duplicates (itself if none)
}

// New returns an empty Index.
func New() *Index {
	ix := &Index{Threshold: DefaultThreshold, exact: map[uint64]int32{}}
	for b := range ix.buckets {
		ix.buckets[b] = map[uint64][]int32{}
	}
	return ix
}

// Len returns the number of reports added.
func (ix *Index) Len() int { return len(ix.ids) }

// Add stores a report and tells whether it is an exact or near duplicate
// of an earlier one; duplicateOf is then the id of the earliest original
// (never itself a duplicate).
func (ix *Index) Add(id, text string) (duplicateOf string, ok bool) {
	ws := Words(text)
	n := int32(len(ix.ids))
	ix.ids = append(ix.ids, strings.Clone(id))
	h := hashWords(ws)
	if j, seen := ix.exact[h]; seen {
		ix.root = append(ix.root, ix.root[j])
		ix.sigs = append(ix.sigs, [sigSize]uint32{})
		return ix.ids[ix.root[j]], true
	}
	ix.exact[h] = n
	var sig [sigSize]uint32
	if len(ws) >= MinWords {
		sig = signature(ws)
	}
	ix.sigs = append(ix.sigs, sig)
	best, bestS := int32(-1), 0.0
	if len(ws) >= MinWords {
		seen := map[int32]bool{}
		for b := 0; b < Bands; b++ {
			key := bandKey(sig[b*Rows : (b+1)*Rows])
			for _, j := range ix.buckets[b][key] {
				if seen[j] {
					continue
				}
				seen[j] = true
				if s := similarity(&sig, &ix.sigs[j]); s >= ix.Threshold && (s > bestS || s == bestS && j < best) {
					best, bestS = j, s
				}
			}
			ix.buckets[b][key] = append(ix.buckets[b][key], n)
		}
	}
	if best < 0 {
		ix.root = append(ix.root, n)
		return "", false
	}
	ix.root = append(ix.root, ix.root[best])
	return ix.ids[ix.root[best]], true
}

// Words returns the lowercased words (letters and digits) of a text.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func hashWords(ws []string) uint64 {
	return xxh3.HashString(strings.Join(ws, " "))
}

// signature returns the MinHash signature of the word shingles: for each
// of sigSize hash functions (the shingle hash remixed with a per-function
// seed), the least value over all shingles.
func signature(ws []string) [sigSize]uint32 {
	var sig [sigSize]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	wh := make([]uint64, len(ws))
	for i, w := range ws {
		wh[i] = xxh3.HashString(w)
	}
	k := min(shingleK, len(ws))
	for i := 0; i+k <= len(ws); i++ {
		var s uint64 = 0x9e3779b97f4a7c15
		for _, x := range wh[i : i+k] {
			s = mix(s ^ x)
		}
		for f := range sig {
			if v := uint32(mix(s+seeds[f]) >> 32); v < sig[f] {
				sig[f] = v
			}
		}
	}
	return sig
}

// seeds are the per-function offsets, fixed so signatures are stable
// across runs and versions.
var seeds = func() [sigSize]uint64 {
	var s [sigSize]uint64
	x := uint64(0x2545f4914f6cdd1d)
	for i := range s {
		x = mix(x + 0x9e3779b97f4a7c15)
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func bandKey(rows []uint32) uint64 {
	var h uint64 = 0xcbf29ce484222325
	for _, r := range rows {
		h = mix(h ^ uint64(r))
	}
	return h
}

// similarity estimates the Jaccard similarity of two shingle sets as the
// share of equal signature values.
func similarity(a, b *[sigSize]uint32) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / sigSize
}
