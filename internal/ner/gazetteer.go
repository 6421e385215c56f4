package ner

import (
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

	"storyline/internal/text"
)

//go:embed lists/*.txt
var listFS embed.FS

// gazLists are the multi-word name lists matched against token runs, in
// bit order. Their sources and licences are in lists/README.md.
var gazLists = [...]string{"loc.country", "loc.region", "loc.city", "misc.demonym", "misc.language", "per.first", "per.name", "loc.city15k"}

// word flags from the single-word lists.
const (
	wCommon = 1 << iota // a lower-case dictionary word ("may", "bush")
	wProper             // a capitalised dictionary word ("May", "Bush")
)

// resources are the embedded lists, parsed once.
type resources struct {
	// gaz maps the hash of a lower-cased, space-joined token run to the
	// bit set of lists that hold it.
	gaz *gazTable
	// first maps a lower-cased first token to the longest entry (in
	// tokens) that starts with it.
	first map[string]uint8
	// words maps a lower-cased word to its wCommon/wProper flags; proper
	// maps it to the dictionary's capitalised spelling.
	words  map[string]uint8
	proper map[string]string
}

var (
	resOnce sync.Once
	res     *resources
)

func loadResources() *resources {
	resOnce.Do(func() { res = buildResources() })
	return res
}

// buildResources parses the embedded lists. It avoids allocating per
// entry where it can: entries are substrings of each list, and most are a
// single word that needs no tokenising.
func buildResources() *resources {
	r := &resources{
		gaz:    newGazTable(1 << 19),
		first:  make(map[string]uint8, 1<<18),
		words:  make(map[string]uint8, 80000),
		proper: make(map[string]string, 12000),
	}
	var buf []byte
	for bit, name := range gazLists {
		forEachLine(name, func(e string) {
			if isPlainWord(e) {
				buf = appendLower(buf[:0], e)
				r.gaz.or(xxh3.Hash(buf), 1<<bit)
				if r.first[string(buf)] < 1 {
					r.first[string(buf)] = 1
				}
				return
			}
			toks := text.Tokenize(e)
			if len(toks) == 0 || len(toks) > 8 {
				return
			}
			buf = buf[:0]
			for i, t := range toks {
				if i > 0 {
					buf = append(buf, ' ')
				}
				buf = appendLower(buf, t.Text)
			}
			r.gaz.or(xxh3.Hash(buf), 1<<bit)
			first := strings.ToLower(toks[0].Text)
			if n := uint8(len(toks)); n > r.first[first] {
				r.first[first] = n
			}
		})
	}
	forEachLine("common", func(w string) { r.words[w] |= wCommon })
	forEachLine("proper", func(w string) {
		lw := strings.ToLower(w)
		r.words[lw] |= wProper
		r.proper[lw] = w
	})
	return r
}

// forEachLine calls f with each non-empty line of an embedded list.
func forEachLine(name string, f func(string)) {
	b, err := listFS.ReadFile("lists/" + name + ".txt")
	if err != nil {
		panic("ner: embedded list missing: " + name)
	}
	rest := string(b)
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line = strings.TrimSpace(line); line != "" {
			f(line)
		}
	}
}

// isPlainWord reports whether e is letters and digits only, so that it
// is one token.
func isPlainWord(e string) bool {
	for _, r := range e {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return e != ""
}

// appendLower appends strings.ToLower(s) to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// matchGazetteers marks, for each token and list, the token's place in
// the longest match of that list starting leftmost (1+B, I, L, U as in
// BILOU; 0 = none). Matches must start and end on a capitalised token.
// lw are the lower-cased tokens, first their r.first, gaz1 the lists
// that hold them alone (where first > 0), capd whether each starts
// upper-case.
func (r *resources) matchGazetteers(lw []string, first, gaz1 []uint8, capd []bool, out [][len(gazLists)]uint8, buf []byte) []byte {
	n := len(lw)
	var next [len(gazLists)]int // the first token each list may match from
	for i := range n {
		if !capd[i] {
			continue
		}
		max := int(first[i])
		if max == 0 {
			continue
		}
		if i+max > n {
			max = n - i
		}
		var done uint8
		for k := max; k >= 1; k-- {
			if !capd[i+k-1] {
				continue
			}
			var m uint8
			if k == 1 {
				m = gaz1[i] &^ done
			} else {
				buf = buf[:0]
				for j := i; j < i+k; j++ {
					if j > i {
						buf = append(buf, ' ')
					}
					buf = append(buf, lw[j]...)
				}
				m = r.gaz.get(xxh3.Hash(buf)) &^ done
			}
			if m == 0 {
				continue
			}
			done |= m
			for b := range gazLists {
				if m&(1<<b) == 0 || i < next[b] {
					continue
				}
				next[b] = i + k
				if k == 1 {
					out[i][b] = 1 + pU
					continue
				}
				out[i][b] = 1 + pB
				for j := i + 1; j < i+k-1; j++ {
					out[j][b] = 1 + pI
				}
				out[i+k-1][b] = 1 + pL
			}
		}
	}
	return buf
}

// gazTable maps a feature-style 64-bit hash to a bit set of lists: an
// open-addressing table (linear probing, a zero value marks an empty
// slot), several times quicker to fill than a Go map, which matters
// because every process fills it once before it can tag.
type gazTable struct {
	keys []uint64
	vals []uint8
	mask uint64
	n    int
}

func newGazTable(size int) *gazTable {
	return &gazTable{keys: make([]uint64, size), vals: make([]uint8, size), mask: uint64(size - 1)}
}

// or sets bits b (not 0) for key k.
func (g *gazTable) or(k uint64, b uint8) {
	if (g.n+1)*2 > len(g.keys) {
		old := *g
		*g = *newGazTable(2 * len(g.keys))
		for i, v := range old.vals {
			if v != 0 {
				g.or(old.keys[i], v)
			}
		}
	}
	s := k & g.mask
	for g.vals[s] != 0 {
		if g.keys[s] == k {
			g.vals[s] |= b
			return
		}
		s = (s + 1) & g.mask
	}
	g.keys[s], g.vals[s] = k, b
	g.n++
}

// get returns the bits of key k (0 if absent).
func (g *gazTable) get(k uint64) uint8 {
	s := k & g.mask
	for g.vals[s] != 0 {
		if g.keys[s] == k {
			return g.vals[s]
		}
		s = (s + 1) & g.mask
	}
	return 0
}
