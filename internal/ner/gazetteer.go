package ner

import (
	"embed"
	"sort"
	"strings"
	"sync"

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
	gaz map[uint64]uint8
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
	resOnce.Do(func() {
		r := &resources{gaz: map[uint64]uint8{}, first: map[string]uint8{}, words: map[string]uint8{}, proper: map[string]string{}}
		for bit, name := range gazLists {
			for _, e := range readList(name) {
				toks := text.Tokenize(e)
				if len(toks) == 0 || len(toks) > 8 {
					continue
				}
				ws := make([]string, len(toks))
				for i, t := range toks {
					ws[i] = strings.ToLower(t.Text)
				}
				r.gaz[xxh3.HashString(strings.Join(ws, " "))] |= 1 << bit
				if n := uint8(len(ws)); n > r.first[ws[0]] {
					r.first[ws[0]] = n
				}
			}
		}
		for _, w := range readList("common") {
			r.words[w] |= wCommon
		}
		for _, w := range readList("proper") {
			lw := strings.ToLower(w)
			r.words[lw] |= wProper
			r.proper[lw] = w
		}
		res = r
	})
	return res
}

func readList(name string) []string {
	b, err := listFS.ReadFile("lists/" + name + ".txt")
	if err != nil {
		panic("ner: embedded list missing: " + name)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// matchGazetteers marks, for each token and list, the token's place in
// the longest match of that list starting leftmost (1+B, I, L, U as in
// BILOU; 0 = none). Matches must start and end on a capitalised token.
// lw are the lower-cased tokens, capd whether each starts upper-case.
func (r *resources) matchGazetteers(lw []string, capd []bool, out [][len(gazLists)]uint8, buf []byte) []byte {
	n := len(lw)
	var next [len(gazLists)]int // the first token each list may match from
	for i := range n {
		if !capd[i] {
			continue
		}
		max := int(r.first[lw[i]])
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
			buf = buf[:0]
			for j := i; j < i+k; j++ {
				if j > i {
					buf = append(buf, ' ')
				}
				buf = append(buf, lw[j]...)
			}
			m := r.gaz[xxh3.Hash(buf)] &^ done
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
